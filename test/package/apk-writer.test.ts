// scripts/apk/adb-write.mjs against packages made by the real `apk mkpkg` (apk-tools
// 3.0.6): given the same input tree, --info fields and scripts, it must write the same
// uncompressed ADB file byte for byte, and a deflated file whose inflated stream is the
// same (zlib builds differ in deflate bytes; apk reads either, see the reference README).
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { inflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { mkpkg, validateInfo } from "../../scripts/apk/adb-write.mjs";
import { REF, referenceInput } from "./apk";

const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");
const sums = (dir: string) =>
  new Map(
    readFileSync(join(dir, "SHA256SUMS"), "utf8")
      .trim()
      .split("\n")
      .map((l) => l.split(/\s+/).reverse() as [string, string]),
  );

describe("mini (a small LuCI app, ../shared/reference/apk/mini)", () => {
  const dir = join(REF, "mini");
  const input = referenceInput(dir);

  it("the uncompressed package (--compression none) is byte for byte apk's", () => {
    const { apk } = mkpkg({ ...input, compression: "none" });
    const ref = readFileSync(join(dir, "luci-app-mini-1.2.3-r4.uncompressed.apk"));
    expect(apk.length).toBe(ref.length);
    expect(apk.equals(ref)).toBe(true);
    expect(sha256(apk)).toBe(sums(dir).get("luci-app-mini-1.2.3-r4.uncompressed.apk"));
  });

  it("the default package is ADBd + raw deflate of that same file", () => {
    const { apk, adb } = mkpkg(input);
    const ref = readFileSync(join(dir, "luci-app-mini-1.2.3-r4.apk"));
    expect(sha256(ref)).toBe(sums(dir).get("luci-app-mini-1.2.3-r4.apk"));
    expect(apk.subarray(0, 4).toString("latin1")).toBe("ADBd");
    expect(inflateRawSync(apk.subarray(4)).equals(inflateRawSync(ref.subarray(4)))).toBe(true);
    expect(inflateRawSync(apk.subarray(4)).equals(adb)).toBe(true);
  });

  it("the package id is the first 20 bytes of sha256 over the ADB block with the id zeroed", () => {
    const { id, adb } = mkpkg(input);
    expect(id).toBe("dd1e0728b9da1f6d100a82b42fb82eed915da9e2"); // adbdump.txt's hashes
    const size = adb.readUInt32LE(8) & 0x3fffffff;
    const payload = Buffer.from(adb.subarray(12, 8 + size));
    const at = payload.indexOf(Buffer.from(id, "hex"));
    payload.fill(0, at, at + 20);
    expect(sha256(payload).slice(0, 40)).toBe(id);
  });

  it("mtimes newer than SOURCE_DATE_EPOCH are clamped to it (apk gave the same bytes)", () => {
    const newer = new Map([...input.files].map(([p, f]) => [p, { ...f, mtime: (f.mtime ?? 0) + 86400 }]));
    expect(mkpkg({ ...input, files: newer }).adb.equals(mkpkg(input).adb)).toBe(true);
    const older = new Map([...input.files].map(([p, f]) => [p, { ...f, mtime: (f.mtime ?? 0) - 1 }]));
    expect(mkpkg({ ...input, files: older }).adb.equals(mkpkg(input).adb)).toBe(false);
  });

  it("the --info order does not matter; a changed mode or script does", () => {
    const reversed = Object.fromEntries(Object.entries(input.info).reverse());
    expect(mkpkg({ ...input, info: reversed }).adb.equals(mkpkg(input).adb)).toBe(true);
    const files = new Map(input.files);
    files.set("usr/sbin/mini", { ...files.get("usr/sbin/mini")!, mode: 0o700 });
    expect(mkpkg({ ...input, files }).adb.equals(mkpkg(input).adb)).toBe(false);
    expect(mkpkg({ ...input, scripts: { ...input.scripts, "post-install": "#!/bin/sh\n" } }).adb.equals(mkpkg(input).adb)).toBe(false);
  });
});

describe("the other reference packages, rebuilt from their inputs", () => {
  it("install/r5 (mini 1.2.3-r5, mini's scripts): same inflated stream", () => {
    const dir = join(REF, "install/r5");
    const { apk } = mkpkg(referenceInput(dir, join(REF, "mini")));
    const ref = readFileSync(join(dir, "luci-app-mini-1.2.3-r5.apk"));
    expect(sha256(ref)).toBe(sums(dir).get("luci-app-mini-1.2.3-r5.apk"));
    expect(inflateRawSync(apk.subarray(4)).equals(inflateRawSync(ref.subarray(4)))).toBe(true);
  });

  it("splitwan 0.1.0-r1 (the SDK's own build of this package): same inflated stream", () => {
    const dir = join(REF, "splitwan");
    const input = referenceInput(dir);
    const { apk, id } = mkpkg(input);
    const ref = readFileSync(join(dir, "luci-app-splitwan-0.1.0-r1.apk"));
    expect(sha256(ref)).toBe(sums(dir).get("luci-app-splitwan-0.1.0-r1.apk"));
    expect(id).toBe("d6343f20b3e5bff587b11ad121b415c8f4b01527");
    expect(inflateRawSync(apk.subarray(4)).equals(inflateRawSync(ref.subarray(4)))).toBe(true);
  });
});

describe("metadata apk refuses is refused before any bytes are written", () => {
  const good = referenceInput(join(REF, "mini")).info;
  const refuse = (info: object) => () => validateInfo({ ...good, ...info });

  it.each([
    ["1.0-1", "'-' not followed by r<number>"],
    ["1.0-r", "no release number"],
    ["v1.0", "not starting with a digit"],
    ["1..0", "empty number"],
    ["1.0_foo", "unknown suffix"],
    ["1.0-r1-r2", "two releases"],
    ["1.0 ", "space"],
  ])("version %s (%s)", (version) => {
    expect(refuse({ version })).toThrow(`info field 'version' has invalid value '${version}'`);
  });

  it.each(["1", "0.1.0-r1", "1.2.3a", "2.0_rc1", "1.0_p2_git3", "1.0~abc123-r7", "20240101"])("version %s is accepted", (version) => {
    expect(refuse({ version })).not.toThrow();
  });

  it.each(["-luci", "luci app", "luci/app", "lüci", "luci@app", ""])("name %j", (name) => {
    expect(refuse({ name })).toThrow(name === "" ? "info field 'name' is required" : `info field 'name' has invalid value '${name}'`);
  });

  it("a dependency that is not a package name, and an unknown field", () => {
    expect(refuse({ depends: "libc lu(a" })).toThrow("info field 'depends' has invalid value 'lu(a'");
    expect(refuse({ colour: "red" })).toThrow("invalid info field: colour");
  });

  it("mkpkg itself refuses too (no package is returned)", () => {
    const input = referenceInput(join(REF, "mini"));
    expect(() => mkpkg({ ...input, info: { ...input.info, version: "1.0-1" } })).toThrow("'version' has invalid value '1.0-1'");
  });
});
