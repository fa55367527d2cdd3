// JSON for Lua 5.1 (which has none) that gives the same bytes in Node. Rules that follow
// from Lua tables:
//   - Object keys are written sorted (tables have no order).
//   - An empty table cannot tell [] from {}: it is written as {} unless it was marked
//     with jsonArray() (or came from jsonDecode("[]")). The same holds in Node, so a
//     plain [] is written {} there too: wrap arrays that may be empty in jsonArray().
//   - A key whose value is null/undefined is left out (a table cannot hold nil);
//     a null inside an array cannot be stored either: jsonDecode rejects it.
//   - Integers (|n| < 2^53) are written exactly; other numbers with 15 significant
//     digits, by the same arithmetic in both runtimes. NaN and infinities are null.
//   - Strings: json-string.ts.
import { EXIT_SYSTEM, SplitwanError } from "./errors";
import { encodeString, jsonFail, readString } from "./json-string";

// arrays marked to be written as [] when empty (Lua cannot tell [] from {}); a plain list,
// not a WeakSet: a run is short, and tstl's WeakSet costs the Lua helpers 3 kB
const emptyArrays: object[] = [];

/** Marks an array so that it is written as [] even when it is empty. Returns it. */
export function jsonArray<T>(a: T[]): T[] {
  emptyArrays.push(a);
  return a;
}

function isEmptyTable(t: object): boolean {
  for (const _ in t) return false;
  return true;
}

/** Decimal digits of a non-negative integer below 2^53. */
function intDigits(n: number): string {
  if (n === 0) return "0";
  const d: string[] = [];
  while (n > 0) {
    const q = Math.floor(n / 10);
    d.push(`${n - q * 10}`);
    n = q;
  }
  return d.reverse().join("");
}

const MAX_EXACT = 9007199254740992; // 2^53

function encodeNumber(v: number): string {
  if (v !== v || v === Infinity || v === -Infinity) return "null";
  const neg = v < 0;
  let a = neg ? -v : v;
  if (Math.floor(a) === a && a < MAX_EXACT) return (neg && a !== 0 ? "-" : "") + intDigits(a);
  // scale into [1e14, 1e15): a = m * 10^e with a 15-digit integer m
  let e = 0;
  while (a >= 1e15) {
    a = a / 10;
    e++;
  }
  while (a < 1e14) {
    a = a * 10;
    e--;
  }
  let m = Math.floor(a + 0.5);
  if (m >= 1e15) {
    m = Math.floor(m / 10);
    e++;
  }
  let digits = intDigits(m);
  while (digits.length > 1 && digits.charAt(digits.length - 1) === "0") {
    digits = digits.substring(0, digits.length - 1);
  }
  const x = e + 14; // exponent of the first digit
  let s: string;
  if (x >= 21 || x <= -7) {
    s = digits.charAt(0) + (digits.length > 1 ? "." + digits.substring(1) : "") + "e" + (x < 0 ? "-" : "+") + intDigits(x < 0 ? -x : x);
  } else if (x < 0) {
    let zeros = "";
    for (let i = -1; i > x; i--) zeros += "0";
    s = "0." + zeros + digits;
  } else if (digits.length > x + 1) {
    s = digits.substring(0, x + 1) + "." + digits.substring(x + 1);
  } else {
    s = digits;
    while (s.length < x + 1) s += "0";
  }
  return (neg ? "-" : "") + s;
}

function encodeValue(v: unknown, indent: string | undefined, depth: string, out: string[]): void {
  if (v === undefined || v === null) {
    out.push("null");
    return;
  }
  const t = typeof v;
  if (t === "string") return encodeString(v as string, out);
  if (t === "number") {
    out.push(encodeNumber(v as number));
    return;
  }
  if (t === "boolean") {
    out.push(v === true ? "true" : "false");
    return;
  }
  if (t !== "object") throw new SplitwanError(EXIT_SYSTEM, `JSON: cannot encode a ${t}`);
  const obj = v as object;
  const inner = indent !== undefined ? depth + indent : depth;
  const nl = indent !== undefined ? "\n" : "";
  if (isEmptyTable(obj)) {
    out.push(emptyArrays.includes(obj) ? "[]" : "{}");
    return;
  }
  if (Array.isArray(obj)) {
    out.push("[");
    for (let i = 0; i < obj.length; i++) {
      out.push(i > 0 ? "," + nl + inner : nl + inner);
      encodeValue(obj[i], indent, inner, out);
    }
    out.push(nl + depth + "]");
    return;
  }
  const record = obj as Record<string, unknown>;
  const keys: string[] = [];
  for (const k in record) {
    if (record[k] !== undefined && record[k] !== null) keys.push(k);
  }
  if (keys.length === 0) {
    out.push("{}");
    return;
  }
  // Lua: keys may be numbers; compare them as strings
  const names = keys.map((k) => `${k}`);
  const order = names.map((_, i) => i);
  order.sort((x, y) => (names[x] < names[y] ? -1 : names[x] > names[y] ? 1 : 0));
  out.push("{");
  for (let i = 0; i < order.length; i++) {
    out.push(i > 0 ? "," + nl + inner : nl + inner);
    encodeString(names[order[i]], out);
    out.push(indent !== undefined ? ": " : ":");
    encodeValue(record[keys[order[i]]], indent, inner, out);
  }
  out.push(nl + depth + "}");
}

