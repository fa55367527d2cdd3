// The namespace test bed: an internet, an IPoE ISP (MAP-E or DS-Lite), a PPPoE ISP, the
// router, a server, a LAN client and a guest host, each a network namespace named
// `sw<pid>-<kind>-<role>` (always deleted: destroy(), and on exit/SIGINT/SIGTERM).
//
//   internet (inet)  198.51.100.10 client, 198.51.100.20 remote (records sources),
//                    2001:db8:ffff::10 IPv6 client; routes 192.0.2.0/24 and 2001:db8::/32
//                    to the IPoE ISP, 203.0.113.0/24 to the PPPoE ISP
//   IPoE ISP (ipoe)  r-wan ↔ router eth1: native IPv6 (2001:db8:0:1::/64, delegates a /56);
//                    r-tun ↔ router map-wan / ds-wan (a veth standing in for the tunnel:
//                    same MAC on both ends, no ARP, so it behaves point-to-point); CGN:
//                    source NAT to the shared 192.0.2.77, unsolicited inbound IPv4 dropped
//   PPPoE ISP (ppp)  r-ppp ↔ router pppoe-wanppp (a veth; the kernel here has no PPP),
//                    created when the session comes up and deleted when it goes down,
//                    like pppd's device; routes the subscriber's public /32 to it
//   router (rt)      br-lan (lan1 → server, lan2 → LAN client), br-guest (guest1 → guest);
//                    its own services listen on 22, 53, 80, 443 and 2222 (opened on PPPoE
//                    by a user rule in the base firewall config)
//   server (srv)     192.168.1.5, <prefix>::5    LAN client (cli) 192.168.1.100, <prefix>::100
//   guest (gst)      192.168.2.10
//
// The router's L3 state comes only from files: the base config (router-config.ts) plus
// what `splitwan apply` writes under SPLITWAN_ROOT, put in place by the netifd and fw4
// stand-ins (netifd.ts, fw4.ts). splitwan's nft drop-ins are loaded as written.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { luaPath } from "../helpers/lua";
import { treeSocket, writeUbusAnswers } from "../helpers/ubus-answers";
import { withSuffix } from "./addr";
import { Agent } from "./agent-client";
import { renderFw4 } from "./fw4";
import { Netifd, type ProtoHandler, type ProtoState } from "./netifd";
import { AFTR, BASE_FIREWALL, baseNetwork, type IpoeKind } from "./router-config";
import { inNs, ipBatch, nft, run, sysctl } from "./sh";
import { list, opt, parseUci, type UciSec } from "./uci";

export const ADDR = {
  client: "198.51.100.10",
  remote: "198.51.100.20",
  client6: "2001:db8:ffff::10",
  cgn: "192.0.2.77",
  wanHost: "192.0.2.200",
  bras: "203.0.113.1",
  server: "192.168.1.5",
  lanClient: "192.168.1.100",
  routerLan: "192.168.1.1",
  guest: "192.168.2.10",
  routerGuest: "192.168.2.1",
  serverSuffix: "::5",
  clientSuffix: "::100",
};
export const PPPOE_USER = "user@example.jp";

const live = new Set<string>();
const roots = new Set<string>();
function cleanupAll(): void {
  for (const ns of live) run(["ip", "netns", "del", ns], { check: false });
  live.clear();
  for (const r of roots) rmSync(r, { recursive: true, force: true });
  roots.clear();
}
process.once("exit", cleanupAll);
for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.once(sig, () => {
    cleanupAll();
    process.exit(130);
  });
}

/** Can this machine run the bed (root, namespaces, veth, nftables, writable net sysctls)?
 * Returns the reason when not. */
export function bedUnavailable(): string | undefined {
  if (process.getuid?.() !== 0) return "not root";
  for (const tool of ["nft", "lua5.1"]) {
    if (run(["sh", "-c", `command -v ${tool}`], { check: false }).code !== 0) return `${tool} missing`;
  }
  const probe = `sw${process.pid}-probe`;
  const r = run(["ip", "netns", "add", probe], { check: false });
  if (r.code !== 0) return `ip netns add failed: ${r.stderr.trim()}`;
  try {
    const steps: Array<[string, string[]]> = [
      ["veth in a namespace", ["ip", "-n", probe, "link", "add", "p0", "type", "veth", "peer", "name", "p1"]],
      ["writing /proc/sys/net in a namespace", ["ip", "netns", "exec", probe, "sh", "-c", "echo 1 > /proc/sys/net/ipv4/ip_forward"]],
      ["nftables in a namespace", ["ip", "netns", "exec", probe, "nft", "add", "table", "inet", "probe"]],
    ];
    for (const [what, argv] of steps) {
      const x = run(argv, { check: false });
      if (x.code !== 0) return `${what} failed: ${x.stderr.trim()}`;
    }
  } finally {
    run(["ip", "netns", "del", probe], { check: false });
  }
  return undefined;
}

