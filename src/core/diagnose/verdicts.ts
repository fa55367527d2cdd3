// The self-test's judgement: recorded facts → one result per check, each with a verdict,
// a message code with its values, and the English sentence with its one-line fix. Pure.
import { hexDigits } from "../text";
import { ipv4InSubnet, parseIPv4, prefixLength } from "../addr";
import { CROSSES_NOTE, GUARD_NOTE, hexMark, MSS_NOTE } from "../plan";
import { extPorts, intPorts, type PortSpec } from "../ports";
import type { DdnsFacts, DiagnoseFacts, OtherRouting, ServerFacts } from "./facts";
import { diagnoseText } from "./messages";

export type Verdict = "ok" | "warning" | "fail" | "not-checked";

export interface CheckResult {
  id: string;
  verdict: Verdict;
  code: string;
  args: string[];
  text: string;
}

function result(id: string, verdict: Verdict, code: string, args: string[] = []): CheckResult {
  return { id, verdict, code, args, text: diagnoseText(code, args) };
}

/** The checks that need a valid, enabled config, in the order they are shown. */
export function checkIds(f: Pick<DiagnoseFacts, "servers" | "ddns">): string[] {
  const ids = ["pppoe", "rules", "table", "netifd_rule", "firewall", "dnat"];
  for (const s of f.servers) ids.push(`server_${s.name}`);
  ids.push("rp_filter", "dns");
  for (const d of f.ddns) ids.push(`ddns_${d.name}`);
  ids.push("conflicts", "loopback");
  return ids;
}

// ---- the ruleset as text: lines of one chain ----

/** Rule lines of `chain` in `table inet fw4` of `nft list ruleset`; undefined: no such chain. */
export function fw4Chain(ruleset: string, chain: string): string[] | undefined {
  const stack: string[] = [];
  let found: string[] | undefined;
  for (const raw of ruleset.split("\n")) {
    const line = raw.trim();
    let opens = 0;
    let closes = 0;
    for (let i = 0; i < line.length; i++) {
      const c = line.charAt(i);
      if (c === "{") opens++;
      else if (c === "}") closes++;
    }
    if (stack.length === 2 && stack[0] === "table inet fw4" && stack[1] === `chain ${chain}` && opens === closes && line !== "") {
      if (found === undefined) found = [];
      if (!line.startsWith("type ") && !line.startsWith("policy ")) found.push(line);
    }
    if (opens > closes) {
      const name = line.endsWith("{") ? line.slice(0, line.length - 1).trim() : "";
      stack.push(name);
      if (stack.length === 2 && stack[0] === "table inet fw4" && name === `chain ${chain}` && found === undefined) found = [];
      for (let k = 1; k < opens - closes; k++) stack.push("");
    } else {
      for (let k = 0; k < closes - opens; k++) stack.pop();
    }
  }
  return found;
}

function hasLine(lines: string[] | undefined, ...parts: string[]): boolean {
  if (lines === undefined) return false;
  return lines.some((l) => parts.every((p) => l.indexOf(p) >= 0));
}

/** Every rule line of the fw4 table (for reflection rules, whose chain depends on zones). */
function fw4Lines(ruleset: string): string[] {
  const out: string[] = [];
  let inFw4 = false;
  for (const raw of ruleset.split("\n")) {
    const line = raw.trim();
    if (line === "table inet fw4 {") inFw4 = true;
    else if (raw.startsWith("}")) inFw4 = false;
    else if (inFw4) out.push(line);
  }
  return out;
}

// ---- checks ----

function isPrivate(o: number[]): string | undefined {
  const nets: Array<[string, number, string]> = [
    ["10.0.0.0", 8, "private"], ["172.16.0.0", 12, "private"], ["192.168.0.0", 16, "private"],
    ["100.64.0.0", 10, "shared"], ["192.0.0.0", 29, "private"], ["169.254.0.0", 16, "private"],
  ];
  for (const [net, len, kind] of nets) if (ipv4InSubnet(o, parseIPv4(net) as number[], len)) return kind;
  return undefined;
}

