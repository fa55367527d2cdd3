// RawConfig → checked, typed Config, or errors that name section, option, value and why.
import { type ConfigError, type ReportError, checkSection, configError } from "./section-check";
import { ipv4ToNumber, isDigits, numberToIpv4, parseIPv4, parseIPv6, subnetBounds } from "./addr";
import type { RawConfig, RawServer } from "./config";
import { validateDdns } from "./ddns/config";
import type { WanInfo } from "./detect";
import { type PortSpec, formatSpec, parsePortItem, portsOverlap } from "./ports";
import type { Subnet, SystemView, ZoneInfo } from "./system";
import { hasControl, isHexDigits, isName, quote } from "./text";
import { uciBool } from "./uci";

export type Mode = "source" | "reply-only";

export interface Server {
  name: string;
  ipaddr: string;
  zone: string;
  mode: Mode;
  ip6Suffix: string | undefined;
  ports: PortSpec[];
}

export interface Config {
  enabled: boolean;
  username: string;
  password: string;
  device: string;
  /** Where the device came from: the user, or the detected IPoE WAN. */
  wan: WanInfo | undefined;
  mtu: number;
  iface: string;
  zone: string;
  table: number;
  tableName: string;
  priority: number;
  mark: number;
  servers: Server[];
}

/** Where an error is and why: a message code with its values and English text (the
 * rpcd plugin answers these as they are). */

/** "splitwan.web.ipaddr='x': why": how the CLI and syslog show an error. */
export function formatError(e: ConfigError): string {
  const where = e.option !== undefined ? `splitwan.${e.section}.${e.option}` : `splitwan.${e.section}`;
  const value = e.value !== undefined ? `=${quote(e.value)}` : "";
  return `${where}${value}: ${e.text}`;
}

/** First priority number that belongs to the main table (32766): rules must stay below. */
const MAIN_RULE_PRIORITY = 32766;
const RESERVED_TABLES = [0, 253, 254, 255];
const RESERVED_TABLE_NAMES = ["unspec", "default", "main", "local"];

function integer(s: string, min: number, max: number): number | undefined {
  if (!isDigits(s) || s.length > 10) return undefined;
  const n = Number(s);
  return n >= min && n <= max ? n : undefined;
}

/** pppd keeps the PAP/CHAP name and secret in 256-byte buffers with the terminating NUL
 * (pppd.h MAXNAMELEN / MAXSECRETLEN; options.c `user` and `password` are o_string
 * OPT_STATIC of that size): a longer value is cut short silently, and login fails. */
const PPPD_MAX_BYTES = 255;
/** PPPoE's 8-byte header inside an Ethernet frame of 1500 (RFC 2516). */
const PPPOE_MAX_MTU = 1492;
/** Marks other packages own: mwan3 (mmx_mask 0x3f00) and pbr (fw_mask 0x00ff0000). */
const FOREIGN_MARKS: Array<[number, number, string]> = [
  [0x3f00, 0x100, "mwan3 (0x3f00)"],
  [0x00ff0000, 0x10000, "pbr (0x00ff0000)"],
];

/** "0x10000000" → number; a single bit, so it can share the mark with other packages. */
function singleBitMark(s: string): number | undefined {
  if (!s.startsWith("0x") || s.length < 3 || s.length > 10) return undefined;
  const hex = s.slice(2);
  if (!isHexDigits(hex)) return undefined;
  const n = Number(`0x${hex.toLowerCase()}`);
  let v = n;
  while (v > 1 && v % 2 === 0) v = v / 2;
  return n > 0 && v === 1 ? n : undefined;
}

export interface Validation {
  config: Config | undefined;
  errors: ConfigError[];
}

