// Runs transpiled code under Debian's lua5.1: the CLI as the package ships it, or a test
// harness (test/lua/<name>.ts) bundled on demand with the same tstl settings.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, renameSync } from "node:fs";
import { join } from "node:path";
import * as tstl from "typescript-to-lua";

export const TOP = join(import.meta.dirname, "..", "..");
export const CLI = join(TOP, "luci-app-splitwan/root/usr/sbin/splitwan");
/** The rpcd plugin as the package ships it. */
export const RPCD_PLUGIN = join(TOP, "luci-app-splitwan/root/usr/libexec/rpcd/luci.splitwan");
/** Where the package's Lua modules are (/usr/lib/lua on the router). */
export const PKG_LUA = join(TOP, "luci-app-splitwan/root/usr/lib/lua");
/** Test-only `uci` and `ubus` modules (test/standin/), as the router's Lua finds its own. */
export const STANDIN_LUA = join(TOP, "build/lua-test/standin");

/** LUA_PATH for every Lua run: the package's modules, then the stand-in bindings. */
export function luaPath(): string {
  standins(false);
  return `${PKG_LUA}/?.lua;${STANDIN_LUA}/?.lua;;`;
}

export interface LuaRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runLuaFile(file: string, args: string[], opts: { env?: Record<string, string>; stdin?: string; cwd?: string } = {}): LuaRun {
  const r = spawnSync("lua5.1", [file, ...args], {
    input: opts.stdin ?? "",
    env: { PATH: process.env.PATH ?? "/usr/sbin:/usr/bin:/sbin:/bin", LUA_PATH: luaPath(), ...opts.env },
    cwd: opts.cwd,
    encoding: "utf8",
    timeout: 60000,
  });
  if (r.error) throw r.error;
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** The shipped CLI (built by `npm run build`, which `npm test` runs first). */
export function runCli(args: string[], opts: { env?: Record<string, string>; stdin?: string } = {}): LuaRun {
  if (!existsSync(CLI)) throw new Error(`${CLI} missing: run npm run build`);
  return runLuaFile(CLI, args, opts);
}

const built = new Map<string, string>();

/** Bundles entry (and what it imports) into one Lua file at out, once per test process
 * (sources may have changed since the last run). Test files run in parallel workers:
 * each writes its own file and renames it into place. */
function bundle(entry: string, out: string): string {
  const cached = built.get(out);
  if (cached) return cached;
  mkdirSync(join(out, ".."), { recursive: true });
  const tmp = `${out}.${process.pid}.tmp`;
  const result = tstl.transpileProject(join(TOP, "tsconfig.lua-test.json"), {
    luaBundle: tmp,
    luaBundleEntry: entry,
  } as tstl.CompilerOptions);
  const errors = result.diagnostics.filter((d) => d.category === 1);
  if (errors.length > 0) {
    throw new Error("tstl: " + errors.map((d) => (typeof d.messageText === "string" ? d.messageText : d.messageText.messageText)).join("\n"));
  }
  renameSync(tmp, out);
  built.set(out, out);
  return out;
}

/** test/lua/<name>.ts as one Lua file; returns its path. */
export function luaHarness(name: string): string {
  return bundle(join(TOP, "test/lua", `${name}.ts`), join(TOP, "build/lua-test", `${name}.lua`));
}

/** The stand-in `uci` and `ubus` modules (test/standin/uci.ts, ubus.ts): built by the
 * global setup (build = true); a test process only checks they are there. */
export function standins(build: boolean): void {
  for (const name of ["uci", "ubus"]) {
    const out = join(STANDIN_LUA, `${name}.lua`);
    if (build) bundle(join(TOP, "test/standin", `${name}.ts`), out);
    else if (!existsSync(out)) throw new Error(`${out} missing: vitest's globalSetup (test/global-setup.ts) builds it`);
  }
}