function checkPppoe(f: DiagnoseFacts): CheckResult {
  const p = f.pppoe;
  if (p === undefined && f.netifdDown !== undefined) return result("pppoe", "not-checked", "netifd.down", [f.netifdDown]);
  if (p === undefined) return result("pppoe", "fail", "pppoe.missing", [f.iface]);
  if (!p.up) return result("pppoe", "fail", "pppoe.down", [f.iface, p.errors.length > 0 ? ` (${p.errors.join(", ")})` : ""]);
  const o = parseIPv4(p.ipv4);
  if (o === undefined) return result("pppoe", "fail", "pppoe.no_ipv4", [f.iface]);
  if (f.cgnAddrs.includes(p.ipv4)) return result("pppoe", "fail", "pppoe.cgn", [f.iface, p.ipv4]);
  const kind = isPrivate(o);
  if (kind === "shared") return result("pppoe", "fail", "pppoe.shared", [f.iface, p.ipv4]);
  if (kind !== undefined) return result("pppoe", "fail", "pppoe.private", [f.iface, p.ipv4]);
  return result("pppoe", "ok", "pppoe.ok", [f.iface, p.ipv4]);
}

/** "30010:\tfrom 192.168.1.5 lookup main suppress_prefixlength 0" → [30010, "from ..."] */
function parseRule(line: string): [number, string] | undefined {
  const colon = line.indexOf(":");
  if (colon <= 0) return undefined;
  const prio = Number(line.slice(0, colon).trim());
  if (prio !== prio) return undefined;
  return [prio, line.slice(colon + 1).split("\t").join(" ").trim()];
}

function lookupMatches(text: string, table: string, f: DiagnoseFacts): boolean {
  const names = table === "main" ? ["main"] : [table, f.tableName];
  const words = text.split(" ");
  const at = words.indexOf("lookup");
  return at >= 0 && names.includes(words[at + 1]);
}

function ruleText(r: DiagnoseFacts["expectedRules"][number]): string {
  return `${r.selector} lookup ${r.lookup}${r.suppress ? " suppress_prefixlength 0" : ""}`;
}

function checkRules(f: DiagnoseFacts): CheckResult {
  if (f.expectedRules.length === 0) return result("rules", "ok", "rules.none");
  if (f.ipRules === undefined) return result("rules", "not-checked", "rules.tool");
  const live = f.ipRules.map(parseRule).filter((x) => x !== undefined) as Array<[number, string]>;
  for (const want of f.expectedRules) {
    const at = live.filter((r) => r[0] === want.priority);
    const ok = at.some(([, text]) => {
      const sel = (" " + text + " ").indexOf(` ${want.selector} `) >= 0;
      const sup = (text.indexOf("suppress_prefixlength 0") >= 0) === want.suppress;
      return sel && sup && lookupMatches(text, want.lookup, f);
    });
    if (ok) continue;
    if (at.length > 0) return result("rules", "fail", "rules.wrong", [`${want.priority}`, at[0][1], ruleText(want)]);
    return result("rules", "fail", "rules.missing", [`${want.priority}`, ruleText(want)]);
  }
  return result("rules", "ok", "rules.ok", [`${f.expectedRules.length}`]);
}

function checkTable(f: DiagnoseFacts): CheckResult {
  if (f.tableRoutes === undefined) return result("table", "not-checked", "table.tool", [`${f.table}`]);
  const ok = f.tableRoutes.some((l) => l.startsWith("default") && (l + " ").indexOf(` dev ${f.pppoeDevice} `) >= 0);
  return ok
    ? result("table", "ok", "table.ok", [`${f.table}`, f.pppoeDevice])
    : result("table", "fail", "table.no_default", [`${f.table}`, f.pppoeDevice, f.iface]);
}

