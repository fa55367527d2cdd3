// Runs transpiled code under Debian's lua5.1: the CLI as the package ships it, or a test
// harness (test/lua/<name>.ts) bundled on demand with the same tstl settings.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import * as tstl from "typescript-to-lua";

export const TOP = join(import.meta.dirname, "..", "..");
export const CLI = join(TOP, "luci-app-splitwan/root/usr/sbin/splitwan");

export interface LuaRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runLuaFile(file: string, args: string[], opts: { env?: Record<string, string>; stdin?: string; cwd?: string } = {}): LuaRun {
  const r = spawnSync("lua5.1", [file, ...args], {
    input: opts.stdin ?? "",
    env: { PATH: process.env.PATH ?? "/usr/sbin:/usr/bin:/sbin:/bin", ...opts.env },
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

/** Bundles test/lua/<name>.ts (and what it imports) into one Lua file, once per test
 * process (sources may have changed since the last run); returns its path. */
export function luaHarness(name: string): string {
  const cached = built.get(name);
  if (cached) return cached;
  const outDir = join(TOP, "build/lua-test");
  mkdirSync(outDir, { recursive: true });
  const bundle = join(outDir, `${name}.lua`);
  const entry = join(TOP, "test/lua", `${name}.ts`);
  const result = tstl.transpileProject(join(TOP, "tsconfig.lua-test.json"), {
    luaBundle: bundle,
    luaBundleEntry: entry,
  } as tstl.CompilerOptions);
  const errors = result.diagnostics.filter((d) => d.category === 1);
  if (errors.length > 0) {
    throw new Error("tstl: " + errors.map((d) => (typeof d.messageText === "string" ? d.messageText : d.messageText.messageText)).join("\n"));
  }
  built.set(name, bundle);
  return bundle;
}
