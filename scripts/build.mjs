// `npm run build`: every generated file of the package, in order.
//   1. router Lua (tstl): one readable module per source file under
//      luci-app-splitwan/root/usr/lib/lua/splitwan/, and the entry scripts
//   2. static router files files/ → luci-app-splitwan/root/  (scripts/build-files.mjs)
//   3. LuCI view (esbuild) → luci-app-splitwan/htdocs/...   (scripts/build-luci.mjs)
//   4. the .ipk → dist/                                       (scripts/build-ipk.mjs)
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { listFiles } from "./build-files.mjs";
import { LUA_DIR, LUA_ENTRIES } from "./lua-layout.mjs";

const top = join(dirname(fileURLToPath(import.meta.url)), "..");
const pkg = join(top, "luci-app-splitwan");

/** tstl names modules by their path under src/ ("core.apply"); on the router they live
 * in /usr/lib/lua/splitwan/, so every require of our own modules gets the prefix. OpenWrt
 * indents with tabs: tstl's four spaces become one tab each. */
export function routerLua(text, source) {
  const body = text
    .replace(/require\("((?:core|router|cli)\.[A-Za-z0-9_.-]+|lualib_bundle)"\)/g, 'require("splitwan.$1")')
    .replace(/^(?: {4})+/gm, (m) => "\t".repeat(m.length / 4));
  return `-- generated from ${source} by typescript-to-lua: edit the TypeScript, not this file\n${body}`;
}

function buildLua() {
  const out = join(top, "build/lua");
  rmSync(out, { recursive: true, force: true });
  execFileSync(join(top, "node_modules/.bin/tstl"), ["-p", "tsconfig.lua.json"], { cwd: top, stdio: "inherit" });
  const target = join(pkg, "root", LUA_DIR);
  rmSync(target, { recursive: true, force: true });
  let bytes = 0;
  const modules = listFiles(out).filter((f) => f.endsWith(".lua"));
  let shipped = 0;
  for (const rel of modules) {
    const source = rel === "lualib_bundle.lua" ? "typescript-to-lua's lualib" : `src/${rel.replace(/\.lua$/, ".ts")}`;
    const lua = readFileSync(join(out, rel), "latin1");
    // a file of types only compiles to an empty module nothing requires: not shipped
    if (lua.trim() === "local ____exports = {}\nreturn ____exports") continue;
    const text = routerLua(lua, source);
    mkdirSync(dirname(join(target, rel)), { recursive: true });
    writeFileSync(join(target, rel), text, "latin1");
    bytes += text.length;
    shipped++;
  }
  for (const [path, module] of Object.entries(LUA_ENTRIES)) {
    const file = join(pkg, "root", path);
    mkdirSync(dirname(file), { recursive: true });
    // the code is the module, readable where it runs; Lua skips a first line starting with '#'
    writeFileSync(file, `#!/usr/bin/lua\n-- /${path}: the code is /${LUA_DIR}/${module.split(".").slice(1).join("/")}.lua\nrequire("${module}")\n`);
    chmodSync(file, 0o755);
  }
  console.log(`lua: ${shipped} modules in root/${LUA_DIR} (${bytes} bytes), entries ${Object.keys(LUA_ENTRIES).join(" ")}`);
}

async function step(file) {
  const path = join(top, "scripts", file);
  if (!existsSync(path)) return;
  const mod = await import(pathToFileURL(path).href);
  await mod.default({ top, pkg });
}

buildLua();
await step("build-files.mjs");
await step("build-luci.mjs");
await step("build-ipk.mjs");
await step("build-apk.mjs");
