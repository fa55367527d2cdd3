// `splitwan ddns ...` — placeholder until the DDNS work lands (issue 3).
import type { Platform } from "../core/platform";
import { EXIT_SYSTEM } from "../core/errors";

export function ddnsCommand(p: Platform, _args: string[]): number {
  p.printErr("splitwan: ddns is not available in this build\n");
  return EXIT_SYSTEM;
}
