// Files on the router through Lua's io/os (Lua only). Writes are atomic: a temporary
// file in the same directory, then os.rename over the target.
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

function dirname(path: string): string {
  let i = -1; // tstl has no lastIndexOf
  for (let j = 0; j < path.length; j++) if (path.charAt(j) === "/") i = j;
  if (i < 0) return ".";
  return i === 0 ? "/" : path.substring(0, i);
}

function fail(what: string, path: string, err?: string): never {
  throw new SplitwanError(EXIT_SYSTEM, `cannot ${what} ${path}${err !== undefined ? ": " + err : ""}`);
}

export function luaFiles(): LuaFiles {
  const made = new Set<string>();

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
    if (made.has(dir)) return;
    if (!exists(dir) && os.execute(`mkdir -p ${shellQuote(dir)} 2>/dev/null`) !== 0) fail("create directory", dir);
    made.add(dir);
  };

  return {
    read,
    mkdirp,
    write(path, data, mode) {
      const dir = dirname(path);
      mkdirp(dir);
      const tmp = `${dir}/.${path.substring(dir.length + 1)}.splitwan-new`;
      const [f, err] = io.open(tmp, "wb");
      if (f === undefined) return fail("write", tmp, err);
      const [ok, werr] = f.write(data);
      f.close();
      if (ok === undefined) {
        os.remove(tmp);
        fail("write", tmp, werr);
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
    remove(path) {
      const [ok, err] = os.remove(path);
      if (ok === undefined && read(path) !== undefined) fail("remove", path, err);
    },
  };
}
