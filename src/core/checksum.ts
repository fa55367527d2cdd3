// A content checksum for the ownership record (not cryptographic): two polynomial hashes
// modulo primes below 2^31, so every step stays exact in a Lua 5.1 double (no bitwise ops).

const P1 = 2147483647;
const P2 = 2147483629;

function hex8(n: number): string {
  let s = "";
  let v = n;
  for (let i = 0; i < 8; i++) {
    s = "0123456789abcdef".charAt(v % 16) + s;
    v = Math.floor(v / 16);
  }
  return s;
}

/** 16 hex digits. Equal text gives equal sums in Node and Lua (bytes: latin1 / Lua strings). */
export function checksum(text: string): string {
  let a = text.length % P1;
  let b = 7;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i) + 1;
    a = (a * 257 + c) % P1;
    b = (b * 65599 + c) % P2;
  }
  return hex8(a) + hex8(b);
}
