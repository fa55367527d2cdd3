// The self-test's eyes: reads what the router has (netifd over ubus, ip, nft, /proc, the
// DDNS state, other routing packages' configs) and probes the servers and DNS, through
// the Platform only. It never changes anything. Probes that wait on the network run
// under busybox `timeout`, and the run stops probing once its time budget is spent, so
// the whole self-test stays within 15 s.
import { readConfig } from "../config";
import { decodeState, statePath } from "../ddns/state";
import { buildPlan, pppoeDevice } from "../plan";
import type { Platform } from "../platform";
import { intPorts } from "../ports";
import { rpFilterStrict } from "../status";
import { describeUbusFailure, field, notAnswering, ubusData } from "../ubus";
import { readSystem } from "../system";
import { optList, optString, sectionsOf } from "../uci";
import { formatError, validateConfig } from "../validate";
import type { DdnsFacts, DiagnoseFacts, ExpectedRule, OtherRouting, ServerFacts } from "./facts";
import { hex, inSubnets } from "./verdicts";

/** Seconds after which no further network probe starts: a server's probes take at most
 * 4 s (ping 2, connect 2) plus 1 s of clock granularity, a DNS lookup 3 s, so the run
 * ends within 15 s. */
export const PROBE_BUDGET = 9;

function lines(text: string): string[] {
  return text.split("\n").filter((l) => l.trim() !== "");
}

function strings(v: unknown): string[] {
  const out: string[] = [];
  if (Array.isArray(v)) for (const x of v as unknown[]) if (typeof x === "string") out.push(x);
  return out;
}

/** "address/mask" of each entry of a ubus ipv4-address list. */
function ipv4Addrs(st: unknown): string[] {
  const out: string[] = [];
  const list = field(st, "ipv4-address");
  if (Array.isArray(list)) {
    for (const a of list as unknown[]) {
      const addr = field(a, "address");
      if (typeof addr === "string") out.push(`${addr}/${typeof field(a, "mask") === "number" ? field(a, "mask") : 32}`);
    }
  }
  return out;
}

/** A command's stdout, or undefined when it failed. */
function output(p: Platform, argv: string[]): string | undefined {
  const r = p.exec(argv);
  return r.code === 0 ? r.stdout : undefined;
}

/** Exit codes of `timeout N cmd`: 124 timed out, 126/127 a tool cannot run. */
function missingTool(code: number): boolean {
  return code === 126 || code === 127;
}

/** Which tool is missing after a 126/127: busybox `timeout` itself, or the probe. */
function whichMissing(p: Platform, tool: string): string {
  return missingTool(p.exec(["timeout", "1", "true"]).code) ? "timeout" : tool;
}

function expectedRules(c: NonNullable<ReturnType<typeof validateConfig>["config"]>, sys: ReturnType<typeof readSystem>): ExpectedRule[] {
  const out: ExpectedRule[] = [];
  const mark = hex(c.mark);
  for (const s of buildPlan(c, sys).sections) {
    if (s.config !== "network" || s.type !== "rule") continue;
    const opt = (k: string) => {
      const kv = s.options.find((o) => o[0] === k);
      return kv !== undefined && typeof kv[1] === "string" ? kv[1] : undefined;
    };
    const src = opt("src");
    // ip prints a /32 source as the bare address, a mark in hex without leading zeros
    const selector = src !== undefined ? `from ${src.split("/")[0]}` : `fwmark ${mark}/${mark}`;
    out.push({ priority: Number(opt("priority")), selector, lookup: opt("lookup") ?? "", suppress: opt("suppress_prefixlength") === "0" });
  }
  return out;
}

function nameservers(text: string | undefined): string[] {
  const out: string[] = [];
  if (text === undefined) return out;
  for (const l of text.split("\n")) {
    const w = l.trim().split(" ").filter((x) => x !== "");
    if (w[0] === "nameserver" && w[1] !== undefined) out.push(w[1]);
  }
  return out;
}

function probeServer(p: Platform, s: ServerFacts, tcpPort: number | undefined): void {
  if (s.device === undefined) return;
  const ping = p.exec(["timeout", "2", "ping", "-c", "1", "-W", "1", "-I", s.device, s.ipaddr]);
  if (missingTool(ping.code)) s.toolError = whichMissing(p, "ping");
  else s.ping = ping.code === 0;
  const neigh = output(p, ["ip", "-4", "neigh", "show", s.ipaddr, "dev", s.device]);
  const words = neigh !== undefined ? neigh.trim().split(" ").filter((x) => x !== "") : [];
  s.neigh = words.length > 0 ? words[words.length - 1] : "";
  if (tcpPort === undefined) return;
  // busybox nc: refused or unanswered connects exit 1 within -w; a connection the
  // server keeps open is ended by timeout (124): both 0 and 124 mean it accepted
  const nc = p.exec(["timeout", "2", "nc", "-w", "1", s.ipaddr, `${tcpPort}`], "");
  if (missingTool(nc.code)) s.tcpError = whichMissing(p, "nc");
  else s.tcp = nc.code === 0 || nc.code === 124 ? "open" : "closed";
}

