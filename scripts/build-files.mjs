// Build step 2: files/ (static router files: init.d, uci-defaults, hotplug, rpcd, menu.d,
// acl.d, default config) → luci-app-splitwan/root/. The copy is exact: root/ ends up as
// files/ plus the outputs of other build steps listed in OTHER_STEPS; anything else in
// root/ is a stale copy and is removed. Modes are normalised the way git stores them
// (0755 if any x bit, else 0644) so a fresh clone builds the same tree.
import { chmodSync, copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmdirSync, unlinkSync } from "node:fs";
import { join, relative } from "node:path";

/** root/ paths written by other build steps (scripts/build.mjs: the Lua entries). */
export const OTHER_STEPS = ["usr/sbin/splitwan", "usr/libexec/rpcd/luci.splitwan"];
/** root/ folders written whole by other build steps. */
export const OTHER_DIRS = ["usr/lib/lua/splitwan/"];

/** Every regular file under dir as a path relative to dir ("/" separated), sorted. */
export function listFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const st = lstatSync(p);
      if (st.isDirectory()) walk(p);
      else if (st.isFile()) out.push(relative(dir, p).split("\\").join("/"));
      else throw new Error(`build-files: ${p}: only regular files and directories are supported`);
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

export function fileMode(path) {
  return (lstatSync(path).mode & 0o111) !== 0 ? 0o755 : 0o644;
}

function sameFile(a, b) {
  if (!existsSync(b) || fileMode(a) !== fileMode(b)) return false;
  return readFileSync(a).equals(readFileSync(b));
}

function pruneEmptyDirs(dir, top) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (lstatSync(p).isDirectory()) pruneEmptyDirs(p, false);
  }
  if (!top && readdirSync(dir).length === 0) rmdirSync(dir);
}

export default function buildFiles({ top, pkg }) {
  const src = join(top, "files");
  const dst = join(pkg, "root");
  const wanted = listFiles(src);
  const keep = new Set([...wanted, ...OTHER_STEPS]);
  let removed = 0;
  for (const rel of listFiles(dst)) {
    if (!keep.has(rel) && !OTHER_DIRS.some((d) => rel.startsWith(d))) {
      unlinkSync(join(dst, rel));
      removed++;
    }
  }
  let copied = 0;
  for (const rel of wanted) {
    const from = join(src, rel);
    const to = join(dst, rel);
    if (sameFile(from, to)) continue;
    mkdirSync(join(to, ".."), { recursive: true });
    if (existsSync(to)) unlinkSync(to);
    copyFileSync(from, to);
    copied++;
  }
  // modes after copying: copyFileSync keeps the source mode, minus the umask
  for (const rel of wanted) chmodSync(join(dst, rel), fileMode(join(src, rel)));
  if (existsSync(dst)) pruneEmptyDirs(dst, true);
  console.log(`files: ${wanted.length} in root/ (${copied} copied, ${removed} stale removed)`);
}
