// `luci.splitwan list | call <method>`: the rpcd exec plugin behind the LuCI page
// (/usr/libexec/rpcd/luci.splitwan, entry rpcd-main.ts). rpcd runs `list` once to learn the
// methods and their argument types (from example values), and `call <method>` with the
// arguments as a JSON object on stdin; each call prints exactly one JSON object.
// Failures are answered as { "error": "..." }, never as a crash or an empty answer.
import { applyConfig, diffAgainstRouter } from "../core/apply";
import { readConfig } from "../core/config";
import { type RawDdns, readDdns } from "../core/config";
import { decodeState, statePath } from "../core/ddns/state";
import { detectWan } from "../core/detect";
import { describeChange } from "../core/diff";
import { errorText, EXIT_CONFLICT, EXIT_INVALID, EXIT_OK, EXIT_SYSTEM, SplitwanError } from "../core/errors";
import { buildPlan } from "../core/plan";
import { jsonArray, jsonDecode, jsonEncode } from "../core/json";
import type { Platform } from "../core/platform";
import { withLock } from "../core/lock";
import { OWNED_PATH, provesSection } from "../core/owned";
import { collectStatus, readStatusInput } from "../core/status";
import { describeUbusFailure, field, ubusData } from "../core/ubus";
import { readSystem } from "../core/system";
import { type UciCursor, type UciSection, type UciValue, optString, sectionsOf } from "../core/uci";
import { quote, isName } from "../core/text";
import { validateConfig } from "../core/validate";
import { NO_ARGS, said } from "../core/messages";
import type { ActionReply, ApplyReply, DdnsState, DetectReply, Lease, StatusReply, ValidateReply } from "../core/rpc-types";
import { runDiagnose } from "./diagnose";

type Args = Record<string, unknown>;

// every answer is JSON: messages without values as []
jsonArray(NO_ARGS);
type Reply = object;

/** Methods with example arguments: rpcd derives each argument's type from its example
 * (written out, so an empty list stays a JSON array and never becomes an object). */
export const METHODS_JSON =
  '{"status":{},"detect":{},"validate":{"sections":[]},"ddns_update":{"name":"home","force":true},"reconnect":{},"diagnose":{},"apply":{}}';

// ---- validate: the page's staged sections over the router's own network/firewall ----

export interface SectionArg {
  name: string;
  type: string;
  options: Record<string, UciValue>;
}

/** Checks the `sections` argument; returns the sections or what is wrong with it. */
export function parseSections(v: unknown): SectionArg[] | string {
  if (!Array.isArray(v)) return "sections must be a list of {name, type, options}";
  const out: SectionArg[] = [];
  for (const item of v as unknown[]) {
    if (typeof item !== "object" || item === null) return "sections must be a list of {name, type, options}";
    const s = item as Record<string, unknown>;
    if (typeof s.name !== "string" || !isName(s.name)) return `invalid section name: ${quote(String(s.name))}`;
    if (typeof s.type !== "string" || !isName(s.type)) return `invalid section type: ${quote(String(s.type))}`;
    const options: Record<string, UciValue> = {};
    const raw = s.options === undefined ? {} : s.options;
    if (typeof raw !== "object" || raw === null || (Array.isArray(raw) && (raw as unknown[]).length > 0)) return `options of ${quote(s.name)} must be an object`;
    for (const key of Object.keys(raw as object)) {
      const val = (raw as Record<string, unknown>)[key];
      if (!isName(key)) return `invalid option name: ${quote(key)}`;
      if (typeof val === "string") options[key] = val;
      else if (Array.isArray(val) && (val as unknown[]).every((x) => typeof x === "string")) options[key] = (val as string[]).slice();
      else if (typeof val === "number" || typeof val === "boolean") options[key] = `${val === true ? 1 : val === false ? 0 : val}`;
      else return `option ${s.name}.${key} must be a string or a list of strings`;
    }
    out.push({ name: s.name, type: s.type, options });
  }
  return out;
}

/** A read-only cursor that answers `splitwan` from the given sections and every other
 * config from the router's cursor: validation sees the page's values with the router's
 * real network and firewall. */