/** busybox nslookup: the addresses after the "Name:" line; a "ttl = N" line if shown. */
export function parseNslookup(text: string): { addrs: string[]; ttl?: number } {
  const addrs: string[] = [];
  let ttl: number | undefined;
  let named = false;
  for (const raw of text.split("\n")) {
    const l = raw.trim();
    if (l.startsWith("Name:")) named = true;
    else if (named && l.startsWith("Address")) {
      const colon = l.indexOf(":");
      // "Address: 203.0.113.45" or the older "Address 1: 203.0.113.45 host"
      const rest = l.slice(colon + 1).trim().split(" ")[0];
      if (rest !== "" && !addrs.includes(rest)) addrs.push(rest);
    }
    const t = l.indexOf("ttl = ");
    if (t >= 0) {
      const n = Number(l.slice(t + 6).trim().split(" ")[0]);
      if (n === n && ttl === undefined) ttl = n;
    }
  }
  return ttl !== undefined ? { addrs, ttl } : { addrs };
}

function lookupDdns(p: Platform, d: DdnsFacts): void {
  const r = p.exec(["timeout", "3", "nslookup", d.ipVersion === "6" ? "-type=aaaa" : "-type=a", d.host, d.resolver]);
  if (missingTool(r.code)) {
    d.toolError = whichMissing(p, "nslookup");
    return;
  }
  const parsed = parseNslookup(r.stdout);
  d.resolved = parsed.addrs;
  if (parsed.ttl !== undefined) d.ttl = parsed.ttl;
}

function otherRouting(p: Platform, cursor: ReturnType<Platform["cursor"]>): OtherRouting[] {
  const out: OtherRouting[] = [];
  if (p.readFile("/etc/config/mwan3") !== undefined) {
    // mwan3 numbers its tables 1..n by interface and its rules 1001.. 3000+n
    const n = sectionsOf(cursor, "mwan3", "interface").length;
    const mask = Number(optString(cursor.get_all("mwan3", "globals"), "mmx_mask") ?? "0x3F00");
    const tables: number[] = [];
    for (let i = 1; i <= n; i++) tables.push(i);
    out.push({ name: "mwan3", masks: mask === mask ? [mask] : [], priorities: [1001, 3000 + Math.max(n, 1)], tables, known: mask === mask });
  }
  if (p.readFile("/etc/config/pbr") !== undefined) {
    // pbr: fw_mask (hex without 0x) and rules counting down from uplink_ip_rules_priority
    const sec = sectionsOf(cursor, "pbr", "pbr")[0];
    const maskText = optString(sec, "fw_mask") ?? "00ff0000";
    const mask = Number(maskText.startsWith("0x") ? maskText : `0x${maskText}`);
    const prio = Number(optString(sec, "uplink_ip_rules_priority") ?? "30000");
    const tables: number[] = [];
    for (const l of (p.readFile("/etc/iproute2/rt_tables") ?? "").split("\n")) {
      const w = l.split("\t").join(" ").trim().split(" ").filter((x) => x !== "");
      if (w.length >= 2 && w[1].startsWith("pbr_")) tables.push(Number(w[0]));
    }
    const n = Math.max(tables.length, 1);
    out.push({ name: "pbr", masks: mask === mask ? [mask] : [], priorities: [prio - 2 * n, prio], tables, known: mask === mask && prio === prio });
  }
  if (p.readFile("/etc/config/mwan4") !== undefined) out.push({ name: "mwan4", masks: [], tables: [], known: false });
  return out;
}

