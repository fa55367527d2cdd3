// What every Lua entry does around its command: the router's Platform, one exit code,
// errors as messages (never a Lua traceback in the user's face; the traceback goes to
// syslog so it names the real file and line under /usr/lib/lua/splitwan/).
import { errorText, EXIT_SYSTEM, SplitwanError } from "../core/errors";
import type { Platform } from "../core/platform";
import { routerPlatform } from "../router/platform";

export function runEntry(command: (p: Platform) => number): void {
  // collect at 2x instead of 3x the live heap: routers have little RAM, a run is short
  collectgarbage("setpause", 100);
  const p = routerPlatform();
  let code = EXIT_SYSTEM;
  let trace = "";
  const [ok, err] = xpcall(
    () => {
      code = command(p);
    },
    (e: unknown) => {
      if (!(e instanceof SplitwanError)) trace = debug.traceback(errorText(e), 2);
      return e;
    },
  );
  if (!ok) {
    const e = err as unknown;
    if (e instanceof SplitwanError) {
      code = e.code;
      p.printErr(`splitwan: ${e.message}\n`);
    } else {
      const text = errorText(e);
      for (const line of trace.split("\n")) p.log("err", `internal error: ${line}`);
      p.printErr(`splitwan: internal error: ${text}\n`);
      code = EXIT_SYSTEM;
    }
  }
  p.flush();
  os.exit(code);
}