export function overlayCursor(base: UciCursor, config: string, sections: SectionArg[]): UciCursor {
  const list: UciSection[] = sections.map((s, i) => {
    const sec: UciSection = { ".name": s.name, ".type": s.type, ".anonymous": false, ".index": i };
    for (const k of Object.keys(s.options)) sec[k] = s.options[k];
    return sec;
  });
  const find = (name: string) => list.find((s) => s[".name"] === name);
  const readOnly = () => false;
  return {
    get(c, section, option) {
      if (c !== config) return base.get(c, section, option);
      const s = find(section);
      if (s === undefined) return undefined;
      if (option === undefined) return s[".type"];
      const v = s[option];
      return typeof v === "string" || Array.isArray(v) ? v : undefined;
    },
    get_all(c, section) {
      return c === config ? find(section) : base.get_all(c, section);
    },
    foreach(c, type, fn) {
      if (c !== config) return base.foreach(c, type, fn);
      for (const s of list) if (type === undefined || s[".type"] === type) fn(s);
      return true;
    },
    set: readOnly,
    delete: readOnly,
    reorder: readOnly,
    commit: readOnly,
    revert: readOnly,
    load(c) {
      if (c !== config) return base.load(c);
      return $multi(true, undefined);
    },
    unload(c) {
      return c === config ? true : base.unload(c);
    },
  };
}

/** Core validation of the main section, servers and DDNS, as `splitwan apply` does; its
 * errors as they are (code, values, English; the page words them). */
export function validateWith(cursor: UciCursor): ValidateReply {
  const errors = validateConfig(readConfig(cursor), readSystem(cursor)).errors;
  return { valid: errors.length === 0, errors };
}

// ---- status ----

function ddnsStates(p: Platform, raws: RawDdns[]): DdnsState[] {
  return raws.map((r) => {
    const st = decodeState(p.readFile(statePath(r.section)));
    const d: DdnsState = { name: r.section, provider: r.provider, enabled: r.enabled === "1" };
    const host = r.host === "" || r.host === "@" ? r.domain : `${r.host}.${r.domain}`;
    if (host !== "") d.host = host;
    if (st !== undefined) {
      if (st.lastAttempt !== undefined) d.last_attempt = st.lastAttempt;
      if (st.lastSuccess !== undefined) d.last_success = st.lastSuccess;
      if (st.ipSent !== undefined) d.ip_sent = st.ipSent;
      // a state written before messages had codes keeps its English (code "")
      if (st.message !== undefined && st.message !== "") d.message = { code: st.messageCode ?? "", args: jsonArray(st.messageArgs ?? []), text: st.message };
      else if (st.answer !== undefined && st.answer !== "") d.answer = st.answer;
      if (st.nextRetry !== undefined && st.gaveUp !== true) d.next_retry = st.nextRetry;
    }
    return d;
  });
}

/** The page polls this: collectStatus's one result (the config read and validated once),
 * its errors and warnings as they are. */
export function statusReply(p: Platform): StatusReply {
  const input = readStatusInput(p);
  const s = collectStatus(p, input);
  const main = input.raw.main;
  const configured = s.enabled && s.valid;
  const portCount = s.servers.reduce((n, sv) => n + sv.ports.length, 0);
  return {
    now: p.now(),
    enabled: s.enabled,
    pppoe: {
      interface: s.interface,
      configured,
      state: s.pppoe.state,
      up: s.pppoe.up,
      pending: s.pppoe.pending,
      uptime: s.pppoe.uptime,
      ipv4: s.pppoe.ipv4 !== "" ? s.pppoe.ipv4 : undefined,
      mtu: s.mtu,
      device: s.pppoe.l3_device !== "" ? s.pppoe.l3_device : s.device,
      // from the one status call collectStatus made (a second one could wait out another timeout)
      errors: jsonArray(configured && !s.pppoe.up ? s.pppoe.errors : []),
    },
    table: { configured, live: s.live.default_route, id: s.table, name: main.table_name, default_route: s.live.default_route },
    rules: { configured, live: s.live.rules.length > 0 },
    zone: { configured, live: s.live.zone, name: s.zone },
    forwards: { configured: configured && portCount > 0, live: s.live.forwards > 0 },
    servers: s.servers.map((sv) => ({ name: sv.name, enabled: true, ipaddr: sv.ipaddr, mode: sv.mode, ports: sv.ports, ip6_suffix: sv.ip6_suffix, live: s.live.forwards > 0 })),
    ddns: jsonArray(ddnsStates(p, input.raw.ddns)),
    errors: s.errors,
    // the page words the drift itself and offers `apply` (pending says "run splitwan apply")
    drift: s.drift,
    warnings: s.warnings,
  };
}

// ---- detect ----

/** dnsmasq's lease file: "<expiry> <mac> <ip> <hostname> <client-id>" per line. */
export function parseLeases(text: string | undefined): Lease[] {
  const out: Lease[] = [];
  if (text === undefined) return out;
  for (const line of text.split("\n")) {
    const f = line.split(" ").filter((x) => x !== "");
    if (f.length < 4 || f[2].indexOf(".") < 0) continue; // IPv4 leases only
    const lease: Lease = { ipaddr: f[2], macaddr: f[1] };
    if (f[3] !== "*") lease.hostname = f[3];
    out.push(lease);
  }
  return out;
}

