// `splitwan status`: what is configured, what is live, and warnings, computed once as data
// (each warning and error a message code with its values and English text): the CLI
// prints it (formatStatus), the rpcd plugin answers from it.
import { type RawConfig, readConfig } from "./config";
import { diffAgainstRouter, pendingReloads } from "./apply";
import { RELOAD_PATH } from "./owned";
import { buildPlan, pppoeDevice } from "./plan";
import type { Platform } from "./platform";
import { formatSpec } from "./ports";
import { type SystemView, readSystem } from "./system";
import { escape } from "./text";
import type { ConfigError } from "./section-check";
import { type Validation, formatError, validateConfig } from "./validate";
import { NO_ARGS, said } from "./messages";
import type { Message } from "./rpc-types";
import { jsonArray } from "./json";
import { type UbusFailure, describeUbusFailure, field, ubusData } from "./ubus";

// `status --json` and the rpcd plugin write the messages below
jsonArray(NO_ARGS);

export interface ServerStatus {
  name: string;
  ipaddr: string;
  mode: string;
  ports: string[];
  ip6_suffix: string;
}

export interface Status {
  enabled: boolean;
  valid: boolean;
  errors: ConfigError[];
  /** Configuration differs from what is written (apply pending or failed). */
  pending: Message[];
  /** The same as data: changes apply would make, and what stops it. */
  drift: { changes: number; conflicts: Message[]; reload: string[] };
  interface: string;
  device: string;
  wan_kind: string;
  table: number;
  zone: string;
  mtu: number;
  servers: ServerStatus[];
  pppoe: {
    /** netifd knows the interface ("configured") and answered. */
    state: "answered" | "not-configured" | "not-answering";
    /** Why netifd did not answer, when it did not. */
    failure?: UbusFailure;
    up: boolean;
    pending: boolean;
    uptime: number;
    ipv4: string;
    l3_device: string;
    /** netifd's error codes for the interface ("AUTH_FAILED", ...). */
    errors: string[];
  };
  live: {
    default_route: boolean;
    rules: string[];
    zone: boolean;
    forwards: number;
  };
  warnings: Message[];
}

/** The codes of netifd's `errors` list of an interface status. */
function errorCodes(list: unknown): string[] {
  const out: string[] = [];
  if (Array.isArray(list)) for (const e of list as unknown[]) if (typeof field(e, "code") === "string") out.push(field(e, "code") as string);
  return out;
}

/** What status is computed from: the config read once and validated once. */
export interface StatusInput {
  raw: RawConfig;
  sys: SystemView;
  validation: Validation;
}

export function readStatusInput(p: Platform): StatusInput {
  const cursor = p.cursor();
  const raw = readConfig(cursor, (f) => p.readFile(f));
  const sys = readSystem(cursor);
  return { raw, sys, validation: validateConfig(raw, sys) };
}

