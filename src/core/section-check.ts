// The start every section check shares (servers in validate.ts, ddns in ddns/config.ts).
import type { ConfigError } from "./validate";
import { isName } from "./text";
import { uciBool } from "./uci";

export type ReportError = (option: string | undefined, value: string | undefined, message: string) => void;

/** An error reporter for the section, or undefined when it is disabled and so not checked
 * further. `enabled` must be a UCI boolean; the name letters, digits and _. */
export function checkSection(section: string, enabled: string, errors: ConfigError[]): ReportError | undefined {
  const err: ReportError = (option, value, message) => {
    errors.push({ section, option, value, message });
  };
  const on = uciBool(enabled);
  if (on === undefined) err("enabled", enabled, "must be 0 or 1");
  if (on !== true) return undefined;
  if (!isName(section)) err(undefined, undefined, "section names may hold only letters, digits and _");
  return err;
}
