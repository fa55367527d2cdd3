// Runs transpiled code under Debian's lua5.1: the CLI as the package ships it, or a test
// harness (test/lua/<name>.ts) bundled on demand with the same tstl settings.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { buildStandins, bundleLua, luaPathFor, standinDir } from "../../scripts/lua-standins.mjs";

export const TOP = join(import.meta.dirname, "..", "..");
export const CLI = join(TOP, "luci-app-splitwan/root/usr/sbin/splitwan");
/** The rpcd plugin as the package ships it. */
export const RPCD_PLUGIN = join(TOP, "luci-app-splitwan/root/usr/libexec/rpcd/luci.splitwan");
/** Where the package's Lua modules are (/usr/lib/lua on the router). */
export const PKG_LUA = join(TOP, "luci-app-splitwan/root/usr/lib/lua");
/** Test-only `uci` and `ubus` modules (test/standin/), as the router's Lua finds its own. */
export const STANDIN_LUA = standinDir(TOP);

/** LUA_PATH for every Lua run: the package's modules, then the stand-in bindings. */
export function luaPath(): string {
  standins(false);
  return luaPathFor(TOP);
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

/** test/lua/<name>.ts as one Lua file, built once per test process (sources may have
 * changed since the last run); returns its path. */
export function luaHarness(name: string): string {
  const out = join(TOP, "build/lua-test", `${name}.lua`);
  if (!built.has(out)) built.set(out, bundleLua(TOP, join(TOP, "test/lua", `${name}.ts`), out));
  return out;
}

/** The stand-in `uci` and `ubus` modules (test/standin/uci.ts, ubus.ts): built by the
 * global setup (build = true); a test process only checks they are there. */
export function standins(build: boolean): void {
  if (build) return buildStandins(TOP);
  for (const name of ["uci", "ubus"]) {
    const out = join(STANDIN_LUA, `${name}.lua`);
    if (!existsSync(out)) throw new Error(`${out} missing: vitest's globalSetup (test/global-setup.ts) builds it`);
  }
}
