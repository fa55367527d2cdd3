// Faults against the shipped Lua CLI (lua5.1, SPLITWAN_ROOT): a full /etc at each stage,
// a read-only /etc, kill -9 at many moments of apply and remove, and concurrent runs.
// Afterwards `remove` always gives back network, firewall and rt_tables byte for byte,
// nothing is ever cut short, and nothing is left behind.
import { execFile, spawnSync } from "node:child_process";
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI, luaPath, runCli } from "./helpers/lua";
import { FIXTURES, routerTree } from "./helpers/node-platform";

const TRACKED = ["etc/config/network", "etc/config/firewall", "etc/iproute2/rt_tables"];
const OWNED = "etc/splitwan/owned";
const env = (root: string) => ({ PATH: process.env.PATH ?? "/usr/bin:/bin", LUA_PATH: luaPath(), SPLITWAN_ROOT: root });
const cli = (root: string, cmd: string) => runCli([cmd], { env: { SPLITWAN_ROOT: root } });
const read = (root: string, f: string) => (existsSync(join(root, f)) ? readFileSync(join(root, f), "latin1") : undefined);

/** Files of the tree, without the log and the run directory. */
function tree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else {
        const rel = relative(root, path);
        if (!rel.startsWith("var/run/") && !rel.startsWith("tmp/")) out[rel] = readFileSync(path, "latin1");
      }
    }
  };
  walk(root);
  return out;
}

const tracked = (root: string) => Object.fromEntries(TRACKED.map((f) => [f, read(root, f)]));

let original: Record<string, string | undefined>;
let applied: Record<string, string | undefined>;
let appliedTree: Record<string, string>;
let appliedRoot: string;
const scratch: string[] = [];
afterAll(() => {
  for (const d of scratch) rmSync(d, { recursive: true, force: true });
});

beforeAll(() => {
  original = tracked(routerTree("dsa-mape"));
  appliedRoot = routerTree("dsa-mape");
  expect(cli(appliedRoot, "apply").code).toBe(0);
  applied = tracked(appliedRoot);
  appliedTree = tree(appliedRoot);
});

/** remove brings the originals back and leaves no record or drop-in; returns the names of
 * temporary files (".<name>.splitwan-<pid>") left in the tree. */
function expectRestored(root: string): string[] {
  const r = cli(root, "remove");
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  expect(tracked(root)).toEqual(original);
  const files = Object.keys(tree(root));
  const temps = files.filter((f) => f.split("/").pop()?.startsWith("."));
  expect(files.filter((f) => !temps.includes(f)).sort()).toEqual(Object.keys(tree(join(FIXTURES, "dsa-mape"))).sort());
  return temps;
}

/** Each tracked file is whole: as before or as after the run. */
function expectWhole(root: string, from: Record<string, string | undefined>, to: Record<string, string | undefined>): void {
  for (const f of TRACKED) expect([from[f], to[f]]).toContain(read(root, f));
}

const canMount = spawnSync("unshare", ["-m", "--propagation", "private", "sh", "-c", "d=$(mktemp -d) && mount -t tmpfs -o size=64k tmpfs $d && umount $d && rmdir $d"]).status === 0;

/** Runs a shell script in a private mount namespace (nothing mounted leaks out). */
function inNamespace(script: string, args: string[]): string {
  const r = spawnSync("unshare", ["-m", "--propagation", "private", "sh", "-c", script, "sh", ...args], {
    env: { ...env(""), CLI, LUA: "lua5.1" },
    encoding: "utf8",
    timeout: 60000,
    maxBuffer: 64 << 20,
  });
  if (r.error) throw r.error;
  return r.stdout;
}

/** dsa-mape with enough of the user's own sections that each file spans several 4 kB
 * pages: a tmpfs fills page by page, so each page of free space is a later stage. */