export function collectFacts(p: Platform): DiagnoseFacts {
  const start = p.now();
  const cursor = p.cursor();
  const raw = readConfig(cursor);
  const sys = readSystem(cursor);
  const v = validateConfig(raw, sys);
  const c = v.config;
  const iface = raw.main.interface;
  const dev = pppoeDevice(iface);
  const f: DiagnoseFacts = {
    now: start,
    enabled: c !== undefined ? c.enabled : raw.main.enabled === "1",
    errors: v.errors.map(formatError),
    iface,
    pppoeDevice: dev,
    table: Number(raw.main.table),
    tableName: raw.main.table_name,
    priority: Number(raw.main.priority),
    mark: c !== undefined ? c.mark : 0,
    mtu: Number(raw.main.mtu),
    zone: raw.main.zone,
    expectedRules: [],
    cgnAddrs: [],
    rpStrict: "",
    peerdns: "",
    lanDns: [],
    servers: [],
    ddns: [],
    others: [],
    outOfTime: [],
  };
  if (c === undefined || !c.enabled) return f;

  f.expectedRules = expectedRules(c, sys);
  const reply = p.ubusCall(`network.interface.${iface}`, "status");
  if (notAnswering(reply)) f.netifdDown = describeUbusFailure(`network.interface.${iface}`, reply);
  const st = ubusData(reply);
  if (st !== undefined) {
    const errs: string[] = [];
    const list = field(st, "errors");
    if (Array.isArray(list)) for (const e of list as unknown[]) if (typeof field(e, "code") === "string") errs.push(field(e, "code") as string);
    const v4 = ipv4Addrs(st);
    f.pppoe = { up: field(st, "up") === true, ipv4: v4.length > 0 ? v4[0].split("/")[0] : "", errors: errs, dns: strings(field(st, "dns-server")) };
  }
  if (sys.wan !== undefined && sys.wan.kind !== "plain") {
    f.cgnAddrs = ipv4Addrs(ubusData(p.ubusCall(`network.interface.${sys.wan.ipv4Iface}`, "status"))).map((a) => a.split("/")[0]);
  }
  const rules = output(p, ["ip", "-4", "rule", "show"]);
  if (rules !== undefined) f.ipRules = lines(rules);
  const routes = output(p, ["ip", "-4", "route", "show", "table", `${c.table}`]);
  if (routes !== undefined) f.tableRoutes = lines(routes);
  f.ruleset = output(p, ["nft", "list", "ruleset"]);

  const strict = rpFilterStrict(p, dev);
  f.rpStrict = strict ?? "";
  const rp = (conf: string) => {
    const t = p.readFile(`/proc/sys/net/ipv4/conf/${conf}/rp_filter`);
    return t !== undefined ? `${conf}=${t.trim()}` : `${conf}=?`;
  };
  if (p.readFile("/proc/sys/net/ipv4/conf/all/rp_filter") !== undefined) f.rpValues = [rp("all"), rp(p.readFile(`/proc/sys/net/ipv4/conf/${dev}/rp_filter`) !== undefined ? dev : "default")].join(", ");

  f.peerdns = optString(cursor.get_all("network", iface), "peerdns") ?? "";
  f.lanDns = nameservers(p.readFile("/tmp/resolv.conf.d/resolv.conf.auto") ?? p.readFile("/tmp/resolv.conf.auto"));
  for (const s of sectionsOf(cursor, "dhcp", "dnsmasq")) for (const x of optList(s, "server")) if (!f.lanDns.includes(x)) f.lanDns.push(x);

  for (const s of c.servers) {
    const zone = sys.zones.find((z) => z.name === s.zone);
    const sf: ServerFacts = { name: s.name, ipaddr: s.ipaddr, zone: s.zone, mode: s.mode, ports: s.ports, devices: [], subnets: [] };
    for (const net of zone !== undefined ? zone.networks : []) {
      const ns = ubusData(p.ubusCall(`network.interface.${net}`, "status"));
      const l3 = field(ns, "l3_device");
      if (field(ns, "up") !== true || typeof l3 !== "string") continue;
      sf.devices.push(l3);
      for (const a of ipv4Addrs(ns)) {
        sf.subnets.push(a);
        // probe on the device whose subnet holds the server
        if (sf.device === undefined && inSubnets(s.ipaddr, [a])) sf.device = l3;
      }
    }
    if (sf.device === undefined && sf.devices.length > 0) sf.device = sf.devices[0];
    f.servers.push(sf);
  }
  for (const sf of f.servers) {
    if (p.now() - start > PROBE_BUDGET) {
      f.outOfTime.push(`server_${sf.name}`);
      continue;
    }
    const tcp = sf.ports.find((x) => x.proto !== "udp");
    probeServer(p, sf, tcp !== undefined ? Number(intPorts(tcp).split("-")[0]) : undefined);
  }

  for (const r of raw.ddns) {
    if (r.enabled !== "1") continue;
    const host = r.host === "" || r.host === "@" ? r.domain : r.host === "*" ? `splitwan-selftest.${r.domain}` : `${r.host}.${r.domain}`;
    const state = decodeState(p.readFile(statePath(r.section)));
    const d: DdnsFacts = { name: r.section, host, ipVersion: r.ip_version, resolver: raw.main.resolver };
    if (state !== undefined && state.successIp !== undefined) d.successIp = state.successIp;
    if (state !== undefined && state.lastSuccess !== undefined) d.lastSuccess = state.lastSuccess;
    if (p.now() - start > PROBE_BUDGET) f.outOfTime.push(`ddns_${r.section}`);
    else lookupDdns(p, d);
    f.ddns.push(d);
  }
  f.others = otherRouting(p, cursor);
  return f;
}
