// The scale table of `npm run bench`: apply, plan and status of the shipped Lua CLI
// under lua5.1 on copies of the dsa-mape fixture with 1 / 100 / 2000 published ports
// (scale-config.mjs). Medians of whole processes (wall time, and CPU time = user + sys,
// which other load on the machine does not inflate) and their peak RSS. Targets (issue
// "linear cost"): 2000 ports apply <= 1 s, status <= 0.3 s. Prints figures, asserts nothing.
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildStandins, luaPathFor } from "./lua-standins.mjs";
import { scaleConfig } from "./scale-config.mjs";

const top = join(dirname(fileURLToPath(import.meta.url)), "..");
const cli = process.env.BENCH_CLI ?? join(top, "luci-app-splitwan/root/usr/sbin/splitwan");
const fixture = join(top, "test/fixtures/routers/dsa-mape");
const LUA_PATH = luaPathFor(top);

/** [servers, ports] per row; BENCH_SCALES="10x100,50x500" measures others. */
export const SCALES = (process.env.BENCH_SCALES ?? "1x1,10x100,200x2000").split(",").map((r) => r.split("x").map(Number));

function tree(servers, ports) {
  const root = mkdtempSync(join(tmpdir(), "splitwan-scale-"));
  cpSync(fixture, root, { recursive: true });
  writeFileSync(join(root, "etc/config/splitwan"), scaleConfig(servers, ports));
  return root;
}

// Only the stand-in uci binding reading the three configs, as every command does: on a
// router libuci parses them in C, so this part of each figure is the test bed's.
const UCI_LOAD = `local c = require("uci").cursor(os.getenv("SPLITWAN_ROOT") .. "/etc/config", "/tmp/.splitwan-bench-save")
for _, f in ipairs({ "splitwan", "network", "firewall" }) do assert(c:get_all(f)) end`;

/** One process under GNU time: [wall ms, peak RSS kB, CPU ms]. */
function measure(args, root) {
  const stats = join(tmpdir(), `splitwan-scale-${process.pid}.time`);
  const t0 = process.hrtime.bigint();
  execFileSync("/usr/bin/time", ["-o", stats, "-f", "%M %U %S", "lua5.1", ...(args[0] === "-e" ? args : [cli, ...args])], {
    env: { PATH: process.env.PATH, LUA_PATH, SPLITWAN_ROOT: root },
    stdio: ["ignore", "ignore", "ignore"],
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const [rss, user, sys] = readFileSync(stats, "utf8").trim().split("\n").pop().split(" ").map(Number);
  rmSync(stats, { force: true });
  return [ms, rss, (user + sys) * 1000];
}

const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Runs `runs` of each command per scale; returns the rows and prints the table. */
export function scaleTable(runs = Number(process.env.BENCH_SCALE_RUNS ?? 5)) {
  const rows = [];
  for (const [servers, ports] of SCALES) {
    const row = { servers, ports };
    for (const cmd of ["apply", "plan", "status", "uci"]) {
      const samples = [];
      for (let i = 0; i < runs; i++) {
        // apply on a fresh tree each time; plan and status on an applied one
        const root = tree(servers, ports);
        if (cmd !== "apply") execFileSync("lua5.1", [cli, "apply"], { env: { PATH: process.env.PATH, LUA_PATH, SPLITWAN_ROOT: root }, stdio: "ignore" });
        samples.push(measure(cmd === "uci" ? ["-e", UCI_LOAD] : [cmd], root));
        rmSync(root, { recursive: true, force: true });
      }
      row[cmd] = { ms: median(samples.map((s) => s[0])), cpu: median(samples.map((s) => s[2])), rssMB: Math.max(...samples.map((s) => s[1])) / 1024 };
    }
    rows.push(row);
  }
  console.log(`\nScale (median of ${runs} runs, wall ms / CPU ms; peak RSS; "stand-in uci": the test-only Lua uci\nbinding loading the three configs, a part of every other figure that libuci does in C on a router):`);
  console.log("servers  ports        apply         plan       status  stand-in uci   RSS apply/plan/status MB");
  const cell = (c) => `${c.ms.toFixed(0)}/${c.cpu.toFixed(0)}`.padStart(12);
  for (const r of rows) {
    console.log(
      `${String(r.servers).padStart(7)}  ${String(r.ports).padStart(5)} ${cell(r.apply)} ${cell(r.plan)} ${cell(r.status)}  ${cell(r.uci)}   ${r.apply.rssMB.toFixed(1)}/${r.plan.rssMB.toFixed(1)}/${r.status.rssMB.toFixed(1)}`,
    );
  }
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  buildStandins(top);
  scaleTable();
}
