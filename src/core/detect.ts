// Finds the IPoE WAN in /etc/config/network: the interface whose L2 device the PPPoE
// session shares. MAP-E (`proto map`) and DS-Lite (`proto dslite`) ride on an IPv6
// interface named by `tunlink` (usually wan6); without a tunnel, wan6 or wan itself.
import { type UciCursor, type UciSection, optString, sectionsOf } from "./uci";

export type WanKind = "map-e" | "ds-lite" | "plain";

export interface WanInfo {
  /** The interface carrying everyday IPv4 (the tunnel, or wan). */
  ipv4Iface: string;
  /** The interface whose device is the L2 WAN (tunlink, wan6 or wan). */
  l2Iface: string;
  device: string;
  kind: WanKind;
}

function deviceOf(ifaces: UciSection[], name: string, depth = 0): string | undefined {
  const s = ifaces.find((i) => i[".name"] === name);
  if (s === undefined || depth > 4) return undefined;
  const dev = optString(s, "device") ?? optString(s, "ifname"); // ifname: before 21.02
  if (dev === undefined || dev === "") return undefined;
  // "@wan6" is an alias: the device of that interface
  return dev.startsWith("@") ? deviceOf(ifaces, dev.slice(1), depth + 1) : dev.split(" ")[0];
}

export function detectWan(cursor: UciCursor): WanInfo | undefined {
  const ifaces = sectionsOf(cursor, "network", "interface");
  const tunnel = ifaces.find((s) => {
    const proto = optString(s, "proto");
    return proto === "map" || proto === "dslite";
  });
  if (tunnel !== undefined) {
    const kind: WanKind = optString(tunnel, "proto") === "map" ? "map-e" : "ds-lite";
    const l2 = optString(tunnel, "tunlink") ?? "wan6";
    const device = deviceOf(ifaces, l2);
    if (device !== undefined) return { ipv4Iface: tunnel[".name"], l2Iface: l2, device, kind };
  }
  for (const name of ["wan6", "wan"]) {
    const device = deviceOf(ifaces, name);
    if (device !== undefined) {
      const hasWan = ifaces.some((s) => s[".name"] === "wan");
      return { ipv4Iface: hasWan ? "wan" : name, l2Iface: name, device, kind: "plain" };
    }
  }
  return undefined;
}