function checkNetifdRule(f: DiagnoseFacts, ip: string): CheckResult {
  if (f.ipRules === undefined) return result("netifd_rule", "not-checked", "rules.tool");
  const ok = f.ipRules.some((l) => {
    const r = parseRule(l);
    return r !== undefined && (r[1] + " ").indexOf(`from ${ip} `) >= 0 && lookupMatches(r[1], `${f.table}`, f);
  });
  return ok
    ? result("netifd_rule", "ok", "netifd_rule.ok", [ip, `${f.table}`])
    : result("netifd_rule", "fail", "netifd_rule.missing", [ip, `${f.table}`, f.iface]);
}

/** One rule of splitwan's drop-ins as the live ruleset prints it: in chain, a line that
 * starts with `first` (when given) and contains every one of `has`. */
interface DropinPart {
  chain: string;
  label: string;
  first?: string;
  has: string[];
  /** the rule clamps the MSS: its value is checked too */
  clamp: boolean;
}

/** The rules splitwan's drop-ins put into the live ruleset (plan.ts), by chain. */
function dropinParts(f: DiagnoseFacts): DropinPart[] {
  const dev = `"${f.pppoeDevice}"`;
  const m = hexMark(f.mark);
  const crosses = [`ct mark set ct mark | ${m}`, `comment "${CROSSES_NOTE}"`];
  const clamp = ["tcp flags syn / ", "tcp option maxseg size set ", `comment "${MSS_NOTE} (`];
  // every packet entering the router meets the prerouting rule: the conntrack test comes first
  const marked = `ct mark & ${m} == ${m} `;
  const toPacket = `meta mark set meta mark | ${m} `;
  const dst = `dstnat_${f.zone}`;
  const src = `srcnat_${f.zone}`;
  const parts: DropinPart[] = [];
  if (f.servers.some((s) => s.ports.length > 0)) {
    parts.push({ chain: dst, label: "DNAT guard", has: [`iifname != ${dev} `, " return ", `comment "${GUARD_NOTE}"`], clamp: false });
    parts.push({ chain: dst, label: "conntrack mark", has: crosses, clamp: false });
    parts.push({ chain: dst, label: "MSS clamp", has: clamp, clamp: true });
  }
  parts.push({ chain: src, label: "conntrack mark", first: `oifname ${dev} `, has: crosses, clamp: false });
  parts.push({ chain: src, label: "MSS clamp", first: `oifname ${dev} `, has: clamp, clamp: true });
  parts.push({ chain: "mangle_prerouting", label: "MSS clamp", first: marked, has: clamp, clamp: true });
  // the packet mark matters only for the fwmark rules, which only reply-only servers have
  if (f.servers.some((s) => s.mode === "reply-only")) {
    parts.push({ chain: "mangle_prerouting", label: "reply-only mark", first: marked, has: [toPacket].concat(clamp), clamp: false });
    parts.push({ chain: "mangle_output", label: "reply-only mark", first: marked + toPacket, has: [], clamp: false });
    parts.push({ chain: "mangle_output", label: "MSS clamp", first: marked + toPacket, has: clamp, clamp: true });
  }
  return parts;
}

function partLine(lines: string[] | undefined, part: DropinPart): string | undefined {
  if (lines === undefined) return undefined;
  return lines.find((l) => (part.first === undefined || l.startsWith(part.first)) && part.has.every((p) => l.indexOf(p) >= 0));
}

/** The number after `phrase` in a rule line ("tcp option maxseg size set 1414" → "1414"). */
function wordAfter(line: string, phrase: string): string {
  const at = line.indexOf(phrase);
  return at < 0 ? "?" : line.slice(at + phrase.length).split(" ")[0];
}

