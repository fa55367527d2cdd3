// The view's pure logic in Node: status formatting, router errors → fields, form choices
// and the port syntax shared with the core (the message table itself: messages.test.ts).
import { beforeEach, describe, expect, it } from "vitest";
import { parsePortItem } from "../../src/core/ports";
import { deviceChoices, detectedText, leaseChoices, validateDeviceName, validatePortItem } from "../../src/luci/choices";
import { describeField, errorLines, fieldId, groupErrors } from "../../src/luci/field-errors";
import { said, messageText } from "../../src/core/messages";
import { configError } from "../../src/core/section-check";
import type { StatusReply } from "../../src/core/rpc-types";
import { ddnsRows, driftText, pppoeRows, routingRows, serverRows, summary, warningTexts } from "../../src/luci/status-format";
import { answerOf, failureText, logHint, rejectedFailure } from "../../src/luci/failure";
import { fmt, formatDuration, formatRelative, formatTime } from "../../src/luci/text";
import { en, inLanguage, ja, speak } from "./language";

// English unless a test asks for Japanese (inLanguage)
beforeEach(() => speak(en));

function status(over: Partial<StatusReply> = {}): StatusReply {
  return {
    now: 1_700_000_000,
    enabled: true,
    pppoe: { interface: "wanppp", configured: true, up: true, uptime: 90061, ipv4: "203.0.113.7", mtu: 1454, device: "pppoe-wanppp", errors: [] },
    table: { configured: true, live: true, id: 300, name: "pppoe", default_route: true },
    rules: { configured: true, live: true },
    zone: { configured: true, live: true, name: "wan_pppoe" },
    forwards: { configured: true, live: true },
    servers: [{ name: "web", enabled: true, ipaddr: "192.168.1.5", mode: "source", ports: ["80/tcp", "443/tcp"], live: true }],
    ddns: [],
    errors: [],
    drift: { changes: 0, conflicts: [] },
    warnings: [],
    ...over,
  };
}

const row = (rows: Array<{ key: string; value: string; state: string }>, key: string) => rows.find((r) => r.key === key);

describe("text helpers", () => {
  it("fmt fills %s in order and leaves extra placeholders", () => {
    expect(fmt("%s: %s", "a", 1)).toBe("a: 1");
    expect(fmt("x %s y %s", "1")).toBe("x 1 y %s");
  });
  it("durations and relative times", () => {
    expect(formatDuration(0)).toBe("0s");
    expect(formatDuration(65)).toBe("1m 5s");
    expect(formatDuration(90061)).toBe("1d 1h 1m 1s");
    expect(formatDuration(3600)).toBe("1h 0m 0s");
    expect(formatRelative(100, 400)).toBe("5m 0s ago");
    expect(formatRelative(460, 400)).toBe("in 1m 0s");
    expect(inLanguage(ja, () => formatRelative(400, 400))).toBe("たった今");
    expect(formatTime(1_700_000_000, true)).toBe("2023-11-14 22:13:20");
  });
});

describe("detection: failed, netifd silent, nothing found", () => {
  it("tells the three apart", () => {
    const none = { devices: [], leases: [], netifd: false, zones: [] };
    expect(detectedText({ ok: true, value: none })).toBe("Could not ask netifd (the network service) for the devices: choose the device the ISP's line is on.");
    expect(detectedText({ ok: true, value: { ...none, interface: "wan", device: "wan", kind: "ds-lite" } })).toBe(
      "detected: wan — DS-Lite (from the network configuration: netifd did not answer, so the device list is incomplete)",
    );
    const failed = inLanguage(ja, () => detectedText({ ok: false, failure: { kind: "missing", code: -32000 } }));
    expect(failed).toContain("IPoE WAN を検出できませんでした: ルーターに Split WAN サービス");
    expect(failed).toContain("logread -e splitwan");
  });
});

