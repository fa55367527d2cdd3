// /usr/sbin/splitwan (Lua): the router's Platform, the commands, and exit codes.
import { EXIT_SYSTEM, SplitwanError } from "../core/errors";
import { routerPlatform } from "../router/platform";
import { run } from "./commands";

/** Every error ends as a message and an exit code, never a Lua traceback. */
function main(): void {
  // collect at 2x instead of 3x the live heap: routers have little RAM, a run is short
  collectgarbage("setpause", 100);
  const p = routerPlatform();
  let code = EXIT_SYSTEM;
  const [ok, err] = pcall(() => {
    code = run(p, [...arg]);
  });
  if (!ok) {
    const e = err as unknown;
    if (e instanceof SplitwanError) {
      code = e.code;
      p.printErr(`splitwan: ${e.message}\n`);
    } else {
      const text = e instanceof Error ? e.message : `${e}`;
      p.log("err", `internal error: ${text}`);
      p.printErr(`splitwan: internal error: ${text}\n`);
      code = EXIT_SYSTEM;
    }
  }
  p.flush();
  os.exit(code);
}

main();
