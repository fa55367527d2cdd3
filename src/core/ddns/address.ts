// The address to publish, as netifd reports it over ubus: the PPPoE interface's own IPv4
// (never a guess from the request's source, which may leave via IPoE), or for
// ip_version 6 the first IPv6 address of ip6_interface.
import { parseIPv4, parseIPv6 } from "../addr";
import type { Platform } from "../platform";
import { notAnswering, ubusData } from "../ubus";

function first(list: unknown): Record<string, unknown> | undefined {
  return Array.isArray(list) && list.length > 0 && typeof list[0] === "object" ? (list[0] as Record<string, unknown>) : undefined;
}

/** What netifd says of an interface's address: ip when it has a usable one; unreachable
 * when ubus or netifd did not answer at all (the updater retries), as opposed to an
 * interface that is down or unknown (the next ifup brings a new event). */
export interface AddressLookup {
  ip?: string;
  unreachable: boolean;
}

export function lookupAddress(p: Platform, iface: string, version: 4 | 6): AddressLookup {
  const reply = p.ubusCall(`network.interface.${iface}`, "status");
  return { ip: addressOf(ubusData(reply), version), unreachable: notAnswering(reply) };
}

export function interfaceAddress(p: Platform, iface: string, version: 4 | 6): string | undefined {
  return lookupAddress(p, iface, version).ip;
}

function addressOf(st: Record<string, unknown> | undefined, version: 4 | 6): string | undefined {
  if (st === undefined || st.up !== true) return undefined;
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