// MAP-E port sets as map.sh reports them: PSID 0x30, offset 4, 8 PSID bits → 15 ranges of 16
export function mapPortSets(): string[] {
  const out: string[] = [];
  for (let a = 1; a < 16; a++) {
    const from = a * 4096 + 0x30 * 16;
    out.push(`${from}-${from + 15}`);
  }
  return out;
}

export class Bed {
  readonly ns: Record<"inet" | "ipoe" | "ppp" | "rt" | "srv" | "cli" | "gst", string>;
  readonly root: string;
  readonly tunDev: string;
  netifd!: Netifd;
  agents!: Record<"inet" | "ipoe" | "rt" | "srv" | "cli" | "gst", Agent>;
  /** BRAS side: does it accept a session, and which public address it hands out */
  bras = { up: true, addr: "203.0.113.45" };
  prefix = "2001:db8:100::";
  /** What the last `splitwan` run printed. */
  lastOutput = "";
  fw4Ruleset = "";

  /** `tag` tells apart several beds of one kind in one process (the data-plane benchmark). */
  constructor(readonly kind: IpoeKind, readonly cli: string, tag = "") {
    const p = `sw${process.pid}${tag}-${kind === "map-e" ? "mape" : "dslite"}`;
    this.ns = { inet: `${p}-inet`, ipoe: `${p}-ipoe`, ppp: `${p}-ppp`, rt: `${p}-rt`, srv: `${p}-srv`, cli: `${p}-cli`, gst: `${p}-gst` };
    this.root = mkdtempSync(join(tmpdir(), `${p}-root-`));
    roots.add(this.root);
    this.tunDev = kind === "map-e" ? "map-wan" : "ds-wan";
  }

  private veth(a: string, aDev: string, b: string, bDev: string, sameMac?: string): void {
    run(["ip", "-n", a, "link", "add", aDev, "type", "veth", "peer", "name", bDev, "netns", b]);
    if (sameMac) {
      // point-to-point like a tunnel or PPP: both ends share a MAC and never ARP
      ipBatch(a, [`link set ${aDev} address ${sameMac} arp off`]);
      ipBatch(b, [`link set ${bDev} address ${sameMac} arp off`]);
    }
  }

