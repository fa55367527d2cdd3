// The address to publish, as netifd reports it over ubus: the PPPoE interface's own IPv4
// (never a guess from the request's source, which may leave via IPoE); for ip_version 6
// the first IPv6 address of ip6_interface, or with `server` that server's global IPv6:
// the prefix netifd delegated to the server's zone network plus the server's ip6_suffix.
import { formatIPv6, isGlobalIPv6, parseIPv4, parseIPv6, withSuffix } from "../addr";
import type { Platform } from "../platform";
import { notAnswering, ubusData } from "../ubus";
import type { ZoneInfo } from "../system";
import type { DdnsSection } from "./types";

/** What a section's address depends on besides itself. */
export interface AddressContext {
  /** The PPPoE interface (splitwan.main.interface). */
  pppoe: string;
  /** The firewall zones, for a server's zone networks. */
  zones: ZoneInfo[];
}

function first(list: unknown): Record<string, unknown> | undefined {
  return Array.isArray(list) && list.length > 0 && typeof list[0] === "object" ? (list[0] as Record<string, unknown>) : undefined;
}

/** What netifd says of an address: ip when there is a usable one; unreachable when ubus
 * or netifd did not answer at all (the updater asks again), as opposed to an interface
 * that is down or unknown (its next ifup brings a new event). */
export interface AddressLookup {
  ip?: string;
  unreachable: boolean;
}

interface Status {
  up?: Record<string, unknown>;
  unreachable: boolean;
}

function upStatus(p: Platform, iface: string): Status {
  const reply = p.ubusCall(`network.interface.${iface}`, "status");
  const st = ubusData(reply);
  return { up: st !== undefined && st.up === true ? st : undefined, unreachable: notAnswering(reply) };
}

export function interfaceAddress(p: Platform, iface: string, version: 4 | 6): string | undefined {
  return addressOf(upStatus(p, iface).up, version);
}

function addressOf(st: Record<string, unknown> | undefined, version: 4 | 6): string | undefined {
  if (st === undefined) return undefined;
  let entry = first(st[version === 4 ? "ipv4-address" : "ipv6-address"]);
  if (entry === undefined && version === 6) {
    // IPoE with only a delegated prefix: the router's address on it
    const assigned = first(st["ipv6-prefix-assignment"]);
    const local = assigned !== undefined ? assigned["local-address"] : undefined;
    if (typeof local === "object" && local !== null) entry = local as Record<string, unknown>;
  }
  const addr = entry !== undefined ? entry.address : undefined;
  if (typeof addr !== "string") return undefined;
  // whatever is sent must be an address of the right family, nothing else
  const valid = version === 4 ? parseIPv4(addr) !== undefined : parseIPv6(addr) !== undefined;
  return valid ? addr : undefined;
}

/** The global prefix (as groups) netifd assigned to an interface: the first entry of its
 * ipv6-prefix-assignment of at most /64 in 2000::/3 (never the ULA), one still preferred
 * before a deprecated one (preferred 0: on its way out after a prefix change). */
function delegatedPrefix(st: Record<string, unknown>): number[] | undefined {
  const list = st["ipv6-prefix-assignment"];
  if (!Array.isArray(list)) return undefined;
  let deprecated: number[] | undefined;
  for (const a of list) {
    if (typeof a !== "object" || a === null) continue;
    const entry = a as Record<string, unknown>;
    const g = typeof entry.address === "string" ? parseIPv6(entry.address) : undefined;
    if (g === undefined || typeof entry.mask !== "number" || entry.mask > 64 || !isGlobalIPv6(g)) continue;
    if (entry.preferred !== 0) return g;
    if (deprecated === undefined) deprecated = g;
  }
  return deprecated;
}

/** The server's global IPv6 on the first network (in the zone's order) that is up and has
 * a delegated prefix, or undefined. */
export function serverAddress(p: Platform, networks: string[], suffix: string): AddressLookup {
  const id = parseIPv6(suffix);
  if (id === undefined) return { unreachable: false };
  let unreachable = false;
  for (const net of networks) {
    const st = upStatus(p, net);
    unreachable = unreachable || st.unreachable;
    const prefix = st.up !== undefined ? delegatedPrefix(st.up) : undefined;
    if (prefix !== undefined) return { ip: formatIPv6(withSuffix(prefix, id)), unreachable: false };
  }
  return { unreachable };
}

export function zoneNetworks(ctx: AddressContext, zone: string): string[] {
  const z = ctx.zones.find((x) => x.name === zone);
  return z !== undefined ? z.networks : [];
}

/** The address the section publishes now (ip undefined when there is none). */
export function sectionAddress(p: Platform, s: DdnsSection, ctx: AddressContext): AddressLookup {
  if (s.ipVersion === 6 && s.server !== undefined) return serverAddress(p, zoneNetworks(ctx, s.server.zone), s.server.suffix);
  const st = upStatus(p, s.ipVersion === 6 ? s.ip6Interface : ctx.pppoe);
  return { ip: addressOf(st.up, s.ipVersion), unreachable: st.unreachable };
}

/** Where the address comes from, for messages ("wanppp IPv4"). */
export function addressSource(s: DdnsSection, ctx: AddressContext): string {
  if (s.ipVersion === 6 && s.server !== undefined) {
    const nets = zoneNetworks(ctx, s.server.zone);
    return `server ${s.server.name} (prefix of ${nets.length > 0 ? nets.join(" or ") : `zone ${s.server.zone}`} + ${s.server.suffix})`;
  }
  return s.ipVersion === 6 ? `${s.ip6Interface} IPv6` : `${ctx.pppoe} IPv4`;
}

/** The netifd interfaces whose ifup / ifupdate may change the section's address. For a
 * server: its zone's networks (ifup: the assignment appears) and ip6_interface, the uplink
 * netifd sends `ifupdate` with IFUPDATE_PREFIXES for when the delegated prefix changes
 * (the downstream network gets no event of its own). 95-splitwan-ddns applies the same
 * rule in shell. */
export function sectionInterfaces(s: DdnsSection, ctx: AddressContext): string[] {
  if (s.ipVersion === 4) return [ctx.pppoe];
  if (s.server === undefined) return [s.ip6Interface];
  return [s.ip6Interface, ...zoneNetworks(ctx, s.server.zone)];
}
