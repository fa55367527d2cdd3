// /usr/sbin/splitwan: picks the command and loads only its modules (a hotplug-started
// `ddns` run never loads apply, an `apply` never loads DDNS or the diagnosis).
import type { Platform } from "../core/platform";
import { runEntry } from "./entry";

type Command = (p: Platform, args: string[]) => number;

/** require() of one of our modules by its router name (splitwan.cli.x). */
function command(module: string, name: string): Command {
  return (require(module) as Record<string, Command>)[name];
}

runEntry((p) => {
  const args = [...arg];
  if (args[0] === "ddns") return command("splitwan.cli.ddns", "ddnsCommand")(p, args.slice(1));
  if (args[0] === "diagnose") return command("splitwan.cli.diagnose", "diagnoseCommand")(p, args.slice(1));
  return command("splitwan.cli.commands", "run")(p, args);
});
