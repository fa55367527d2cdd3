// What the core asks of the system. The router implementation (src/router/platform.ts)
// is Lua-only; tests implement the same interface in Node. Nothing in src/core calls the
// system except through this.
import type { UciCursor } from "./uci";
import type { UbusReply } from "./ubus";

export interface ExecResult {
  code: number;
  stdout: string;
}

export interface Platform {
  /** SPLITWAN_ROOT: "" on the router; a prefix under which every path is read and written. */
  readonly root: string;
  /** true when SPLITWAN_ROOT is set: service reloads are printed, not run. */
  readonly dryRun: boolean;
  /** A cursor on <root>/etc/config with splitwan's own save directory. */
  cursor(): UciCursor;
  /** Paths are absolute router paths ("/etc/iproute2/rt_tables"); the platform adds root. */
  readFile(path: string): string | undefined;
  /** Atomic replace (temporary file + rename); creates parent directories. */
  writeFile(path: string, data: string, mode?: number): void;
  removeFile(path: string): void;
  /** Makes written files and their directory entries durable (fsync) where the system
   * allows; never throws (a platform that cannot, does nothing). */
  sync(paths: string[]): void;
  /** Takes splitwan's one lock (core/lock.ts, LOCK_PATH), waiting up to waitSeconds while a
   * live process holds it; throws SplitwanError(EXIT_SYSTEM, "another splitwan is running
   * (pid N)"). Returns the release. Use withLock (core/lock.ts) rather than this. */
  lock(waitSeconds: number): () => void;
  /** argv is quoted by the platform; never pass secrets in argv. */
  exec(argv: string[], stdin?: string): ExecResult;
  /** One syslog line, tag "splitwan". Never pass a secret. */
  log(level: "info" | "warn" | "err", message: string): void;
  /** ubus call through libubus-lua; a failure (no such object, ubusd down, timeout) is a
   * value, never an error. */
  ubusCall(object: string, method: string, args?: Record<string, unknown>): UbusReply;
  /** Seconds since the epoch. */
  now(): number;
  /** Writes to stdout / stderr of the CLI. */
  print(text: string): void;
  printErr(text: string): void;
  /** Sends buffered log lines; called once before exit. */
  flush(): void;
}
