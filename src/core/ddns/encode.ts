// Percent-encoding for form bodies and query strings, byte for byte as RFC 3986 wants:
// only A-Z a-z 0-9 - . _ ~ stay as they are; everything else is %XX of its UTF-8 bytes.

import { hexDigits } from "../text";

// Lua strings are bytes already; JS strings are UTF-16 and need UTF-8 encoding first.
const BYTE_STRINGS = "\u00e9".length === 2;

export function utf8Bytes(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (BYTE_STRINGS || c < 0x80) {
      out.push(c);
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const lo = s.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        c = 0x10000 + (c - 0xd800) * 0x400 + (lo - 0xdc00);
        i++;
      }
    }
    if (c < 0x800) {
      out.push(0xc0 + Math.floor(c / 64), 0x80 + (c % 64));
    } else if (c < 0x10000) {
      out.push(0xe0 + Math.floor(c / 4096), 0x80 + (Math.floor(c / 64) % 64), 0x80 + (c % 64));
    } else {
      out.push(0xf0 + Math.floor(c / 262144), 0x80 + (Math.floor(c / 4096) % 64), 0x80 + (Math.floor(c / 64) % 64), 0x80 + (c % 64));
    }
  }
  return out;
}

function unreserved(b: number): boolean {
  return (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b === 45 || b === 46 || b === 95 || b === 126;
}

export function percentEncode(s: string): string {
  const parts: string[] = [];
  for (const b of utf8Bytes(s)) {
    if (unreserved(b)) parts.push(String.fromCharCode(b));
    else parts.push("%" + hexDigits(b, 2).toUpperCase());
  }
  return parts.join("");
}

/** name=value pairs joined with &, in the order given (providers read them by name). */
export function formEncode(pairs: Array<[string, string]>): string {
  return pairs.map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join("&");
}

/** Provider answers go to logs and `ddns status`: one line, bounded, no secrets. */
export function scrub(text: string, secrets: string[], max = 200): string {
  let t = text;
  // longest first, so a secret that contains another is not left half-hidden
  const forms: string[] = [];
  for (const s of secrets) if (s !== "") forms.push(s, percentEncode(s));
  forms.sort((a, b) => b.length - a.length);
  {
    for (const form of forms) {
      let at = t.indexOf(form);
      while (at >= 0) {
        t = t.slice(0, at) + "***" + t.slice(at + form.length);
        at = t.indexOf(form, at + 3);
      }
    }
  }
  const flat: string[] = [];
  let space = false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c <= 32 || c === 127) {
      space = flat.length > 0;
      continue;
    }
    if (space) flat.push(" ");
    space = false;
    flat.push(t.charAt(i));
  }
  const one = flat.join("");
  return one.length > max ? one.slice(0, max) + "..." : one;
}

