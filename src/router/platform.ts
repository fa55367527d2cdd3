// The Platform on the router (Lua only): libuci or the file store, files under
// SPLITWAN_ROOT, exec through the shell with quoted argv, syslog through logger, ubus
// through libubus-lua.
import { jsonDecode, jsonEncode } from "../core/json";
import type { ExecResult, Platform } from "../core/platform";
import type { UciCursor } from "../core/uci";
import { UciFileCursor } from "../core/uci-file";
import { luaFiles, shellQuote } from "./files";

/** Where splitwan keeps libuci's change files: never the user's /tmp/.uci, so their
 * unsaved LuCI changes are neither committed nor lost by an apply. */
const SAVE_DIR = "/var/run/splitwan/uci";

function execShell(cmd: string): ExecResult {
  // Lua 5.1's popen gives no exit status: append it to the output
  const [h] = io.popen(`${cmd}; echo "__rc=$?"`, "r");
  if (h === undefined) return { code: 127, stdout: "" };
  const out = h.read("*a") ?? "";
  h.close();
  const parts = out.split("__rc=");
  if (parts.length < 2) return { code: 127, stdout: out };
  const code = parts.pop() as string;
  return { code: Number(code.trim()), stdout: parts.join("__rc=") };
}

export function routerPlatform(): Platform {
  const envRoot = os.getenv("SPLITWAN_ROOT");
  const root = envRoot !== undefined && envRoot !== "/" ? envRoot : "";
  const ubusDir = os.getenv("SPLITWAN_UBUS_DIR"); // recorded ubus answers (tests)
  const files = luaFiles();
  const at = (path: string) => root + path;
  const logLines: Array<[string, string]> = [];
  let cursor: UciCursor | undefined;
  let ubusConn: { call(this: void, o: string, m: string, a: object): unknown } | undefined;

  const p: Platform = {
    root,
    dryRun: root !== "",
    cursor() {
      if (cursor !== undefined) return cursor;
      const [ok, uci] = pcall(require, "uci");
      if (ok && uci !== undefined && root === "") {
        files.mkdirp(SAVE_DIR);
        cursor = (uci as { cursor(this: void, c: string, s: string): UciCursor }).cursor("/etc/config", SAVE_DIR);
      } else if (ok && uci !== undefined) {
        files.mkdirp(at(SAVE_DIR));
        cursor = (uci as { cursor(this: void, c: string, s: string): UciCursor }).cursor(at("/etc/config"), at(SAVE_DIR));
      } else {
        cursor = new UciFileCursor(files, at("/etc/config"));
      }
      return cursor;
    },
    readFile: (path) => files.read(at(path)),
    writeFile: (path, data, mode) => files.write(at(path), data, mode),
    removeFile: (path) => files.remove(at(path)),
    exec(argv, stdin) {
      let cmd = argv.map(shellQuote).join(" ");
      let tmp: string | undefined;
      if (stdin !== undefined) {
        tmp = os.tmpname();
        files.write(tmp, stdin, 0o600);
        cmd = `${cmd} < ${shellQuote(tmp)}`;
      }
      const r = execShell(`${cmd} 2>/dev/null`);
      if (tmp !== undefined) os.remove(tmp);
      return r;
    },
    log(level, message) {
      logLines.push([level, message]);
    },
    ubus(object, method, args) {
      if (ubusDir !== undefined) {
        const text = files.read(`${ubusDir}/${object}.${method}.json`);
        return text !== undefined ? (jsonDecode(text) as Record<string, unknown>) : undefined;
      }
      if (ubusConn === undefined) {
        const [ok, ubus] = pcall(require, "ubus");
        if (ok && ubus !== undefined) ubusConn = (ubus as { connect(this: void): typeof ubusConn }).connect();
      }
      if (ubusConn !== undefined) {
        const res = ubusConn.call(object, method, args ?? {});
        return typeof res === "object" ? (res as Record<string, unknown>) : undefined;
      }
      const r = execShell(`ubus call ${shellQuote(object)} ${shellQuote(method)} ${shellQuote(jsonEncode(args ?? {}))} 2>/dev/null`);
      return r.code === 0 && r.stdout.trim() !== "" ? (jsonDecode(r.stdout) as Record<string, unknown>) : undefined;
    },
    now: () => os.time(),
    print: (text) => {
      io.stdout.write(text);
    },
    printErr: (text) => {
      io.stderr.write(text);
    },
    flush() {
      if (logLines.length === 0) return;
      if (root !== "") {
        // SPLITWAN_ROOT: the log goes to a file in the tree, not the host's syslog
        const old = files.read(at("/tmp/splitwan.log")) ?? "";
        files.write(at("/tmp/splitwan.log"), old + logLines.map(([l, m]) => `${l}: ${m}\n`).join(""), 0o600);
      } else {
        for (const level of ["info", "warn", "err"]) {
          const lines = logLines.filter((l) => l[0] === level).map((l) => l[1] + "\n");
          if (lines.length === 0) continue;
          const [h] = io.popen(`logger -t splitwan -p daemon.${level === "warn" ? "warning" : level}`, "w");
          if (h !== undefined) {
            h.write(lines.join(""));
            h.close();
          }
        }
      }
      logLines.length = 0;
    },
  };
  return p;
}