function paddedTree(): string {
  const root = routerTree("dsa-mape");
  const add = (f: string, text: string) => appendFileSync(join(root, f), text);
  let fw = "";
  for (let i = 0; i < 150; i++) fw += `config rule 'user_rule_${i}'\n\toption name 'user rule ${i}'\n\toption src 'wan'\n\toption dest_port '${10000 + i}'\n\toption target 'ACCEPT'\n\n`;
  add("etc/config/firewall", fw);
  let net = "";
  for (let i = 0; i < 100; i++) net += `config route 'user_route_${i}'\n\toption interface 'lan'\n\toption target '10.${i}.0.0/16'\n\n`;
  add("etc/config/network", net);
  let rt = "";
  for (let i = 0; i < 120; i++) rt += `#${i}\tunused-table-name-kept-by-the-user-${i}\n`;
  add("etc/iproute2/rt_tables", rt);
  return root;
}

describe.skipIf(!canMount)("a full /etc (tmpfs) at each stage of apply", () => {
  it("apply fails with exit 3 and every file whole, or succeeds; remove then restores", () => {
    const orig = paddedTree();
    const before = tracked(orig);
    const done = paddedTree();
    expect(cli(done, "apply").code).toBe(0);
    const after = tracked(done);
    // $1 pristine tree; for k free pages: fill a 512 kB tmpfs on <root>/etc to leave k pages
    const script = `
      for k in $(seq 0 8); do
        R=$(mktemp -d /tmp/splitwan-full-XXXXXX)
        cp -a "$1/." "$R/"
        mount -t tmpfs -o size=512k tmpfs "$R/etc" || exit 9
        cp -a "$1/etc/." "$R/etc/"
        mkdir -p "$R/etc/splitwan"
        avail=$(df -B4096 --output=avail "$R/etc" | tail -n 1)
        n=$((avail - k)); [ $n -lt 0 ] && n=0
        dd if=/dev/zero of="$R/etc/fill" bs=4096 count=$n 2>/dev/null
        SPLITWAN_ROOT="$R" $LUA "$CLI" apply >/dev/null 2>"$R/err"; rc=$?
        for f in config/network config/firewall iproute2/rt_tables splitwan/owned; do
          if [ -e "$R/etc/$f" ]; then base64 -w0 "$R/etc/$f"; fi; printf ' '
        done
        rm -f "$R/etc/fill"
        SPLITWAN_ROOT="$R" $LUA "$CLI" remove >/dev/null 2>"$R/err2"; rrc=$?
        printf '%s ' "$rc" "$rrc"
        for f in config/network config/firewall iproute2/rt_tables; do base64 -w0 "$R/etc/$f"; printf ' '; done
        [ -e "$R/etc/splitwan/owned" ] && printf 'record-left ' || printf 'no-record '
        ls -A "$R/etc/config" "$R/etc/iproute2" "$R/etc/splitwan" 2>/dev/null | grep -c '^\\.' | tr -d '\\n'; printf ' '
        base64 -w0 "$R/err"; printf ' .\\n'
        umount "$R/etc"; rm -rf "$R"
      done`;
    const out = inNamespace(script, [orig]).trim().split("\n");
    expect(out.length).toBe(9);
    const b = (s: string | undefined) => (s === undefined || s === "" ? undefined : Buffer.from(s, "base64").toString("latin1"));
    const outcomes: string[] = [];
    for (const line of out) {
      const f = line.split(" ");
      const now = { [TRACKED[0]]: b(f[0]), [TRACKED[1]]: b(f[1]), [TRACKED[2]]: b(f[2]) };
      const [rc, rrc] = [Number(f[4]), Number(f[5])];
      const err = b(f[11]) ?? "";
      // never cut short: each file as before or as after
      for (const t of TRACKED) expect([before[t], after[t]]).toContain(now[t]);
      if (rc === 0) expect(now).toEqual(after);
      else {
        expect(rc).toBe(3);
        expect(err).toContain("No space left on device");
        if (err.includes("could not restore")) expect(b(f[3])).toBeDefined(); // the record still covers it
        else expect(now).toEqual(before);
      }
      const changed = TRACKED.filter((t) => now[t] !== before[t]).length;
      const at = err.includes("cannot write ") ? (err.split("cannot write ")[1].split(":")[0].split("/").pop() ?? "") : "";
      outcomes.push(rc === 0 ? "ok" : err.includes("could not restore") ? `partial(${at}, ${changed} changed)` : `unchanged(${at})`);
      // with space again, remove gives everything back
      expect(rrc).toBe(0);
      expect({ [TRACKED[0]]: b(f[6]), [TRACKED[1]]: b(f[7]), [TRACKED[2]]: b(f[8]) }).toEqual(before);
      expect(f[9]).toBe("no-record");
      expect(f[10]).toBe("0"); // no temporary file left
    }
    console.log(`full disk, free pages 0..8: ${outcomes.join(" ")}`);
    // the record (before anything), network, and firewall (after network was written) fail
    expect(outcomes).toEqual(expect.arrayContaining(["unchanged(owned)", "unchanged(network)", "unchanged(firewall)", "ok"]));
  });
});

