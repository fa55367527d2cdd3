// Shared by the apk-*.test.ts files: the reference packages made by the real
// `apk mkpkg` (../shared/reference/apk/, see its README), their inputs read back
// (tree.tar, COMMAND, scripts/), and our built packages.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { ApkInfo, TreeFile } from "../../scripts/apk/adb-write.mjs";
import { TOP } from "../helpers/lua";

export const REF = join(TOP, "../shared/reference/apk");
export const PKG_DIR = join(TOP, "luci-app-splitwan");
export const DIST = join(TOP, "dist");

/** A ustar/GNU tar as mkpkg's input directory: files (mode, mtime, data) and dirs (mode). */
export function untar(buf: Buffer): { files: Map<string, TreeFile>; dirs: Map<string, { mode: number }> } {
  const files = new Map<string, TreeFile>();
  const dirs = new Map<string, { mode: number }>();
  for (let o = 0; o + 512 <= buf.length; ) {
    const h = buf.subarray(o, o + 512);
    if (h.every((b) => b === 0)) break;
    const str = (at: number, n: number) => {
      const s = h.subarray(at, at + n).toString("latin1");
      const z = s.indexOf("\0");
      return z < 0 ? s : s.slice(0, z);
    };
    const prefix = str(345, 155);
    const name = (prefix ? prefix + "/" : "") + str(0, 100);
    const size = parseInt(str(124, 12), 8) || 0;
    const type = str(156, 1);
    const p = name.replace(/^\.\/?/, "").replace(/\/$/, "");
    if (type === "5") {
      if (p !== "") dirs.set(p, { mode: parseInt(str(100, 8), 8) });
    } else if (type === "0" || type === "") {
      files.set(p, { mode: parseInt(str(100, 8), 8), mtime: parseInt(str(136, 12), 8), data: Buffer.from(buf.subarray(o + 512, o + 512 + size)) });
    } else throw new Error(`untar: ${p}: entry type ${type} not expected in the reference trees`);
    o += 512 + Math.ceil(size / 512) * 512;
  }
  return { files, dirs };
}

/** A reference COMMAND line: its SOURCE_DATE_EPOCH, --info fields, --script files. */
export function command(dir: string): { epoch: number; info: ApkInfo; scripts: Record<string, string>; output: string } {
  const text = readFileSync(join(dir, "COMMAND"), "utf8");
  const info: Record<string, string> = {};
  for (const m of text.matchAll(/--info "([a-z-]+):([^"]*)"/g)) info[m[1]] = m[2];
  const scripts: Record<string, string> = {};
  for (const m of text.matchAll(/--script "([a-z-]+):([^"]*)"/g)) scripts[m[1]] = m[2];
  return { epoch: Number(/SOURCE_DATE_EPOCH=(\d+)/.exec(text)![1]), info, scripts, output: /--output "([^"]+)"/.exec(text)![1] };
}

/** mkpkg's input for a reference directory (install/r5 uses mini's scripts, per README). */
export function referenceInput(dir: string, scriptsDir = dir) {
  const c = command(dir);
  const scripts: Record<string, Buffer> = {};
  for (const [k, v] of Object.entries(c.scripts)) scripts[k] = readFileSync(join(scriptsDir, v));
  return { ...untar(readFileSync(join(dir, "tree.tar"))), info: c.info, scripts, epoch: c.epoch, output: c.output };
}

/** dist/<name>-<version>.apk written by `npm run build` (npm test builds first). */
export function builtApk(name: string, dir = DIST): string {
  const found = readdirSync(dir).filter((f) => f.startsWith(`${name}-`) && /^[0-9]/.test(f.slice(name.length + 1)) && f.endsWith(".apk"));
  if (found.length !== 1) throw new Error(`expected one ${name} .apk in ${dir}, found ${found.join(", ") || "none"}: run npm run build`);
  return join(dir, found[0]);
}
