// apply, plan and remove, on any Platform (the Lua entry is main.ts, which loads status,
// diagnose and ddns from their own modules; tests run the same function in Node).
import { applyConfig, computeDiff, loadConfig } from "../core/apply";
import { describeChange } from "../core/diff";
import { EXIT_OK } from "../core/errors";
import { buildPlan } from "../core/plan";
import type { Platform } from "../core/platform";
import { readSystem } from "../core/system";

const USAGE = `usage: splitwan <command>
  apply            write what /etc/config/splitwan asks for, reload what changed
  plan             show what apply would change; change nothing
  remove           take out everything splitwan created
  status [--json]  configured and live state
  diagnose [--json]  self-test: each check ok / warning / fail, with its fix
  ddns <update [--force] | status>
exit: 0 ok, 1 invalid config, 2 conflict, 3 system error
`;

function plan(p: Platform): number {
  const cursor = p.cursor();
  const config = loadConfig(p, cursor);
  const diff = computeDiff(p, cursor, buildPlan(config, readSystem(cursor)));
  for (const l of diff.left) p.print(`! ${l}\n`);
  if (diff.changes.length === 0) p.print("nothing to change\n");
  for (const c of diff.changes) p.print(describeChange(c) + "\n");
  return EXIT_OK;
}

function apply(p: Platform, remove: boolean): number {
  const out = applyConfig(p, remove);
  for (const l of out.left) p.print(`! ${l}\n`);
  if (out.changes.length === 0) p.print("nothing to change\n");
  for (const c of out.changes) p.print(describeChange(c) + "\n");
  return EXIT_OK;
}

export function run(p: Platform, args: string[]): number {
  const cmd = args[0];
  switch (cmd) {
    case "apply":
      return apply(p, false);
    case "remove":
      return apply(p, true);
    case "plan":
      return plan(p);
    default:
      p.printErr(USAGE);
      return cmd === "help" || cmd === "--help" ? EXIT_OK : 1;
  }
}
