// The Platform on the router (Lua only): OpenWrt's libuci-lua and libubus-lua bindings
// (package dependencies, so no fallbacks), files under SPLITWAN_ROOT, exec through the
// shell with quoted argv, syslog through logger.
import { EXIT_SYSTEM, SplitwanError } from "../core/errors";
import type { ExecResult, Platform } from "../core/platform";
import type { UciCursor } from "../core/uci";
import { type UbusReply, ubusFailed } from "../core/ubus";
import { luaFiles, shellQuote } from "./files";
import { routerLock } from "./lock";

/** libubus-lua: a userdata used with method calls (conn:call), as libuci-lua's cursor. */
interface UbusConnection {
  call(object: string, method: string, args: object): LuaMultiReturn<[Record<string, unknown> | undefined, number | undefined]>;
}
interface UbusModule {
  connect(this: void, socket?: string, timeout?: number): LuaMultiReturn<[UbusConnection | undefined, number | undefined]>;
}
interface UciModule {
  cursor(this: void, confdir: string, savedir: string): UciCursor;
}

/** Seconds a ubus call may take: LuCI polls the status every 5 s. */
const UBUS_TIMEOUT = 3;

/** require() that names the missing package instead of raising. */
function binding<T>(name: string, pkg: string): T {
  const [ok, mod] = pcall(require, name);
  if (!ok || mod === undefined) throw new SplitwanError(EXIT_SYSTEM, `the Lua module '${name}' is missing: install ${pkg}`);
  return mod as T;
}

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
  const files = luaFiles();
  const at = (path: string) => root + path;
  let logLines: Array<[string, string]> = [];
  let cursor: UciCursor | undefined;
  let ubusConn: UbusConnection | undefined;
  let ubusDown: number | undefined;

  const p: Platform = {
    root,
    dryRun: root !== "",
    cursor() {
      if (cursor !== undefined) return cursor;
      const uci = binding<UciModule>("uci", "libuci-lua");
      files.mkdirp(at(SAVE_DIR));
      cursor = uci.cursor(at("/etc/config"), at(SAVE_DIR));
      return cursor;
    },
    readFile: (path) => files.read(at(path)),
    writeFile: (path, data, mode) => files.write(at(path), data, mode),
    removeFile: (path) => files.remove(at(path)),
    sync: (paths) => files.sync(paths.map(at)),
    lock: (waitSeconds) => routerLock(files, root, waitSeconds),
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
    ubusCall(object, method, args): UbusReply {
      if (ubusConn === undefined && ubusDown === undefined) {
        // SPLITWAN_ROOT: the tree's own socket, never the host's ubusd
        const [conn, code] = binding<UbusModule>("ubus", "libubus-lua").connect(root !== "" ? at("/var/run/ubus/ubus.sock") : undefined, UBUS_TIMEOUT);
        if (conn === undefined) ubusDown = code ?? 0;
        ubusConn = conn;
      }
      if (ubusConn === undefined) return ubusFailed(ubusDown ?? 0, false);
      const [res, code] = ubusConn.call(object, method, args ?? {});
      if (res === undefined && code !== undefined) return ubusFailed(code, true);
      // a method without data (down, up) answers nothing at all
      return { ok: true, data: res ?? {} };
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
      logLines = [];
    },
  };
  return p;
}