export function validateConfig(raw: RawConfig, sys: SystemView): Validation {
  const errors: ConfigError[] = [];
  const m = raw.main;
  const err: ReportError = (option, value, code, args) => {
    errors.push(configError(m.section, "splitwan", option, value, code, args));
  };

  const enabled = uciBool(m.enabled);
  if (enabled === undefined) err("enabled", m.enabled, "value.bool");
  if (enabled !== true) {
    // disabled: nothing else matters, apply removes what splitwan owns
    return { config: errors.length > 0 ? undefined : disabledConfig(), errors };
  }

  if (m.username === "") err("username", undefined, "username.required");
  else if (hasControl(m.username)) err("username", undefined, "value.control");
  else if (m.username.length > PPPD_MAX_BYTES) err("username", undefined, "pppd.too_long", [`${m.username.length}`, `${PPPD_MAX_BYTES}`]);
  if (m.password === "") err("password", undefined, "password.required");
  else if (hasControl(m.password)) err("password", undefined, "value.control");
  else if (m.password.length > PPPD_MAX_BYTES) err("password", undefined, "pppd.too_long", [`${m.password.length}`, `${PPPD_MAX_BYTES}`]);

  let device = m.device;
  let wan: WanInfo | undefined;
  if (device === "") {
    wan = sys.wan;
    if (wan === undefined) err("device", "", "device.no_wan");
    else device = wan.device;
  } else if (!isName(device, ".-@:") || device.length > 15) {
    err("device", device, "device.name");
  }

  const mtu = integer(m.mtu, 576, PPPOE_MAX_MTU);
  if (mtu === undefined) err("mtu", m.mtu, "mtu.range", [`${PPPOE_MAX_MTU}`]);

  // netifd names the device pppoe-<iface>; Linux allows 15 characters
  if (!isName(m.interface) || m.interface.length > 9) {
    err("interface", m.interface, "interface.name");
  }
  if (!isName(m.zone) || m.zone.length > 11) err("zone", m.zone, "zone.name");

  const table = integer(m.table, 1, 2147483647);
  if (table === undefined || RESERVED_TABLES.includes(table)) {
    err("table", m.table, "table.range");
  }
  if (!isName(m.table_name, "-") || RESERVED_TABLE_NAMES.includes(m.table_name)) {
    err("table_name", m.table_name, "table_name.name");
  } else if (isDigits(m.table_name)) {
    err("table_name", m.table_name, "table_name.number");
  }
  const priority = integer(m.priority, 1, MAIN_RULE_PRIORITY - 1);
  if (priority === undefined) err("priority", m.priority, "priority.range", [`${MAIN_RULE_PRIORITY - 1}`]);
  const mark = singleBitMark(m.mark);
  if (mark === undefined) err("mark", m.mark, "mark.bit");
  else {
    for (const [mask, low, owner] of FOREIGN_MARKS) {
      if (mark >= low && mark <= mask) err("mark", m.mark, "mark.foreign", [owner]);
    }
  }

  const servers = validateServers(raw.servers, sys, errors);
  for (const e of validateDdns(raw.ddns, raw.servers)) errors.push(e);
  if (priority !== undefined && priority + 10 * (servers.length + 1) >= MAIN_RULE_PRIORITY) {
    err("priority", m.priority, "priority.too_high", [`${servers.length}`, `${MAIN_RULE_PRIORITY}`]);
  }

  if (errors.length > 0) return { config: undefined, errors };
  return {
    config: {
      enabled: true,
      username: m.username,
      password: m.password,
      device,
      wan,
      mtu: mtu as number,
      iface: m.interface,
      zone: m.zone,
      table: table as number,
      tableName: m.table_name,
      priority: priority as number,
      mark: mark as number,
      servers,
    },
    errors,
  };
}

function disabledConfig(): Config {
  return {
    enabled: false, username: "", password: "", device: "", wan: undefined, mtu: 0, iface: "", zone: "",
    table: 0, tableName: "", priority: 0, mark: 0, servers: [],
  };
}

/** External ports published so far: single ports by "proto/port", ranges (few) in a list,
 * so checking n ports costs n lookups, not n². */
interface Published {
  server: string;
  spec: PortSpec;
}

interface PortTable {
  single: Record<string, Published>;
  ranges: Published[];
}

function protosOf(spec: PortSpec): string[] {
  return spec.proto === "both" ? ["tcp", "udp"] : [spec.proto];
}

function findClash(t: PortTable, spec: PortSpec): Published | undefined {
  for (const r of t.ranges) if (portsOverlap(r.spec, spec)) return r;
  for (let port = spec.extFrom; port <= spec.extTo; port++) {
    for (const proto of protosOf(spec)) {
      const hit = t.single[`${proto}/${port}`];
      if (hit !== undefined) return hit;
    }
  }
  return undefined;
}

function publish(t: PortTable, p: Published): void {
  if (p.spec.extFrom !== p.spec.extTo) t.ranges.push(p);
  else for (const proto of protosOf(p.spec)) t.single[`${proto}/${p.spec.extFrom}`] = p;
}

function cidr(n: Subnet): string {
  return `${numberToIpv4(subnetBounds(n.addr, n.prefix)[0])}/${n.prefix}`;
}