describe("failures → sentences", () => {
  const shape = (v: Record<string, unknown>) => typeof v.pppoe === "object";
  it("ubus status codes, error answers and odd replies", () => {
    expect(answerOf(7, shape)).toEqual({ ok: false, failure: { kind: "timeout", code: 7 } });
    expect(answerOf(3, shape)).toEqual({ ok: false, failure: { kind: "old", code: 3 } });
    expect(answerOf(2, shape)).toEqual({ ok: false, failure: { kind: "crashed", code: 2 } });
    expect(answerOf(6, shape)).toEqual({ ok: false, failure: { kind: "refused", code: 6 } });
    expect(answerOf({ error: "/usr/sbin/splitwan:2: bad argument #1 to 'call' (ubus.meta expected, got string)" }, shape)).toEqual({ ok: false, failure: { kind: "crashed" } });
    expect(answerOf({}, shape)).toEqual({ ok: false, failure: { kind: "invalid" } });
    expect(answerOf({ pppoe: {} }, shape)).toEqual({ ok: true, value: { pppoe: {} } });
  });
  it("rejections as rpc.js words them", () => {
    expect(rejectedFailure(new Error("RPC call to luci.splitwan/status failed with error -32000: Object not found"))).toEqual({ kind: "missing", code: -32000 });
    expect(rejectedFailure(new Error("RPC call to luci.splitwan/status failed with error -32002: Access denied"))).toEqual({ kind: "denied", code: -32002 });
    expect(rejectedFailure(new Error("RPC call to luci.splitwan/status failed with error -32003: ubus request timed out"))).toEqual({ kind: "timeout", code: -32003 });
    expect(rejectedFailure(new Error("RPC call to luci.splitwan/status failed with ubus code 7: Request timeout"))).toEqual({ kind: "timeout", code: 7 });
    expect(rejectedFailure(new Error("XHR request aborted by browser"))).toEqual({ kind: "unreachable" });
  });
  it("every kind has its own sentence, none quotes the error, all in Japanese", () => {
    const kinds = ["missing", "denied", "timeout", "unreachable", "old", "crashed", "invalid", "refused"] as const;
    const texts = kinds.map((kind) => failureText({ kind, code: 6 }));
    expect(new Set(texts).size).toBe(kinds.length);
    for (const kind of kinds) expect(inLanguage(ja, () => failureText({ kind, code: 6 }))).not.toBe(failureText({ kind, code: 6 }));
    expect(inLanguage(ja, () => logHint())).toBe("詳細はシステムログにあります（ステータス → システムログ、または logread -e splitwan）。");
  });
  it("drift: changes, conflicts, nothing when applied or invalid", () => {
    expect(driftText(status())).toBeUndefined();
    expect(driftText(status({ drift: { changes: 4, conflicts: [] } }))?.text).toContain("4 change(s) are not applied");
    const inTheWay = { changes: 0, conflicts: [said("conflict.interface", ["network.wanppp", "interface"])] };
    const c = driftText(status({ drift: inTheWay }));
    expect(c?.items).toEqual(["network.wanppp (interface) exists and was not created by splitwan: rename or delete it, or choose another option interface in /etc/config/splitwan"]);
    // worded by its code on the page, the section named as the router names it
    expect(inLanguage(ja, () => driftText(status({ drift: inTheWay }))?.items)).toEqual([
      "network.wanppp（interface）は splitwan が作ったものではありません。名前を変えるか削除するか、/etc/config/splitwan の option interface で別の名前を選んでください",
    ]);
    expect(driftText(status({ drift: { changes: 4, conflicts: [] }, errors: [configError("main", "splitwan", "mtu", "x", "mtu.range", ["1492"])] }))).toBeUndefined();
    // written but never reloaded: the page asks to apply again
    expect(driftText(status({ drift: { changes: 0, conflicts: [], reload: ["network", "firewall"] } }))?.text).toBe(
      "The configuration is written, but network, firewall still run the old one: the last apply stopped before reloading them. Apply again.",
    );
    expect(inLanguage(ja, () => driftText(status({ drift: { changes: 0, conflicts: [], reload: ["network"] } }))?.text)).toContain("network はまだ古い設定で動いています");
  });
});

describe("router errors → fields", () => {
  // as the router sends them (core validation's own constructor)
  const errors = [
    configError("main", "splitwan", "mtu", "9000", "mtu.range", ["1492"]),
    configError("web", "server", "port", "70000/udp", "port.number", ["70000"]),
    configError("web", "server", "port", "1-0", "port.range_order", ["1-0"]),
    configError("web", "server", "port", "70000/udp", "port.number", ["70000"]),
    configError("bad name", "server", undefined, undefined, "section.name"),
  ];
  it("groups per field with LuCI's field id, section errors apart, each message once", () => {
    const g = groupErrors(errors);
    expect(g.fields.map((f) => [f.field, f.messages])).toEqual([
      ["cbid.splitwan.main.mtu", ["must be a whole number from 576 to 1492, PPPoE's maximum (1454 for NTT FLET'S)"]],
      ["cbid.splitwan.web.port", ['"70000": ports are whole numbers from 1 to 65535', '"1-0": a range goes from the lower port to the higher']],
    ]);
    expect(g.general.map((e) => e.section)).toEqual(["bad name"]);
    expect(fieldId("game", "ipaddr")).toBe("cbid.splitwan.game.ipaddr");
  });
  it("lists them in the user's language, naming the field as the form does", () => {
    expect(inLanguage(ja, () => errorLines(errors))).toEqual([
      `PPPoE › MTU: ${ja("must be a whole number from 576 to %s, PPPoE's maximum (1454 for NTT FLET'S)").replace("%s", "1492")}`,
      'サーバー「web」 › ポート: "70000": ポートは 1 から 65535 までの整数です; "1-0": 範囲は小さいポートから大きいポートの順に指定してください',
      `サーバー「bad name」: ${ja("section names may hold only letters, digits and _")}`,
    ]);
    expect(ja("section names may hold only letters, digits and _")).not.toBe("section names may hold only letters, digits and _");
  });
  it("names the field in the form's words", () => {
    expect(describeField("main", "mtu", "splitwan")).toBe("PPPoE › MTU");
    expect(describeField("web", "port", "server")).toBe("Server “web” › Ports");
    expect(inLanguage(ja, () => describeField("home", "token", "ddns"))).toBe("DDNS「home」 › API トークン");
    expect(describeField("main", undefined, undefined)).toBe("PPPoE");
  });
});

