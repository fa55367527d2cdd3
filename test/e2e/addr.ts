// IPv4/IPv6 address helpers for the stand-ins (Node only).

export function isV6(a: string): boolean {
  return a.includes(":");
}

function v4ToInt(a: string): number {
  return a.split(".").reduce((n, p) => n * 256 + Number(p), 0);
}

function intToV4(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join(".");
}

export function v6Groups(a: string): number[] {
  const [head, tail] = a.includes("::") ? a.split("::") : [a, undefined];
  const h = head ? head.split(":").map((x) => parseInt(x, 16)) : [];
  if (tail === undefined) return h;
  const t = tail ? tail.split(":").map((x) => parseInt(x, 16)) : [];
  return [...h, ...new Array(8 - h.length - t.length).fill(0), ...t];
}

/** RFC 5952 text form, as nft and ip print it. */
export function v6Text(g: number[]): string {
  let best = -1, bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (g[i] !== 0) { i++; continue; }
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLen) { best = i; bestLen = j - i; }
    i = j;
  }
  const hex = g.map((x) => x.toString(16));
  if (best < 0) return hex.join(":");
  return hex.slice(0, best).join(":") + "::" + hex.slice(best + bestLen).join(":");
}

/** The network address of addr/mask. */
export function network(addr: string, mask: number): string {
  if (!isV6(addr)) {
    const size = 2 ** (32 - mask);
    return intToV4(Math.floor(v4ToInt(addr) / size) * size);
  }
  const g = v6Groups(addr).map((x, i) => {
    const bits = Math.min(16, Math.max(0, mask - i * 16));
    const size = 2 ** (16 - bits);
    return Math.floor(x / size) * size;
  });
  return v6Text(g);
}

/** "a/m" as nft prints a prefix: a host prefix prints without its length. */
export function cidr(addr: string, mask: number): string {
  const full = isV6(addr) ? 128 : 32;
  return mask >= full ? network(addr, mask) : `${network(addr, mask)}/${mask}`;
}

export function contains(net: string, mask: number, addr: string): boolean {
  return isV6(net) === isV6(addr) && network(net, mask) === network(addr, mask);
}

/** Mask of the last -n bits ("::5/-64" suffix matches), in nft's text form. */
export function suffixMask(bits: number, v6: boolean): string {
  if (!v6) return intToV4(2 ** bits - 1);
  const g = new Array(8).fill(0).map((_, i) => {
    const from = 128 - bits; // first bit that is set
    const lo = i * 16, hi = lo + 16;
    if (hi <= from) return 0;
    if (lo >= from) return 0xffff;
    return 2 ** (hi - from) - 1;
  });
  return v6Text(g);
}

/** The address with its last 64 bits replaced by suffix (an interface identifier). */
export function withSuffix(prefix: string, suffix: string): string {
  const p = v6Groups(prefix), s = v6Groups(suffix);
  return v6Text([...p.slice(0, 4), ...s.slice(4)]);
}
