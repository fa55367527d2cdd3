// The Platform in Node for tests: a router tree in a temporary directory, the UCI file
// store over it, and exec / ubus answered from recordings (nothing touches the host).
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
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

export function nodeFiles() {
  return {
    read(path: string): string | undefined {
      return existsSync(path) ? readFileSync(path, "latin1") : undefined;
    },
    write(path: string, data: string, mode?: number): void {
      mkdirSync(dirname(path), { recursive: true });
      const tmp = `${path}.tmp-${process.pid}`;
      writeFileSync(tmp, data, { encoding: "latin1", mode: mode ?? 0o644 });
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
}

export function testPlatform(root: string, opts: TestPlatformOptions = {}): TestPlatform {
  const files = nodeFiles();
  const at = (p: string) => join(root, p);
  let cursor: UciCursor | undefined;
  const guarded = {
    ...files,
    write(path: string, data: string, mode?: number) {
      if (opts.failWrite?.(path)) throw new Error(`injected failure writing ${path}`);
      files.write(path, data, mode);
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
    removeFile: (path) => files.remove(at(path)),
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
