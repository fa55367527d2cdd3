// Stand-in for OpenWrt 24.10's firewall4 (`fw4 print`), for the namespace test bed.
//
// It renders /etc/config/firewall plus a `ubus call network.interface dump` into the
// nft ruleset fw4 would load, covering exactly what a stock 24.10 config and splitwan
// use: defaults (policies, syn_flood), zones by `network`/`device` with `family`, `masq`,
// `mtu_fix`; forwardings; rules (src/dest zone, proto, ports, addresses incl. suffix
// masks like '::5/-64', icmp types, family, limit); DNAT redirects with NAT reflection;
// the MAP-E port-set SNAT netifd publishes in the interface data; `config include` of
// type nftables and the automatic /usr/share/nftables.d/chain-{pre,post}/<chain>/ drop-ins.
// Anything else in the config is an error here, not silently ignored.
//
// test/e2e/fw4.test.ts holds this to real fw4 output (/work/shared/reference/fw4).
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { cidr, contains, isV6, suffixMask, v6Groups, v6Text } from "./addr";
import { bool, list, opt, type UciSec } from "./uci";

export interface IfAddr { address: string; mask: number; ptpaddress?: string }
export interface IfStatus {
  interface: string;
  up: boolean;
  proto: string;
  l3_device?: string;
  device?: string;
  "ipv4-address": IfAddr[];
  "ipv6-address": IfAddr[];
  "ipv6-prefix-assignment": Array<{ address: string; mask: number; "local-address"?: IfAddr }>;
  route: Array<{ target: string; mask: number; nexthop: string; metric?: number; source?: string }>;
  data: { firewall?: Array<Record<string, unknown>> };
  [k: string]: unknown;
}

export interface Fw4Input {
  firewall: UciSec[];
  interfaces: IfStatus[];
  /** Directory that stands for / when looking for drop-ins (automatic includes). */
  root?: string;
  /** Router path → path nft should read (the bed maps into its temporary root). */
  includePath?: (routerPath: string) => string;
}

type Family = 0 | 4 | 6;
type Verdict = "accept" | "reject" | "drop";

interface Zone {
  name: string;
  input: Verdict;
  output: Verdict;
  forward: Verdict;
  masq: boolean;
  mtuFix: boolean;
  family: Family;
  helper: boolean;
  devices: string[];
  subnets: string[];
  networks: string[];
  sflags: Set<string>;
  dflags: Set<string>;
  rules: { input: string[]; forward: string[]; output: string[] };
}

const q = (s: string) => `"${s}"`;
const set = (items: string[], braces = false) => (items.length === 1 && !braces ? items[0] : `{ ${items.join(", ")} }`);
const famWord = (f: Family) => (f === 4 ? "IPv4" : f === 6 ? "IPv6" : "IPv4/IPv6");
const nfproto = (f: Family) => (f === 0 ? "" : `meta nfproto ipv${f} `);
const verdictOf = (v: string | undefined, d: Verdict): Verdict => {
  const x = (v ?? "").toLowerCase();
  return x === "accept" || x === "reject" || x === "drop" ? x : d;
};
const familyOf = (v: string | undefined): Family => {
  const x = (v ?? "").toLowerCase();
  return x === "ipv4" || x === "4" ? 4 : x === "ipv6" || x === "6" ? 6 : 0;
};

// fw4's icmp type table for the names the stock config uses: type or "type . code".
const ICMP4: Record<string, string> = {
  "echo-reply": "0", "destination-unreachable": "3", "echo-request": "8", "time-exceeded": "11",
  "parameter-problem": "12", "source-quench": "4", redirect: "5", "router-advertisement": "9",
  "router-solicitation": "10",
};
const ICMP6: Record<string, string> = {
  "destination-unreachable": "1", "packet-too-big": "2 . 0", "time-exceeded": "3", "bad-header": "4 . 0",
  "unknown-header-type": "4 . 1", "echo-request": "128", "echo-reply": "129", "router-solicitation": "133",
  "router-advertisement": "134", "neighbour-solicitation": "135 . 0", "neighbour-advertisement": "136 . 0",
  "neighbor-solicitation": "135 . 0", "neighbor-advertisement": "136 . 0",
};

