// splitwan's one lock (core/lock.ts) on the test platform: a second caller waits, then
// gives up naming the holder; a dead holder's lock is taken over; release is exact.
import { existsSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { applyConfig } from "../../src/core/apply";
import { SplitwanError } from "../../src/core/errors";
import { LOCK_PATH, withLock } from "../../src/core/lock";
import { routerTree, testPlatform } from "../helpers/node-platform";

describe("the lock", () => {
  it("a second caller waits the bounded time, then fails naming the holder's pid", () => {
    const root = routerTree("dsa-mape");
    const a = testPlatform(root);
    const b = testPlatform(root);
    const release = a.lock(5);
    const holder = readFileSync(join(root, LOCK_PATH), "latin1").trim();
    const t0 = Date.now();
    let err: unknown;
    try {
      b.lock(0.3);
    } catch (e) {
      err = e;
    }
    expect(Date.now() - t0).toBeGreaterThanOrEqual(250);
    expect(err).toBeInstanceOf(SplitwanError);
    expect((err as SplitwanError).code).toBe(3);
    expect((err as Error).message).toBe(`another splitwan is running (pid ${holder}); try again when it has finished`);
    release();
    expect(existsSync(join(root, LOCK_PATH))).toBe(false);
    b.lock(0.3)();
  });

  it("apply refuses while another holds the lock and writes nothing", () => {
    const root = routerTree("dsa-mape");
    const before = readFileSync(join(root, "etc/config/network"), "latin1");
    const release = testPlatform(root).lock(5);
    const p = testPlatform(root);
    const orig = p.lock;
    p.lock = () => orig(0.2);
    expect(() => applyConfig(p, false)).toThrow(/another splitwan is running/);
    expect(readFileSync(join(root, "etc/config/network"), "latin1")).toBe(before);
    release();
    expect(applyConfig(testPlatform(root), false).changes.length).toBeGreaterThan(10);
  });

  it("takes over the lock of a dead holder, and of one that died before writing its pid", () => {
    const root = routerTree("dsa-mape");
    mkdirSync(join(root, "var/run/splitwan"), { recursive: true });
    // a pid no process has (beyond pid_max)
    writeFileSync(join(root, LOCK_PATH), "4999999\n");
    const p = testPlatform(root);
    const release = p.lock(0.5);
    expect(readFileSync(join(root, LOCK_PATH), "latin1")).not.toBe("4999999\n");
    release();
    writeFileSync(join(root, LOCK_PATH), "");
    const t0 = Date.now();
    p.lock(5)();
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(existsSync(join(root, LOCK_PATH))).toBe(false);
  });

  it("withLock releases when the work throws", () => {
    const root = routerTree("dsa-mape");
    const p = testPlatform(root);
    expect(() => withLock(p, () => {
      throw new Error("boom");
    })).toThrow("boom");
    expect(existsSync(join(root, LOCK_PATH))).toBe(false);
    expect(withLock(p, () => 42)).toBe(42);
  });
});
