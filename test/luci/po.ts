// Translation catalogs for the tests, read with the i18n script's own .po parser.
import { readFileSync } from "node:fs";
// @ts-expect-error: plain ESM script without types
import { parsePo } from "../../scripts/i18n.mjs";

/** msgid → msgstr of a .po file. */
export function readCatalog(path: string): Record<string, string> {
  return Object.fromEntries(parsePo(readFileSync(path, "utf8")) as Map<string, string>);
}
