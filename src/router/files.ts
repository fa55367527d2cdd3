// Files on the router through Lua's io/os (Lua only). Writes are atomic and checked: a
// temporary file of this process in the same directory, written, flushed, closed and
// measured, then os.rename over the target. A short or failed write never replaces it.
import { EXIT_SYSTEM, SplitwanError } from "../core/errors";

export interface LuaFiles {
  /** The file's contents, undefined when it does not exist. */
  read(path: string): string | undefined;
  /** Atomic replace; creates the parent directories. Without mode a replaced file keeps
   * its permissions (a new one gets the umask's); 0644 is left to the umask (022). */
  write(path: string, data: string, mode?: number): void;
  /** Removes the file; no error when it does not exist. */
  remove(path: string): void;
  /** mkdir -p */
  mkdirp(dir: string): void;
  /** A writer that died (its lock was taken over): each later write or removal of a file
   * also removes the temporary file that writer may have left beside it. */
  forgetWriter(pid: string): void;
}

/** One shell word: '...' with each ' written as '\'' */
export function shellQuote(s: string): string {
  return "'" + s.split("'").join("'\\''") + "'";
}

function octal(mode: number): string {
  let s = "";
  do {
    s = `${mode % 8}` + s;
    mode = Math.floor(mode / 8);
  } while (mode > 0);
  return s;
}

export function dirname(path: string): string {
  let i = -1; // tstl has no lastIndexOf
  for (let j = 0; j < path.length; j++) if (path.charAt(j) === "/") i = j;
  if (i < 0) return ".";
  return i === 0 ? "/" : path.substring(0, i);
}

function fail(what: string, path: string, err?: string): never {
  throw new SplitwanError(EXIT_SYSTEM, `cannot ${what} ${path}${err !== undefined ? ": " + err : ""}`);
}

/** A Lua file handle with the results Lua 5.1 really returns (lua-types says boolean). */
interface CheckedFile {
  write(this: CheckedFile, data: string): LuaMultiReturn<[CheckedFile] | [undefined, string]>;
  flush(this: CheckedFile): LuaMultiReturn<[true] | [undefined, string]>;
  seek(this: CheckedFile, whence: "end"): LuaMultiReturn<[number] | [undefined, string]>;
  close(this: CheckedFile): LuaMultiReturn<[true] | [undefined, string]>;
}

/** The pid of this Lua process (/proc/self is the interpreter itself); "0" without /proc. */
export function luaPid(): string {
  const [h] = io.open("/proc/self/stat", "r");
  if (h === undefined) return "0";
  const line = h.read("*l") ?? "0";
  h.close();
  const sp = line.indexOf(" ");
  return sp > 0 ? line.slice(0, sp) : line;
}

/** true while pid runs splitwan (a pid reused by another program after a crash is not). */
export function runsSplitwan(pid: string): boolean {
  if (pid === "" || pid === "0") return false;
  const [h] = io.open(`/proc/${pid}/cmdline`, "r");
  if (h === undefined) return false;
  const cmdline = h.read("*a") ?? "";
  h.close();
  return cmdline.indexOf("splitwan") >= 0;
}

/** Writes data to a new file at tmp; every step is checked (a full disk shows up at flush
 * or close, not at write) and the size on disk must be the size of data. */
function writeChecked(tmp: string, data: string): string | undefined {
  const [opened, err] = io.open(tmp, "wb");
  if (opened === undefined) return err ?? "cannot open";
  const f = opened as unknown as CheckedFile;
  let error: string | undefined;
  let size = -1;
  const [w, werr] = f.write(data);
  if (w === undefined) error = werr ?? "write failed";
  if (error === undefined) {
    const [ok, e] = f.flush();
    if (ok === undefined) error = e ?? "flush failed";
  }
  if (error === undefined) {
    const [n, e] = f.seek("end");
    if (n === undefined) error = e ?? "seek failed";
    else size = n;
  }
  const [closed, cerr] = f.close();
  if (error === undefined && closed === undefined) error = cerr ?? "close failed";
  if (error === undefined && size !== data.length) error = `wrote ${size} of ${data.length} bytes`;
  return error;
}

/** The temporary file a writer uses for path: ".<name>.splitwan-<pid>" beside it. */
export function tempPath(path: string, writer: string): string {
  const dir = dirname(path);
  return `${dir}/.${path.substring(dir.length + 1)}.splitwan-${writer}`;
}

/** Writers known dead in this process (shared by every luaFiles(): a stand-in binding's too). */
const dead: string[] = [];

export function luaFiles(): LuaFiles & { sync(paths: string[]): void } {
  const made: Record<string, true> = {};
  const pid = luaPid();
  const sweep = (path: string) => {
    for (const d of dead) os.remove(tempPath(path, d));
  };

  const read = (path: string): string | undefined => {
    const [f] = io.open(path, "rb");
    if (f === undefined) return undefined;
    const data = f.read("*a");
    f.close();
    return data ?? undefined; // a directory opens but does not read
  };

  // forks are the cost of a run on a router: probe with io.open before running a command
  const exists = (path: string): boolean => {
    const [f] = io.open(path, "rb");
    if (f === undefined) return false;
    f.close();
    return true;
  };

  const mkdirp = (dir: string): void => {
    if (made[dir] === true) return;
    if (!exists(dir) && os.execute(`mkdir -p ${shellQuote(dir)} 2>/dev/null`) !== 0) fail("create directory", dir);
    made[dir] = true;
  };

  return {
    read,
    mkdirp,
    write(path, data, mode) {
      const dir = dirname(path);
      mkdirp(dir);
      sweep(path);
      // unique per process: two writers never share a temporary file
      const tmp = tempPath(path, pid);
      const werr = writeChecked(tmp, data);
      if (werr !== undefined) {
        os.remove(tmp);
        fail("write", path, werr); // the file itself is untouched
      }
      // 0644 is what a new file gets under OpenWrt's umask 022: no chmod needed
      let perm = "";
      if (mode !== undefined && mode !== 0o644) perm = octal(mode);
      else if (mode === undefined && exists(path)) perm = `"$(stat -c %a ${shellQuote(path)})"`;
      if (perm !== "" && os.execute(`chmod ${perm} ${shellQuote(tmp)} 2>/dev/null`) !== 0) {
        os.remove(tmp);
        fail("set the mode of", tmp);
      }
      const [renamed, rerr] = os.rename(tmp, path);
      if (renamed === undefined) {
        os.remove(tmp);
        fail("replace", path, rerr);
      }
    },
    sync(paths) {
      // fsync of each file and its directory (coreutils and BusyBox >= 1.30 take names);
      // one fork for the lot, best effort: a missing file is not an error here
      const names: string[] = [];
      for (const path of paths) {
        const dir = dirname(path);
        if (exists(path) && !names.includes(path)) names.push(path);
        if (!names.includes(dir)) names.push(dir);
      }
      if (names.length > 0) os.execute(`sync ${names.map(shellQuote).join(" ")} 2>/dev/null`);
    },
    forgetWriter(writer) {
      if (writer !== pid && !dead.includes(writer)) dead.push(writer);
    },
    remove(path) {
      sweep(path);
      const [ok, err] = os.remove(path);
      if (ok === undefined && read(path) !== undefined) fail("remove", path, err);
    },
  };
}
