// Translation packages: luci.mk's LuciTranslation (luci-i18n-<basename>-<lang>) built by
// scripts/build-ipk.mjs from a fixture po/ (not the app's real catalogue), unpacked with
// the system's tar; the .lmo is read back with the layout of luci-base's lmo.c.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildI18nIpks, sfhHash } from "../../scripts/build-ipk.mjs";
import { TOP } from "../helpers/lua";
import { controlFields, makefileVersion, unpack } from "./ipk";

let built: { path: string; name: string }[];
let pkgDir: string;

beforeAll(() => {
  pkgDir = mkdtempSync(join(tmpdir(), "splitwan-i18n-"));
  cpSync(join(TOP, "luci-app-splitwan/Makefile"), join(pkgDir, "Makefile"));
  cpSync(join(TOP, "test/package/fixtures/po"), join(pkgDir, "po"), { recursive: true });
  mkdirSync(join(pkgDir, "root"));
  built = buildI18nIpks({ pkg: pkgDir, outDir: join(pkgDir, "dist"), epoch: 1700000000 });
});

/** lmo.c: the last word is the index offset; index entries are 4 × uint32 big-endian. */
function readLmo(buf: Buffer) {
  const idx = buf.readUInt32BE(buf.length - 4);
  const entries = [];
  for (let o = idx; o < buf.length - 4; o += 16) {
    const [key, valId, offset, length] = [0, 4, 8, 12].map((d) => buf.readUInt32BE(o + d));
    entries.push({ key, valId, offset, length, value: buf.subarray(offset, offset + length).toString("utf8") });
  }
  return { idx, entries };
}

describe("luci-i18n-splitwan-ja", () => {
  it("is one package per po/<lang> (templates/ is not a language)", () => {
    expect(built.map((b) => b.name)).toEqual(["luci-i18n-splitwan-ja"]);
    const { version, release } = makefileVersion();
    expect(readdirSync(join(pkgDir, "dist"))).toEqual([`luci-i18n-splitwan-ja_${version}-r${release}_all.ipk`]);
  });

  it("has luci.mk's control fields, depending on the app", () => {
    const u = unpack(built[0].path);
    const f = new Map(controlFields(u.ctrl.get("control")!));
    const { version, release } = makefileVersion();
    expect(f.get("Package")).toBe("luci-i18n-splitwan-ja");
    expect(f.get("Version")).toBe(`${version}-r${release}`);
    expect(f.get("Depends")).toBe("libc, luci-app-splitwan");
    expect(f.get("Architecture")).toBe("all");
    expect(f.get("Section")).toBe("luci");
    expect(f.get("Description")).toBe(" Translation for luci-app-splitwan - 日本語 (Japanese)");
    expect(Number(f.get("Installed-Size"))).toBe(execFileSync("gzip", ["-dc", join(u.dir, "data.tar.gz")]).length);
    expect(u.data.map((e) => e.name).filter((n) => !n.endsWith("/"))).toEqual([
      "./etc/uci-defaults/luci-i18n-splitwan-ja",
      "./usr/lib/lua/luci/i18n/splitwan.ja.lmo",
    ]);
    expect(readFileSync(join(u.root, "etc/uci-defaults/luci-i18n-splitwan-ja"), "utf8")).toBe(
      "uci set luci.languages.ja='日本語 (Japanese)'; uci commit luci\n",
    );
    expect(u.ctrl.get("postinst-pkg")).toContain("(. /etc/uci-defaults/luci-i18n-splitwan-ja) && rm -f /etc/uci-defaults/luci-i18n-splitwan-ja");
    const r = spawnSync("dash", ["-n", join(u.dir, "control", "postinst-pkg")]);
    expect(r.status).toBe(0);
  });

  it("has an .lmo with the translations under po2lmo's keys, sorted by hash", () => {
    const u = unpack(built[0].path);
    const lmo = readFileSync(join(u.root, "usr/lib/lua/luci/i18n/splitwan.ja.lmo"));
    const { idx, entries } = readLmo(lmo);
    expect(idx % 4).toBe(0);
    const keys = entries.map((e) => e.key);
    expect([...keys].sort((a, b) => a - b)).toEqual(keys);
    for (const e of entries) {
      expect(e.offset % 4).toBe(0);
      expect(e.offset + e.length).toBeLessThanOrEqual(idx);
    }
    const lookup = (key: string) => entries.find((e) => e.key === sfhHash(Buffer.from(key)))?.value;
    expect(lookup("Save")).toBe("保存");
    expect(lookup("Published ports")).toBe("公開ポート");
    expect(lookup('Quote "this" and a back\\slash')).toBe("「これ」を引用 \"x\"");
    expect(lookup("PPPoE\x01Interface")).toBe("PPPoE インターフェース");
    expect(lookup("%d server\x020")).toBe("%d 台のサーバー");
    expect(entries.find((e) => e.key === 0)?.value).toBe("nplurals=1; plural=0;");
    // untranslated and identical strings are left out; nothing else is there
    expect(lookup("Not translated yet")).toBeUndefined();
    expect(lookup("Same")).toBeUndefined();
    expect(entries.length).toBe(6);
  });
});

// A plain C transcription of lmo.c's sfh_hash, compiled here when a C compiler exists:
// checks the JavaScript port's unsigned/signed-char arithmetic on many inputs.
const cc = spawnSync("sh", ["-c", "command -v cc"]).status === 0;
describe.skipIf(!cc)("sfh_hash", () => {
  it("matches the C arithmetic on ASCII, UTF-8 and every length remainder", () => {
    const dir = mkdtempSync(join(tmpdir(), "splitwan-sfh-"));
    writeFileSync(
      join(dir, "sfh.c"),
      `#include <stdio.h>
#include <stdint.h>
#include <string.h>
#define G(d) ((((uint32_t)(((const uint8_t *)(d))[1])) << 8) + (uint32_t)(((const uint8_t *)(d))[0]))
static uint32_t sfh(const char *d, size_t len) {
  uint32_t h = len, t; int rem = len & 3;
  if (!len) return 0;
  for (len >>= 2; len > 0; len--) { h += G(d); t = (G(d + 2) << 11) ^ h; h = (h << 16) ^ t; d += 4; h += h >> 11; }
  switch (rem) {
  case 3: h += G(d); h ^= h << 16; h ^= (signed char)d[2] << 18; h += h >> 11; break;
  case 2: h += G(d); h ^= h << 11; h += h >> 17; break;
  case 1: h += (signed char)*d; h ^= h << 10; h += h >> 1;
  }
  h ^= h << 3; h += h >> 5; h ^= h << 4; h += h >> 17; h ^= h << 25; h += h >> 6;
  return h;
}
int main(int c, char **v) { for (int i = 1; i < c; i++) printf("%u\\n", sfh(v[i], strlen(v[i]))); return 0; }
`,
    );
    execFileSync("cc", ["-O0", "-o", join(dir, "sfh"), join(dir, "sfh.c")]);
    const inputs = ["a", "ab", "abc", "abcd", "Save", "日本語", "日本語x", "é", "éé", "ÿ", "PPPoE\x01Interface", "%d server\x020", "x".repeat(257)];
    const c = execFileSync(join(dir, "sfh"), inputs, { encoding: "utf8" }).trim().split("\n").map(Number);
    expect(inputs.map((s) => sfhHash(Buffer.from(s)))).toEqual(c);
  });
});