/** "dstnat_wan_pppoe (DNAT guard, MSS clamp), srcnat_wan_pppoe (MSS clamp)" */
function byChain(parts: DropinPart[]): string {
  const chains: string[] = [];
  for (const p of parts) if (!chains.includes(p.chain)) chains.push(p.chain);
  return chains.map((c) => `${c} (${parts.filter((p) => p.chain === c).map((p) => p.label).join(", ")})`).join(", ");
}

function checkFirewall(f: DiagnoseFacts): CheckResult {
  if (f.ruleset === undefined) return result("firewall", "not-checked", "firewall.tool");
  if (f.ruleset.indexOf("table inet fw4 {") < 0) return result("firewall", "fail", "firewall.no_fw4");
  if (fw4Chain(f.ruleset, `input_${f.zone}`) === undefined) return result("firewall", "fail", "firewall.no_zone", [f.zone]);
  const parts = dropinParts(f);
  const lines = parts.map((p) => partLine(fw4Chain(f.ruleset as string, p.chain), p));
  const missing = parts.filter((_, i) => lines[i] === undefined);
  if (missing.length > 0) return result("firewall", "fail", "firewall.dropin", [byChain(missing)]);
  const want = `${f.mtu - 40}`;
  for (let i = 0; i < parts.length; i++) {
    const line = lines[i] as string;
    if (!parts[i].clamp) continue;
    const set = wordAfter(line, "tcp option maxseg size set ");
    const above = wordAfter(line, "tcp option maxseg size > ");
    // "size > N" lets smaller values pass: N must be the clamp's value too
    const got = set !== want ? set : above !== want ? `> ${above}` : want;
    if (got !== want) return result("firewall", "fail", "firewall.mss", [parts[i].chain, got, want, `${f.mtu}`]);
  }
  return result("firewall", "ok", "firewall.ok", [byChain(parts), want]);
}

function redirectName(s: ServerFacts, spec: PortSpec): string {
  return `splitwan ${s.name} ${extPorts(spec)}/${spec.proto}`;
}

function checkDnat(f: DiagnoseFacts): CheckResult {
  const all: Array<[ServerFacts, PortSpec]> = [];
  for (const s of f.servers) for (const spec of s.ports) all.push([s, spec]);
  if (all.length === 0) return result("dnat", "ok", "dnat.none");
  if (f.ruleset === undefined) return result("dnat", "not-checked", "firewall.tool");
  const chain = fw4Chain(f.ruleset, `dstnat_${f.zone}`);
  for (const [s, spec] of all) {
    if (!hasLine(chain, ` dnat `, `"!fw4: ${redirectName(s, spec)}"`, s.ipaddr)) {
      return result("dnat", "fail", "dnat.missing", [`${extPorts(spec)}/${spec.proto}`, s.name]);
    }
  }
  return result("dnat", "ok", "dnat.ok", [`${all.length}`]);
}

const NEIGH_ALIVE = ["REACHABLE", "STALE", "DELAY", "PROBE", "PERMANENT", "NOARP"];

export function inSubnets(ip: string, subnets: string[]): boolean {
  const o = parseIPv4(ip);
  if (o === undefined) return false;
  return subnets.some((sn) => {
    const [net, len] = sn.split("/");
    const n = parseIPv4(net);
    const l = prefixLength(len ?? "32");
    return n !== undefined && l !== undefined && ipv4InSubnet(o, n, l);
  });
}

function checkServer(s: ServerFacts, netifdDown: string | undefined): CheckResult {
  const id = `server_${s.name}`;
  if (s.devices.length === 0 && netifdDown !== undefined) return result(id, "not-checked", "netifd.down", [netifdDown]);
  if (s.devices.length === 0) return result(id, "fail", "server.no_zone", [s.zone, s.name]);
  if (s.subnets.length > 0 && !inSubnets(s.ipaddr, s.subnets)) return result(id, "fail", "server.outside", [s.name, s.ipaddr, s.zone, s.subnets.join(", ")]);
  const dev = s.device ?? s.devices[0];
  if (s.ping === true) return result(id, "ok", "server.ok", [s.name, s.ipaddr, dev]);
  if (s.ping === undefined) return result(id, "not-checked", "server.tool", [s.toolError ?? "?"]);
  if (s.neigh !== undefined && NEIGH_ALIVE.includes(s.neigh)) return result(id, "warning", "server.arp_only", [s.name, s.ipaddr, dev]);
  return result(id, "fail", "server.unreachable", [s.name, s.ipaddr, dev]);
}

