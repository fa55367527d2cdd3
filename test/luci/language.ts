// LuCI's `_` for the view's modules in Node. On the page it is a global of LuCI's runtime
// (the catalog's msgstr, else the msgid), and the modules call it directly (see
// src/luci/env.d.ts); a test installs one the same way before calling them.
import { join } from "node:path";
import { TOP } from "../helpers/lua";
import { readCatalog } from "./po";

export type Translate = (s: string) => string;

const jaCatalog = readCatalog(join(TOP, "luci-app-splitwan/po/ja/splitwan.po"));

/** English: the msgids themselves. */
export const en: Translate = (s) => s;
/** Japanese, looked up as LuCI does: an untranslated msgid stays English. */
export const ja: Translate = (s) => (jaCatalog[s] !== undefined && jaCatalog[s] !== "" ? jaCatalog[s] : s);

/** Installs tr as the global `_` (until the next call). */
export function speak(tr: Translate): void {
  (globalThis as { _?: Translate })._ = tr;
}

/** fn's result with tr as the global `_`; the previous `_` is put back. */
export function inLanguage<T>(tr: Translate, fn: () => T): T {
  const g = globalThis as { _?: Translate };
  const before = g._;
  g._ = tr;
  try {
    return fn();
  } finally {
    g._ = before;
  }
}
