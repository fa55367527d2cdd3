// /etc/config/splitwan as read from UCI: raw strings with defaults applied. validate.ts
// turns this into a checked Config; nothing here judges a value.
import { type RawDdns, readDdns } from "./ddns/config";
import { type UciCursor, type UciSection, optList, optString, sectionsOf } from "./uci";

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

export function readConfig(cursor: UciCursor): RawConfig {
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
