// splitwan's lock on the router (Lua only): the primitives core/lock.ts needs. io.open's
// mode goes to fopen unchanged in Lua 5.1 (musl and glibc): "wx" is an O_EXCL create.
import { EXIT_SYSTEM, SplitwanError } from "../core/errors";
import { LOCK_PATH, type LockPrimitives, acquireLock } from "../core/lock";
import { OWNED_PATH, writtenPaths } from "../core/owned";
import { dirname, type LuaFiles, luaPid, runsSplitwan, tempPath } from "./files";

function primitives(files: LuaFiles, root: string): LockPrimitives {
  return {
    pid: luaPid(),
    create(path, data) {
      const [f, err] = io.open(path, "wx");
      if (f === undefined) {
        if (files.read(path) !== undefined) return false;
        throw new SplitwanError(EXIT_SYSTEM, `cannot create the lock ${path}: ${err}`);
      }
      f.write(data);
      f.close();
      return true;
    },
    read: (path) => files.read(path),
    rename(from, to) {
      const [ok] = os.rename(from, to);
      return ok !== undefined;
    },
    remove(path) {
      os.remove(path);
    },
    alive: runsSplitwan,
    now: () => os.time(),
    pause() {
      // BusyBox sleep takes fractions when built with FLOAT_SLEEP; else a whole second
      os.execute("sleep 0.1 2>/dev/null || sleep 1");
    },
    tookOver(pid) {
      // what the dead holder may have left half-written: the files every run writes and
      // the drop-ins its record (written before any of them) names
      files.forgetWriter(pid);
      for (const path of writtenPaths(files.read(root + OWNED_PATH))) os.remove(tempPath(root + path, pid));
    },
  };
}

/** Platform.lock on the router; root is SPLITWAN_ROOT ("" on the router). */
export function routerLock(files: LuaFiles, root: string, waitSeconds: number): () => void {
  const path = root + LOCK_PATH;
  files.mkdirp(dirname(path));
  return acquireLock(primitives(files, root), path, waitSeconds);
}