interface AddrMatch { pos: string[]; neg: string[]; masked: Array<{ mask: string; addr: string; invert: boolean }> }

function parseAddrs(values: string[]): AddrMatch {
  const m: AddrMatch = { pos: [], neg: [], masked: [] };
  for (let v of values) {
    const invert = v.startsWith("!");
    if (invert) v = v.slice(1);
    const [a, ms] = v.split("/");
    if (ms !== undefined && ms.startsWith("-")) {
      m.masked.push({ mask: suffixMask(Number(ms.slice(1)), isV6(a)), addr: isV6(a) ? v6Text(v6Groups(a)) : a, invert });
    } else if (ms !== undefined && (ms.includes(":") || ms.includes("."))) {
      m.masked.push({ mask: ms, addr: a, invert });
    } else {
      const s = ms === undefined ? (isV6(a) ? v6Text(v6Groups(a)) : a) : cidr(a, Number(ms));
      (invert ? m.neg : m.pos).push(s);
    }
  }
  return m;
}

function addrFamily(values: string[]): Family {
  if (values.length === 0) return 0;
  return values.some((v) => isV6(v.replace(/^!/, ""))) ? 6 : 4;
}

function renderAddrs(ip: string, dir: "saddr" | "daddr", m: AddrMatch): string {
  let s = "";
  if (m.pos.length) s += `${ip} ${dir} ${set(m.pos)} `;
  if (m.neg.length) s += `${ip} ${dir} != ${set(m.neg)} `;
  for (const a of m.masked) s += `${ip} ${dir} & ${a.mask} ${a.invert ? "!=" : "=="} ${a.addr} `;
  return s;
}

const ports = (v: string[]) => v.map((p) => p.replace(":", "-"));

function limitRate(v: string): string {
  const [n, unit] = v.split("/");
  const u: Record<string, string> = { sec: "second", second: "second", min: "minute", minute: "minute", hour: "hour", day: "day" };
  return `limit rate ${n}/${u[unit] ?? unit}`;
}

