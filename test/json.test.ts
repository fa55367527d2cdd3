// src/core/json.ts in Node, and against lua5.1 (test/lua/json.ts): the same cases must
// print the same bytes in both.
import { describe, expect, it } from "vitest";
import { jsonArray, jsonDecode, jsonEncode } from "../src/core/json";
import { luaHarness, runLuaFile } from "./helpers/lua";
import { runJsonCases } from "./lua/json";

/** JSON.stringify with keys sorted: the reference for values without empty tables. */
function sortedStringify(v: unknown, indent?: number): string {
  const sort = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(sort);
    if (x !== null && typeof x === "object") {
      const o: Record<string, unknown> = {};
      for (const k of Object.keys(x).sort()) o[k] = sort((x as Record<string, unknown>)[k]);
      return o;
    }
    return x;
  };
  return JSON.stringify(sort(v), null, indent);
}

describe("jsonEncode", () => {
  it("writes keys sorted, compact and pretty like JSON.stringify", () => {
    const v = { zone: "wan", b: [1, "two", { y: true, x: false }], a: { nested: { deep: "x" } }, n: -12 };
    expect(jsonEncode(v)).toBe('{"a":{"nested":{"deep":"x"}},"b":[1,"two",{"x":false,"y":true}],"n":-12,"zone":"wan"}');
    expect(jsonEncode(v, true)).toBe(sortedStringify(v, 2));
    expect(jsonEncode(v)).toBe(sortedStringify(v));
  });

  it("writes an empty table as {} unless it is marked as an array", () => {
    expect(jsonEncode({})).toBe("{}");
    expect(jsonEncode([])).toBe("{}"); // same as in Lua, where [] and {} are one thing
    expect(jsonEncode(jsonArray([]))).toBe("[]");
    expect(jsonEncode({ errors: jsonArray([]), args: {} }, true)).toBe('{\n  "args": {},\n  "errors": []\n}');
    expect(jsonEncode(jsonArray([1, 2]))).toBe("[1,2]");
  });

  it("leaves out keys whose value is null or undefined", () => {
    expect(jsonEncode({ a: null, b: undefined, c: 1 })).toBe('{"c":1}');
    expect(jsonEncode({ a: null })).toBe("{}");
    expect(jsonEncode(null)).toBe("null");
    expect(jsonEncode(undefined)).toBe("null");
  });

  it("escapes quotes, backslashes and control characters and nothing else", () => {
    expect(jsonEncode('a"b\\c/d')).toBe('"a\\"b\\\\c/d"');
    expect(jsonEncode("\b\f\n\r\t\u0000\u001f\u007f")).toBe('"\\b\\f\\n\\r\\t\\u0000\\u001f\u007f"');
    expect(jsonEncode("ルーター é 😀")).toBe('"ルーター é 😀"');
    expect(JSON.parse(jsonEncode("x\u0001y\u0010z"))).toBe("x\u0001y\u0010z");
  });

  it("writes integers exactly and other numbers with 15 significant digits", () => {
    expect(jsonEncode(0)).toBe("0");
    expect(jsonEncode(-0)).toBe("0");
    expect(jsonEncode(1700000000)).toBe("1700000000");
    expect(jsonEncode(9007199254740991)).toBe("9007199254740991");
    expect(jsonEncode(-123456789012345)).toBe("-123456789012345");
    expect(jsonEncode(1e15)).toBe("1000000000000000");
    expect(jsonEncode(0.1)).toBe("0.1");
    expect(jsonEncode(2.5)).toBe("2.5");
    expect(jsonEncode(-0.000001234)).toBe("-0.000001234");
    expect(jsonEncode(1 / 3)).toBe("0.333333333333333");
    expect(jsonEncode(1e-7)).toBe("1e-7");
    expect(jsonEncode(1.5e300)).toBe("1.5e+300");
    expect(jsonEncode(2 ** 60)).toBe("1152921504606850000");
    expect(jsonEncode(1e21)).toBe("1e+21");
    expect(jsonEncode(NaN)).toBe("null");
    expect(jsonEncode(-Infinity)).toBe("null");
    for (const v of [Math.PI, 1 / 7, 6.02214076e23, 1.602e-19, 12345.678, 0.5e-6]) {
      const back = JSON.parse(jsonEncode(v)) as number;
      expect(Math.abs(back - v) / Math.abs(v)).toBeLessThan(1e-14);
    }
  });

  it("refuses functions", () => {
    expect(() => jsonEncode({ f: () => 1 })).toThrow("cannot encode a function");
  });
});