/** Devices PPPoE could run on: netifd's devices without tunnels, PPP and loopback;
 * undefined when netifd could not be asked. */
function candidateDevices(p: Platform): string[] | undefined {
  const devs = ubusData(p.ubusCall("network.device", "status"));
  const out: string[] = [];
  if (devs === undefined) return undefined;
  for (const name of Object.keys(devs)) {
    if (name === "lo" || name.startsWith("pppoe-") || name.startsWith("map-") || name.startsWith("ds-")) continue;
    out.push(name);
  }
  out.sort();
  return out;
}

export function detectReply(p: Platform): DetectReply {
  const cursor = p.cursor();
  const wan = detectWan(cursor);
  let leaseFile = "/tmp/dhcp.leases";
  for (const s of sectionsOf(cursor, "dhcp", "dnsmasq")) {
    const f = optString(s, "leasefile");
    if (f !== undefined && f !== "") leaseFile = f;
    break;
  }
  const asked = candidateDevices(p);
  const devices = asked ?? [];
  const reply: DetectReply = {
    devices: jsonArray(wan !== undefined && !devices.includes(wan.device) ? [wan.device].concat(devices) : devices),
    leases: jsonArray(parseLeases(p.readFile(leaseFile))),
    netifd: asked !== undefined,
    zones: jsonArray(serverZones(cursor)),
  };
  if (wan !== undefined) {
    reply.interface = wan.ipv4Iface;
    reply.device = wan.device;
    reply.kind = wan.kind;
  }
  return reply;
}

/** Zones a server may be in: every firewall zone but the WAN's and splitwan's own. */
function serverZones(cursor: UciCursor): string[] {
  const sys = readSystem(cursor);
  const own = readConfig(cursor).main.zone;
  const wan = sys.wan;
  const out: string[] = [];
  for (const z of sys.zones) {
    const isWan = wan !== undefined && (z.networks.includes(wan.l2Iface) || z.networks.includes(wan.ipv4Iface));
    if (z.name !== "" && z.name !== own && !isWan && !out.includes(z.name)) out.push(z.name);
  }
  return out;
}

// ---- actions ----

/** `splitwan apply` for the page's "Apply now": the same applyConfig, its refusals as data. */
function apply(p: Platform): ApplyReply {
  const reply: ApplyReply = { ok: false, exit: EXIT_SYSTEM, message: "", changes: jsonArray([]), errors: jsonArray([]), conflicts: jsonArray([]) };
  // stdout carries the one JSON answer: apply's "would run" lines (SPLITWAN_ROOT) must not
  const print = p.print;
  p.print = () => undefined;
  try {
    const out = applyConfig(p, false);
    for (const c of out.changes) reply.changes.push(describeChange(c));
    reply.ok = true;
    reply.exit = EXIT_OK;
    reply.message = out.changes.length === 0 ? "nothing to change" : `applied ${out.changes.length} change(s)`;
  } catch (e) {
    if (!(e instanceof SplitwanError)) throw e;
    reply.exit = e.code;
    reply.message = e.message;
    const cursor = p.cursor();
    if (e.code === EXIT_INVALID) for (const fe of validateWith(cursor).errors) reply.errors.push(fe);
    if (e.code === EXIT_CONFLICT) {
      const sys = readSystem(cursor);
      const config = validateConfig(readConfig(cursor), sys).config;
      if (config !== undefined) for (const c of diffAgainstRouter(p, cursor, buildPlan(config, sys)).conflicts) reply.conflicts.push(c);
    }
  } finally {
    p.print = print;
  }
  return reply;
}

/** An action's answer: done or not, what happened as a message. */
function act(ok: boolean, code: string, args?: string[]): ActionReply {
  const m = said(code, args);
  return { ok, code: m.code, args: m.args, text: m.text };
}

/** Bounces splitwan's own PPPoE session, and nothing else: a LuCI user with only this
 * app's ACL must not be able to take down the LAN or the WAN by naming them as the
 * interface. The name must be valid, recorded as splitwan's in the ownership record,
 * and a pppoe interface in /etc/config/network and in netifd. */
