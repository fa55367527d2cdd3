// The Platform in Node for tests: a router tree in a temporary directory, the UCI file
// store over it, and exec / ubus answered from recordings (nothing touches the host).
import {
  closeSync, cpSync, existsSync, fsyncSync, mkdirSync, mkdtempSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { EXIT_SYSTEM, SplitwanError } from "../../src/core/errors";
import { LOCK_PATH, type LockPrimitives, acquireLock } from "../../src/core/lock";
import type { ExecResult, Platform } from "../../src/core/platform";
import type { UciCursor } from "../../src/core/uci";
import { type UbusReply, UBUS_METHOD_NOT_FOUND, UBUS_NOT_FOUND, ubusFailed } from "../../src/core/ubus";
import { UciFileCursor } from "../standin/uci-file";
import { afterAll } from "vitest";
import { TOP } from "./lua";

export const FIXTURES = join(TOP, "test/fixtures/routers");

const trees: string[] = [];
// registered while the importing test file is collected: runs after that file
afterAll(() => {
  for (const t of trees.splice(0)) rmSync(t, { recursive: true, force: true });
});

/** Copies test/fixtures/routers/<name> into a fresh temporary root (removed at exit). */
export function routerTree(name: string): string {
  const root = mkdtempSync(join(tmpdir(), `splitwan-${name}-`));
  trees.push(root);
  cpSync(join(FIXTURES, name), root, { recursive: true });
  return root;
}

/** Files as src/router/files.ts handles them: a temporary file of this process in the same
 * directory, its size checked, then renamed over the target. */
export function nodeFiles() {
  return {
    read(path: string): string | undefined {
      return existsSync(path) ? readFileSync(path, "latin1") : undefined;
    },
    write(path: string, data: string, mode?: number): void {
      mkdirSync(dirname(path), { recursive: true });
      const tmp = join(dirname(path), `.${basename(path)}.splitwan-${process.pid}`);
      try {
        writeFileSync(tmp, data, { encoding: "latin1", mode: mode ?? 0o644 });
        const size = statSync(tmp).size;
        if (size !== data.length) throw new Error(`wrote ${size} of ${data.length} bytes`);
      } catch (e) {
        rmSync(tmp, { force: true });
        throw new SplitwanError(EXIT_SYSTEM, `cannot write ${path}: ${e instanceof Error ? e.message : e}`);
      }
      renameSync(tmp, path);
    },
    remove(path: string): void {
      rmSync(path, { force: true });
    },
    mkdirp(path: string): void {
      mkdirSync(path, { recursive: true });
    },
  };
}

/** fsync of each file and its directory, as the router's `sync FILE DIR...`; best effort. */
function fsyncAll(paths: string[]): void {
  for (const path of paths) {
    for (const p of [path, dirname(path)]) {
      try {
        const fd = openSync(p, "r");
        fsyncSync(fd);
        closeSync(fd);
      } catch {
        // a file that is not there (removed) needs no flush
      }
    }
  }
}

/** Test platforms that "died" (crashAt): their lock holder is dead to the others. */
const deadPids = new Set<string>();
let platforms = 0;

function sleepMs(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function nodeLock(pid: string): LockPrimitives {
  return {
    pid,
    create(path, data) {
      try {
        writeFileSync(path, data, { flag: "wx" });
        return true;
      } catch (e) {
        if ((e as { code?: string }).code === "EEXIST") return false;
        throw new SplitwanError(EXIT_SYSTEM, `cannot create the lock ${path}: ${e instanceof Error ? e.message : e}`);
      }
    },
    read: (path) => (existsSync(path) ? readFileSync(path, "latin1") : undefined),
    rename(from, to) {
      try {
        renameSync(from, to);
        return true;
      } catch {
        return false;
      }
    },
    remove: (path) => rmSync(path, { force: true }),
    alive(other) {
      if (other.startsWith("t")) return !deadPids.has(other);
      try {
        process.kill(Number(other), 0);
        return true;
      } catch {
        return false;
      }
    },
    now: () => Date.now() / 1000,
    pause: () => sleepMs(50),
  };
}

export interface TestPlatform extends Platform {
  out: string[];
  err: string[];
  logs: Array<[string, string]>;
  execs: string[][];
}

export interface TestPlatformOptions {
  /** Recorded answers by "<object>.<method>"; an object with none of its methods recorded
   * does not exist (libubus: 4), a missing method of a recorded object answers 3. */
  ubus?: Record<string, Record<string, unknown>>;
  /** ubusd not running: every call fails as libubus-lua's connect does. */
  ubusDown?: boolean;
  exec?: (argv: string[]) => ExecResult;
  /** Lets a test make a write fail part-way. */
  failWrite?: (path: string) => boolean;
  /** A kill -9 before the n-th step on disk (0 = the first): steps are writing a temporary
   * file, renaming it over the target, and removing a file. From then on the platform
   * touches nothing (its lock stays behind, its holder is dead) and every call throws. */
  crashAt?: number;
}

export function testPlatform(root: string, opts: TestPlatformOptions = {}): TestPlatform {
  const files = nodeFiles();
  const at = (p: string) => join(root, p);
  const pid = `t${++platforms}`;
  let cursor: UciCursor | undefined;
  let steps = 0;
  const step = (what: string) => {
    if (deadPids.has(pid)) throw new Error(`crashed (${what})`);
    if (opts.crashAt !== undefined && steps++ >= opts.crashAt) {
      deadPids.add(pid);
      throw new Error(`killed before ${what}`);
    }
  };
  const guarded = {
    ...files,
    write(path: string, data: string, mode?: number) {
      if (opts.failWrite?.(path)) throw new Error(`injected failure writing ${path}`);
      if (opts.crashAt === undefined) return files.write(path, data, mode);
      // the same steps as files.write, with a crash point before each
      step(`writing a temporary file for ${path}`);
      mkdirSync(dirname(path), { recursive: true });
      const tmp = join(dirname(path), `.${basename(path)}.splitwan-${process.pid}`);
      writeFileSync(tmp, data, { encoding: "latin1", mode: mode ?? 0o644 });
      step(`renaming it over ${path}`);
      renameSync(tmp, path);
    },
    remove(path: string) {
      if (existsSync(path)) step(`removing ${path}`);
      files.remove(path);
    },
  };
  const p: TestPlatform = {
    root,
    dryRun: true,
    out: [],
    err: [],
    logs: [],
    execs: [],
    cursor() {
      cursor ??= new UciFileCursor(guarded, at("/etc/config"));
      return cursor;
    },
    readFile: (path) => files.read(at(path)),
    writeFile: (path, data, mode) => guarded.write(at(path), data, mode),
    removeFile: (path) => guarded.remove(at(path)),
    sync: (paths) => fsyncAll(paths.map(at)),
    lock(waitSeconds) {
      mkdirSync(dirname(at(LOCK_PATH)), { recursive: true });
      const release = acquireLock(nodeLock(pid), at(LOCK_PATH), waitSeconds);
      return () => {
        if (!deadPids.has(pid)) release();
      };
    },
    exec(argv) {
      p.execs.push(argv);
      return opts.exec ? opts.exec(argv) : { code: 1, stdout: "" };
    },
    log(level, message) {
      p.logs.push([level, message]);
    },
    ubusCall(object, method): UbusReply {
      if (opts.ubusDown) return ubusFailed(9, false);
      const answers = opts.ubus ?? {};
      const data = answers[`${object}.${method}`];
      if (data !== undefined) return { ok: true, data };
      const known = Object.keys(answers).some((k) => k.startsWith(`${object}.`) && !k.slice(object.length + 1).includes("."));
      return ubusFailed(known ? UBUS_METHOD_NOT_FOUND : UBUS_NOT_FOUND, true);
    },
    now: () => 1_700_000_000,
    print(text) {
      p.out.push(text);
    },
    printErr(text) {
      p.err.push(text);
    },
    flush() {},
  };
  return p;
}