/** JSON text of the value: keys sorted; pretty = two-space indent as JSON.stringify(v, null, 2). */
export function jsonEncode(value: unknown, pretty?: boolean): string {
  const out: string[] = [];
  encodeValue(value, pretty === true ? "  " : undefined, "", out);
  return out.join("");
}

// ---- decoding ------------------------------------------------------------------------

class JsonReader {
  pos = 0;
  constructor(private readonly text: string) {}

  fail(message: string, at?: number): never {
    return jsonFail(message, at ?? this.pos);
  }

  skipWs(): void {
    while (this.pos < this.text.length) {
      const c = this.text.charCodeAt(this.pos);
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return;
      this.pos++;
    }
  }

  peek(): string {
    return this.text.charAt(this.pos);
  }

  expectWord(word: string): void {
    if (this.text.substring(this.pos, this.pos + word.length) !== word) this.fail("unexpected character");
    this.pos += word.length;
  }

  value(): unknown {
    this.skipWs();
    const c = this.peek();
    if (c === "{") return this.object();
    if (c === "[") return this.array();
    if (c === '"') return this.string();
    if (c === "t") {
      this.expectWord("true");
      return true;
    }
    if (c === "f") {
      this.expectWord("false");
      return false;
    }
    if (c === "n") {
      this.expectWord("null");
      return undefined;
    }
    if (c === "-" || (c >= "0" && c <= "9")) return this.number();
    if (c === "") this.fail("unexpected end");
    return this.fail("unexpected character");
  }

  object(): Record<string, unknown> {
    this.pos++;
    const obj: Record<string, unknown> = {};
    this.skipWs();
    if (this.peek() === "}") {
      this.pos++;
      return obj;
    }
    while (true) {
      this.skipWs();
      if (this.peek() !== '"') this.fail("expected a string key");
      const key = this.string();
      this.skipWs();
      if (this.peek() !== ":") this.fail("expected ':'");
      this.pos++;
      const v = this.value();
      if (v !== undefined) obj[key] = v;
      this.skipWs();
      const c = this.peek();
      this.pos++;
      if (c === "}") return obj;
      if (c !== ",") this.fail("expected ',' or '}'", this.pos - 1);
    }
  }

  array(): unknown[] {
    this.pos++;
    const arr: unknown[] = [];
    this.skipWs();
    if (this.peek() === "]") {
      this.pos++;
      return jsonArray(arr);
    }
    while (true) {
      const at = this.pos;
      const v = this.value();
      if (v === undefined) this.fail("null inside an array is not supported", at);
      arr.push(v);
      this.skipWs();
      const c = this.peek();
      this.pos++;
      if (c === "]") return arr;
      if (c !== ",") this.fail("expected ',' or ']'", this.pos - 1);
    }
  }

  string(): string {
    const [value, next] = readString(this.text, this.pos);
    this.pos = next;
    return value;
  }

  digits(): number {
    const start = this.pos;
    while (this.pos < this.text.length) {
      const c = this.text.charCodeAt(this.pos);
      if (c < 48 || c > 57) break;
      this.pos++;
    }
    return this.pos - start;
  }

  number(): number {
    const start = this.pos;
    if (this.peek() === "-") this.pos++;
    if (this.peek() === "0") this.pos++;
    else if (this.digits() === 0) this.fail("bad number", start);
    if (this.peek() === ".") {
      this.pos++;
      if (this.digits() === 0) this.fail("bad number", start);
    }
    if (this.peek() === "e" || this.peek() === "E") {
      this.pos++;
      if (this.peek() === "+" || this.peek() === "-") this.pos++;
      if (this.digits() === 0) this.fail("bad number", start);
    }
    return Number(this.text.substring(start, this.pos));
  }
}

/** Parses JSON text. null becomes undefined (a key with null is absent); errors are
 * SplitwanError(EXIT_SYSTEM) naming the position (characters in Node, bytes in Lua). */
export function jsonDecode(text: string): unknown {
  const r = new JsonReader(text);
  const v = r.value();
  r.skipWs();
  if (r.pos < text.length) r.fail("trailing characters");
  return v;
}

