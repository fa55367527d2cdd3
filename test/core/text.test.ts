// src/core/text.ts: the one name check, control-character check, hex formatter and
// value escaping that validation, rpcd, DDNS, the UCI store and JSON share.
import { describe, expect, it } from "vitest";
import { escape, hasControl, hexDigitValue, hexDigits, isHexDigits, isName, quote } from "../../src/core/text";

describe("text helpers", () => {
  it("isName: letters, digits, _ and the extra characters, never empty", () => {
    expect(isName("wan_ppp0")).toBe(true);
    expect(isName("")).toBe(false);
    expect(isName("a-b")).toBe(false);
    expect(isName("a-b", "-")).toBe(true);
    expect(isName("eth0.10@x:1", ".-@:")).toBe(true);
    expect(isName("é")).toBe(false);
  });

  it("hasControl: C0 and DEL", () => {
    expect(hasControl("plain text ~")).toBe(false);
    for (const c of ["\n", "\t", "\u0000", "\u001b", "\u007f"]) expect(hasControl(`a${c}b`), JSON.stringify(c)).toBe(true);
  });

  it("hex: digits, values and zero-padded lower case", () => {
    expect(hexDigits(0x10000000, 8)).toBe("10000000");
    expect(hexDigits(0x3f, 8)).toBe("0000003f");
    expect(hexDigits(0, 2)).toBe("00");
    expect(hexDigits(0xabcdef, 2)).toBe("abcdef");
    expect(isHexDigits("09afAF")).toBe(true);
    expect(isHexDigits("")).toBe(false);
    expect(isHexDigits("0x1")).toBe(false);
    expect(hexDigitValue("F")).toBe(15);
    expect(hexDigitValue("g")).toBe(-1);
  });

  it("escape/quote: control characters, quotes and backslashes as Lua and JS write them", () => {
    expect(quote("plain")).toBe("'plain'");
    expect(escape("a\nb\tc\rd")).toBe("a\\nb\\tc\\rd");
    expect(escape("\u001b[31m\u0000\u007f")).toBe("\\x1b[31m\\x00\\x7f");
    expect(quote("it's \\ \"x\"")).toBe("'it\\'s \\\\ \\\"x\\\"'");
    expect(escape("日本")).toBe("日本"); // bytes from 128 up are text, not control
  });
});
