// Character checks and formatting shared by validation, the rpcd plugin, DDNS, the UCI
// store and JSON: one of each, without RegExp (it runs as Lua 5.1).

const HEX_DIGITS = "0123456789abcdef";

/** ASCII letter or digit (by character code). */
export function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Letters, digits, _ and the characters of `extra`; never empty. UCI section and option
 * names are isName(s); device names isName(s, ".-@:"). */
export function isName(s: string, extra = ""): boolean {
  if (extra !== "") return scanName(s, extra);
  // the record and the configs repeat a few option names thousands of times: each plain
  // name is scanned once per run (=== true/false: in Node an Object.prototype member
  // such as "constructor" is found on {} too)
  const known = plainNames[s];
  if (known === true || known === false) return known;
  const ok = scanName(s, "");
  plainNames[s] = ok;
  return ok;
}

const plainNames: Record<string, boolean> = {};

function scanName(s: string, extra: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!isAlnum(c) && c !== 95 && extra.indexOf(s.charAt(i)) < 0) return false;
  }
  return true;
}

/** A C0 control character or DEL: newlines, tabs, escapes. */
export function hasControl(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 32 || c === 127) return true;
  }
  return false;
}

/** The value of one hex digit (either case), or -1. */
export function hexDigitValue(ch: string): number {
  return ch.length === 1 ? HEX_DIGITS.indexOf(ch.toLowerCase()) : -1;
}

/** A non-empty run of hex digits (either case). */
export function isHexDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) if (hexDigitValue(s.charAt(i)) < 0) return false;
  return true;
}

/** n (a non-negative integer) in lower-case hex, zero-padded to `width` digits. */
export function hexDigits(n: number, width: number): string {
  const d: string[] = [];
  let v = Math.floor(n);
  do {
    d.push(HEX_DIGITS.charAt(v % 16));
    v = Math.floor(v / 16);
  } while (v > 0);
  while (d.length < width) d.push("0");
  return d.reverse().join("");
}

const ESCAPES: Record<number, string> = { 9: "\\t", 10: "\\n", 13: "\\r", 34: '\\"', 39: "\\'", 92: "\\\\" };

/** A value as every message shows it, without the quotes: control characters, quotes
 * and backslashes escaped as Lua and JavaScript write them (\n, \t, \x1b), so a value
 * never breaks a message's layout. */
export function escape(s: string): string {
  const out: string[] = [];
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 32 && c !== 127 && c !== 34 && c !== 39 && c !== 92) continue;
    if (i > from) out.push(s.substring(from, i));
    out.push(ESCAPES[c] ?? "\\x" + hexDigits(c, 2));
    from = i + 1;
  }
  if (from === 0) return s;
  if (from < s.length) out.push(s.substring(from));
  return out.join("");
}

/** escape(s) in single quotes: how messages echo a value. */
export function quote(s: string): string {
  return "'" + escape(s) + "'";
}

/** A message template with its %s slots filled in order (a missing value leaves ""); the
 * code and its values when there is no template. Diagnose and the router's messages
 * word their codes with it. */
export function fillTemplate(template: string | undefined, code: string, args: string[]): string {
  if (template === undefined) return [code].concat(args).join(" ");
  const parts = template.split("%s");
  let out = parts[0];
  for (let i = 1; i < parts.length; i++) out += (i - 1 < args.length ? args[i - 1] : "") + parts[i];
  return out;
}