describe.skipIf(!canMount)("a read-only /etc", () => {
  it("apply exits 3 saying nothing was changed (nothing needed restoring)", () => {
    const root = routerTree("dsa-mape");
    const script = `mount --bind "$1/etc" "$1/etc" && mount -o remount,bind,ro "$1/etc" || exit 9
      SPLITWAN_ROOT="$1" $LUA "$CLI" apply >/dev/null 2>"$1/err"; echo "rc=$?"`;
    const out = inNamespace(script, [root]);
    expect(out.trim()).toBe("rc=3");
    const err = readFileSync(join(root, "err"), "latin1");
    expect(err).toMatch(/cannot (create|write)/);
    expect(err).toContain("nothing was changed");
    expect(err).not.toContain("could not restore");
    expect(tracked(root)).toEqual(original);
    rmSync(join(root, "err"));
    expectRestored(root);
  });
});

/** Starts the CLI, kills it with SIGKILL after delay seconds; resolves with the exit status. */
function killAfter(root: string, cmd: string, delay: number): Promise<string> {
  const script = `$LUA "$CLI" ${cmd} >/dev/null 2>&1 & p=$!; sleep ${delay.toFixed(4)}; kill -9 $p 2>/dev/null; wait $p; echo $?`;
  return new Promise((resolve, reject) => {
    execFile("sh", ["-c", script], { env: { ...env(root), CLI, LUA: "lua5.1" } }, (err, stdout) => (err ? reject(err) : resolve(stdout.trim())));
  });
}

async function inBatches<T>(items: T[], width: number, fn: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += width) await Promise.all(items.slice(i, i + width).map(fn));
}

describe("kill -9 at 100 moments of apply and remove", () => {
  it("every file is whole, and remove then gives back the originals", async () => {
    // how long an apply takes here (two run at a time below, so each is slower)
    const spans: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = Date.now();
      expect(cli(routerTree("dsa-mape"), "apply").code).toBe(0);
      spans.push((Date.now() - t0) / 1000);
    }
    const span = spans.sort()[1]; // the median: a run slowed by other load is not the norm
    const points: Array<{ cmd: string; delay: number }> = [];
    for (let i = 0; i < 50; i++) points.push({ cmd: "apply", delay: span * (0.3 + (1.3 * i) / 50) });
    for (let i = 0; i < 50; i++) points.push({ cmd: "remove", delay: span * (0.3 + (1.3 * i) / 50) });
    const counts = { killed: 0, midway: 0, temps: 0 };
    await inBatches(points, 2, async ({ cmd, delay }) => {
      const root = mkdtempSync(join(tmpdir(), "splitwan-kill-"));
      scratch.push(root);
      cpSync(cmd === "apply" ? join(FIXTURES, "dsa-mape") : appliedRoot, root, { recursive: true });
      rmSync(join(root, "var"), { recursive: true, force: true });
      const status = await killAfter(root, cmd, delay);
      if (status === "137") counts.killed++;
      const [from, to] = cmd === "apply" ? [original, applied] : [applied, original];
      expectWhole(root, from, to);
      const now = tracked(root);
      if (JSON.stringify(now) !== JSON.stringify(from) && JSON.stringify(now) !== JSON.stringify(to)) counts.midway++;
      const temps = expectRestored(root);
      counts.temps += temps.length;
      // the next run, taking over the dead holder's lock, cleared its temporary files
      expect(temps).toEqual([]);
    });
    console.log(`kill -9: ${points.length} points over ${span.toFixed(2)} s runs, ${counts.killed} killed before the end, ${counts.midway} between two files, ${counts.temps} temporary files left`);
    expect(counts.killed).toBeGreaterThan(20);
    expect(counts.midway).toBeGreaterThan(3);
  }, 120000);
});

