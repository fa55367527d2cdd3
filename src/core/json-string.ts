// JSON string literals alone. The ownership record stores every value as one, and every
// apply reads and writes the record: this keeps the whole JSON reader (json.ts, which
// builds on this) out of apply. Strings are bytes in Lua: bytes >= 0x80 pass through
// untouched, \uXXXX escapes decode to UTF-8 (surrogate pairs joined; a lone surrogate
// becomes U+FFFD).
import { EXIT_SYSTEM, SplitwanError } from "./errors";
import { hexDigitValue, hexDigits } from "./text";

/** true when strings are byte strings (Lua): "é" is then 2 long. */
const BYTE_STRINGS = "\u00e9".length === 2;

const ESCAPES: Record<number, string> = { 8: "\\b", 9: "\\t", 10: "\\n", 12: "\\f", 13: "\\r", 34: '\\"', 92: "\\\\" };

export function encodeString(s: string, out: string[]): void {
  out.push('"');
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 32 && c !== 34 && c !== 92) continue;
    if (i > from) out.push(s.substring(from, i));
    const e = ESCAPES[c];
    out.push(e !== undefined ? e : "\\u" + hexDigits(c, 4));
    from = i + 1;
  }
  if (from < s.length) out.push(from === 0 ? s : s.substring(from));
  out.push('"');
}

/** The JSON literal of a string. */
export function jsonString(s: string): string {
  const out: string[] = [];
  encodeString(s, out);
  return out.join("");
}

/** Throws the decoder's error: SplitwanError(EXIT_SYSTEM) naming the position. */
export function jsonFail(message: string, at: number): never {
  throw new SplitwanError(EXIT_SYSTEM, `JSON: ${message} at position ${at}`);
}

function hex4(text: string, pos: number): number {
  let n = 0;
  for (let i = pos; i < pos + 4; i++) {
    const d = hexDigitValue(text.charAt(i));
    if (d < 0 || i >= text.length) jsonFail("bad \\u escape", i);
    n = n * 16 + d;
  }
  return n;
}

function codePoint(cp: number): string {
  if (!BYTE_STRINGS || cp < 0x80) return String.fromCharCode(cp);
  if (cp < 0x800) return String.fromCharCode(0xc0 + Math.floor(cp / 64), 0x80 + (cp % 64));
  if (cp < 0x10000) {
    return String.fromCharCode(0xe0 + Math.floor(cp / 4096), 0x80 + (Math.floor(cp / 64) % 64), 0x80 + (cp % 64));
  }
  return String.fromCharCode(
    0xf0 + Math.floor(cp / 262144),
    0x80 + (Math.floor(cp / 4096) % 64),
    0x80 + (Math.floor(cp / 64) % 64),
    0x80 + (cp % 64),
  );
}

/** \uXXXX at pos (just after the u), joining a surrogate pair: the text and the position after it. */
function unicodeEscape(text: string, pos: number): [string, number] {
  const hi = hex4(text, pos);
  pos += 4;
  if (hi >= 0xd800 && hi <= 0xdbff && text.substring(pos, pos + 2) === "\\u") {
    const lo = hex4(text, pos + 2);
    if (lo >= 0xdc00 && lo <= 0xdfff) {
      if (!BYTE_STRINGS) return [String.fromCharCode(hi, lo), pos + 6];
      return [codePoint(0x10000 + (hi - 0xd800) * 1024 + (lo - 0xdc00)), pos + 6];
    }
  }
  return [codePoint(hi >= 0xd800 && hi <= 0xdfff ? 0xfffd : hi), pos];
}

const SIMPLE: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };

/** The string literal whose '"' is at start: its value and the position after it. */
export function readString(text: string, start: number): [string, number] {
  let pos = start + 1;
  const parts: string[] = [];
  let from = pos;
  while (true) {
    if (pos >= text.length) jsonFail("unterminated string", start);
    const c = text.charCodeAt(pos);
    if (c === 34) {
      parts.push(text.substring(from, pos));
      return [parts.join(""), pos + 1];
    }
    if (c < 32) jsonFail("control character in string", pos);
    if (c !== 92) {
      pos++;
      continue;
    }
    parts.push(text.substring(from, pos));
    const e = text.charAt(pos + 1);
    pos += 2;
    const simple = SIMPLE[e];
    if (simple !== undefined) parts.push(simple);
    else if (e === "u") {
      const [s, next] = unicodeEscape(text, pos);
      parts.push(s);
      pos = next;
    } else jsonFail("bad escape", pos - 2);
    from = pos;
  }
}
