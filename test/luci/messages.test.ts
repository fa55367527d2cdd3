// The router's messages as codes: every code the backend can emit has an English template
// (src/core/messages.ts), the page has its own template for it with the same %s slots
// (src/luci/messages.ts), and the Japanese catalog translates each one.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { MESSAGES, messageText, said } from "../../src/core/messages";
import { messageTemplates, translateMessage } from "../../src/luci/messages";
import { worded } from "../../src/luci/text";
import { TOP } from "../helpers/lua";
import { en, inLanguage, ja, speak } from "./language";
import { readCatalog } from "./po";

const jaCatalog = readCatalog(join(TOP, "luci-app-splitwan/po/ja/splitwan.po"));
const slots = (s: string) => s.split("%s").length - 1;

beforeEach(() => speak(en));

/** Codes where the page says it its own way: the router's words tell a shell user to run a command. */
const PAGE_WORDS = ["status.pending", "status.reload", "status.no_forwards"];

/** Every "a.b" string literal of the code that emits messages (validation, status, DDNS,
 * the plugin), except ubus object names: the codes as the sources spell them. */
function emittedCodes(): string[] {
  const files: string[] = [];
  for (const dir of ["src/core", "src/core/ddns", "src/cli"]) {
    for (const name of readdirSync(join(TOP, dir))) if (name.endsWith(".ts") && name !== "messages.ts") files.push(join(TOP, dir, name));
  }
  const codes = new Set<string>();
  for (const f of files) {
    for (const m of readFileSync(f, "utf8").matchAll(/(ubusCall\()?"([a-z0-9_]+\.[a-z0-9_]+)"/g)) if (m[1] === undefined) codes.add(m[2]);
  }
  return [...codes].sort();
}

describe("message codes", () => {
  it("every code the backend emits has an English template", () => {
    const codes = emittedCodes();
    expect(codes.length).toBeGreaterThan(100);
    for (const c of codes) expect(MESSAGES[c], c).toBeDefined();
    // and the table holds no code nothing emits
    expect(Object.keys(MESSAGES).sort()).toEqual(codes);
  });

  it("the page has a template for every code, the router's words but where a shell command is named", () => {
    const page = messageTemplates();
    expect(Object.keys(page).sort()).toEqual(Object.keys(MESSAGES).sort());
    for (const [code, english] of Object.entries(MESSAGES)) {
      expect(slots(page[code]), code).toBe(slots(english));
      if (PAGE_WORDS.includes(code)) expect(page[code], code).not.toBe(english);
      else expect(page[code], code).toBe(english);
    }
    for (const t of Object.values(page)) expect(t).not.toMatch(/run splitwan|\/etc\/init\.d/);
  });

  it("Japanese translates every page template with the same slots", () => {
    for (const t of Object.values(messageTemplates())) {
      expect(jaCatalog[t], t).toBeTruthy();
      expect(slots(jaCatalog[t]), t).toBe(slots(t));
    }
  });

  it("words a message by its code, with its values; the router's English for a code it does not know", () => {
    const m = said("status.down", ["wanppp"]);
    expect(m).toEqual({ code: "status.down", args: ["wanppp"], text: "PPPoE (wanppp) is down: nothing is published" });
    expect(inLanguage(ja, () => translateMessage(m))).toBe("PPPoE（wanppp）が切断されています: 何も公開されていません");
    expect(inLanguage(ja, () => translateMessage(said("port.number", ["70000"])))).toBe('"70000": ポートは 1 から 65535 までの整数です');
    expect(translateMessage(said("status.no_forwards", ["wan_pppoe"]))).toBe("No port forwards are live in the firewall (chain dstnat_wan_pppoe). Restart the firewall under System → Startup.");
    expect(inLanguage(ja, () => translateMessage(said("status.pending", ["3"])))).toBe("3 件の変更がまだ適用されていません。");
    expect(inLanguage(ja, () => translateMessage({ code: "future.code", args: ["x"], text: "something new from the router" }))).toBe("something new from the router");
    // Lua writes an empty list as {}; a port error has no text (the page parses ports itself)
    expect(worded({ "value.bool": "must be 0 or 1" }, { code: "value.bool", args: {} as never })).toBe("must be 0 or 1");
    expect(worded({}, { code: "port.number", args: ["7"] })).toBe("port.number 7");
  });

  it("follows a switch of language: the cached templates are those of the `_` installed now", () => {
    // no English text: each answer comes from the templates of the language in use
    const m = { code: "status.down", args: ["wanppp"] };
    expect(translateMessage(m)).toBe("PPPoE (wanppp) is down: nothing is published");
    expect(inLanguage(ja, () => translateMessage(m))).toBe("PPPoE（wanppp）が切断されています: 何も公開されていません");
    expect(translateMessage(m)).toBe("PPPoE (wanppp) is down: nothing is published");
  });

  it("the English fills the slots in order, and names an unknown code with its values", () => {
    expect(messageText("pppd.too_long", ["300", "255"])).toBe("too long: 300 bytes, pppd takes at most 255");
    expect(messageText("no.such", ["a", "b"])).toBe("no.such a b");
  });
});