function checkRpFilter(f: DiagnoseFacts): CheckResult {
  if (f.rpValues === undefined) return result("rp_filter", "not-checked", "rp_filter.tool");
  if (f.rpStrict === "") return result("rp_filter", "ok", "rp_filter.ok", [f.rpValues]);
  const needsLoose = f.servers.some((s) => s.mode === "reply-only" && s.ports.length > 0);
  return needsLoose
    ? result("rp_filter", "fail", "rp_filter.strict", [f.rpStrict, f.rpStrict])
    : result("rp_filter", "ok", "rp_filter.strict_ok", [f.rpStrict]);
}

function checkDns(f: DiagnoseFacts): CheckResult {
  if (f.peerdns !== "0") return result("dns", "fail", "dns.peerdns", [f.iface, f.peerdns === "" ? "unset (1)" : f.peerdns]);
  const pppDns = f.pppoe !== undefined ? f.pppoe.dns : [];
  const used = pppDns.find((d) => f.lanDns.includes(d));
  if (used !== undefined) return result("dns", "fail", "dns.resolvers", [f.lanDns.join(", "), used, f.iface]);
  return result("dns", "ok", "dns.ok", [f.iface]);
}

function checkDdns(f: DiagnoseFacts, d: DdnsFacts): CheckResult {
  const id = `ddns_${d.name}`;
  if (d.resolved === undefined) return result(id, "not-checked", "ddns.tool", [d.toolError ?? "?"]);
  if (d.successIp === undefined) return result(id, "warning", "ddns.never", [d.name]);
  const pppIp = f.pppoe !== undefined && f.pppoe.up ? f.pppoe.ipv4 : "";
  if (d.ipVersion === "4" && pppIp !== "" && d.successIp !== pppIp) return result(id, "fail", "ddns.stale", [d.name, d.successIp, pppIp]);
  if (d.resolved.length === 0) return result(id, "fail", "ddns.no_answer", [d.name, d.host, d.resolver]);
  const got = d.resolved.join(", ");
  if (d.resolved.includes(d.successIp)) {
    if (d.ipVersion !== "4") return result(id, "ok", "ddns.ok_v6", [d.name, d.host, got]);
    return d.ttl !== undefined
      ? result(id, "ok", "ddns.ok_ttl", [d.name, d.host, got, `${d.ttl}`])
      : result(id, "ok", "ddns.ok", [d.name, d.host, got]);
  }
  // a record changed less than its TTL (or 10 minutes without one) ago may still be cached
  const age = d.lastSuccess !== undefined ? f.now - d.lastSuccess : undefined;
  if (age !== undefined && age >= 0 && age < (d.ttl ?? 600)) return result(id, "warning", "ddns.pending", [d.name, d.host, got, d.successIp, `${age}`]);
  return result(id, "fail", "ddns.wrong", [d.name, d.host, got, d.successIp]);
}

/** Is the single-bit mark inside mask? (no bitwise operators in Lua 5.1) */
function maskHasBit(mask: number, bit: number): boolean {
  return bit > 0 && Math.floor(mask / bit) % 2 === 1;
}

