// What the plan needs to know of the user's own network and firewall configs.
import { parseIPv4, prefixLength } from "./addr";
import { detectWan, type WanInfo } from "./detect";
import { type UciCursor, type UciSection, optList, optString, sectionsOf } from "./uci";

export interface ZoneInfo {
  section: string;
  name: string;
  networks: string[];
}

/** A static IPv4 address of the router and its subnet. */
export interface Subnet {
  iface: string;
  /** The router's own address (octets). */
  addr: number[];
  prefix: number;
}

export interface SystemView {
  zones: ZoneInfo[];
  interfaces: string[];
  /** Every static IPv4 address of `proto static` interfaces. */
  subnets: Subnet[];
  wan: WanInfo | undefined;
}

/** netifd's static addresses: `ipaddr` items "a.b.c.d" (with `netmask`, else /32) or
 * "a.b.c.d/len"; an option may also hold several, space separated. */
function staticSubnets(s: UciSection): Subnet[] {
  const out: Subnet[] = [];
  if (optString(s, "proto") !== "static") return out;
  const mask = optString(s, "netmask");
  for (const item of optList(s, "ipaddr")) {
    const slash = item.indexOf("/");
    const addr = parseIPv4(slash < 0 ? item : item.slice(0, slash));
    const prefix = slash >= 0 ? prefixLength(item.slice(slash + 1)) : mask !== undefined ? prefixLength(mask) : 32;
    if (addr !== undefined && prefix !== undefined) out.push({ iface: s[".name"], addr, prefix });
  }
  return out;
}

/** The firewall zones with their networks, in file order. */
export function readZones(cursor: UciCursor): ZoneInfo[] {
  return sectionsOf(cursor, "firewall", "zone").map((s) => ({
    section: s[".name"],
    name: optString(s, "name") ?? "",
    networks: optList(s, "network"),
  }));
}

export function readSystem(cursor: UciCursor): SystemView {
  const ifaces = sectionsOf(cursor, "network", "interface");
  const subnets: Subnet[] = [];
  for (const s of ifaces) for (const n of staticSubnets(s)) subnets.push(n);
  return { zones: readZones(cursor), interfaces: ifaces.map((s) => s[".name"]), subnets, wan: detectWan(cursor) };
}

/** The zone holding an interface (the first, as fw4 would pick for rules). */
export function zoneOfNetwork(sys: SystemView, network: string): ZoneInfo | undefined {
  return sys.zones.find((z) => z.networks.includes(network));
}
