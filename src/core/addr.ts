// Address parsing without RegExp (it must run as Lua 5.1).
import { isHexDigits } from "./text";

/** A non-empty run of ASCII digits. */
export function isDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** The four octets of a dotted IPv4 address, or undefined. */
export function parseIPv4(text: string): number[] | undefined {
  const parts = text.split(".");
  if (parts.length !== 4) return undefined;
  const out: number[] = [];
  for (const p of parts) {
    if (!isDigits(p) || p.length > 3 || (p.length > 1 && p.startsWith("0"))) return undefined;
    const n = Number(p);
    if (n > 255) return undefined;
    out.push(n);
  }
  return out;
}

export function ipv4ToNumber(o: number[]): number {
  return ((o[0] * 256 + o[1]) * 256 + o[2]) * 256 + o[3];
}

export function numberToIpv4(n: number): string {
  const o: number[] = [];
  for (let i = 0; i < 4; i++) {
    o.push(n % 256);
    n = Math.floor(n / 256);
  }
  return `${o[3]}.${o[2]}.${o[1]}.${o[0]}`;
}

/** The first and last address of addr's subnet of length prefix, as numbers. */
export function subnetBounds(addr: number[], prefix: number): [number, number] {
  const size = Math.pow(2, 32 - prefix);
  const first = Math.floor(ipv4ToNumber(addr) / size) * size;
  return [first, first + size - 1];
}

/** true when addr lies in net/prefix (all as octets). */
export function ipv4InSubnet(addr: number[], net: number[], prefix: number): boolean {
  const size = Math.pow(2, 32 - prefix);
  return Math.floor(ipv4ToNumber(addr) / size) === Math.floor(ipv4ToNumber(net) / size);
}

/** Netmask "255.255.255.0" or a prefix length "24" → prefix length. */
export function prefixLength(mask: string): number | undefined {
  if (isDigits(mask)) {
    const n = Number(mask);
    return n <= 32 ? n : undefined;
  }
  const o = parseIPv4(mask);
  if (o === undefined) return undefined;
  let n = ipv4ToNumber(o);
  let len = 0;
  for (let bit = 31; bit >= 0; bit--) {
    const v = Math.pow(2, bit);
    if (n >= v) {
      n -= v;
      len++;
    } else break;
  }
  return n === 0 ? len : undefined;
}

/** Eight 16-bit groups of an IPv6 address, or undefined. */
export function parseIPv6(text: string): number[] | undefined {
  if (text.length < 2 || text.length > 39) return undefined;
  const dbl = text.indexOf("::");
  if (dbl >= 0 && text.indexOf("::", dbl + 1) >= 0) return undefined;
  const groups = (s: string): number[] | undefined => {
    if (s === "") return [];
    const out: number[] = [];
    for (const g of s.split(":")) {
      if (!isHexDigits(g) || g.length > 4) return undefined;
      out.push(Number(`0x${g}`));
    }
    return out;
  };
  if (dbl < 0) {
    const all = groups(text);
    return all !== undefined && all.length === 8 ? all : undefined;
  }
  const head = groups(text.slice(0, dbl));
  const tail = groups(text.slice(dbl + 2));
  if (head === undefined || tail === undefined || head.length + tail.length > 7) return undefined;
  const out = head.slice();
  for (let i = head.length + tail.length; i < 8; i++) out.push(0);
  for (const g of tail) out.push(g);
  return out;
}

const HEX = "0123456789abcdef";

function hexGroup(n: number): string {
  let out = "";
  let v = n;
  do {
    out = HEX.charAt(v % 16) + out;
    v = Math.floor(v / 16);
  } while (v > 0);
  return out;
}

/** Eight 16-bit groups → RFC 5952 text (lower case, the longest run of two or more zero
 * groups as "::", the first of equal runs), the form netifd and DNS providers print, so
 * comparing with a provider's record content is plain string equality. */
export function formatIPv6(g: number[]): string {
  let bestAt = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; i++) {
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLen) {
      bestAt = i;
      bestLen = j - i;
    }
    if (j > i) i = j;
  }
  const part = (from: number, to: number) => g.slice(from, to).map(hexGroup).join(":");
  if (bestAt < 0) return part(0, 8);
  return `${part(0, bestAt)}::${part(bestAt + bestLen, 8)}`;
}

/** The /64 of prefix with the interface identifier of suffix (both as groups). */
export function withSuffix(prefix: number[], suffix: number[]): number[] {
  return [prefix[0], prefix[1], prefix[2], prefix[3], suffix[4], suffix[5], suffix[6], suffix[7]];
}

/** Global unicast (2000::/3): what an ISP delegates; never ULA, link-local or multicast. */
export function isGlobalIPv6(g: number[]): boolean {
  return g[0] >= 0x2000 && g[0] <= 0x3fff;
}