/** Refuses an address no server can have in this zone: DNAT to the router's own address
 * would publish its SSH and LuCI; the network and broadcast addresses and addresses
 * outside the zone's subnets are no host the zone can reach. */
function checkZoneAddress(r: RawServer, ip: number[], zone: ZoneInfo, sys: SystemView, err: ReportError): void {
  const subnets = sys.subnets.filter((n) => zone.networks.includes(n.iface));
  if (subnets.length === 0) return err("ipaddr", r.ipaddr, "ipaddr.no_subnet", [zone.name]);
  const n = ipv4ToNumber(ip);
  let inside = false;
  for (const sub of subnets) {
    if (ipv4ToNumber(sub.addr) === n) return err("ipaddr", r.ipaddr, "ipaddr.router", [sub.iface]);
    const [first, last] = subnetBounds(sub.addr, sub.prefix);
    if (n < first || n > last) continue;
    if (sub.prefix <= 30 && n === first) return err("ipaddr", r.ipaddr, "ipaddr.network", [cidr(sub), sub.iface]);
    if (sub.prefix <= 30 && n === last) return err("ipaddr", r.ipaddr, "ipaddr.broadcast", [cidr(sub), sub.iface]);
    inside = true;
  }
  if (!inside) err("ipaddr", r.ipaddr, "ipaddr.outside", [zone.name, subnets.map(cidr).join(", ")]);
}

function validateServers(raws: RawServer[], sys: SystemView, errors: ConfigError[]): Server[] {
  const servers: Server[] = [];
  const published: PortTable = { single: {}, ranges: [] };
  const seenAddr: Record<string, boolean> = {};
  for (const r of raws) {
    const err = checkSection(r.section, "server", r.enabled, errors);
    if (err === undefined) continue;

    const zone = sys.zones.find((z) => z.name === r.zone);
    const wanZone = zone !== undefined && sys.wan !== undefined && (zone.networks.includes(sys.wan.l2Iface) || zone.networks.includes(sys.wan.ipv4Iface));
    if (zone === undefined) err("zone", r.zone, "zone.unknown");
    else if (wanZone) err("zone", r.zone, "zone.wan");

    const ip = parseIPv4(r.ipaddr);
    if (r.ipaddr === "") err("ipaddr", undefined, "ipaddr.required");
    else if (ip === undefined) err("ipaddr", r.ipaddr, "ipaddr.syntax");
    else if (ip[0] === 0 || ip[0] === 127 || ip[0] >= 224) err("ipaddr", r.ipaddr, "ipaddr.not_host");
    else if (seenAddr[r.ipaddr]) err("ipaddr", r.ipaddr, "ipaddr.duplicate");
    else if (zone !== undefined && !wanZone) checkZoneAddress(r, ip, zone, sys, err);
    seenAddr[r.ipaddr] = true;

    if (r.mode !== "source" && r.mode !== "reply-only") err("mode", r.mode, "mode.value");

    let ip6Suffix: string | undefined;
    if (r.ip6_suffix !== "") {
      const g = parseIPv6(r.ip6_suffix);
      if (g === undefined) err("ip6_suffix", r.ip6_suffix, "ip6_suffix.syntax");
      else if (g[0] !== 0 || g[1] !== 0 || g[2] !== 0 || g[3] !== 0) err("ip6_suffix", r.ip6_suffix, "ip6_suffix.prefix");
      else if (g[4] === 0 && g[5] === 0 && g[6] === 0 && g[7] === 0) err("ip6_suffix", r.ip6_suffix, "ip6_suffix.zero");
      else ip6Suffix = r.ip6_suffix;
    }

    const ports: PortSpec[] = [];
    for (const item of r.ports) {
      const parsed = parsePortItem(item);
      if (!parsed.ok) {
        err("port", item, parsed.error.code, parsed.error.args);
        continue;
      }
      for (const spec of parsed.specs) {
        const clash = findClash(published, spec);
        if (clash !== undefined) {
          if (clash.server === r.section) err("port", item, "port.clash_self", [formatSpec(spec), formatSpec(clash.spec)]);
          else err("port", item, "port.clash", [formatSpec(spec), clash.server, formatSpec(clash.spec)]);
        } else {
          publish(published, { server: r.section, spec });
          ports.push(spec);
        }
      }
    }
    servers.push({ name: r.section, ipaddr: r.ipaddr, zone: r.zone, mode: r.mode as Mode, ip6Suffix, ports });
  }
  return servers;
}