export function renderFw4(inp: Fw4Input): string {
  const ifs = new Map(inp.interfaces.map((i) => [i.interface, i]));
  const incPath = inp.includePath ?? ((p: string) => p);
  const sections = inp.firewall.filter((s) => bool(s, "enabled", true));
  const defaults: UciSec = sections.find((s) => s.type === "defaults") ?? { type: "defaults", opts: new Map() };
  const known = new Set(["defaults", "zone", "forwarding", "rule", "redirect", "include"]);
  for (const s of sections) if (!known.has(s.type)) throw new Error(`fw4 stand-in: section type ${s.type} not covered`);

  const zones: Zone[] = [];
  for (const s of sections.filter((x) => x.type === "zone")) {
    const networks = list(s, "network");
    const devices: string[] = [];
    const subnets: string[] = [];
    for (const n of networks) {
      const st = ifs.get(n);
      if (!st) continue;
      const dev = st.l3_device ?? st.device;
      if (dev && !devices.includes(dev)) devices.push(dev);
      for (const a of [...st["ipv4-address"], ...st["ipv6-address"]]) subnets.push(cidr(a.address, a.mask));
      for (const p of st["ipv6-prefix-assignment"]) subnets.push(cidr(p.address, p.mask));
    }
    for (const d of list(s, "device")) if (!devices.includes(d)) devices.push(d);
    const z: Zone = {
      name: opt(s, "name")!,
      input: verdictOf(opt(s, "input"), verdictOf(opt(defaults, "input"), "drop")),
      output: verdictOf(opt(s, "output"), verdictOf(opt(defaults, "output"), "drop")),
      forward: verdictOf(opt(s, "forward"), verdictOf(opt(defaults, "forward"), "drop")),
      masq: bool(s, "masq", false),
      mtuFix: bool(s, "mtu_fix", false),
      family: familyOf(opt(s, "family")),
      helper: false,
      devices,
      subnets: [...new Set(subnets)],
      networks,
      sflags: new Set(),
      dflags: new Set(),
      rules: { input: [], forward: [], output: [] },
    };
    z.helper = !z.masq && bool(s, "auto_helper", true);
    z.sflags.add(z.input);
    z.dflags.add(z.output);
    z.dflags.add(z.forward);
    if (z.masq) z.dflags.add("snat");
    zones.push(z);
  }
  const zone = (n: string | undefined) => zones.find((z) => z.name === n);

  // zone IPv4 addresses as netifd reports them (reflection needs the external one)
  const zoneAddrs4 = (z: Zone) =>
    z.networks.flatMap((n) => ifs.get(n)?.["ipv4-address"] ?? []);

  for (const s of sections.filter((x) => x.type === "forwarding")) {
    const src = zone(opt(s, "src")), dst = zone(opt(s, "dest"));
    if (!src || !dst) continue;
    const fam = (familyOf(opt(s, "family")) || src.family || dst.family) as Family;
    dst.dflags.add("accept");
    const fw = fam ? ` ${famWord(fam)}` : "";
    src.rules.forward.push(`${nfproto(fam)}jump accept_to_${dst.name} comment "!fw4: Accept ${src.name} to ${dst.name}${fw} forwarding"`);
  }

  let ruleIdx = 0;
  for (const s of sections.filter((x) => x.type === "rule")) {
    const idx = ruleIdx++;
    const name = opt(s, "name") ?? `@rule[${idx}]`;
    const src = zone(opt(s, "src"));
    const destName = opt(s, "dest");
    const dst = destName && destName !== "*" ? zone(destName) : undefined;
    if (opt(s, "src") === undefined) throw new Error(`fw4 stand-in: rule ${name} without src not covered`);
    // fw4 skips (with a warning) a rule naming a zone that does not exist
    if (!src || (destName && destName !== "*" && !dst)) continue;
    const srcIp = list(s, "src_ip"), destIp = list(s, "dest_ip");
    const fam: Family = familyOf(opt(s, "family")) || addrFamily([...srcIp, ...destIp]) || src.family || (dst?.family ?? 0);
    if ((src.family && fam && src.family !== fam) || (dst?.family && fam && dst.family !== fam)) continue;
    const protos = list(s, "proto").length ? list(s, "proto").map((p) => p.toLowerCase()) : ["tcp", "udp"];
    const target = verdictOf(opt(s, "target"), "drop");
    const icmp = list(s, "icmp_type");
    const sport = ports(list(s, "src_port")), dport = ports(list(s, "dest_port"));
    const hasAddrs = srcIp.length + destIp.length > 0;
    const ip = fam === 6 ? "ip6" : "ip";
    let verdict: string;
    if (dst) {
      dst.dflags.add(target);
      verdict = `jump ${target}_to_${dst.name}`;
    } else verdict = target === "reject" ? "jump handle_reject" : target;
    for (const proto of protos) {
      const pname = proto === "icmp" && fam === 6 ? "icmpv6" : proto;
      let r = fam && !hasAddrs ? nfproto(fam) : "";
      const any = proto === "all" || proto === "any";
      if (!any && !sport.length && !dport.length && !icmp.length) r += `meta l4proto ${pname} `;
      r += renderAddrs(ip, "saddr", parseAddrs(srcIp));
      r += renderAddrs(ip, "daddr", parseAddrs(destIp));
      if (sport.length) r += `${pname} sport ${set(sport)} `;
      if (dport.length) r += `${pname} dport ${set(dport)} `;
      if (icmp.length) {
        const table = fam === 6 ? ICMP6 : ICMP4;
        const types: string[] = [], codes: string[] = [];
        for (const t of icmp) {
          const v = t.includes("/") ? t.replace("/", " . ") : table[t];
          if (v === undefined) throw new Error(`fw4 stand-in: icmp type ${t} not covered`);
          (v.includes(" . ") ? codes : types).push(v);
        }
        const kw = fam === 6 ? "icmpv6" : "icmp";
        const lim = opt(s, "limit") ? `${limitRate(opt(s, "limit")!)} ` : "";
        const tail = `counter ${verdict} comment "!fw4: ${name}"`;
        if (types.length) (dst || destName === "*" ? src.rules.forward : src.rules.input).push(`${r}${kw} type ${set(types)} ${lim}${tail}`);
        if (codes.length) (dst || destName === "*" ? src.rules.forward : src.rules.input).push(`${r}${kw} type . ${kw} code ${set(codes, codes.length > 1)} ${lim}${tail}`);
        continue;
      }
      if (opt(s, "limit")) r += `${limitRate(opt(s, "limit")!)} `;
      r += `counter ${verdict} comment "!fw4: ${name}"`;
      (dst || destName === "*" ? src.rules.forward : src.rules.input).push(r);
    }
  }

  // redirects (DNAT only: what splitwan and the stock config use)
  const dnat = new Map<string, string[]>();
  const snat = new Map<string, string[]>();
  const push = (m: Map<string, string[]>, k: string, v: string) => m.set(k, [...(m.get(k) ?? []), v]);
  let redirIdx = 0;
  for (const s of sections.filter((x) => x.type === "redirect")) {
    const idx = redirIdx++;
    const name = opt(s, "name") ?? `@redirect[${idx}]`;
    if ((opt(s, "target") ?? "DNAT").toUpperCase() !== "DNAT") throw new Error(`fw4 stand-in: redirect target ${opt(s, "target")} not covered`);
    const src = zone(opt(s, "src"));
    const dst = zone(opt(s, "dest"));
    if (!src) continue;
    const destIp = opt(s, "dest_ip");
    const fam: Family = familyOf(opt(s, "family")) || (destIp ? addrFamily([destIp]) : 0) || 4;
    if (fam !== 4) throw new Error(`fw4 stand-in: IPv6 redirect ${name} not covered`);
    const protos = list(s, "proto").length ? list(s, "proto") : ["tcp", "udp"];
    const sdport = opt(s, "src_dport");
    const dport = opt(s, "dest_port") ?? sdport;
    const srcDip = list(s, "src_dip");
    src.dflags.add("dnat");
    for (const proto of protos) {
      let r = srcDip.length ? "" : nfproto(fam);
      if (!sdport) r += `meta l4proto ${proto} `;
      r += renderAddrs("ip", "daddr", parseAddrs(srcDip));
      if (sdport) r += `${proto} dport ${ports([sdport])[0]} `;
      const to = destIp ? `${destIp}${dport ? ":" + ports([dport])[0] : ""}` : "";
      push(dnat, src.name, `${r}counter dnat ${to} comment "!fw4: ${name}"`);
    }
    if (!dst || !destIp || !bool(s, "reflection", true)) continue;
    const ext = srcDip.length ? srcDip : zoneAddrs4(src).map((a) => a.address);
    for (const rzName of list(s, "reflection_zone").length ? list(s, "reflection_zone") : [dst.name]) {
      const rz = zone(rzName);
      if (!rz) continue;
      rz.dflags.add("dnat");
      rz.dflags.add("snat");
      if (ext.length === 0) continue;
      const addrs = zoneAddrs4(rz);
      const nets = addrs.map((a) => cidr(a.address, a.mask));
      const own = addrs.find((a) => contains(a.address, a.mask, destIp)) ?? addrs[0];
      if (!own) continue;
      for (const proto of protos) {
        const dp = sdport ? ` ${proto} dport ${ports([sdport])[0]}` : "";
        const ip = dport ? ` ${proto} dport ${ports([dport])[0]}` : "";
        push(dnat, rz.name, `ip saddr ${set(nets)} ip daddr ${set(ext)}${dp} dnat ${destIp}${dport ? ":" + ports([dport])[0] : ""} comment "!fw4: ${name} (reflection)"`);
        push(snat, rz.name, `ip saddr ${set(nets)} ip daddr ${destIp}${ip} snat ${own.address} comment "!fw4: ${name} (reflection)"`);
      }
    }
  }

  // includes: config include (nftables) and automatic drop-ins
  const chainInc = new Map<string, string[]>();
  const incKey = (pos: string, chain: string) => `${pos}:${chain}`;
  for (const s of sections.filter((x) => x.type === "include")) {
    if ((opt(s, "type") ?? "script") !== "nftables") throw new Error("fw4 stand-in: script includes not covered");
    const pos = opt(s, "position") ?? "table-append";
    if (!pos.startsWith("chain-")) throw new Error(`fw4 stand-in: include position ${pos} not covered`);
    const k = incKey(pos === "chain-pre" || pos === "chain-prepend" ? "pre" : "post", opt(s, "chain")!);
    chainInc.set(k, [...(chainInc.get(k) ?? []), opt(s, "path")!]);
  }
  if (inp.root) {
    for (const pos of ["pre", "post"]) {
      const dir = join(inp.root, "usr/share/nftables.d", `chain-${pos}`);
      if (!existsSync(dir)) continue;
      for (const chain of readdirSync(dir).sort()) {
        for (const f of readdirSync(join(dir, chain)).filter((f) => f.endsWith(".nft")).sort()) {
          const k = incKey(pos, chain);
          chainInc.set(k, [...(chainInc.get(k) ?? []), `/usr/share/nftables.d/chain-${pos}/${chain}/${f}`]);
        }
      }
    }
    for (const pos of ["table-pre", "table-post", "ruleset-pre", "ruleset-post"]) {
      const dir = join(inp.root, "usr/share/nftables.d", pos);
      if (existsSync(dir) && readdirSync(dir).some((f) => f.endsWith(".nft"))) throw new Error(`fw4 stand-in: ${pos} drop-ins not covered`);
    }
  }
  const inc = (pos: "pre" | "post", chain: string) =>
    (chainInc.get(incKey(pos, chain)) ?? []).map((p) => `\t\tinclude ${q(incPath(p))}`);

  const o: string[] = [];
  const chain = (name: string, hook: string | undefined, body: string[]) => {
    o.push(`\tchain ${name} {`);
    if (hook) o.push(`\t\t${hook}`);
    o.push(...inc("pre", name), ...body, ...inc("post", name), "\t}", "");
  };
  const devMatch = (z: Zone, dir: "iifname" | "oifname") => `${dir} ${set(z.devices.map(q))}`;
  const withDevs = zones.filter((z) => z.devices.length > 0);
  const jump = (z: Zone, dir: "iifname" | "oifname", what: string, label: string) =>
    `\t\t${nfproto(z.family)}${devMatch(z, dir)} jump ${what}_${z.name} comment "!fw4: Handle ${z.name} ${famWord(z.family)} ${label}"`;
  const policy = (v: Verdict) => (v === "accept" ? "accept" : "drop");
  const dIn = verdictOf(opt(defaults, "input"), "drop");
  const dFwd = verdictOf(opt(defaults, "forward"), "drop");
  const dOut = verdictOf(opt(defaults, "output"), "drop");

  o.push("table inet fw4", "flush table inet fw4", "", "table inet fw4 {", "\t#", "\t# Defines", "\t#", "");
  for (const z of zones) {
    o.push(`\tdefine ${z.name}_devices = ${z.devices.length ? set(z.devices.map(q), true) : "{  }"}`);
    o.push(`\tdefine ${z.name}_subnets = ${z.subnets.length ? set(z.subnets, true) : "{  }"}`, "");
  }
  o.push("", "\t#", "\t# User includes", "\t#", "", `\tinclude ${q(incPath("/etc/nftables.d/*.nft"))}`, "", "", "\t#", "\t# Filter rules", "\t#", "");
  const synFlood = bool(defaults, "syn_flood", false) || bool(defaults, "synflood_protect", false);
  chain("input", `type filter hook input priority filter; policy ${policy(dIn)};`, [
    "",
    `\t\tiif "lo" accept comment "!fw4: Accept traffic from loopback"`,
    "",
    `\t\tct state vmap { established : accept, related : accept } comment "!fw4: Handle inbound flows"`,
    ...(synFlood ? [`\t\ttcp flags & (fin | syn | rst | ack) == syn jump syn_flood comment "!fw4: Rate limit TCP syn packets"`] : []),
    ...withDevs.map((z) => jump(z, "iifname", "input", "input traffic")),
    ...(dIn === "reject" ? ["\t\tjump handle_reject"] : []),
  ]);
  chain("forward", `type filter hook forward priority filter; policy ${policy(dFwd)};`, [
    "",
    `\t\tct state vmap { established : accept, related : accept } comment "!fw4: Handle forwarded flows"`,
    ...withDevs.map((z) => jump(z, "iifname", "forward", "forward traffic")),
    ...(dFwd === "reject" ? ["\t\tjump handle_reject"] : []),
  ]);
  chain("output", `type filter hook output priority filter; policy ${policy(dOut)};`, [
    "",
    `\t\toif "lo" accept comment "!fw4: Accept traffic towards loopback"`,
    "",
    `\t\tct state vmap { established : accept, related : accept } comment "!fw4: Handle outbound flows"`,
    ...withDevs.map((z) => jump(z, "oifname", "output", "output traffic")),
    ...(dOut === "reject" ? ["\t\tjump handle_reject"] : []),
  ]);
  chain("prerouting", "type filter hook prerouting priority filter; policy accept;",
    withDevs.filter((z) => z.helper).map((z) => jump(z, "iifname", "helper", "helper assignment")));
  chain("handle_reject", undefined, [
    `\t\tmeta l4proto tcp reject with tcp reset comment "!fw4: Reject TCP traffic"`,
    `\t\treject with icmpx type port-unreachable comment "!fw4: Reject any other traffic"`,
  ]);
  if (synFlood) {
    chain("syn_flood", undefined, [
      `\t\tlimit rate 25/second burst 50 packets return comment "!fw4: Accept SYN packets below rate-limit"`,
      `\t\tdrop comment "!fw4: Drop excess packets"`,
    ]);
  }
  for (const z of zones) {
    const dn = z.dflags.has("dnat");
    chain(`input_${z.name}`, undefined, [
      ...z.rules.input.map((r) => `\t\t${r}`),
      ...(dn ? [`\t\tct status dnat accept comment "!fw4: Accept port redirections"`] : []),
      `\t\tjump ${z.input}_from_${z.name}`,
    ]);
    chain(`output_${z.name}`, undefined, [...z.rules.output.map((r) => `\t\t${r}`), `\t\tjump ${z.output}_to_${z.name}`]);
    chain(`forward_${z.name}`, undefined, [
      ...z.rules.forward.map((r) => `\t\t${r}`),
      ...(dn ? [`\t\tct status dnat accept comment "!fw4: Accept port forwards"`] : []),
      `\t\tjump ${z.forward}_to_${z.name}`,
    ]);
    if (z.helper) chain(`helper_${z.name}`, undefined, []);
    const fw = `${z.name} ${famWord(z.family)}`;
    for (const v of ["accept", "reject", "drop"] as Verdict[]) {
      const act = v === "reject" ? "jump handle_reject" : v;
      if (z.sflags.has(v)) {
        chain(`${v}_from_${z.name}`, undefined, z.devices.length ? [`\t\t${nfproto(z.family)}${devMatch(z, "iifname")} counter ${act} comment "!fw4: ${v} ${fw} traffic"`] : []);
      }
      if (z.dflags.has(v)) {
        const body: string[] = [];
        if (z.devices.length) {
          if (v === "accept" && z.masq) body.push(`\t\tmeta nfproto ipv4 ${devMatch(z, "oifname")} ct state invalid counter drop comment "!fw4: Prevent NAT leakage"`);
          body.push(`\t\t${nfproto(z.family)}${devMatch(z, "oifname")} counter ${act} comment "!fw4: ${v} ${fw} traffic"`);
        }
        chain(`${v}_to_${z.name}`, undefined, body);
      }
    }
  }
  o.push("", "\t#", "\t# NAT rules", "\t#", "");
  chain("dstnat", "type nat hook prerouting priority dstnat; policy accept;",
    withDevs.filter((z) => z.dflags.has("dnat")).map((z) => jump(z, "iifname", "dstnat", "dstnat traffic")));
  // netifd's interface data: MAP-E port-set SNAT
  const ubusSnat: string[] = [];
  for (const st of inp.interfaces) {
    (st.data.firewall ?? []).forEach((r, i) => {
      if (r.type !== "nat" || r.target !== "SNAT" || (r.proto !== "tcp" && r.proto !== "udp")) return;
      ubusSnat.push(`\t\tmeta nfproto ipv4 meta l4proto ${r.proto} oifname ${q(st.l3_device!)} counter snat ${r.snat_ip}:${r.snat_port} comment "!fw4: ubus:${st.interface}[${st.proto}] nat ${i}"`);
    });
  }
  chain("srcnat", "type nat hook postrouting priority srcnat; policy accept;", [
    ...ubusSnat,
    ...withDevs.filter((z) => z.dflags.has("snat")).map((z) => jump(z, "oifname", "srcnat", "srcnat traffic")),
  ]);
  for (const z of zones) {
    if (z.dflags.has("dnat")) chain(`dstnat_${z.name}`, undefined, (dnat.get(z.name) ?? []).map((r) => `\t\t${r}`));
    if (z.dflags.has("snat")) {
      chain(`srcnat_${z.name}`, undefined, [
        ...(snat.get(z.name) ?? []).map((r) => `\t\t${r}`),
        ...(z.masq ? [`\t\tmeta nfproto ipv4 masquerade comment "!fw4: Masquerade IPv4 ${z.name} traffic"`] : []),
      ]);
    }
  }
  o.push("", "\t#", "\t# Raw rules (notrack)", "\t#", "");
  chain("raw_prerouting", "type filter hook prerouting priority raw; policy accept;", []);
  chain("raw_output", "type filter hook output priority raw; policy accept;", []);
  o.push("", "\t#", "\t# Mangle rules", "\t#", "");
  const mss = (dir: "iifname" | "oifname", label: string) =>
    withDevs.filter((z) => z.mtuFix).map((z) =>
      `\t\t${nfproto(z.family)}${devMatch(z, dir)} tcp flags syn / syn,fin,rst tcp option maxseg size set rt mtu comment "!fw4: Zone ${z.name} ${famWord(z.family)} ${label} MTU fixing"`);
  chain("mangle_prerouting", "type filter hook prerouting priority mangle; policy accept;", []);
  chain("mangle_postrouting", "type filter hook postrouting priority mangle; policy accept;", mss("oifname", "egress"));
  chain("mangle_input", "type filter hook input priority mangle; policy accept;", []);
  chain("mangle_output", "type route hook output priority mangle; policy accept;", []);
  chain("mangle_forward", "type filter hook forward priority mangle; policy accept;", mss("iifname", "ingress"));
  o.pop();
  o.push("}", "");
  return o.join("\n");
}