describe("status panel", () => {
  it("PPPoE up: connected, uptime, public IPv4, all live", () => {
    const st = status();
    const p = pppoeRows(st);
    expect(row(p, "state")).toMatchObject({ value: "Connected", state: "ok" });
    expect(row(p, "uptime")?.value).toBe("1d 1h 1m 1s");
    expect(row(p, "ipv4")?.value).toBe("203.0.113.7");
    expect(routingRows(st).map((r) => [r.key, r.value, r.state])).toEqual([
      ["table", "Live: table 300 (pppoe)", "ok"],
      ["rules", "Live", "ok"],
      ["zone", "Live: wan_pppoe", "ok"],
      ["forwards", "Live", "ok"],
    ]);
    expect(serverRows(st)).toEqual([{ name: "web", ipaddr: "192.168.1.5", mode: "All traffic", ports: "80/tcp, 443/tcp", published: "203.0.113.7: 80/tcp, 443/tcp", state: "ok" }]);
    expect(summary(st)).toEqual({ text: "PPPoE up, public IPv4 203.0.113.7", state: "ok" });
    const v6 = status({ servers: [{ name: "web", enabled: true, ipaddr: "192.168.1.5", mode: "reply-only", ports: ["443/tcp"], ip6_suffix: "::5", live: true }] });
    expect(serverRows(v6)[0].published).toBe("203.0.113.7: 443/tcp; IPv6 to the suffix ::5");
  });
  it("PPPoE down, connecting, failed, disabled, not applied", () => {
    const down = status({ pppoe: { interface: "wanppp", configured: true, up: false } });
    expect(row(pppoeRows(down), "state")).toMatchObject({ value: "Disconnected", state: "error" });
    expect(row(pppoeRows(down), "ipv4")).toBeUndefined();
    const emptyTable = status({ pppoe: { interface: "wanppp", configured: true, up: false }, table: { configured: true, live: false, id: 300, default_route: false } });
    expect(routingRows(emptyTable)[0]).toMatchObject({ value: "Empty while PPPoE is down", state: "off" });
    expect(serverRows(down)[0]).toMatchObject({ published: "(PPPoE down): 80/tcp, 443/tcp", state: "warn" });
    expect(summary(down).state).toBe("error");
    const pending = status({ pppoe: { interface: "wanppp", configured: true, up: false, pending: true } });
    expect(row(inLanguage(ja, () => pppoeRows(pending)), "state")?.value).toBe("接続中…");
    const failed = status({ pppoe: { interface: "wanppp", configured: true, up: false, errors: ["AUTH_FAILED", "X_NEW"] } });
    expect(row(pppoeRows(failed), "state")).toMatchObject({ value: "Error: authentication failed: check username and password, X_NEW", state: "error" });
    expect(row(pppoeRows(status({ enabled: false })), "state")).toMatchObject({ value: "Disabled", state: "off" });
    expect(row(pppoeRows(status({ pppoe: { interface: "wanppp", configured: false, up: false } })), "state")?.state).toBe("warn");
  });
  it("Lua's empty objects for empty lists are read as empty lists", () => {
    const st = status({ servers: {} as never, warnings: {} as never, errors: {} as never, pppoe: { interface: "wanppp", configured: true, up: false, errors: {} as never } });
    expect(serverRows(st)).toEqual([]);
    expect(warningTexts(st)).toEqual([]);
    expect(row(pppoeRows(st), "state")?.value).toBe("Disconnected");
  });
  it("PPPoE up without a default route in the table is an error", () => {
    const st = status({ table: { configured: true, live: false, id: 300, default_route: false } });
    expect(routingRows(st)[0]).toMatchObject({ value: "No default route in the table", state: "error" });
  });
  it("DDNS: success, record behind the PPPoE address, failure, never tried", () => {
    const st = status({
      ddns: [
        { name: "home", provider: "value-domain", enabled: true, host: "www.example.jp", last_attempt: 1_699_999_700, last_success: 1_699_999_700, ip_sent: "203.0.113.7", answer: "status=0" },
        { name: "old", provider: "mydns", enabled: true, last_attempt: 1_699_999_000, last_success: 1_699_999_000, ip_sent: "198.51.100.1" },
        { name: "cf", provider: "cloudflare", enabled: true, last_attempt: 1_699_999_900, message: said("ddns.no_answer", ["Cloudflare", "timeout"]), next_retry: 1_700_000_060 },
        { name: "new", provider: "value-domain", enabled: true },
      ],
    });
    const rows = ddnsRows(st);
    expect(rows.map((r) => r.state)).toEqual(["ok", "warn", "error", "warn"]);
    expect(rows[0]).toMatchObject({ name: "home (www.example.jp)", provider: "Value Domain", ipSent: "203.0.113.7" });
    expect(rows[0].lastSuccess).toContain("(5m 0s ago)");
    expect(rows[2].nextRetry).toContain("(in 1m 0s)");
    expect(inLanguage(ja, () => ddnsRows(st))[2].answer).toBe("Cloudflare から応答がありません: timeout");
    expect(rows[0].answer).toBe("status=0"); // the provider's own answer, as it came
    expect(rows[3].lastAttempt).toBe("never");
  });
  it("warnings: the router's validation errors by field, then its warnings, translated", () => {
    const st = status({
      errors: [configError("web", "server", "ipaddr", "x", "ipaddr.syntax")],
      warnings: [said("status.down", ["wanppp"])],
    });
    expect(warningTexts(st)).toEqual(["Server “web” › LAN address: not an IPv4 address (write it without /32)", "PPPoE (wanppp) is down: nothing is published"]);
    expect(inLanguage(ja, () => warningTexts(st))).toEqual(["サーバー「web」 › LAN アドレス: " + ja("not an IPv4 address (write it without /32)"), "PPPoE（wanppp）が切断されています: 何も公開されていません"]);
    expect(summary(st)).toEqual({ text: "The configuration is invalid and was not applied", state: "error" });
  });
});