export function collectStatus(p: Platform, input: StatusInput = readStatusInput(p)): Status {
  const cursor = p.cursor();
  const { raw, sys, validation: v } = input;
  const c = v.config;
  const iface = raw.main.interface;
  const table = Number(raw.main.table);
  // arrays that may be empty are marked so JSON writes [] (Lua cannot tell [] from {})
  const warnings: Message[] = jsonArray([]);

  const pending: Message[] = jsonArray([]);
  const drift = { changes: 0, conflicts: jsonArray<Message>([]), reload: jsonArray<string>([]) };
  if (c !== undefined) {
    const d = diffAgainstRouter(p, cursor, buildPlan(c, sys));
    drift.changes = d.changes.length;
    for (const x of d.conflicts) drift.conflicts.push(x);
    if (d.conflicts.length > 0) for (const x of d.conflicts) pending.push(said("status.conflict", [x.text]));
    else if (d.changes.length > 0) pending.push(said("status.pending", [`${d.changes.length}`]));
  }
  // what an apply wrote but did not get to reload (core/apply.ts runs it next time)
  for (const s of pendingReloads(p.readFile(RELOAD_PATH))) drift.reload.push(s);
  if (drift.reload.length > 0) pending.push(said("status.reload", [drift.reload.join(", ")]));

  const reply = p.ubusCall(`network.interface.${iface}`, "status");
  const ifst = ubusData(reply);
  const addrs = field(ifst, "ipv4-address");
  const first = Array.isArray(addrs) && addrs.length > 0 ? addrs[0] : undefined;
  const pppoe: Status["pppoe"] = {
    state: reply.ok ? "answered" : reply.failure === "not-found" ? "not-configured" : "not-answering",
    failure: reply.ok ? undefined : reply.failure,
    up: field(ifst, "up") === true,
    pending: field(ifst, "pending") === true,
    uptime: typeof field(ifst, "uptime") === "number" ? (field(ifst, "uptime") as number) : 0,
    ipv4: typeof field(first, "address") === "string" ? (field(first, "address") as string) : "",
    l3_device: typeof field(ifst, "l3_device") === "string" ? (field(ifst, "l3_device") as string) : "",
    errors: jsonArray(errorCodes(field(ifst, "errors"))),
  };

  const routes = p.exec(["ip", "-4", "route", "show", "table", `${table}`]);
  const defaultRoute = routes.code === 0 && routes.stdout.split("\n").some((l) => l.startsWith("default"));
  const ruleOut = p.exec(["ip", "-4", "rule", "show"]);
  const tableName = raw.main.table_name;
  const rules = jsonArray(ruleOut.code !== 0 ? [] : ruleOut.stdout.split("\n").filter((l) => {
    const t = l.split("\t").join(" ");
    return t.indexOf(`lookup ${table} `) >= 0 || t.endsWith(`lookup ${table}`) || t.indexOf(`lookup ${tableName}`) >= 0;
  }).map((l) => l.trim()));
  const chain = p.exec(["nft", "list", "chain", "inet", "fw4", `dstnat_${raw.main.zone}`]);
  const forwards = chain.code === 0 ? chain.stdout.split("\n").filter((l) => l.indexOf(" dnat ") >= 0).length : 0;
  const zoneLive = p.exec(["nft", "list", "chain", "inet", "fw4", `input_${raw.main.zone}`]).code === 0;

  const enabled = c !== undefined ? c.enabled : raw.main.enabled === "1";
  if (enabled && c !== undefined) {
    if (pppoe.state === "not-configured") warnings.push(said("status.not_configured", [iface]));
    else if (pppoe.state === "not-answering") warnings.push(said("status.not_answering", [describeUbusFailure(`network.interface.${iface}`, reply)]));
    else if (!pppoe.up) warnings.push(said("status.down", [iface]));
    if (pppoe.up && !defaultRoute) warnings.push(said("status.no_default", [`${table}`, iface]));
    if (pppoe.up && pppoe.l3_device !== "" && pppoe.l3_device !== pppoeDevice(iface)) warnings.push(said("status.device", [pppoe.l3_device, pppoeDevice(iface)]));
    const portCount = c.servers.reduce((n, s) => n + s.ports.length, 0);
    if (pppoe.up && portCount > 0 && forwards === 0) warnings.push(said("status.no_forwards", [c.zone]));
    const strict = rpFilterStrict(p, pppoeDevice(c.iface));
    if (strict !== undefined && c.servers.some((s) => s.mode === "reply-only" && s.ports.length > 0)) {
      warnings.push(said("status.rp_filter", [strict, strict]));
    }
  }

  return {
    enabled,
    valid: c !== undefined,
    errors: jsonArray(v.errors),
    pending,
    drift,
    interface: iface,
    device: c !== undefined ? c.device : raw.main.device,
    wan_kind: sys.wan !== undefined ? sys.wan.kind : "",
    table,
    zone: raw.main.zone,
    mtu: Number(raw.main.mtu),
    servers: jsonArray((c !== undefined ? c.servers : []).map((s) => ({
      name: s.name, ipaddr: s.ipaddr, mode: s.mode, ports: jsonArray(s.ports.map(formatSpec)), ip6_suffix: s.ip6Suffix ?? "",
    }))),
    pppoe,
    live: { default_route: defaultRoute, rules, zone: zoneLive, forwards },
    warnings,
  };
}

/** The kernel uses the larger of conf/all and the device's own value (default until the
 * device exists); 1 is strict. Returns the setting to change, or undefined. */
export function rpFilterStrict(p: Platform, device: string): string | undefined {
  const read = (conf: string) => {
    const v = p.readFile(`/proc/sys/net/ipv4/conf/${conf}/rp_filter`);
    return v !== undefined ? Number(v.trim()) : undefined;
  };
  const all = read("all") ?? 0;
  const devConf = read(device) !== undefined ? device : "default";
  const dev = read(devConf) ?? 0;
  if (Math.max(all, dev) !== 1) return undefined;
  return all === 1 ? "all" : devConf;
}

function yes(b: boolean): string {
  return b ? "yes" : "no";
}

export function formatStatus(s: Status): string {
  const lines: string[] = [];
  lines.push(`splitwan: ${s.enabled ? "enabled" : "disabled"}${s.valid ? "" : " (configuration invalid)"}`);
  for (const e of s.errors) lines.push(`  error: ${formatError(e)}`);
  for (const x of s.pending) lines.push(`  pending: ${x.text}`);
  lines.push(`PPPoE ${escape(s.interface)} on ${escape(s.device) || "?"}${s.wan_kind !== "" ? ` (IPoE WAN: ${s.wan_kind})` : ""}, MTU ${s.mtu}`);
  if (s.pppoe.state !== "answered") lines.push(`  ${s.pppoe.state === "not-configured" ? "PPPoE interface not configured" : "network service not answering"}`);
  else lines.push(`  up: ${yes(s.pppoe.up)}${s.pppoe.up ? `, ${s.pppoe.ipv4 || "no IPv4"}, uptime ${s.pppoe.uptime}s, device ${s.pppoe.l3_device}` : ""}`);
  lines.push(`table ${s.table}: default route ${yes(s.live.default_route)}`);
  lines.push(`rules: ${s.live.rules.length === 0 ? "none" : ""}`);
  for (const r of s.live.rules) lines.push(`  ${r}`);
  lines.push(`zone ${s.zone}: ${s.live.zone ? "live" : "not loaded"}, port forwards live: ${s.live.forwards}`);
  for (const sv of s.servers) {
    lines.push(`server ${sv.name} ${sv.ipaddr} (${sv.mode}): ${sv.ports.length > 0 ? sv.ports.join(" ") : "no published ports"}${sv.ip6_suffix !== "" ? `, IPv6 ${sv.ip6_suffix}` : ""}`);
  }
  for (const w of s.warnings) lines.push(`warning: ${w.text}`);
  return lines.join("\n") + "\n";
}