  async build(): Promise<void> {
    for (const ns of Object.values(this.ns)) {
      run(["ip", "netns", "add", ns]);
      live.add(ns);
      ipBatch(ns, ["link set lo up"]);
      sysctl(ns, "net.ipv6.conf.all.accept_dad", "0");
      sysctl(ns, "net.ipv6.conf.default.accept_dad", "0");
    }
    const { inet, ipoe, ppp, rt, srv, cli, gst } = this.ns;
    for (const ns of [inet, ipoe, ppp, rt]) {
      sysctl(ns, "net.ipv4.ip_forward", "1");
      sysctl(ns, "net.ipv6.conf.all.forwarding", "1");
    }
    // links
    this.veth(inet, "to-ipoe", ipoe, "to-inet");
    this.veth(inet, "to-ppp", ppp, "to-inet");
    this.veth(rt, "eth1", ipoe, "r-wan");
    this.veth(rt, this.tunDev, ipoe, "r-tun", "02:00:00:00:7e:01");
    this.veth(rt, "lan1", srv, "eth0");
    this.veth(rt, "lan2", cli, "eth0");
    this.veth(rt, "guest1", gst, "eth0");

    ipBatch(inet, [
      `addr add ${ADDR.client}/32 dev lo`, `addr add ${ADDR.remote}/32 dev lo`, `addr add ${ADDR.client6}/128 dev lo nodad`,
      "addr add 198.51.100.249/30 dev to-ipoe", "addr add 2001:db8:0:ff::1/64 dev to-ipoe nodad", "link set to-ipoe up",
      "addr add 198.51.100.253/30 dev to-ppp", "link set to-ppp up",
      // the internet's hosts: connections start from the client's address unless bound otherwise
      `route add 192.0.2.0/24 via 198.51.100.250 src ${ADDR.client}`, `route add 2001:db8::/32 via 2001:db8:0:ff::2 src ${ADDR.client6}`,
      `route add 203.0.113.0/24 via 198.51.100.254 src ${ADDR.client}`,
    ]);
    ipBatch(ipoe, [
      "addr add 198.51.100.250/30 dev to-inet", "addr add 2001:db8:0:ff::2/64 dev to-inet nodad", "link set to-inet up",
      "route add default via 198.51.100.249", "route add default via 2001:db8:0:ff::1",
      "addr add 2001:db8:0:1::1/64 dev r-wan nodad", "addr add fe80::1/64 dev r-wan nodad", `addr add ${AFTR}/128 dev lo nodad`,
      `addr add ${ADDR.wanHost}/32 dev r-wan`, "link set r-wan up", "link set r-tun up",
      // everything from the internet that conntrack did not stop goes to the subscriber
      "route add default dev r-tun table 100", "rule add iif to-inet lookup 100 pref 100",
    ]);
    nft(ipoe, `table inet cgn {
	chain forward {
		type filter hook forward priority filter; policy accept;
		iifname "to-inet" oifname "r-tun" ct state established,related accept
		iifname "to-inet" oifname "r-tun" counter drop comment "CGN: no unsolicited inbound IPv4"
	}
	chain postrouting {
		type nat hook postrouting priority srcnat; policy accept;
		iifname "r-tun" oifname "to-inet" ip saddr != ${ADDR.cgn} snat ip to ${ADDR.cgn}
	}
}
`);
    ipBatch(ppp, [
      "addr add 198.51.100.254/30 dev to-inet", "link set to-inet up", "route add default via 198.51.100.253",
    ]);
    // what crosses the PPPoE link from the router: SYN and SYN/ACK MSS values
    nft(ppp, `table inet obs {
	set mss { typeof tcp option maxseg size; flags dynamic; }
	chain prerouting {
		type filter hook prerouting priority raw; policy accept;
		iifname "r-ppp" tcp flags syn / syn,fin,rst add @mss { tcp option maxseg size }
	}
}
`);
    this.hosts();
    nft(srv, `table inet obs {
	set mss { typeof tcp option maxseg size; flags dynamic; }
	counter fragneeded { }
	chain prerouting {
		type filter hook prerouting priority raw; policy accept;
		iifname "eth0" tcp flags syn / syn,fin,rst add @mss { tcp option maxseg size }
		iifname "eth0" icmp type destination-unreachable icmp code frag-needed counter name "fragneeded"
	}
}
`);
    ipBatch(rt, ["link add br-lan type bridge", "link set lan1 master br-lan", "link set lan2 master br-lan",
      "link add br-guest type bridge", "link set guest1 master br-guest",
      "link set lan1 up", "link set lan2 up", "link set guest1 up", "link set eth1 up", `link set ${this.tunDev} up`]);

    // the router's files
    for (const d of ["etc/config", "etc/iproute2", "etc/nftables.d", "usr/share/nftables.d"]) mkdirSync(join(this.root, d), { recursive: true });
    writeFileSync(join(this.root, "etc/config/network"), baseNetwork(this.kind));
    writeFileSync(join(this.root, "etc/config/firewall"), BASE_FIREWALL);
    writeFileSync(join(this.root, "etc/iproute2/rt_tables"), "#\n# reserved values\n#\n128\tprelocal\n255\tlocal\n254\tmain\n253\tdefault\n0\tunspec\n#\n# local\n#\n#1\tinr.ruhep\n");
    writeFileSync(join(this.root, "etc/config/splitwan"), "config splitwan 'main'\n\toption enabled '0'\n");
    // `splitwan status` reads /proc through SPLITWAN_ROOT: the router namespace's own
    symlinkSync("/proc", join(this.root, "proc"));

    this.netifd = new Netifd(rt, this.root, this.protos());
    this.netifd.start();
    this.fw4Reload();
    this.netifd.onEvent = (action, iface, dev) => this.hotplug(action, iface, dev);
    // `splitwan` on the PATH of hotplug scripts: the built CLI on the bed's files
    mkdirSync(join(this.root, ".bed/bin"), { recursive: true });
    writeFileSync(join(this.root, ".bed/bin/splitwan"), `#!/bin/sh\nLUA_PATH='${luaPath()}' exec lua5.1 ${this.cli} "$@"\n`, { mode: 0o755 });

    this.agents = {
      inet: new Agent(inet), ipoe: new Agent(ipoe), rt: new Agent(rt), srv: new Agent(srv), cli: new Agent(cli), gst: new Agent(gst),
    };
    await Promise.all(Object.values(this.agents).map((a) => a.ready));
    const s = this.agents.srv;
    for (const host of ["0.0.0.0", "::"]) {
      await s.listen("tcp", host, 80, "server");
      await s.listen("tcp", host, 443, "server");
      await s.listen("tcp", host, 8080, "server"); // not published
      await s.listen("udp", host, 19132, "server");
    }
    await this.agents.inet.listen("tcp", ADDR.remote, 80, "remote");
    await this.agents.inet.listen("udp", ADDR.remote, 53, "remote");
    await this.agents.cli.listen("tcp", "::", 443, "lanclient");
    await this.agents.gst.listen("tcp", "0.0.0.0", 80, "guest");
    // the router's own services: SSH, DNS, LuCI (uhttpd listens on every address)
    for (const port of [22, 53, 80, 443, 2222]) await this.agents.rt.listen("tcp", "0.0.0.0", port, "router");
    await this.agents.rt.listen("udp", "0.0.0.0", 53, "router");
  }

