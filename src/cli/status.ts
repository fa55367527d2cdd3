// `splitwan status [--json]`: configured and live state, with warnings in plain words.
import { EXIT_OK } from "../core/errors";
import { jsonEncode } from "../core/json";
import type { Platform } from "../core/platform";
import { collectStatus, formatStatus } from "../core/status";

export function statusCommand(p: Platform, args: string[]): number {
  const s = collectStatus(p);
  p.print(args.includes("--json") ? jsonEncode(s, true) + "\n" : formatStatus(s));
  return EXIT_OK;
}