function reconnect(p: Platform): ActionReply {
  const cursor = p.cursor();
  const main = readConfig(cursor, (f) => p.readFile(f)).main;
  if (main.enabled !== "1") return act(false, "reconnect.disabled");
  const iface = main.interface;
  if (!isName(iface) || iface.length > 9) return act(false, "reconnect.bad_name", [quote(iface)]);
  if (!provesSection(p.readFile(OWNED_PATH), cursor.get_all("network", iface), "network", () => iface)) {
    return act(false, "reconnect.not_owned", [iface]);
  }
  if (cursor.get("network", iface, "proto") !== "pppoe") return act(false, "reconnect.not_pppoe", [iface]);
  const obj = `network.interface.${iface}`;
  const reply = p.ubusCall(obj, "status");
  if (!reply.ok) return reply.failure === "not-found" ? act(false, "reconnect.missing", [iface]) : act(false, "reconnect.no_netifd");
  const st = reply.data;
  // netifd's status always says whether the interface is up: anything else is no answer
  if (typeof field(st, "up") !== "boolean") return act(false, "reconnect.bad_status", [iface]);
  const proto = field(st, "proto");
  if (proto !== undefined && proto !== "pppoe") return act(false, "reconnect.proto", [iface, quote(`${proto}`)]);
  p.log("info", `reconnecting ${iface} (requested in LuCI)`);
  const down = p.ubusCall(obj, "down");
  const up = down.ok ? p.ubusCall(obj, "up") : down;
  if (!up.ok) return act(false, "reconnect.failed", [iface, describeUbusFailure(obj, up)]);
  return act(true, "reconnect.ok", [main.interface]);
}

/** A DDNS pass can wait out a provider's spacing (Value Domain: 60 s), longer than rpcd
 * waits for a plugin: start it detached; its result shows in the status. */
function ddnsUpdate(p: Platform, args: Args): ActionReply {
  if (args.name !== undefined && typeof args.name !== "string") return act(false, "ddns_update.name");
  if (args.force !== undefined && typeof args.force !== "boolean") return act(false, "ddns_update.force");
  const sections = readDdns(p.cursor()).filter((r) => r.enabled === "1");
  if (sections.length === 0) return act(false, "ddns_update.none");
  const cmd = `/usr/sbin/splitwan ddns update${args.force === false ? "" : " --force"} >/dev/null 2>&1 </dev/null &`;
  if (p.dryRun) return act(true, "ddns_update.dry_run", [cmd]);
  const r = p.exec(["/bin/sh", "-c", cmd]);
  return r.code === 0 ? act(true, "ddns_update.started") : act(false, "ddns_update.failed", [`${r.code}`]);
}

// ---- dispatch ----

export function callMethod(p: Platform, method: string, args: Args): Reply {
  switch (method) {
    case "status":
      return statusReply(p);
    case "detect":
      return detectReply(p);
    case "validate": {
      if (args.sections === undefined) return validateWith(p.cursor());
      const sections = parseSections(args.sections);
      if (typeof sections === "string") return { error: sections };
      return validateWith(overlayCursor(p.cursor(), "splitwan", sections));
    }
    case "ddns_update":
      return ddnsUpdate(p, args);
    case "reconnect":
      return withLock(p, () => reconnect(p));
    case "diagnose":
      return runDiagnose(p);
    case "apply":
      return apply(p);
    default:
      return { error: `unknown method: ${method}` };
  }
}

/** Parses the stdin arguments; rpcd sends an empty object when there are none. */
export function parseArgs(text: string): Args | string {
  if (text.trim() === "") return {};
  let v: unknown;
  try {
    v = jsonDecode(text);
  } catch (_e) {
    return "arguments are not valid JSON";
  }
  // Lua: an empty object decodes to an empty table, which is also an empty array
  if (typeof v !== "object" || v === null || (Array.isArray(v) && (v as unknown[]).length > 0)) return "arguments must be a JSON object";
  return Array.isArray(v) ? {} : (v as Args);
}

/** One JSON object for `call`, whatever happens. */
export function answer(p: Platform, method: string, stdin: string): string {
  let out: Reply;
  try {
    const args = parseArgs(stdin);
    out = typeof args === "string" ? { error: args } : callMethod(p, method, args);
  } catch (e) {
    const text = errorText(e);
    p.log("err", `rpcd ${method}: ${text}`);
    out = { error: text };
  }
  return jsonEncode(out);
}

export function rpcdCommand(p: Platform, args: string[]): number {
  if (args[0] === "list") {
    p.print(METHODS_JSON + "\n");
    return 0;
  }
  if (args[0] === "call" && args[1] !== undefined) {
    // Lua's io (typed here so the file also compiles in the Node test project)
    const lua = globalThis as unknown as { io: { read(this: void, format: string): string | undefined } };
    const stdin = lua.io.read("*a");
    p.print(answer(p, args[1], typeof stdin === "string" ? stdin : "") + "\n");
    return 0;
  }
  p.printErr("usage: /usr/libexec/rpcd/luci.splitwan list | call <method>\n");
  return 1;
}