  /** LAN and guest hosts: addresses and default routes (IPv6 as SLAAC would give them). */
  private hosts(old?: string): void {
    const { srv, cli, gst } = this.ns;
    const v6 = (host: string, suffix: string) => {
      const lines = [];
      if (old) lines.push(`-6 addr del ${withSuffix(old, suffix)}/64 dev eth0`, "-6 route del default");
      lines.push(`-6 addr add ${withSuffix(this.prefix, suffix)}/64 dev eth0 nodad`, `-6 route add default via ${withSuffix(this.prefix, "::1")}`);
      ipBatch(host, lines);
    };
    if (!old) {
      ipBatch(srv, [`addr add ${ADDR.server}/24 dev eth0`, "link set eth0 up", `route add default via ${ADDR.routerLan}`]);
      ipBatch(cli, [`addr add ${ADDR.lanClient}/24 dev eth0`, "link set eth0 up", `route add default via ${ADDR.routerLan}`]);
      ipBatch(gst, [`addr add ${ADDR.guest}/24 dev eth0`, "link set eth0 up", `route add default via ${ADDR.routerGuest}`]);
    }
    v6(srv, ADDR.serverSuffix);
    v6(cli, ADDR.clientSuffix);
  }

  /** What the ISPs hand the router's dynamic interfaces (pppd, map.sh, dslite.sh, odhcp6c). */
  private protos(): Record<string, ProtoHandler> {
    const bed = this;
    const pppoe: ProtoHandler = {
      connect(iface: string, sec: UciSec): ProtoState | undefined {
        if (!bed.bras.up || opt(sec, "username") !== PPPOE_USER || !opt(sec, "password")) return undefined;
        const dev = `pppoe-${iface}`;
        bed.veth(bed.ns.rt, dev, bed.ns.ppp, "r-ppp", "02:00:00:00:99:01");
        const mtu = opt(sec, "mtu") ?? "1492";
        ipBatch(bed.ns.ppp, [`link set r-ppp mtu ${mtu} up`, `addr add ${ADDR.bras} peer ${bed.bras.addr} dev r-ppp`]);
        return {
          l3_device: dev,
          ipv4: [{ address: bed.bras.addr, mask: 32, ptpaddress: ADDR.bras }],
          routes: [{ target: "0.0.0.0", mask: 0, nexthop: ADDR.bras, source: "0.0.0.0/0" }],
        };
      },
      disconnect(iface: string): void {
        run(["ip", "-n", bed.ns.rt, "link", "del", `pppoe-${iface}`], { check: false });
      },
    };
    const map: ProtoHandler = {
      connect: () => ({
        l3_device: "map-wan",
        ipv4: [{ address: ADDR.cgn, mask: 32 }],
        routes: [{ target: "0.0.0.0", mask: 0, nexthop: "0.0.0.0", source: "0.0.0.0/0" }],
        data: {
          firewall: mapPortSets().flatMap((ports) => ["icmp", "tcp", "udp"].map((proto) => ({
            type: "nat", target: "SNAT", family: "inet", proto, connlimit_ports: true, snat_ip: ADDR.cgn, snat_port: ports,
          }))),
        },
      }),
      disconnect: () => {},
    };
    const dslite: ProtoHandler = {
      connect: () => ({ l3_device: "ds-wan", routes: [{ target: "0.0.0.0", mask: 0, nexthop: "0.0.0.0", source: "0.0.0.0/0" }] }),
      disconnect: () => {},
    };
    const dhcpv6: ProtoHandler = {
      connect: (_iface, sec) => {
        ipBatch(bed.ns.ipoe, [`-6 route replace ${bed.prefix}/56 via 2001:db8:0:1::2 dev r-wan`]);
        return {
          l3_device: opt(sec, "device")!,
          ipv6: [{ address: "2001:db8:0:1::2", mask: 64 }],
          routes: [{ target: "::", mask: 0, nexthop: "fe80::1", source: `${bed.prefix}/56` }],
          prefixes: [{ address: bed.prefix, mask: 56 }],
        };
      },
      disconnect: () => {},
    };
    return { pppoe, map, dslite, dhcpv6 };
  }

