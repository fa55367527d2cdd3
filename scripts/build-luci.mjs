// LuCI view: src/luci/view.ts → htdocs/luci-static/resources/view/splitwan/overview.js.
// LuCI evaluates a view file as the body of `function(window, document, L, <required>)`:
// leading 'require x' string directives name the classes it passes in, and the body
// must `return` the view class. esbuild's IIFE keeps the bundle a plain script; the
// appended `return` hands the class to LuCI.
import { build } from "esbuild";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** The classes the view uses, in the order LuCI loads them. */
export const REQUIRES = ["view", "form", "rpc", "uci", "ui", "poll", "dom"];

export const VIEW_FILE = "htdocs/luci-static/resources/view/splitwan/overview.js";

export async function bundleView(top) {
  const result = await build({
    entryPoints: [join(top, "src/luci/view.ts")],
    bundle: true,
    format: "iife",
    globalName: "splitwanView",
    target: "es2019",
    platform: "browser",
    charset: "utf8",
    legalComments: "none",
    write: false,
    logLevel: "warning",
  });
  const body = result.outputFiles[0].text;
  return (
    "'use strict';\n" +
    REQUIRES.map((r) => `'require ${r}';\n`).join("") +
    "\n// Generated from src/luci/*.ts by scripts/build-luci.mjs. Edit the sources, not this file.\n" +
    body +
    "\nreturn splitwanView.default;\n"
  );
}

export default async function ({ top, pkg }) {
  const text = await bundleView(top);
  const target = join(pkg, VIEW_FILE);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
  console.log(`luci: ${target} (${text.length} bytes)`);
}
