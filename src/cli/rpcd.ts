// `splitwan rpcd list|call <method>` — placeholder until the LuCI work lands (issue 5).
import type { Platform } from "../core/platform";

export function rpcdCommand(p: Platform, _args: string[]): number {
  p.print("{}\n");
  return 0;
}
