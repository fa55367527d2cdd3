// What the plan needs to know of the user's own network and firewall configs.
import { detectWan, type WanInfo } from "./detect";
import { type UciCursor, optList, optString, sectionsOf } from "./uci";

export interface ZoneInfo {
  section: string;
  name: string;
  networks: string[];
}

export interface SystemView {
  zones: ZoneInfo[];
  interfaces: string[];
  wan: WanInfo | undefined;
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
  const interfaces = sectionsOf(cursor, "network", "interface").map((s) => s[".name"]);
  return { zones: readZones(cursor), interfaces, wan: detectWan(cursor) };
}

/** The zone holding an interface (the first, as fw4 would pick for rules). */
export function zoneOfNetwork(sys: SystemView, network: string): ZoneInfo | undefined {
  return sys.zones.find((z) => z.networks.includes(network));
}