describe("jsonDecode", () => {
  it("reads every JSON form", () => {
    const text = '{"s":"a\\"b\\\\c\\/d\\b\\f\\n\\r\\t","n":[0,-1,2.5,1e3,-2E-2,1e+2],"t":true,"f":false,"o":{"k":{}},"a":[[],[1]]}';
    expect(jsonDecode(text)).toEqual(JSON.parse(text));
    expect(jsonDecode(" \n\t\r 42 ")).toBe(42);
    expect(jsonDecode('"x"')).toBe("x");
  });

  it("decodes \\u escapes to UTF-8 text, joining surrogate pairs", () => {
    expect(jsonDecode('"\\u00e9\\u30eb\\ud83d\\ude00\\u0041"')).toBe("éル😀A");
    expect(jsonDecode('"\\uD83D"')).toBe("\ufffd"); // a lone surrogate
    expect(jsonDecode('"\\udc00x"')).toBe("\ufffdx");
    expect(jsonDecode('"raw ルーター"')).toBe("raw ルーター");
  });

  it("drops keys that are null and keeps empty arrays as arrays", () => {
    expect(jsonDecode('{"a":null,"b":1}')).toEqual({ b: 1 });
    expect(jsonDecode("null")).toBeUndefined();
    expect(jsonEncode(jsonDecode('{"e":[],"o":{}}'))).toBe('{"e":[],"o":{}}');
  });

  it("names the position of errors", () => {
    const cases: Array<[string, string]> = [
      ["", "unexpected end at position 0"],
      ["{", "expected a string key at position 1"],
      ['{"a" 1}', "expected ':' at position 5"],
      ['{"a":1,}', "expected a string key at position 7"],
      ["[1 2]", "expected ',' or ']' at position 3"],
      ["[1,null]", "null inside an array is not supported at position 3"],
      ['"abc', "unterminated string at position 0"],
      ['"a\nb"', "control character in string at position 2"],
      ['"\\x"', "bad escape at position 1"],
      ['"\\u12g4"', "bad \\u escape at position 5"],
      ["01", "trailing characters at position 1"],
      ["-", "bad number at position 0"],
      ["1.", "bad number at position 0"],
      ["1e", "bad number at position 0"],
      ["tru", "unexpected character at position 0"],
      ["{} x", "trailing characters at position 3"],
      ["@", "unexpected character at position 0"],
    ];
    for (const [text, message] of cases) expect(() => jsonDecode(text), text).toThrow(`JSON: ${message}`);
  });

  it("agrees with JSON.parse on ubus-like output", () => {
    const text = JSON.stringify({
      interface: [
        { interface: "wan", up: true, l3_device: "map-wan", "ipv4-address": [{ address: "192.0.2.7", mask: 32 }], data: { ports: "1024-1039" } },
        { interface: "wanppp", up: false, uptime: 0, route: [{ target: "0.0.0.0", mask: 0, nexthop: "198.51.100.1", table: 300 }] },
      ],
    });
    expect(jsonDecode(text)).toEqual(JSON.parse(text));
    expect(JSON.parse(jsonEncode(jsonDecode(text)))).toEqual(JSON.parse(text));
  });
});

// ---- Node and lua5.1 give the same bytes ----------------------------------------------

/** Deterministic doubles of many magnitudes (an LCG, so both runs see the same list). */
function numbers(count: number): number[] {
  let seed = 12345;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const mantissa = next() * 10;
    const exp = Math.floor(next() * 60) - 30;
    const sign = next() < 0.3 ? -1 : 1;
    out.push(sign * mantissa * 10 ** exp);
    out.push(Math.floor(next() * 2 ** 53) * sign);
  }
  return out;
}

describe("the same under lua5.1", () => {
  it("encodes and decodes identically", () => {
    const lines = [
      'E {"b":[1,2.5,"\\u00e9\\ud83d\\ude00"],"a":{},"c":[],"z":null}',
      'P {"zone":{"name":"wan_pppoe","network":["wanppp"]},"servers":[{"ports":["80,443/tcp"],"ip":"192.168.1.5"}],"e":[]}',
      'E "ルーター \\"quoted\\" \\\\ \\/ \\b\\f\\n\\r\\t \\u0001 \\u001f \\u00ff \\uD83D x"',
      'E ["raw bytes é ☃", "", " "]',
      'E {"10":1,"9":2,"a":3,"B":4,"_":5,"é":6}',
      "E [0,-0,1,-1,2.5,1e300,1e-300,123456789012345678,-9007199254740991,0.1,0.2,0.30000000000000004]",
      "D true",
      "D null",
      "E [1,null]",
      "E {",
      'E "\\q"',
      "E 1e",
      "E [1] x",
      ...numbers(150).map((n) => `E ${JSON.stringify(n)}`),
    ];
    const input = lines.join("\n") + "\n";
    const node = runJsonCases(input);
    const lua = runLuaFile(luaHarness("json"), [], { stdin: input });
    expect(lua.stderr).toBe("");
    expect(lua.stdout).toBe(node);
    const out = node.split("\n");
    expect(out[0]).toBe('{"a":{},"b":[1,2.5,"é😀"],"c":[]}');
    expect(out).toContain('"ルーター \\"quoted\\" \\\\ / \\b\\f\\n\\r\\t \\u0001 \\u001f ÿ \ufffd x"');
    expect(out).toContain('{"10":1,"9":2,"B":4,"_":5,"a":3,"é":6}');
    expect(out).toContain("boolean");
    expect(out).toContain("error: JSON: null inside an array is not supported at position 3");
    expect(out).toContain('  "e": [],');
  });
});
