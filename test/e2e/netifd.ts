// Stand-in for OpenWrt 24.10's netifd, for the namespace test bed: it reads the router's
// /etc/config/network (the file splitwan wrote) and puts into the router namespace the
// addresses, routes and policy rules netifd would, following ../shared/docs/openwrt-notes.md:
//   - `ip4table T` (number, built-in name, or a name from /etc/iproute2/rt_tables — an
//     unknown name means main): every route of the interface goes to T, and per address
//     prio 10000 `from <addr>/32 lookup T`, prio 20000 `to <net>/<mask> lookup T`, and per
//     interface while up prio 90000+ifindex `iif lo lookup T` (no rule for the device itself);
//   - `config rule` with src, dest, in, out, mark, lookup, suppress_prefixlength, priority
//     (the options splitwan writes); a src without '/' installs "from all" (netifd before
//     25.12), `in` needs that interface up, an unresolvable lookup drops the rule;
//   - protos: static (ipaddr/netmask, ip6assign from the delegated prefix) on the config's
//     device; dynamic ones (pppoe, map, dslite, dhcpv6) get their addresses, routes and
//     interface data from the bed's ISP model (what pppd / map.sh / odhcp6c would report).
// It also answers `ubus call network.interface dump` (IfStatus[]) for the fw4 stand-in.
// Bridge and device creation are the bed's job (topology), not this file's.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { cidr, isV6, network } from "./addr";
import type { IfAddr, IfStatus } from "./fw4";
import { ipBatch, run } from "./sh";
import { list, opt, readUci, type UciSec } from "./uci";

export interface IfRoute { target: string; mask: number; nexthop: string; source?: string; metric?: number }

/** What a dynamic proto reports once connected (the ISP model provides it). */
export interface ProtoState {
  l3_device: string;
  ipv4?: IfAddr[];
  ipv6?: IfAddr[];
  routes?: IfRoute[];
  /** delegated prefixes (dhcpv6) */
  prefixes?: Array<{ address: string; mask: number }>;
  data?: IfStatus["data"];
}

export interface ProtoHandler {
  /** Bring the session up (may create the device); undefined = it does not come up. */
  connect(iface: string, sec: UciSec): ProtoState | undefined;
  disconnect(iface: string, sec: UciSec): void;
}

interface Live {
  sec: UciSec;
  key: string;
  state: ProtoState;
  /** rule lines (for `ip rule del`) added for this interface */
  rules: string[];
  /** route lines added (for `ip route del`) */
  routes: string[];
  addrs: string[];
}

const BUILTIN_TABLES: Record<string, number> = { main: 254, local: 255, default: 253, unspec: 0 };

export class Netifd {
  private live = new Map<string, Live>();
  private configRules: string[] = [];
  private sections: UciSec[] = [];
  /** hotplug-call: netifd's iface events (ACTION, INTERFACE, DEVICE) */
  onEvent?: (action: "ifup" | "ifdown", iface: string, device: string) => void;

  constructor(private ns: string, private root: string, private protos: Record<string, ProtoHandler>) {}

  private readConfig(): void {
    this.sections = readUci(join(this.root, "etc/config/network"));
  }

  private ifaces(): UciSec[] {
    return this.sections.filter((s) => s.type === "interface" && s.name !== undefined);
  }