  /** hotplug-call for an iface event: the package's own /etc/hotplug.d/iface scripts run as
   * shipped (sourced, as hotplug-call does), then the stock 20-firewall, which reloads fw4
   * on ifup of an interface that belongs to a zone — and not on ifdown. */
  hotplugLog: string[] = [];
  /** The package's iface hotplug scripts (next to the CLI in luci-app-splitwan/root). */
  hotplugScripts(): string[] {
    const dir = join(dirname(dirname(dirname(this.cli))), "etc/hotplug.d/iface");
    return existsSync(dir) ? readdirSync(dir).sort().map((f) => join(dir, f)) : [];
  }

  private hotplug(action: "ifup" | "ifdown", iface: string, device: string): void {
    this.publishUbus();
    for (const script of this.hotplugScripts()) {
      const f = basename(script);
      const r = inNs(this.ns.rt, ["sh", "-c", '. "$1"', "sh", script], {
        env: { PATH: `${join(this.root, ".bed/bin")}:${process.env.PATH}`, SPLITWAN_ROOT: this.root, ACTION: action, INTERFACE: iface, DEVICE: device },
        check: false,
      });
      this.hotplugLog.push(`${f} ${action} ${iface}: exit ${r.code}`);
      if (r.code !== 0) throw new Error(`hotplug ${f} (${action} ${iface}) exit ${r.code}: ${r.stderr}`);
    }
    const inZone = readFirewall(this.root).some((s) => s.type === "zone" && list(s, "network").includes(iface));
    if (action === "ifup" && inZone) this.fw4Reload();
  }

  /** `/etc/init.d/firewall reload`: fw4 renders from the live interface state. */
  fw4Reload(): void {
    const root = this.root;
    const sections = readFirewall(root);
    this.fw4Ruleset = renderFw4({
      firewall: sections,
      interfaces: this.netifd.dump(),
      root,
      includePath: (p) => join(root, p),
    });
    nft(this.ns.rt, this.fw4Ruleset);
  }

  /** netifd's objects as the stand-in ubus binding reads them (the tree's socket): the
   * dump and one network.interface.<name> per configured interface, as they are now. */
  publishUbus(): void {
    const sock = treeSocket(this.root);
    rmSync(sock, { recursive: true, force: true });
    const dump = this.netifd.dump();
    const answers: Record<string, Record<string, unknown> | null> = { "network.interface.dump": { interface: dump } };
    for (const i of dump) answers[`network.interface.${i.interface}.status`] = i as unknown as Record<string, unknown>;
    for (const i of dump) for (const m of ["up", "down"]) answers[`network.interface.${i.interface}.${m}`] = null;
    writeUbusAnswers(sock, answers);
  }

  /** Runs the real splitwan CLI inside the router namespace on the bed's files. */
  splitwan(args: string[], check = true): { code: number; out: string } {
    this.publishUbus();
    const r = inNs(this.ns.rt, ["lua5.1", this.cli, ...args], {
      env: { PATH: process.env.PATH, SPLITWAN_ROOT: this.root, LUA_PATH: luaPath() },
      check: false,
    });
    this.lastOutput = r.stdout + r.stderr;
    if (check && r.code !== 0) throw new Error(`splitwan ${args.join(" ")} exit ${r.code}:\n${this.lastOutput}`);
    return { code: r.code, out: this.lastOutput };
  }

