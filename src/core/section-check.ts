// The start every section check shares (servers in validate.ts, ddns in ddns/config.ts).
import type { FieldError } from "./rpc-types";
import { said } from "./messages";
import { isName } from "./text";
import { uciBool } from "./uci";

/** An error in /etc/config/splitwan, as the CLI prints it and rpcd returns it. */
export type ConfigError = FieldError;

/** Reports an error about option (undefined: the whole section) and its value (undefined
 * for secrets) as a message code with its values. */
export type ReportError = (option: string | undefined, value: string | undefined, code: string, args?: string[]) => void;

/** The error of an option of section (of the given type), with its English sentence. */
export function configError(section: string, type: string, option: string | undefined, value: string | undefined, code: string, args?: string[]): ConfigError {
  const m = said(code, args);
  return { section, type, option, value, code: m.code, args: m.args, text: m.text };
}

/** An error reporter for the section, or undefined when it is disabled and so not checked
 * further. `enabled` must be a UCI boolean; the name letters, digits and _. */
export function checkSection(section: string, type: string, enabled: string, errors: ConfigError[]): ReportError | undefined {
  const err: ReportError = (option, value, code, args) => {
    errors.push(configError(section, type, option, value, code, args));
  };
  const on = uciBool(enabled);
  if (on === undefined) err("enabled", enabled, "value.bool");
  if (on !== true) return undefined;
  if (!isName(section)) err(undefined, undefined, "section.name");
  return err;
}
