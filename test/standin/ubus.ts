// TEST ONLY: a `ubus` Lua module that answers like OpenWrt's libubus-lua (checked against
// ../shared/reference/lua-bindings/transcript.txt by test/standin.test.ts). Built to
// build/lua-test/standin/ubus.lua and found through LUA_PATH, so the router code runs
// `require "ubus"`, `ubus.connect(...)` and `conn:call(...)` exactly as on a router.
//
// The "socket" is a directory of answers written by the test (or by the e2e bed's netifd
// stand-in): <socket>/<object>/<method>.json. Like the real binding:
//   - connect to a socket that does not exist gives nil, 9 (UBUS_STATUS_UNKNOWN_ERROR);
//   - a connection is an object: a dot call (conn.call(...)) raises "bad argument #1 to
//     'call' (ubus.meta expected, got string)"; the arguments must be a table;
//   - a missing object gives nil, 4; a missing method nil, 3; a <method>.timeout file
//     nil, 7 (what libubus answers once the connection's timeout has passed);
//   - an empty answer file is a method without data (down, up): nothing is returned.
// Every call is appended to <socket>/calls.log ("<object> <method> <args JSON>").
import { jsonDecode, jsonEncode } from "../../src/core/json";

const UNKNOWN_ERROR = 9;
const METHOD_NOT_FOUND = 3;
const NOT_FOUND = 4;
const TIMEOUT = 7;

function readFile(path: string): string | undefined {
  const [f] = io.open(path, "rb");
  if (f === undefined) return undefined;
  const data = f.read("*a");
  f.close();
  return data ?? undefined; // a directory opens but does not read
}

function exists(path: string): boolean {
  const [f] = io.open(path, "rb");
  if (f === undefined) return false;
  f.close();
  return true;
}

interface State {
  dir: string;
  timeout: number;
}

// a connection is a userdata, as libubus-lua's; its state lives beside it
declare function newproxy(this: void, withMeta: boolean): object;
const states = setmetatable(new LuaTable<object, State>(), { __mode: "k" });

/** luaL_checkudata's check and message, raised at the caller as the C binding does. */
function checkSelf(self: unknown, method: string): State {
  const st = type(self) === "userdata" ? states.get(self as object) : undefined;
  if (st === undefined) error(`bad argument #1 to '${method}' (ubus.meta expected, got ${type(self)})`, 3);
  return st as State;
}

const methods = {
  call(this: unknown, object: string, method: string, args: object): LuaMultiReturn<[Record<string, unknown> | undefined, number?]> {
    const dir = checkSelf(this, "call").dir;
    if (type(args) !== "table") error(`bad argument #4 to 'call' (table expected, got ${args === undefined ? "no value" : type(args)})`, 2);
    const [log] = io.open(`${dir}/calls.log`, "ab");
    if (log !== undefined) {
      log.write(`${object} ${method} ${jsonEncode(args)}\n`);
      log.close();
    }
    const base = `${dir}/${object}`;
    if (!exists(base)) return $multi(undefined, NOT_FOUND);
    if (exists(`${base}/${method}.timeout`)) return $multi(undefined, TIMEOUT);
    const text = readFile(`${base}/${method}.json`);
    if (text === undefined) return $multi(undefined, METHOD_NOT_FOUND);
    if (text.trim() === "") return $multi() as unknown as LuaMultiReturn<[undefined]>;
    return $multi(jsonDecode(text) as Record<string, unknown>);
  },

  objects(this: unknown): string[] {
    const dir = checkSelf(this, "objects").dir;
    const out: string[] = [];
    const [h] = io.popen(`ls -1 '${dir}' 2>/dev/null`, "r");
    if (h === undefined) return out;
    for (const name of (h.read("*a") ?? "").split("\n")) {
      if (name !== "" && name !== "calls.log") out.push(name);
    }
    h.close();
    return out;
  },

  close(this: unknown): void {
    checkSelf(this, "close");
  },
};

export function connect(this: void, socket?: string, timeout?: number): LuaMultiReturn<[object | undefined, number?]> {
  const path = socket ?? "/var/run/ubus/ubus.sock";
  if (!exists(path)) return $multi(undefined, UNKNOWN_ERROR);
  const conn = newproxy(true);
  (getmetatable(conn) as { __index?: unknown }).__index = methods;
  states.set(conn, { dir: path, timeout: timeout ?? 30 });
  return $multi(conn);
}
