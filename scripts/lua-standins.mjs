// The test-only stand-ins for OpenWrt's `uci` and `ubus` Lua modules (test/standin/*.ts),
// bundled by typescript-to-lua into build/lua-test/standin/, and the LUA_PATH a Lua run
// needs to load the package's modules and the stand-ins the way a router loads its own.
// Used by the tests (test/helpers/lua.ts) and the bench; never part of the package.
import { mkdirSync, renameSync } from "node:fs";
import { join } from "node:path";
import * as tstl from "typescript-to-lua";

export const standinDir = (top) => join(top, "build/lua-test/standin");

export function luaPathFor(top) {
  return `${join(top, "luci-app-splitwan/root/usr/lib/lua")}/?.lua;${standinDir(top)}/?.lua;;`;
}

/** Bundles entry (a .ts file) and what it imports into one Lua file at out. Parallel test
 * workers may do the same: each writes its own file and renames it into place. */
export function bundleLua(top, entry, out) {
  mkdirSync(join(out, ".."), { recursive: true });
  const tmp = `${out}.${process.pid}.tmp`;
  const result = tstl.transpileProject(join(top, "tsconfig.lua-test.json"), { luaBundle: tmp, luaBundleEntry: entry });
  const errors = result.diagnostics.filter((d) => d.category === 1);
  if (errors.length > 0) {
    throw new Error("tstl: " + errors.map((d) => (typeof d.messageText === "string" ? d.messageText : d.messageText.messageText)).join("\n"));
  }
  renameSync(tmp, out);
  return out;
}

export function buildStandins(top) {
  for (const name of ["uci", "ubus"]) bundleLua(top, join(top, "test/standin", `${name}.ts`), join(standinDir(top), `${name}.lua`));
}
