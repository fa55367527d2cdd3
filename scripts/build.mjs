// `npm run build`: every generated file of the package, in order.
//   1. router Lua (tstl) → luci-app-splitwan/root/usr/sbin/splitwan
//   2. static router files files/ → luci-app-splitwan/root/  (scripts/build-files.mjs)
//   3. LuCI view (esbuild) → luci-app-splitwan/htdocs/...   (scripts/build-luci.mjs)
//   4. the .ipk → dist/                                       (scripts/build-ipk.mjs)
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import luamin from "luamin";

const top = join(dirname(fileURLToPath(import.meta.url)), "..");
const pkg = join(top, "luci-app-splitwan");

function buildLua() {
  execFileSync(join(top, "node_modules/.bin/tstl"), ["-p", "tsconfig.lua.json"], { cwd: top, stdio: "inherit" });
  const bundle = readFileSync(join(top, "build/lua/splitwan.lua"), "latin1");
  // routers have little flash: ship the bundle minified (locals renamed, layout dropped);
  // the readable one stays in build/lua/ for debugging, the source of truth is src/
  const minified = luamin.minify(bundle);
  const target = join(pkg, "root/usr/sbin/splitwan");
  mkdirSync(dirname(target), { recursive: true });
  // run as a script (shebang) and as `lua5.1 splitwan ...`: Lua skips a first line starting with '#'
  writeFileSync(target, "#!/usr/bin/lua\n" + minified + "\n", "latin1");
  chmodSync(target, 0o755);
  console.log(`lua: ${target} (${minified.length} bytes; ${bundle.length} before minifying)`);
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
