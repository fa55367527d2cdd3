// The feed directory's generated parts (Lua, LuCI JS, root/'s copy of files/) are build
// output, not committed: src/ and files/ are their one source. These tests rebuild from
// sources in two scratch copies of the tree and compare them with each other and with
// the working tree's build, and the packages likewise.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listFiles } from "../../scripts/build-files.mjs";
import { sourceEpoch } from "../../scripts/build-ipk.mjs";
import { TOP } from "../helpers/lua";
import { builtIpk } from "./ipk";

const GENERATED = ["luci-app-splitwan/root", "luci-app-splitwan/htdocs"];
const SKIP = new Set([".git", "node_modules", "dist", "build", "test-output", ...GENERATED]);

/** A copy of the sources without any generated output, built with `node scripts/build.mjs`. */
function freshBuild(epoch: number): Promise<{ dir: string; log: string }> {
  const dir = mkdtempSync(join(tmpdir(), "splitwan-build-"));
  cpSync(TOP, dir, { recursive: true, filter: (src) => !SKIP.has(relative(TOP, src)) });
  symlinkSync(join(TOP, "node_modules"), join(dir, "node_modules"));
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ["scripts/build.mjs"], { cwd: dir, env: { ...process.env, SOURCE_DATE_EPOCH: String(epoch) } });
    let log = "";
    p.stdout.on("data", (d) => (log += d));
    p.stderr.on("data", (d) => (log += d));
    p.on("error", reject);
    p.on("close", (code) => (code === 0 ? resolve({ dir, log }) : reject(new Error(`fresh build failed (${code}):\n${log}`))));
  });
}

const sha256 = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

interface Snapshot {
  files: Map<string, { mode: number; sha: string }>;
}

function snapshot(top: string): Snapshot {
  const files = new Map<string, { mode: number; sha: string }>();
  for (const g of GENERATED) {
    for (const rel of listFiles(join(top, g))) {
      const p = join(top, g, rel);
      files.set(`${g}/${rel}`, { mode: statSync(p).mode & 0o111 ? 0o755 : 0o644, sha: sha256(p) });
    }
  }
  return { files };
}

function differences(want: Snapshot["files"], have: Snapshot["files"]): string[] {
  const out: string[] = [];
  for (const [p, w] of want) {
    const h = have.get(p);
    if (!h) out.push(`missing: ${p}`);
    else if (h.sha !== w.sha) out.push(`content differs: ${p}`);
    else if (h.mode !== w.mode) out.push(`mode differs: ${p} (${h.mode.toString(8)}, fresh ${w.mode.toString(8)})`);
  }
  for (const p of have.keys()) if (!want.has(p)) out.push(`not produced by the build: ${p}`);
  return out.sort();
}

let a: { dir: string; log: string };
let b: { dir: string; log: string };
let fresh: Snapshot;

beforeAll(async () => {
  const epoch = sourceEpoch(TOP);
  [a, b] = await Promise.all([freshBuild(epoch), freshBuild(epoch)]);
  fresh = snapshot(a.dir);
}, 300000);

afterAll(() => {
  for (const x of [a, b]) if (x) rmSync(x.dir, { recursive: true, force: true });
});

describe("generated feed files", () => {
  it("the fresh build produces the CLI and the copies of files/", () => {
    expect(fresh.files.has("luci-app-splitwan/root/usr/sbin/splitwan")).toBe(true);
    expect(fresh.files.has("luci-app-splitwan/root/etc/init.d/splitwan")).toBe(true);
  });

  it("in the working tree equal a fresh build (run `npm run build`)", () => {
    expect(differences(fresh.files, snapshot(TOP).files)).toEqual([]);
  });
});

describe("reproducible .ipk", () => {
  const ipks = (dir: string) =>
    new Map(readdirSync(dir).filter((f) => f.endsWith(".ipk")).sort().map((f) => [f, sha256(join(dir, f))]));

  it("two builds from the same sources are byte-identical (and equal dist/ of this tree)", () => {
    const ia = builtIpk(join(a.dir, "dist"));
    const ib = builtIpk(join(b.dir, "dist"));
    expect(sha256(ia)).toBe(sha256(ib));
    expect(sha256(builtIpk()), "dist/ differs from a fresh build: run npm run build").toBe(sha256(ia));
  });

  it("so are the translation packages", () => {
    const fa = ipks(join(a.dir, "dist"));
    expect([...fa.keys()].filter((f) => f.startsWith("luci-i18n-"))).toEqual(
      existsSync(join(TOP, "luci-app-splitwan/po/ja")) ? [expect.stringMatching(/^luci-i18n-splitwan-ja_/)] : [],
    );
    expect(ipks(join(b.dir, "dist"))).toEqual(fa);
    expect(ipks(join(TOP, "dist")), "dist/ differs from a fresh build: run npm run build").toEqual(fa);
  });
});

describe("reproducible .apk (OpenWrt 25.12)", () => {
  const apks = (dir: string) =>
    new Map(readdirSync(dir).filter((f) => f.endsWith(".apk")).sort().map((f) => [f, sha256(join(dir, f))]));

  it("a fresh build writes the app's and the translations' .apk; two builds are byte-identical, equal to dist/", () => {
    const fa = apks(join(a.dir, "dist"));
    expect([...fa.keys()]).toEqual([
      expect.stringMatching(/^luci-app-splitwan-[0-9][^_]*\.apk$/),
      ...(existsSync(join(TOP, "luci-app-splitwan/po/ja")) ? [expect.stringMatching(/^luci-i18n-splitwan-ja-[0-9]/)] : []),
    ]);
    expect(apks(join(b.dir, "dist"))).toEqual(fa);
    expect(apks(join(TOP, "dist")), "dist/ differs from a fresh build: run npm run build").toEqual(fa);
  });
});