  /** Writes /etc/config/splitwan, runs `splitwan apply`, then does the reloads it asks for. */
  applySplitwan(config: string): string {
    writeFileSync(join(this.root, "etc/config/splitwan"), config);
    return this.splitwanAndReload(["apply"]);
  }

  /** Runs `splitwan apply|remove` and performs the reloads it says it would run. */
  splitwanAndReload(args: string[]): string {
    const { out } = this.splitwan(args);
    const asked = out.split("\n").filter((l) => l.startsWith("would run: ")).map((l) => l.slice("would run: ".length).trim());
    for (const cmd of asked) {
      if (cmd === "ubus call network reload") this.netifd.reload();
      else if (cmd === "/etc/init.d/firewall reload" || cmd === "fw4 reload") this.fw4Reload();
      else throw new Error(`splitwan asked for "${cmd}": the bed does not know it`);
    }
    return out;
  }

  /** The PPPoE session ends: netifd ifdown (fw4 is not reloaded for an ifdown). */
  pppoeDown(iface = "wanppp"): void {
    this.bras.up = false;
    this.netifd.down(iface);
  }

  /** A new session, possibly with a new address: netifd ifup, hotplug reloads fw4. */
  pppoeUp(addr: string, iface = "wanppp"): void {
    this.bras = { up: true, addr };
    if (!this.netifd.up(iface)) throw new Error("PPPoE did not come up");
  }

  /** The ISP delegates another /56: wan6 ifupdate, lan renumbers, hosts follow (SLAAC). */
  changePrefix(prefix: string): void {
    const old = this.prefix;
    run(["ip", "-n", this.ns.ipoe, "-6", "route", "del", `${old}/56`], { check: false });
    this.prefix = prefix;
    this.netifd.down("wan6");
    this.netifd.up("wan6");
    this.hosts(old);
  }

  /** MSS values of SYN and SYN/ACK packets the router sent over PPPoE. */
  pppoeMss(): number[] {
    return this.mssSet(this.ns.ppp);
  }

  /** MSS values of SYN and SYN/ACK packets the server received. */
  serverMss(): number[] {
    return this.mssSet(this.ns.srv);
  }

  /** ICMP "fragmentation needed" messages the server received (path MTU discovery). */
  serverFragNeeded(): number {
    const out = inNs(this.ns.srv, ["nft", "-j", "list", "counter", "inet", "obs", "fragneeded"]).stdout;
    const j = JSON.parse(out) as { nftables: Array<{ counter?: { packets: number } }> };
    return j.nftables.find((x) => x.counter)?.counter?.packets ?? 0;
  }

  private mssSet(ns: string): number[] {
    const out = inNs(ns, ["nft", "-j", "list", "set", "inet", "obs", "mss"]).stdout;
    const j = JSON.parse(out) as { nftables: Array<{ set?: { elem?: unknown[] } }> };
    const elems = j.nftables.find((x) => x.set)?.set?.elem ?? [];
    return elems.map((e) => (typeof e === "number" ? e : Number((e as { elem: { val: number } }).elem?.val ?? e))).sort((a, b) => a - b);
  }

  resetMss(): void {
    for (const ns of [this.ns.ppp, this.ns.srv]) inNs(ns, ["nft", "flush", "set", "inet", "obs", "mss"]);
  }

  /** The source address the router's NAT gave a flow to dst:dport (conntrack's reply tuple). */
  natSource(dst: string, dport: number): string | undefined {
    const r = inNs(this.ns.rt, ["conntrack", "-L", "-p", "tcp", "-d", dst, "--dport", `${dport}`], { check: false });
    const line = r.stdout.split("\n").find((l) => l.includes(`dst=${dst}`));
    return line ? /src=\S+ dst=(\S+) sport=\d+ dport=\d+ (?:\[\w+\] )?mark/.exec(line)?.[1] ?? line.split(" dst=")[2]?.split(" ")[0] : undefined;
  }

  ip(args: string[]): string {
    return run(["ip", "-n", this.ns.rt, ...args]).stdout;
  }

  destroy(): void {
    if (this.agents) for (const a of Object.values(this.agents)) a.stop();
    for (const ns of Object.values(this.ns)) {
      run(["ip", "netns", "del", ns], { check: false });
      live.delete(ns);
    }
    rmSync(this.root, { recursive: true, force: true });
    roots.delete(this.root);
  }
}

function readFirewall(root: string): UciSec[] {
  return parseUci(readFileSync(join(root, "etc/config/firewall"), "utf8"));
}