describe("concurrent runs on one router", () => {
  it("20 pairs: no crash, no lost update, no leftover", async () => {
    const pairs = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? ["apply", "apply"] : ["apply", "remove"]));
    let bothWrote = 0;
    await inBatches(pairs, 4, async ([a, b]) => {
      const root = routerTree("dsa-mape");
      const run = (cmd: string) =>
        new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
          execFile("lua5.1", [CLI, cmd], { env: env(root) }, (err, stdout, stderr) =>
            resolve({ code: err ? ((err as { code?: number }).code ?? -1) : 0, stdout, stderr }));
        });
      const [ra, rb] = await Promise.all([run(a), run(b)]);
      for (const r of [ra, rb]) {
        expect(r.stderr).toBe("");
        expect(r.code).toBe(0);
      }
      const t = tree(root);
      if (b === "apply") {
        // one of them did the work, the other found nothing to change
        expect([ra.stdout, rb.stdout].filter((s) => s.includes("+ network.wanppp")).length).toBe(1);
        expect(t).toEqual(appliedTree);
      } else {
        expect([applied, original]).toContainEqual(tracked(root));
        // the record says exactly what is there
        expect(read(root, OWNED)).toBe(JSON.stringify(tracked(root)) === JSON.stringify(applied) ? appliedTree[OWNED] : undefined);
      }
      if (ra.stdout.includes("+ network.wanppp") && rb.stdout.includes("+ network.wanppp") && b === "apply") bothWrote++;
      expect(readdirSync(join(root, "var/run/splitwan")).filter((n) => n.startsWith("lock"))).toEqual([]); // released
      expect((read(root, "etc/iproute2/rt_tables") ?? "").split("\n").filter((l) => l.startsWith("300")).length).toBeLessThanOrEqual(1);
      expect(expectRestored(root)).toEqual([]);
    });
    expect(bothWrote).toBe(0);
  }, 120000);
});

describe("the DDNS updater reads the config under the same lock", () => {
  it("waits while an apply holds the lock, then reads the config it left", async () => {
    const root = routerTree("dsa-mape");
    // a live holder whose command line names splitwan, as a running apply's does
    const lock = join(root, "var/run/splitwan/lock");
    spawnSync("mkdir", ["-p", join(root, "var/run/splitwan")]);
    const { spawn } = await import("node:child_process");
    const { writeFileSync, unlinkSync } = await import("node:fs");
    const holder = spawn("sh", ["-c", "sleep 5; true", "splitwan-apply"], { stdio: "ignore" });
    writeFileSync(lock, `${holder.pid}\n`);
    const t0 = Date.now();
    const run = new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile("lua5.1", [CLI, "ddns", "update"], { env: env(root) }, (err, stdout, stderr) =>
        resolve({ code: err ? ((err as { code?: number }).code ?? -1) : 0, stdout, stderr }));
    });
    await new Promise((r) => setTimeout(r, 1500));
    expect(readFileSync(lock, "utf8")).toBe(`${holder.pid}\n`); // still the holder's: the updater waits
    unlinkSync(lock);
    holder.kill();
    const r = await run;
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1500);
    expect(r.stderr).toBe("");
    // the fixture has no enabled ddns section: read after the wait, nothing to send
    expect(r.stdout).toContain("no enabled ddns sections");
  });
});
