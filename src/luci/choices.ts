// Choices and checks the setup form offers: detected WAN device, DHCP leases as LAN
// addresses, published-port syntax (the core's parser, so browser and router agree).
import { parsePortItem } from "../core/ports";
import { type Answer, failureText, logHint } from "./failure";
import type { DetectReply, Lease } from "../core/rpc-types";
import { translateMessage } from "./messages";
import { fmt } from "./text";

export function kindLabel(kind: string | undefined): string {
  if (kind === "map-e") return _("MAP-E");
  if (kind === "ds-lite") return _("DS-Lite");
  if (kind === "plain") return _("plain IPoE");
  return _("unknown");
}

/** "detected: wan — MAP-E" (interface, kind), or why there is nothing to show: the call
 * failed, netifd did not answer, or the network config has no IPoE WAN. */
export function detectedText(a: Answer<DetectReply>): string {
  if (!a.ok) return `${fmt(_("Could not detect the IPoE WAN: %s"), failureText(a.failure))} ${logHint()}`;
  const d = a.value;
  const noNetifd = d.netifd === false;
  if (!d.interface) {
    return noNetifd ? _("Could not ask netifd (the network service) for the devices: choose the device the ISP's line is on.") : _("No IPoE WAN detected: choose the device the ISP's line is on.");
  }
  const found = fmt(_("detected: %s — %s"), d.interface, kindLabel(d.kind));
  return noNetifd ? `${found} ${_("(from the network configuration: netifd did not answer, so the device list is incomplete)")}` : found;
}

/** Device choices with the detected device first and marked. */
export function deviceChoices(d: DetectReply | undefined): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const seen = new Set<string>();
  const add = (dev: string, label: string) => {
    if (dev === "" || seen.has(dev)) return;
    seen.add(dev);
    out.push([dev, label]);
  };
  if (d?.device) add(d.device, fmt(_("%s (detected: %s — %s)"), d.device, d.interface ?? "?", kindLabel(d.kind)));
  for (const dev of Array.isArray(d?.devices) ? d!.devices : []) add(dev, dev);
  return out;
}

function ipKey(ip: string): number {
  const p = ip.split(".").map((x) => Number(x));
  return p.length === 4 && p.every((n) => n >= 0 && n <= 255) ? ((p[0] * 256 + p[1]) * 256 + p[2]) * 256 + p[3] : Number.MAX_SAFE_INTEGER;
}

/** A DHCP client picks its own host name: keep only what a host name may hold. */
function cleanName(s: string | undefined): string {
  if (s === undefined) return "";
  let out = "";
  for (const c of s) if ((c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || c === "-" || c === "." || c === "_" || c === ":") out += c;
  return out.slice(0, 63);
}

/** DHCP leases as [address, "address (hostname)"], IPv4 only, sorted by address. */
export function leaseChoices(leases: Lease[] | undefined): Array<[string, string]> {
  const list = (Array.isArray(leases) ? leases : []).filter((l) => typeof l.ipaddr === "string" && ipKey(l.ipaddr) !== Number.MAX_SAFE_INTEGER);
  list.sort((a, b) => ipKey(a.ipaddr) - ipKey(b.ipaddr));
  const out: Array<[string, string]> = [];
  for (const l of list) {
    if (out.some((c) => c[0] === l.ipaddr)) continue;
    const name = cleanName(l.hostname && l.hostname !== "*" ? l.hostname : l.macaddr);
    out.push([l.ipaddr, name ? `${l.ipaddr} (${name})` : l.ipaddr]);
  }
  return out;
}

/** LuCI validate() contract: true or the message to show. */
export function validatePortItem(value: string | null | undefined): true | string {
  if (value === null || value === undefined || value.trim() === "") return true; // empty list rows are dropped
  const r = parsePortItem(value);
  return r.ok ? true : translateMessage(r.error);
}

/** A Linux device name as netifd takes it: 1–15 characters of [A-Za-z0-9_.@-]. */
export function validateDeviceName(value: string | null | undefined): true | string {
  if (value === null || value === undefined || value === "") return true; // empty: the IPoE WAN's device
  if (value.length > 15) return _("A device name has at most 15 characters");
  for (let i = 0; i < value.length; i++) {
    const c = value.charAt(i);
    const ok = (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || c === "_" || c === "." || c === "@" || c === "-";
    if (!ok) return fmt(_("A device name cannot contain “%s”"), c);
  }
  return true;
}