describe("form choices and checks", () => {
  it("port items: the core's parser, its message translated", () => {
    for (const ok of ["80,443/tcp", "19132/udp", "27015-27030/both", "2222:22/tcp", "", " "]) expect(validatePortItem(ok)).toBe(true);
    for (const bad of ["70000/tcp", "80/icmp", "30-20", "1000-1010:22", "a"]) {
      const core = parsePortItem(bad);
      expect(core.ok).toBe(false);
      expect(validatePortItem(bad)).toBe(core.ok ? true : messageText(core.error.code, core.error.args));
    }
    expect(inLanguage(ja, () => validatePortItem("80/icmp"))).toBe('"80/icmp": プロトコルは tcp、udp、both のいずれかです');
  });
  it("device names as netifd takes them", () => {
    expect(validateDeviceName("eth1")).toBe(true);
    expect(validateDeviceName("lan1.10")).toBe(true);
    expect(validateDeviceName("")).toBe(true);
    expect(validateDeviceName("a-very-long-device")).toBe("A device name has at most 15 characters");
    expect(validateDeviceName("eth 1")).toBe("A device name cannot contain “ ”");
  });
  it("detected WAN first and marked; leases sorted by address", () => {
    const d = { interface: "wan", device: "wan", kind: "map-e" as const, devices: ["br-lan", "lan1", "wan"], leases: [], netifd: true, zones: ["lan"] };
    expect(detectedText({ ok: true, value: d })).toBe("detected: wan — MAP-E");
    expect(detectedText({ ok: true, value: { devices: [], leases: [], netifd: true, zones: [] } })).toBe("No IPoE WAN detected: choose the device the ISP's line is on.");
    expect(deviceChoices(d)).toEqual([["wan", "wan (detected: wan — MAP-E)"], ["br-lan", "br-lan"], ["lan1", "lan1"]]);
    expect(
      leaseChoices([
        { ipaddr: "192.168.1.20", hostname: "game" },
        { ipaddr: "192.168.1.5", hostname: "*", macaddr: "aa:bb" },
        { ipaddr: "192.168.1.5", hostname: "dup" },
        { ipaddr: "fd00::1", hostname: "v6" },
      ]),
    ).toEqual([["192.168.1.5", "192.168.1.5 (aa:bb)"], ["192.168.1.20", "192.168.1.20 (game)"]]);
  });
});
