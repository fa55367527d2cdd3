// The self-test table's words: the page's templates are the core's, code for code, and
// the Japanese catalog translates every one of them with the same %s slots.
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { DIAGNOSE_MESSAGES } from "../../src/core/diagnose/messages";
import { checkLabel, diagnoseRows, diagnoseSummary, diagnoseTemplates, type DiagnoseReply } from "../../src/luci/diagnose-format";
import { TOP } from "../helpers/lua";
import { en, inLanguage, ja, speak } from "./language";
import { readCatalog } from "./po";

const jaCatalog = readCatalog(join(TOP, "luci-app-splitwan/po/ja/splitwan.po"));
const slots = (s: string) => s.split("%s").length - 1;

const REPLY: DiagnoseReply = {
  checks: [
    { id: "pppoe", verdict: "ok", code: "pppoe.ok", args: ["wanppp", "203.0.113.45"], text: "PPPoE wanppp is up with the public IPv4 203.0.113.45" },
    { id: "rules", verdict: "fail", code: "rules.missing", args: ["30011", "from 192.168.1.5 lookup 300"], text: "…" },
    { id: "server_web", verdict: "warning", code: "server.arp_only", args: ["web", "192.168.1.5", "br-lan"], text: "…" },
    { id: "ddns_home", verdict: "not-checked", code: "ddns.tool", args: ["nslookup"], text: "…" },
    { id: "future", verdict: "ok", code: "future.code", args: [], text: "a check this page does not know yet" },
  ],
  summary: { ok: 2, warning: 1, fail: 1, not_checked: 1 },
  seconds: 3,
};

beforeEach(() => speak(en));

describe("self-test panel", () => {
  it("has the core's template for every code, word for word", () => {
    expect(diagnoseTemplates()).toEqual(DIAGNOSE_MESSAGES);
  });
  it("the Japanese catalog translates every template and keeps its %s slots", () => {
    for (const t of Object.values(DIAGNOSE_MESSAGES)) {
      expect(jaCatalog[t], t).toBeTruthy();
      expect(slots(jaCatalog[t]), t).toBe(slots(t));
    }
  });
  it("rows: label, verdict and the sentence translated by code; unknown codes keep the router's text", () => {
    const rows = diagnoseRows(REPLY);
    expect(rows.map((r) => r.state)).toEqual(["ok", "error", "warn", "off", "ok"]);
    expect(rows[1].cells).toEqual(["Policy rules", "Fail", "ip rule 30011 (from 192.168.1.5 lookup 300) is missing — run /etc/init.d/network reload, then splitwan apply"]);
    expect(rows[4].cells[2]).toBe("a check this page does not know yet");
    const j = inLanguage(ja, () => diagnoseRows(REPLY));
    expect(j[0].cells).toEqual(["PPPoE セッション", "正常", "PPPoE wanppp は接続中で、グローバル IPv4 は 203.0.113.45 です"]);
    expect(j[2].cells[0]).toBe("サーバー web");
    expect(inLanguage(ja, () => diagnoseSummary(REPLY))).toBe("正常 2、警告 1、失敗 1、未確認 1（3 秒）");
  });
  it("labels per-section checks by their section", () => {
    expect(checkLabel("ddns_home")).toBe("DDNS home");
    expect(checkLabel("conflicts_pbr")).toBe("Conflicts with pbr");
    expect(inLanguage(ja, () => checkLabel("loopback"))).toBe("NAT ループバック");
  });
});
