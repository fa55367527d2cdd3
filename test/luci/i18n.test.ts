// The catalogs hold every string the page shows: the view's _() strings (the router's
// messages among them: the view words each message code, src/luci/messages.ts), the menu
// title and ACL description.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error: plain ESM script without types
import { collect, outputs, parsePo, viewStrings } from "../../scripts/i18n.mjs";
import { TOP } from "../helpers/lua";
import { VIEW_PATH } from "./server";

const POT = join(TOP, "luci-app-splitwan/po/templates/splitwan.pot");
const JA = join(TOP, "luci-app-splitwan/po/ja/splitwan.po");

const placeholders = (s: string) => s.split("%s").length - 1;

describe("translations", () => {
  it("the generated files are up to date (run node scripts/i18n.mjs)", () => {
    for (const [path, text] of outputs() as Map<string, string>) expect(readFileSync(path, "utf8"), path).toBe(text);
  });

  it("the .pot lists every collected string and nothing else", () => {
    const pot = parsePo(readFileSync(POT, "utf8")) as Map<string, string>;
    const { entries } = collect() as { entries: Array<{ msgid: string }> };
    expect([...pot.keys()].sort()).toEqual(entries.map((e) => e.msgid).sort());
    expect(pot.size).toBeGreaterThan(150);
    for (const must of ["Update DDNS now", "Split WAN", "the PPPoE user name is required", '"%s": ports are whole numbers from 1 to 65535', "Grant access to Split WAN (PPPoE beside IPoE)"]) {
      expect(pot.has(must), must).toBe(true);
    }
  });

  it("Japanese: every string translated, with the same placeholders", () => {
    const ja = parsePo(readFileSync(JA, "utf8")) as Map<string, string>;
    const pot = parsePo(readFileSync(POT, "utf8")) as Map<string, string>;
    const missing = [...pot.keys()].filter((id) => (ja.get(id) ?? "") === "");
    expect(missing).toEqual([]);
    for (const [id, str] of ja) expect(placeholders(str), id).toBe(placeholders(id));
    expect(ja.get("Save & Apply")).toBeUndefined(); // LuCI's own words stay in LuCI's catalog
    expect(ja.get("Enable")).toBe("有効化");
  });

  it("every view string is in the built file verbatim, so LuCI's lookup finds its translation", () => {
    const built = readFileSync(VIEW_PATH, "utf8");
    const { entries } = collect() as { entries: Array<{ msgid: string; refs: string[] }> };
    const fromView = entries.filter((e) => e.refs.some((r) => r.startsWith("src/luci/")));
    expect(fromView.length).toBeGreaterThan(90);
    // esbuild writes a string holding a double quote in single quotes
    const singleQuoted = (s: string) => `'${s.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
    for (const e of fromView) expect(built.includes(JSON.stringify(e.msgid)) || built.includes(singleQuoted(e.msgid)), e.msgid).toBe(true);
  });

  it("extraction: _() literals of the view, never a method called _ or a template with slots", () => {
    expect(viewStrings(`_("A"); x._("B"); _('C \\'q\\''); o.value("k", _("D"));`)).toEqual(["A", "C 'q'", "D"]);
    expect(() => viewStrings("_(`x ${y}`)")).toThrow(/template literal/);
  });
});
