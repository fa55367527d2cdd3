// `npm run bench`: the shipped Lua CLI under lua5.1 on the fixture MAP-E router, with the
// test-only stand-in uci/ubus bindings (scripts/lua-standins.mjs).
// Prints median / max wall time and peak RSS of `splitwan plan` and `splitwan apply` as
// whole processes (SPLITWAN_ROOT set, so netifd/fw4 reloads are printed, not run), the
// bare interpreter for comparison, the size of every shipped file, the Lua each command
// loads, and the packages. This prints figures; it asserts nothing.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { listFiles } from "./build-files.mjs";
import { buildStandins, luaPathFor } from "./lua-standins.mjs";
import { scaleTable } from "./bench-scale.mjs";

const top = join(dirname(fileURLToPath(import.meta.url)), "..");
const cli = join(top, "luci-app-splitwan/root/usr/sbin/splitwan");
const fixture = join(top, "test/fixtures/routers/dsa-mape");
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
buildStandins(top);
const LUA_PATH = luaPathFor(top);

function freshTree() {
  const root = mkdtempSync(join(tmpdir(), "splitwan-bench-"));
  cpSync(fixture, root, { recursive: true });
  return root;
}

/** One process under GNU time: [wall ms, peak RSS kB]. */
function measure(argv, env) {
  const stats = join(tmpdir(), `splitwan-bench-${process.pid}.time`);
  const t0 = process.hrtime.bigint();
  execFileSync("/usr/bin/time", ["-o", stats, "-f", "%M", ...argv], { env: { PATH: process.env.PATH, LUA_PATH, ...env }, stdio: ["ignore", "ignore", "inherit"] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const rss = Number(readFileSync(stats, "utf8").trim().split("\n").pop());
  rmSync(stats, { force: true });
  return [ms, rss];
}

function summary(name, samples) {
  const ms = samples.map((s) => s[0]).sort((a, b) => a - b);
  const rss = samples.map((s) => s[1]);
  const median = ms[Math.floor(ms.length / 2)];
  console.log(
    `${name.padEnd(22)} runs ${samples.length}  median ${median.toFixed(1)} ms  max ${ms[ms.length - 1].toFixed(1)} ms  peak RSS ${(Math.max(...rss) / 1024).toFixed(2)} MB`,
  );
}

const bare = [];
for (let i = 0; i < RUNS; i++) bare.push(measure(["lua5.1", "-e", ""], {}));
summary("lua5.1 (bare)", bare);

const planRoot = freshTree();
const plan = [];
for (let i = 0; i < RUNS; i++) plan.push(measure(["lua5.1", cli, "plan"], { SPLITWAN_ROOT: planRoot }));
summary("splitwan plan", plan);

const apply = [];
for (let i = 0; i < RUNS; i++) {
  const root = freshTree();
  apply.push(measure(["lua5.1", cli, "apply"], { SPLITWAN_ROOT: root }));
  rmSync(root, { recursive: true, force: true });
}
summary("splitwan apply", apply);

const applied = freshTree();
execFileSync("lua5.1", [cli, "apply"], { env: { PATH: process.env.PATH, LUA_PATH, SPLITWAN_ROOT: applied }, stdio: "ignore" });
const noop = [];
for (let i = 0; i < RUNS; i++) noop.push(measure(["lua5.1", cli, "apply"], { SPLITWAN_ROOT: applied }));
summary("splitwan apply (no-op)", noop);

// ---- sizes ----
const pkgRoot = join(top, "luci-app-splitwan");
console.log("\nShipped files (bytes, as in the package):");
let shipped = 0;
for (const base of ["root", "htdocs"]) {
  for (const rel of listFiles(join(pkgRoot, base))) {
    const size = statSync(join(pkgRoot, base, rel)).size;
    shipped += size;
    console.log(`  ${rel.padEnd(58)} ${String(size).padStart(7)}`);
  }
}
console.log(`  ${"all files".padEnd(58)} ${String(shipped).padStart(7)}`);

/** The splitwan.* modules a command loads, and their bytes (a wrapper around the entry). */
function loadedLua(entry, args, env) {
  const probe = join(tmpdir(), `splitwan-bench-loaded-${process.pid}.lua`);
  writeFileSync(probe, `local exit = os.exit
os.exit = function(c)
  local total, n = 0, 0
  for name in pairs(package.loaded) do
    if name:match("^splitwan%.") then
      local f = io.open(${JSON.stringify(join(pkgRoot, "root/usr/lib/lua"))} .. "/" .. name:gsub("%.", "/") .. ".lua", "rb")
      if f then total = total + #f:read("*a"); n = n + 1; f:close() end
    end
  end
  io.stderr:write(total .. " " .. n .. "\\n")
  exit(c)
end
arg = { [0] = ${JSON.stringify(entry)}, ... }
dofile(${JSON.stringify(entry)})
`);
  try {
    const r = execFileSync("sh", ["-c", 'lua5.1 "$@" 2>&1 >/dev/null </dev/null | tail -n 1', "sh", probe, ...args], { env: { PATH: process.env.PATH, LUA_PATH, ...env }, encoding: "utf8" });
    const [bytes, n] = r.trim().split(" ").map(Number);
    return { bytes, n };
  } finally {
    rmSync(probe, { force: true });
  }
}
console.log("\nLua loaded per command (splitwan.* modules, bytes):");
const sizeRoot = freshTree();
for (const [label, entry, args] of [
  ["splitwan apply", cli, ["apply"]],
  ["splitwan status", cli, ["status"]],
  ["splitwan ddns status", cli, ["ddns", "status"]],
  ["rpcd luci.splitwan call status", join(pkgRoot, "root/usr/libexec/rpcd/luci.splitwan"), ["call", "status"]],
]) {
  const { bytes, n } = loadedLua(entry, args, { SPLITWAN_ROOT: sizeRoot });
  console.log(`  ${label.padEnd(34)} ${String(bytes).padStart(7)} in ${n} modules`);
}
rmSync(sizeRoot, { recursive: true, force: true });

console.log("\nPackages (dist/):");
const dist = join(top, "dist");
for (const f of existsSync(dist) ? readdirSync(dist).sort() : []) console.log(`  ${f.padEnd(48)} ${String(statSync(join(dist, f)).size).padStart(7)}`);

scaleTable();

console.log("\nData plane (namespace bed; skipped with the reason when it cannot run here):");
execFileSync(process.execPath, [join(top, "scripts/bench-dataplane.mjs")], { stdio: "inherit" });
