// /etc/config/splitwan as read from UCI: raw strings with defaults applied. validate.ts
// turns this into a checked Config; nothing here judges a value.
import { EXIT_INVALID, SplitwanError } from "./errors";
import { isDigits } from "./addr";
import { quote } from "./text";
import { type UciCursor, type UciSection, optList, optString, sectionsOf } from "./uci";

export const CONFIG_FILE = "/etc/config/splitwan";

export const DEFAULTS = {
  enabled: "0",
  mtu: "1454", // NTT FLET'S PPPoE
  interface: "wanppp",
  zone: "wan_pppoe",
  table: "300",
  table_name: "pppoe",
  priority: "30000",
  mark: "0x10000000", // clear of fw4 (none), mwan3 (0x3f00), pbr (0x00ff0000)
  server_zone: "lan",
  mode: "source",
  resolver: "1.1.1.1", // public resolver the self-test asks about DDNS records (over IPoE)
};

export interface RawMain {
  section: string;
  enabled: string;
  username: string;
  password: string;
  device: string;
  mtu: string;
  interface: string;
  zone: string;
  table: string;
  table_name: string;
  priority: string;
  mark: string;
  resolver: string;
}

export interface RawServer {
  section: string;
  enabled: string;
  ipaddr: string;
  zone: string;
  mode: string;
  ip6_suffix: string;
  ports: string[];
}

export interface RawConfig {
  main: RawMain;
  servers: RawServer[];
  ddns: RawDdns[];
}

function opt(s: UciSection | undefined, name: string, fallback: string): string {
  const v = optString(s, name);
  return v === undefined || v === "" ? fallback : v;
}

/** "uci: Parse error (reason) at line N, byte M" → N. */
function errorLine(message: string): number | undefined {
  const at = message.indexOf(" at line ");
  if (at < 0) return undefined;
  const digits = message.slice(at + 9).split(",")[0];
  return isDigits(digits) ? Number(digits) : undefined;
}

/** The `config <type> ['name']` header in force at line `line` of the UCI text: where
 * the error is, in the user's terms. */
export function sectionAtLine(text: string, line: number): string | undefined {
  const lines = text.split("\n");
  for (let i = Math.min(line, lines.length) - 1; i >= 0; i--) {
    const words = lines[i].split("\t").join(" ").split(" ").filter((w) => w !== "");
    if (words.length < 2 || (words[0] !== "config" && words[0] !== "c")) continue;
    const unquote = (w: string) => (w.length >= 2 && (w.startsWith("'") || w.startsWith('"')) && w.endsWith(w.charAt(0)) ? w.slice(1, w.length - 1) : w);
    return words.length >= 3 ? `${unquote(words[1])} ${quote(unquote(words[2]))}` : `${unquote(words[1])} (unnamed)`;
  }
  return undefined;
}

/** libuci's verdict on /etc/config/splitwan: a file it cannot parse is an invalid
 * configuration (exit 1), named with the file, line and section; libuci's own calls
 * would only answer "nothing there". */
function refuseUnparsable(cursor: UciCursor, readFile: ((path: string) => string | undefined) | undefined): void {
  const [ok, err] = cursor.load("splitwan");
  if (ok || err === undefined || err.indexOf("Parse error") < 0) return;
  const line = errorLine(err);
  const text = readFile !== undefined ? readFile(CONFIG_FILE) : undefined;
  const section = line !== undefined && text !== undefined ? sectionAtLine(text, line) : undefined;
  const where = `${CONFIG_FILE}${line !== undefined ? ` line ${line}` : ""}${section !== undefined ? ` (in config ${section})` : ""}`;
  throw new SplitwanError(EXIT_INVALID, `${where}: ${err}`);
}

/** Reads /etc/config/splitwan. readFile (the platform's) names the section of a syntax
 * error. Throws EXIT_INVALID when libuci cannot parse the file. */
export function readConfig(cursor: UciCursor, readFile?: (path: string) => string | undefined): RawConfig {
  // a file that does not parse looks empty to foreach: ask libuci why only then, since
  // load drops uncommitted changes
  if (!cursor.foreach("splitwan", undefined, () => false)) refuseUnparsable(cursor, readFile);
  let mainSection: UciSection | undefined;
  for (const s of sectionsOf(cursor, "splitwan", "splitwan")) {
    if (mainSection === undefined || s[".name"] === "main") mainSection = s;
  }
  const main: RawMain = {
    section: mainSection !== undefined ? mainSection[".name"] : "main",
    enabled: opt(mainSection, "enabled", DEFAULTS.enabled),
    username: opt(mainSection, "username", ""),
    password: opt(mainSection, "password", ""),
    device: opt(mainSection, "device", ""),
    mtu: opt(mainSection, "mtu", DEFAULTS.mtu),
    interface: opt(mainSection, "interface", DEFAULTS.interface),
    zone: opt(mainSection, "zone", DEFAULTS.zone),
    table: opt(mainSection, "table", DEFAULTS.table),
    table_name: opt(mainSection, "table_name", DEFAULTS.table_name),
    priority: opt(mainSection, "priority", DEFAULTS.priority),
    mark: opt(mainSection, "mark", DEFAULTS.mark),
    resolver: opt(mainSection, "resolver", DEFAULTS.resolver),
  };
  const servers: RawServer[] = sectionsOf(cursor, "splitwan", "server").map((s) => ({
    section: s[".name"],
    enabled: opt(s, "enabled", "1"),
    ipaddr: opt(s, "ipaddr", ""),
    zone: opt(s, "zone", DEFAULTS.server_zone),
    mode: opt(s, "mode", DEFAULTS.mode),
    ip6_suffix: opt(s, "ip6_suffix", ""),
    ports: optList(s, "port"),
  }));
  return { main, servers, ddns: readDdns(cursor) };
}

const DDNS_DEFAULTS = {
  enabled: "1",
  ip_version: "4",
  ip6_interface: "wan6",
  timeout: "30",
};

/** A section as written, defaults applied, nothing judged. */
export interface RawDdns {
  section: string;
  enabled: string;
  provider: string;
  domain: string;
  host: string;
  username: string;
  password: string;
  token: string;
  zone_id: string;
  ip_version: string;
  ip6_interface: string;
  /** A `config server` section whose IPv6 is published (ip_version 6), or "". */
  server: string;
  timeout: string;
}

export function readDdns(cursor: UciCursor): RawDdns[] {
  return sectionsOf(cursor, "splitwan", "ddns").map((s) => ({
    section: s[".name"],
    enabled: opt(s, "enabled", DDNS_DEFAULTS.enabled),
    provider: opt(s, "provider", ""),
    domain: opt(s, "domain", ""),
    host: opt(s, "host", ""),
    username: opt(s, "username", ""),
    password: opt(s, "password", ""),
    token: opt(s, "token", ""),
    zone_id: opt(s, "zone_id", ""),
    ip_version: opt(s, "ip_version", DDNS_DEFAULTS.ip_version),
    ip6_interface: opt(s, "ip6_interface", DDNS_DEFAULTS.ip6_interface),
    server: opt(s, "server", ""),
    timeout: opt(s, "timeout", DDNS_DEFAULTS.timeout),
  }));
}
