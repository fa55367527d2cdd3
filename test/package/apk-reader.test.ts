// scripts/apk/adb-read.mjs on the packages the real apk made: it must find the same
// fields and files as `apk adbdump` printed (adbdump.txt), the same package id as the
// installed database recorded, and data blocks that hold exactly the listed files.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { adbdump, packageId, readApk } from "../../scripts/apk/adb-read.mjs";
import { REF, untar } from "./apk";

const CASES = [
  { file: "mini/luci-app-mini-1.2.3-r4.apk", dump: "mini/adbdump.txt", tree: "mini/tree.tar" },
  { file: "mini/luci-app-mini-1.2.3-r4.uncompressed.apk", dump: "mini/adbdump.uncompressed.txt", tree: "mini/tree.tar" },
  { file: "install/r5/luci-app-mini-1.2.3-r5.apk", dump: "install/r5/adbdump.txt", tree: "install/r5/tree.tar" },
  { file: "splitwan/luci-app-splitwan-0.1.0-r1.apk", dump: "splitwan/adbdump.txt", tree: "splitwan/tree.tar" },
];

/** `key: value` lines of an adbdump section, as written (2-space indent, top level). */
function dumpInfo(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const lines = text.split("\n");
  const start = lines.indexOf("info:");
  for (let i = start + 1; i < lines.length && lines[i].startsWith("  "); i++) {
    const m = /^ {2}([a-z-]+): (.*)$/.exec(lines[i]);
    if (!m) continue;
    if (m[2] === "|") out.set(m[1], lines[++i].trim());
    else if (!m[2].startsWith("#")) out.set(m[1], m[2]);
  }
  return out;
}

describe.each(CASES)("$file", ({ file, dump, tree }) => {
  const buf = readFileSync(join(REF, file));
  const r = readApk(buf);
  const ref = readFileSync(join(REF, dump), "utf8");

  it("prints exactly what apk adbdump printed", () => {
    expect(adbdump(buf)).toBe(ref);
  });

  it("has the info fields adbdump shows", () => {
    for (const [k, v] of dumpInfo(ref)) {
      const mine = r.pkg.info[k];
      expect(typeof mine === "number" ? String(mine) : mine, k).toBe(v);
    }
    const deps = (k: string) => (r.pkg.info[k] as { name: string }[]).map((d) => d.name);
    const section = (k: string) => {
      const m = new RegExp(`^  ${k}: # \\d+ items\\n((?: {4}- .*\\n)*)`, "m").exec(ref)!;
      return m[1].trim().split("\n").map((l) => l.trim().slice(2));
    };
    expect(deps("depends")).toEqual(section("depends"));
    expect(deps("provides")).toEqual(section("provides"));
    expect(r.compressed).toBe(!file.includes("uncompressed"));
  });

  it("lists the input tree's files with mode, owner, size, mtime and sha256", () => {
    const input = untar(readFileSync(join(REF, tree)));
    const listed = r.pkg.paths.flatMap((d) => (d.files ?? []).map((f) => ({ path: d.name ? `${d.name}/${f.name}` : f.name, ...f })));
    expect(listed.map((f) => f.path).sort()).toEqual([...input.files.keys()].sort());
    for (const f of listed) {
      const src = input.files.get(f.path)!;
      expect(f.acl, f.path).toEqual({ mode: src.mode & 0o7777, user: "root", group: "root" });
      expect(f.size, f.path).toBe(src.data.length);
      expect(f.mtime, f.path).toBe(src.mtime);
      expect(f.hash, f.path).toBe(createHash("sha256").update(src.data).digest("hex"));
    }
    expect(r.pkg.paths.map((d) => d.name ?? "")).toEqual(["", ...[...input.dirs.keys()].sort()]);
  });

  it("carries each file's bytes in a data block addressed by path and file index", () => {
    const input = untar(readFileSync(join(REF, tree)));
    const want = r.pkg.paths.flatMap((d, i) => (d.files ?? []).map((f, j) => ({ path: i + 1, file: j + 1, name: d.name ? `${d.name}/${f.name}` : f.name })));
    expect(r.data.map((d) => [d.path, d.file])).toEqual(want.map((w) => [w.path, w.file]));
    r.data.forEach((d, n) => expect(d.content.equals(input.files.get(want[n].name)!.data as Buffer), want[n].name).toBe(true));
    expect(r.blockTypes).toEqual([0, ...r.data.map(() => 2)]); // ADB, no signature, data
  });

  it("its id (info.hashes) is the hash of its ADB block", () => {
    expect(packageId(r.adb)).toBe(r.pkg.info.hashes);
  });
});

describe("ids as the installed database records them", () => {
  // lib/apk/db/installed: C: = Q1 + base64 of the id; Z: = Q1 + base64 of a file's sha256[0..20]
  const q1 = (hex: string) => "Q1" + Buffer.from(hex.slice(0, 40), "hex").toString("base64");

  it("mini r4 and splitwan: the C: lines", () => {
    const mini = readApk(readFileSync(join(REF, "mini/luci-app-mini-1.2.3-r4.apk")));
    expect(readFileSync(join(REF, "install/installed.after-add-r4"), "utf8")).toContain(`C:${q1(mini.pkg.info.hashes)}\nP:luci-app-mini\n`);
    const sw = readApk(readFileSync(join(REF, "splitwan/luci-app-splitwan-0.1.0-r1.apk")));
    expect(readFileSync(join(REF, "splitwan/world.after-add"), "utf8")).toContain(`luci-app-splitwan><${q1(sw.pkg.info.hashes)}\n`);
  });

  it("splitwan: the R:/Z: lines, file by file", () => {
    const sw = readApk(readFileSync(join(REF, "splitwan/luci-app-splitwan-0.1.0-r1.apk")));
    const db = readFileSync(join(REF, "splitwan/installed.luci-app-splitwan"), "utf8");
    for (const d of sw.pkg.paths) for (const f of d.files ?? []) expect(db, f.name).toContain(`R:${f.name}\n${f.acl.mode === 0o644 ? "" : `a:0:0:${f.acl.mode.toString(8)}\n`}Z:${q1(f.hash)}\n`);
  });
});
