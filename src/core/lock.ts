// splitwan's one lock: apply, remove, reconnect and the DDNS updater's config reads run
// one at a time. The lock is a file created exclusively (O_EXCL) holding the holder's pid;
// the platform gives the primitives (src/router/lock.ts on the router, the test platform
// in Node), the rules are here so both behave alike.
//
// A holder that died (kill -9, OOM) leaves its file behind: a waiter that sees a dead pid
// takes the lock over. Only one waiter may do that for a given dead pid: it first creates
// "<lock>.<pid>" exclusively, then moves the lock file aside and checks that the file it
// moved still names the dead pid (else it puts it back). /var/run is a tmpfs: a power cut
// leaves no lock.
import { EXIT_SYSTEM, SplitwanError } from "./errors";
import type { Platform } from "./platform";

export const LOCK_PATH = "/var/run/splitwan/lock";
/** How long a second caller waits: longer than an apply with its reloads takes. */
export const LOCK_WAIT_SECONDS = 20;

export interface LockPrimitives {
  /** This process. */
  pid: string;
  /** Creates the file exclusively with data; false when it exists; throws on other errors. */
  create(path: string, data: string): boolean;
  read(path: string): string | undefined;
  /** Atomic rename; false when from does not exist. */
  rename(from: string, to: string): boolean;
  remove(path: string): void;
  alive(pid: string): boolean;
  /** Seconds, for the deadline. */
  now(): number;
  /** Waits a little (a fraction of a second where the system allows). */
  pause(): void;
  /** Told the pid whose lock was taken over (its temporary files can go). */
  tookOver?(pid: string): void;
}

/** Takes the lock at path or throws "another splitwan is running (pid N)" after waitSeconds.
 * Returns the release. */
export function acquireLock(lp: LockPrimitives, path: string, waitSeconds: number): () => void {
  const mine = `${lp.pid}\n`;
  const deadline = lp.now() + waitSeconds;
  let emptySeen = 0;
  for (;;) {
    if (lp.create(path, mine)) {
      return () => {
        if (lp.read(path) === mine) lp.remove(path);
      };
    }
    const text = lp.read(path);
    const holder = text === undefined ? undefined : text.trim();
    // an empty file: its creator is between create and write, or died there
    emptySeen = holder === "" ? emptySeen + 1 : 0;
    if (holder !== undefined && ((holder !== "" && !lp.alive(holder)) || emptySeen > 3)) {
      takeOver(lp, path, text as string);
    } else if (holder !== undefined) {
      if (lp.now() >= deadline) {
        throw new SplitwanError(EXIT_SYSTEM, `another splitwan is running (pid ${holder === "" ? "unknown" : holder}); try again when it has finished`);
      }
      lp.pause();
    }
  }
}

/** Removes the lock file of a dead holder (its exact text is stale). */
function takeOver(lp: LockPrimitives, path: string, stale: string): void {
  const dead = stale.trim() === "" ? "empty" : stale.trim();
  const token = `${path}.${dead}`;
  if (!lp.create(token, `${lp.pid}\n`)) {
    // another waiter is at it; if that one died too, clear its token for the next round
    const owner = lp.read(token);
    if (owner !== undefined && owner.trim() !== "" && !lp.alive(owner.trim())) lp.remove(token);
    lp.pause();
    return;
  }
  const aside = `${path}.stale-${lp.pid}`;
  if (lp.rename(path, aside)) {
    if (lp.read(aside) === stale) {
      lp.remove(aside);
      if (lp.tookOver !== undefined && dead !== "empty") lp.tookOver(dead);
    } else lp.rename(aside, path); // not the stale file: a live holder's, give it back
  }
  lp.remove(token);
}

/** Runs fn holding splitwan's lock (the entry points call this: apply, remove, rpcd
 * reconnect, the DDNS updater's config reads). */
export function withLock<T>(p: Platform, fn: () => T): T {
  const release = p.lock(LOCK_WAIT_SECONDS);
  try {
    return fn();
  } finally {
    release();
  }
}
