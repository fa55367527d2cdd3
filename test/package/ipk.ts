// Opens the built .ipk with the system's tar/gzip (not with our own writer), so the
// format tests check what opkg will see.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TOP } from "../helpers/lua";

export const PKG_DIR = join(TOP, "luci-app-splitwan");
export const DIST = join(TOP, "dist");

/** dist/luci-app-splitwan_*.ipk written by `npm run build` (npm test builds first). */
export function builtIpk(dir = DIST): string {
  const found = readdirSync(dir).filter((f) => f.startsWith("luci-app-splitwan_") && f.endsWith(".ipk"));
  if (found.length !== 1) throw new Error(`expected one luci-app-splitwan .ipk in ${dir}, found ${found.join(", ") || "none"}: run npm run build`);
  return join(dir, found[0]);
}

export interface Unpacked {
  dir: string;
  /** `tar -tvz` lines of the outer archive, data.tar.gz and control.tar.gz */
  outer: string[];
  data: TarEntry[];
  control: TarEntry[];
  /** control/<name> contents */
  ctrl: Map<string, string>;
  /** extracted data tree */
  root: string;
}

export interface TarEntry {
  name: string;
  mode: string; // "-rwxr-xr-x"
  owner: string; // "0/0" (numeric)
  size: number;
}

export function tarList(file: string, gz = true): TarEntry[] {
  const out = execFileSync("tar", [gz ? "-tzvf" : "-tvf", file, "--numeric-owner"], { encoding: "utf8" });
  return out
    .trim()
    .split("\n")
    .map((l) => {
      const f = l.split(/\s+/);
      return { mode: f[0], owner: f[1], size: Number(f[2]), name: f.slice(5).join(" ") };
    });
}

export function unpack(ipk: string): Unpacked {
  const dir = mkdtempSync(join(tmpdir(), "splitwan-ipk-"));
  execFileSync("tar", ["-xzf", ipk, "-C", dir]);
  const outer = tarList(ipk).map((e) => e.name);
  const ctrlDir = join(dir, "control");
  const root = join(dir, "root");
  mkdirSync(ctrlDir);
  mkdirSync(root);
  execFileSync("tar", ["-xzf", join(dir, "control.tar.gz"), "-C", ctrlDir]);
  execFileSync("tar", ["-xzf", join(dir, "data.tar.gz"), "-C", root]);
  const ctrl = new Map<string, string>();
  for (const f of readdirSync(ctrlDir)) ctrl.set(f, readFileSync(join(ctrlDir, f), "utf8"));
  return { dir, outer, data: tarList(join(dir, "data.tar.gz")), control: tarList(join(dir, "control.tar.gz")), ctrl, root };
}

/** Debian-style control fields in file order. */
export function controlFields(text: string): [string, string][] {
  const out: [string, string][] = [];
  for (const line of text.split("\n")) {
    if (line === "") continue;
    if (line.startsWith(" ")) {
      out[out.length - 1][1] += "\n" + line;
      continue;
    }
    const i = line.indexOf(":");
    out.push([line.slice(0, i), line.slice(i + 1).replace(/^ /, "")]);
  }
  return out;
}

/** PKG_VERSION / PKG_RELEASE straight from the feed Makefile. */
export function makefileVersion(): { version: string; release: string } {
  const mk = readFileSync(join(PKG_DIR, "Makefile"), "utf8");
  const get = (k: string) => {
    const m = new RegExp(`^${k}:=(.*)$`, "m").exec(mk);
    if (!m) throw new Error(`${k} missing from Makefile`);
    return m[1].trim();
  };
  return { version: get("PKG_VERSION"), release: get("PKG_RELEASE") };
}
