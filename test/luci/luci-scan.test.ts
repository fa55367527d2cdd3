// LuCI's own catalog tooling, run on the built package: OpenWrt builds a package's .pot
// with openwrt/luci build/i18n-scan.pl, which runs xgettext over every file it ships
// (*.js, *.lua, menu.d and acl.d JSON). A msgid reaches translators, and a translation
// reaches the page, only if that scan finds it; so the msgids xgettext finds here must
// be exactly those of our .pot (scripts/i18n.mjs reads the TypeScript sources instead).
import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error: plain ESM script without types
import { parsePo } from "../../scripts/i18n.mjs";
import { TOP } from "../helpers/lua";

const PKG = join(TOP, "luci-app-splitwan");
const POT = join(PKG, "po/templates/splitwan.pot");

// The keyword lists and options of i18n-scan.pl (openwrt/luci build/i18n-scan.pl, %keywords
// and sub xgettext), per file type.
const JS_KEYWORDS = ["_:1", "_:1,2c", "N_:2,3", "N_:2,3,4c"];
const LUA_KEYWORDS = ["_:1", "_:1,2c", "translate:1", "translate:1,2c", "translatef:1", "N_:2,3", "N_:2,3,4c", "ntranslate:2,3", "ntranslate:2,3,4c"];
const JSON_KEYWORDS = ["_:1", "_:1,2c"];

const XGETTEXT = spawnSync("xgettext", ["--version"]).status === 0;

/** The files i18n-scan.pl's `find` picks in a package directory. */
function scanned(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...scanned(p));
    else if (/\.(htm|lua|js)$/.test(name) || /\/(menu|acl)\.d\/[^/]*\.json$/.test(p)) out.push(p);
  }
  return out;
}

/** i18n-scan.pl's preprocess_json: "title" and "description" values become _() calls. */
export function wrapJson(source: string): string {
  return source.replace(/("(?:title|description)")\s*:\s*("(?:[^"\\]|\\.)*")/g, "$1: _($2)");
}

/** i18n-scan.pl's whitespace_collapse, applied to each msgid it writes. */
function collapse(s: string): string {
  return s.replace(/[\n\t]/g, " ").replace(/ {2,}/g, " ").replace(/^ /, "").replace(/ $/, "");
}

/** One file through xgettext as i18n-scan.pl runs it (source on stdin); the msgids found,
 * a msgctxt written before its msgid with \u0004 as gettext keys them. */
function xgettext(path: string): string[] {
  const ext = path.slice(path.lastIndexOf("."));
  const lang = ext === ".lua" || ext === ".htm" ? "Lua" : "JavaScript";
  const keywords = ext === ".json" ? JSON_KEYWORDS : ext === ".js" ? JS_KEYWORDS : LUA_KEYWORDS;
  const source = readFileSync(path, "utf8");
  const args = ["--from-code=UTF-8", "--no-wrap", `--language=${lang}`, ...keywords.map((k) => `--keyword=${k}`), "-o", "-", "-"];
  const r = spawnSync("xgettext", args, { input: ext === ".json" ? wrapJson(source) : source, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`xgettext ${relative(TOP, path)}: ${r.stderr}`);
  const ids: string[] = [];
  let ctx: string | undefined;
  let field: "ctx" | "id" | "other" = "other";
  let cur = "";
  const flush = () => {
    if (field === "id" && cur !== "") ids.push((ctx === undefined ? "" : `${ctx}\u0004`) + collapse(cur));
    if (field === "id") ctx = undefined;
  };
  for (const line of r.stdout.split("\n")) {
    const m = /^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?) (".*")$/.exec(line);
    if (m !== null) {
      flush();
      if (field === "ctx") ctx = cur;
      field = m[1] === "msgctxt" ? "ctx" : m[1] === "msgid" ? "id" : "other";
      cur = JSON.parse(m[2]) as string;
    } else if (line.startsWith('"')) cur += JSON.parse(line) as string;
  }
  flush();
  return ids;
}

const note = XGETTEXT ? "" : " (skipped: xgettext not found; it is in Debian's gettext package, which `make test` installs)";

describe.skipIf(!XGETTEXT)(`LuCI's i18n-scan on the built package${note}`, () => {
  it("finds exactly the msgids of po/templates/splitwan.pot", () => {
    const files = scanned(PKG);
    expect(files.map((f) => relative(PKG, f))).toEqual(
      expect.arrayContaining(["htdocs/luci-static/resources/view/splitwan/overview.js", "root/usr/share/luci/menu.d/luci-app-splitwan.json", "root/usr/share/rpcd/acl.d/luci-app-splitwan.json"]),
    );
    const found = new Set(files.flatMap(xgettext));
    const pot = new Set((parsePo(readFileSync(POT, "utf8")) as Map<string, string>).keys());
    expect(pot.size).toBeGreaterThan(300);
    // both directions: ours lists what LuCI's would not find, or misses what it would
    expect([...pot].filter((id) => !found.has(id)).sort(), "in the .pot, not found by xgettext").toEqual([]);
    expect([...found].filter((id) => !pot.has(id)).sort(), "found by xgettext, not in the .pot").toEqual([]);
  });

  it("reads _() calls as LuCI's scanner does: a renamed translator or a non-literal argument is not a msgid", () => {
    // the scan itself, so a mistake in the harness cannot pass the test above
    const probe = join(TOP, "test/luci/fixtures/xgettext-probe.js");
    expect(xgettext(probe)).toEqual(["plain", 'with "quotes"', "joined parts", "ctx\u0004with context", "one %d"]);
    expect(wrapJson('{"a": {"title": "T", "order": 1, "description": "D \\"q\\""}}')).toBe('{"a": {"title": _("T"), "order": 1, "description": _("D \\"q\\"")}}');
  });
});