  /** A table option as netifd resolves it; undefined = not resolvable. */
  resolveTable(v: string): number | undefined {
    if (/^\d+$/.test(v)) return Number(v);
    if (v in BUILTIN_TABLES) return BUILTIN_TABLES[v];
    const f = join(this.root, "etc/iproute2/rt_tables");
    if (!existsSync(f)) return undefined;
    for (const line of readFileSync(f, "utf8").split("\n")) {
      const t = line.replace(/#.*/, "").trim().split(/\s+/);
      if (t.length >= 2 && t[1] === v && /^\d+$/.test(t[0])) return Number(t[0]);
    }
    return undefined;
  }

  private ifindex(dev: string): number {
    const out = run(["ip", "-n", this.ns, "-j", "link", "show", "dev", dev]).stdout;
    return (JSON.parse(out) as Array<{ ifindex: number }>)[0].ifindex;
  }

  private delegated(): Array<{ address: string; mask: number }> {
    return [...this.live.values()].flatMap((l) => l.state.prefixes ?? []);
  }

  private staticState(sec: UciSec): ProtoState {
    const dev = opt(sec, "device")!;
    const ipv4: IfAddr[] = [];
    for (const a of list(sec, "ipaddr")) {
      const [addr, m] = a.split("/");
      const nm = opt(sec, "netmask");
      const mask = m !== undefined ? Number(m) : nm ? nm.split(".").reduce((n, o) => n + [...Number(o).toString(2)].filter((b) => b === "1").length, 0) : 32;
      ipv4.push({ address: addr, mask });
    }
    const ipv6: IfAddr[] = [];
    const assign = opt(sec, "ip6assign");
    if (assign) {
      for (const p of this.delegated()) ipv6.push({ address: network(p.address, 64).replace(/::$/, "::1"), mask: Number(assign) });
    }
    return { l3_device: dev, ipv4, ipv6 };
  }

  private key(sec: UciSec): string {
    return JSON.stringify([...sec.opts].sort());
  }

  /** netifd start: every interface up (static, and dynamic as far as its ISP answers), then rules. */
  start(): void {
    this.readConfig();
    // dynamic first: static interfaces take their IPv6 prefix from the delegation
    const order = [...this.ifaces()].sort((a, b) => Number(opt(a, "proto") === "static") - Number(opt(b, "proto") === "static"));
    for (const s of order) if (opt(s, "auto") !== "0" && opt(s, "disabled") !== "1") this.up(s.name!);
    this.syncRules();
  }

  /** `ubus call network reload`: changed interfaces restart, new ones come up, gone ones go down. */
  reload(): void {
    this.readConfig();
    const want = new Map(this.ifaces().map((s) => [s.name!, s]));
    for (const [name, l] of [...this.live]) {
      const s = want.get(name);
      if (!s || this.key(s) !== l.key) this.down(name);
    }
    for (const [name] of want) if (!this.live.has(name)) this.up(name);
    this.syncRules();
  }

  isUp(iface: string): boolean {
    return this.live.has(iface);
  }

  up(iface: string): boolean {
    if (this.live.has(iface)) return true;
    const sec = this.ifaces().find((s) => s.name === iface);
    if (!sec) throw new Error(`netifd stand-in: no interface ${iface}`);
    const proto = opt(sec, "proto") ?? "none";
    let state: ProtoState | undefined;
    if (proto === "static") state = this.staticState(sec);
    else if (this.protos[proto]) state = this.protos[proto].connect(iface, sec);
    else throw new Error(`netifd stand-in: proto ${proto} not covered`);
    if (!state) return false;
    const l: Live = { sec, key: this.key(sec), state, rules: [], routes: [], addrs: [] };
    const dev = state.l3_device;
    const t4 = opt(sec, "ip4table") !== undefined ? this.resolveTable(opt(sec, "ip4table")!) ?? 254 : 254;
    const t6 = opt(sec, "ip6table") !== undefined ? this.resolveTable(opt(sec, "ip6table")!) ?? 254 : 254;
    const cmds: string[] = [];
    const mtu = opt(sec, "mtu");
    cmds.push(`link set dev ${dev} ${mtu ? `mtu ${mtu} ` : ""}up`);
    for (const a of state.ipv4 ?? []) {
      const peer = a.ptpaddress ? ` peer ${a.ptpaddress}` : "";
      // with ip4table netifd moves the subnet route into that table
      const moved = t4 !== 254 && a.mask < 32;
      const line = `${a.address}${a.ptpaddress ? "" : "/" + a.mask}${peer} dev ${dev}`;
      cmds.push(`-4 addr replace ${line}${moved ? " noprefixroute" : ""}`);
      l.addrs.push(`-4 addr del ${line}`);
      if (moved) l.routes.push(`-4 route add ${cidr(a.address, a.mask)} dev ${dev} table ${t4} scope link src ${a.address}`);
    }
    for (const a of state.ipv6 ?? []) {
      cmds.push(`-6 addr replace ${a.address}/${a.mask} dev ${dev} nodad`);
      l.addrs.push(`-6 addr del ${a.address}/${a.mask} dev ${dev}`);
    }
    for (const r of state.routes ?? []) {
      const v6 = isV6(r.target);
      const table = v6 ? t6 : t4;
      const dst = r.mask === 0 ? "default" : `${r.target}/${r.mask}`;
      const from = v6 && r.source && !r.source.endsWith("/0") ? ` from ${r.source}` : "";
      const via = r.nexthop && r.nexthop !== "0.0.0.0" && r.nexthop !== "::" ? ` via ${r.nexthop}` : "";
      l.routes.push(`${v6 ? "-6" : "-4"} route add ${dst}${from}${via} dev ${dev} table ${table}${r.metric ? ` metric ${r.metric}` : ""}`);
    }
    ipBatch(this.ns, cmds);
    ipBatch(this.ns, l.routes);
    if (t4 !== 254) {
      for (const a of state.ipv4 ?? []) {
        l.rules.push(`-4 rule add pref 10000 from ${a.address}/32 lookup ${t4}`);
        l.rules.push(`-4 rule add pref 20000 to ${network(a.address, a.mask)}/${a.mask} lookup ${t4}`);
      }
      l.rules.push(`-4 rule add pref ${90000 + this.ifindex(dev)} iif lo lookup ${t4}`);
    }
    ipBatch(this.ns, l.rules);
    this.live.set(iface, l);
    // IPv6 prefix delegation reaches the static interfaces with ip6assign
    if (state.prefixes?.length) {
      for (const s of this.ifaces()) if (opt(s, "ip6assign") && this.live.has(s.name!)) { this.down(s.name!); this.up(s.name!); }
    }
    this.syncRules();
    this.onEvent?.("ifup", iface, dev);
    return true;
  }

  down(iface: string): void {
    const l = this.live.get(iface);
    if (!l) return;
    this.live.delete(iface);
    const del = (lines: string[], from: string, to: string) => lines.map((x) => x.replace(from, to));
    // routes and rules go with the interface; -force: some vanish with their address
    ipBatch(this.ns, [...del(l.rules, " rule add ", " rule del "), ...del(l.routes, " route add ", " route del "), ...l.addrs], { force: true });
    const proto = opt(l.sec, "proto") ?? "";
    if (this.protos[proto]) this.protos[proto].disconnect(iface, l.sec);
    this.syncRules();
    this.onEvent?.("ifdown", iface, l.state.l3_device);
  }

  /** The `config rule` sections as netifd installs them now (re-added when they change). */
  private syncRules(): void {
    const want: string[] = [];
    for (const s of this.sections.filter((x) => x.type === "rule")) {
      if (opt(s, "disabled") === "1") continue;
      const covered = new Set(["src", "dest", "in", "out", "mark", "lookup", "suppress_prefixlength", "priority", "disabled"]);
      for (const k of s.opts.keys()) if (!covered.has(k)) throw new Error(`netifd stand-in: rule option ${k} not covered`);
      const parts: string[] = ["-4 rule add"];
      const prio = opt(s, "priority");
      if (prio) parts.push(`pref ${prio}`);
      const src = opt(s, "src");
      // netifd 24.10 reads an address without a prefix length as "from all"
      parts.push(`from ${src && src.includes("/") ? src : "all"}`);
      const dest = opt(s, "dest");
      if (dest) parts.push(`to ${dest.includes("/") ? dest : "all"}`);
      const inIf = opt(s, "in");
      if (inIf) {
        const l = this.live.get(inIf);
        if (!l) continue;
        parts.push(`iif ${l.state.l3_device}`);
      }
      const outIf = opt(s, "out");
      if (outIf) {
        const l = this.live.get(outIf);
        if (!l) continue;
        parts.push(`oif ${l.state.l3_device}`);
      }
      const mark = opt(s, "mark");
      if (mark) parts.push(`fwmark ${mark}`);
      const lookup = opt(s, "lookup");
      if (lookup) {
        const t = this.resolveTable(lookup);
        if (t === undefined) continue; // netifd drops it silently
        parts.push(`lookup ${t}`);
      }
      const sp = opt(s, "suppress_prefixlength");
      if (sp) parts.push(`suppress_prefixlength ${sp}`);
      want.push(parts.join(" "));
    }
    const gone = this.configRules.filter((r) => !want.includes(r));
    const added = want.filter((r) => !this.configRules.includes(r));
    ipBatch(this.ns, gone.map((r) => r.replace(" rule add ", " rule del ")), { force: true });
    ipBatch(this.ns, added);
    this.configRules = want;
  }

  /** `ubus call network.interface dump` */
  dump(): IfStatus[] {
    return this.ifaces().map((s) => {
      const l = this.live.get(s.name!);
      const dev = opt(s, "device");
      const st = l?.state;
      return {
        interface: s.name!,
        up: l !== undefined,
        proto: opt(s, "proto") ?? "none",
        ...(st ? { l3_device: st.l3_device } : {}),
        ...(dev ? { device: dev } : {}),
        "ipv4-address": st?.ipv4 ?? [],
        "ipv6-address": opt(s, "ip6assign") ? [] : st?.ipv6 ?? [],
        "ipv6-prefix": st?.prefixes ?? [],
        "ipv6-prefix-assignment": opt(s, "ip6assign") ? (st?.ipv6 ?? []).map((a) => ({ address: network(a.address, a.mask), mask: a.mask, "local-address": a })) : [],
        route: st?.routes ?? [],
        data: st?.data ?? {},
      };
    });
  }
}
