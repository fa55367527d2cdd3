// `npm run bench`: the shipped Lua CLI under lua5.1 on the fixture MAP-E router.
// Prints median / max wall time and peak RSS of `splitwan plan` and `splitwan apply` as
// whole processes (SPLITWAN_ROOT set, so netifd/fw4 reloads are printed, not run), the
// bare interpreter for comparison, and the byte size of each Lua entry point.
// Targets on this machine (issue "Core engine"): apply <= 50 ms, peak RSS <= 4 MB,
// all Lua <= 60 kB before compression. This prints figures; it asserts nothing.
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { scaleTable } from "./bench-scale.mjs";

const top = join(dirname(fileURLToPath(import.meta.url)), "..");
const cli = join(top, "luci-app-splitwan/root/usr/sbin/splitwan");
const fixture = join(top, "test/fixtures/routers/dsa-mape");
const RUNS = Number(process.env.BENCH_RUNS ?? 30);

function freshTree() {
  const root = mkdtempSync(join(tmpdir(), "splitwan-bench-"));
  cpSync(fixture, root, { recursive: true });
  return root;
}

/** One process under GNU time: [wall ms, peak RSS kB]. */
function measure(argv, env) {
  const stats = join(tmpdir(), `splitwan-bench-${process.pid}.time`);
  const t0 = process.hrtime.bigint();
  execFileSync("/usr/bin/time", ["-o", stats, "-f", "%M", ...argv], { env: { PATH: process.env.PATH, ...env }, stdio: ["ignore", "ignore", "inherit"] });
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
execFileSync("lua5.1", [cli, "apply"], { env: { PATH: process.env.PATH, SPLITWAN_ROOT: applied }, stdio: "ignore" });
const noop = [];
for (let i = 0; i < RUNS; i++) noop.push(measure(["lua5.1", cli, "apply"], { SPLITWAN_ROOT: applied }));
summary("splitwan apply (no-op)", noop);

console.log("\nLua entry points (bytes, as shipped):");
let total = 0;
for (const rel of ["root/usr/sbin/splitwan"]) {
  const size = statSync(join(top, "luci-app-splitwan", rel)).size;
  total += size;
  console.log(`  ${rel.padEnd(28)} ${size}`);
}
console.log(`  ${"all Lua".padEnd(28)} ${total}`);
const readable = join(top, "build/lua/splitwan.lua");
console.log(`  (before minifying: ${statSync(readable).size}; per module in build/lua/splitwan.lua)`);

scaleTable();