function checkOther(f: DiagnoseFacts, o: OtherRouting): CheckResult {
  const id = `conflicts_${o.name}`;
  const last = f.priority + 10 * f.servers.length + 1;
  const markHex = hex(f.mark);
  if (!o.known) return result(id, "warning", "conflicts.unknown", [o.name, markHex, `${f.priority}`, `${last}`, `${f.table}`]);
  const mask = o.masks.find((m) => maskHasBit(m, f.mark));
  if (mask !== undefined) return result(id, "fail", "conflicts.mark", [o.name, hex(mask), markHex]);
  if (o.priorities !== undefined && o.priorities[0] <= last && o.priorities[1] >= f.priority) {
    return result(id, "fail", "conflicts.priority", [o.name, `${o.priorities[0]}–${o.priorities[1]}`, `${f.priority}`, `${last}`]);
  }
  if (o.tables.includes(f.table)) return result(id, "fail", "conflicts.table", [o.name, `${f.table}`]);
  return result(id, "ok", "conflicts.clear", [o.name]);
}

export function hex(n: number): string {
  return `0x${hexDigits(n, 1)}`;
}

function checkLoopback(f: DiagnoseFacts, ip: string): CheckResult {
  const tcp: Array<[ServerFacts, PortSpec]> = [];
  for (const s of f.servers) {
    const spec = s.ports.find((x) => x.proto !== "udp");
    if (spec !== undefined) tcp.push([s, spec]);
  }
  if (tcp.length === 0) return result("loopback", "ok", "loopback.none");
  if (f.ruleset === undefined) return result("loopback", "not-checked", "firewall.tool");
  const lines = fw4Lines(f.ruleset);
  for (const [s, spec] of tcp) {
    const ext = extPorts(spec);
    if (!hasLine(lines, `ip daddr ${ip} `, `"!fw4: ${redirectName(s, spec)} (reflection)"`)) {
      return result("loopback", "fail", "loopback.no_reflection", [ip, ext]);
    }
  }
  for (const [s, spec] of tcp) {
    if (s.tcp === undefined) return result("loopback", "not-checked", "loopback.tool", [s.tcpError ?? "?"]);
    if (s.tcp === "closed") return result("loopback", "fail", "loopback.closed", [s.name, s.ipaddr, intPorts(spec).split("-")[0]]);
  }
  const [s0, spec0] = tcp[0];
  return result("loopback", "ok", "loopback.ok", [ip, extPorts(spec0), s0.ipaddr, intPorts(spec0).split("-")[0]]);
}

export function judge(f: DiagnoseFacts): CheckResult[] {
  const out: CheckResult[] = [];
  if (f.errors.length > 0) out.push(result("config", "fail", "config.invalid", [f.errors.join("; ")]));
  else if (!f.enabled) out.push(result("config", "warning", "config.disabled"));
  else out.push(result("config", "ok", "config.ok"));
  if (out[0].verdict !== "ok") {
    for (const id of checkIds(f)) out.push(result(id, "not-checked", "skip.disabled"));
    return out;
  }
  const pppoe = checkPppoe(f);
  const up = f.pppoe !== undefined && f.pppoe.up && parseIPv4(f.pppoe.ipv4) !== undefined;
  const ip = up && f.pppoe !== undefined ? f.pppoe.ipv4 : "";
  const downSkip = (id: string) => result(id, "not-checked", "skip.pppoe_down");
  const all: CheckResult[] = [
    pppoe,
    checkRules(f),
    up ? checkTable(f) : downSkip("table"),
    up ? checkNetifdRule(f, ip) : downSkip("netifd_rule"),
    checkFirewall(f),
    checkDnat(f),
  ];
  for (const s of f.servers) all.push(checkServer(s, f.netifdDown));
  all.push(checkRpFilter(f), checkDns(f));
  for (const d of f.ddns) all.push(checkDdns(f, d));
  if (f.others.length === 0) all.push(result("conflicts", "ok", "conflicts.ok"));
  for (const o of f.others) all.push(checkOther(f, o));
  all.push(up ? checkLoopback(f, ip) : downSkip("loopback"));
  for (const r of all) out.push(f.outOfTime.includes(r.id) ? result(r.id, "not-checked", "skip.time") : r);
  return out;
}
