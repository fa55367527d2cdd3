// The LuCI page in a real browser: headless Chromium (Debian's), driven by playwright-core,
// loads the built view through the stand-in LuCI runtime (test/luci/standin/) and talks
// to the fake backend (real plugin and apply code, canned netifd/ip/nft answers).
// Screenshots: test-output/luci/.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, type Page, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TOP } from "../helpers/lua";
import { FAILURES, FakeBackend, PPPOE_IP, type Scenario, recordedAnswer } from "./fake-backend";
import { VIEW_PATH, startServer } from "./server";

// what the waitForFunction callbacks touch in the page (this file compiles without DOM libs)
declare const document: { querySelector(selector: string): { textContent: string | null } | null };

const CHROMIUM = "/usr/bin/chromium";
const SHOTS = join(TOP, "test-output/luci");
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

const haveChromium = existsSync(CHROMIUM);
// Japanese screenshots need a CJK font (Debian: fonts-ipafont-gothic or fonts-noto-cjk)
const cjk = spawnSync("fc-list", [":lang=ja"], { encoding: "utf8" });
if (haveChromium && (cjk.status !== 0 || cjk.stdout.trim() === "")) console.warn("no Japanese font installed: ja-*.png will show boxes (the text checks still run)");
if (!haveChromium) console.warn(`SKIPPING the LuCI browser test: ${CHROMIUM} is missing (make deps installs it)`);

describe.skipIf(!haveChromium)("LuCI page in Chromium", () => {
  let backend: FakeBackend;
  let server: Server;
  let base: string;
  let context: BrowserContext;
  let profile: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!existsSync(VIEW_PATH)) throw new Error(`${VIEW_PATH} missing: run npm run build`);
    mkdirSync(SHOTS, { recursive: true });
    backend = new FakeBackend();
    ({ server, url: base } = await startServer(backend));
    profile = mkdtempSync(join(tmpdir(), "splitwan-chromium-"));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: FLAGS,
      viewport: { width: 1200, height: 900 },
      timezoneId: "UTC",
    });
    context.setDefaultTimeout(10000);
  });

  afterAll(async () => {
    await context?.close();
    server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    if (backend) rmSync(backend.root, { recursive: true, force: true });
  });

  async function open(lang: "en" | "ja", scenario: Scenario, theme: "light" | "dark" = "light"): Promise<Page> {
    backend.scenario = scenario;
    const page = await context.newPage();
    page.on("pageerror", (e) => pageErrors.push(e.message));
    page.on("console", (m) => {
      if (m.type() === "error") pageErrors.push(m.text());
    });
    const t0 = Date.now();
    await page.goto(`${base}/?lang=${lang}&theme=${theme}`);
    await page.waitForSelector("body[data-view-ready], body[data-view-error]");
    console.log(`[luci] ${lang}/${scenario}: page to rendered view in ${Date.now() - t0} ms`);
    expect(await page.getAttribute("body", "data-view-error")).toBeNull();
    return page;
  }

  const text = (page: Page, sel: string) => page.locator(sel).innerText();
  /** Opens one of the form's tabs (LuCI's ui.tabs menu). */
  const tab = (page: Page, name: string) => page.click(`.cbi-tabmenu li[data-tab="${name}"] a`);

  it("renders the status for PPPoE up, with servers and DDNS", async () => {
    const page = await open("en", "up");
    expect(await text(page, "#splitwan-pppoe tr[data-key=state]")).toContain("Connected");
    expect(await text(page, "#splitwan-pppoe tr[data-key=ipv4]")).toContain(PPPOE_IP);
    expect(await text(page, "#splitwan-pppoe tr[data-key=uptime]")).toContain("1h 2m 5s");
    expect(await text(page, "#splitwan-routing tr[data-key=table]")).toContain("Live");
    expect(await text(page, "#splitwan-servers")).toContain(`${PPPOE_IP}: 80/tcp, 443/tcp`);
    expect(await text(page, "#splitwan-ddns")).toContain("updated");
    await page.screenshot({ path: join(SHOTS, "en-up.png"), fullPage: true });
    await page.close();
    expect(pageErrors).toEqual([]);
  });

  const field = (page: Page, section: string, option: string, sel = "input") => page.locator(`[data-field="cbid.splitwan.${section}.${option}"] ${sel}`);

  it("checks fields in the browser (LuCI datatypes, the core's port parser) and refuses to save", async () => {
    const page = await open("en", "up");
    await tab(page, "servers");
    const port = field(page, "web", "port", "input.standin-item").first();
    await port.fill("70000/tcp");
    expect(await port.getAttribute("class")).toContain("cbi-input-invalid");
    expect(await port.getAttribute("title")).toBe('"70000": ports are whole numbers from 1 to 65535');
    await tab(page, "pppoe");
    const mtu = field(page, "main", "mtu");
    await mtu.fill("9000");
    expect(await mtu.getAttribute("class")).toContain("cbi-input-invalid");
    await tab(page, "servers");
    const v6 = field(page, "web", "ip6_suffix");
    await v6.fill("::zz");
    expect(await v6.getAttribute("class")).toContain("cbi-input-invalid");
    await v6.fill("::5");
    expect(await v6.getAttribute("class")).not.toContain("cbi-input-invalid");
    await v6.fill("");
    await page.screenshot({ path: join(SHOTS, "en-invalid.png"), fullPage: true });

    const before = backend.calls.length;
    await page.click(".cbi-page-actions .cbi-button-save");
    await page.waitForSelector("#notifications .alert-message.error");
    expect(backend.calls.slice(before).filter((c) => c.object === "uci" && c.method !== "get")).toEqual([]);
    await page.close();
  });

  it("adds a server, checks it on the router, applies with rollback and shows the new state", async () => {
    const page = await open("en", "up");
    await tab(page, "servers");
    await field(page, "web", "port", "input.standin-item").first().fill("80,443/tcp");
    await field(page, "web", "port", "button.standin-add-item").click();
    await field(page, "web", "port", "input.standin-item").nth(1).fill("8080/tcp");
    await page.fill("#cbi-splitwan-server .cbi-section-create-name", "game");
    await page.click("#cbi-splitwan-server .cbi-button-add");
    await field(page, "game", "ipaddr").fill("192.168.1.20");
    await field(page, "game", "mode", "select").selectOption("reply-only");
    await field(page, "game", "port", "input.standin-item").first().fill("19132/udp");
    const t0 = Date.now();
    await page.click(".cbi-page-actions .cbi-button-apply");
    await page.waitForSelector("#notifications .alert-message.notice");

    const writes = backend.calls.filter((c) => c.object === "uci" && c.method !== "get");
    expect(writes).toEqual([
      { object: "uci", method: "add", args: { config: "splitwan", type: "server", name: "game", values: { enabled: "1", ipaddr: "192.168.1.20", zone: "lan", mode: "reply-only", port: ["19132/udp"] } } },
      // the detected device and the default zone are pre-selected, so the first save writes them
      { object: "uci", method: "set", args: { config: "splitwan", section: "main", values: { device: "wan" } } },
      { object: "uci", method: "set", args: { config: "splitwan", section: "web", values: { zone: "lan", port: ["80,443/tcp", "8080/tcp"] } } },
      { object: "uci", method: "apply", args: { rollback: true, timeout: 90 } },
      { object: "uci", method: "confirm", args: {} },
    ]);
    // the router checked the staged sections before apply
    const check = backend.callsTo("luci.splitwan", "validate").at(-2);
    expect((check?.args.sections as Array<{ name: string }>).map((s) => s.name)).toEqual(["main", "web", "home", "game"]);
    // after uci-applied: the status shows the new server without a reload
    await page.waitForFunction(() => document.querySelector("#splitwan-servers")?.textContent?.includes("19132/udp"));
    console.log(`[luci] Save & Apply click to new state in the status panel: ${Date.now() - t0} ms`);
    expect(await text(page, "#splitwan-servers")).toContain("Replies only");
    await page.screenshot({ path: join(SHOTS, "en-applied.png"), fullPage: true });
    await page.close();
  });

  it("shows the router's verdict next to the field and does not apply (why the view gates Save & Apply)", async () => {
    const page = await open("en", "up");
    await tab(page, "servers");
    await field(page, "game", "ipaddr").fill("192.168.1.5"); // valid IPv4, but web has it
    const applies = backend.callsTo("uci", "apply").length;
    await page.click(".cbi-page-actions .cbi-button-apply");
    const err = page.locator('[data-error-for="cbid.splitwan.game.ipaddr"]');
    await err.waitFor();
    expect(await err.innerText()).toBe("another server has the same address: put all its ports in one server");
    expect(await text(page, "#splitwan-check")).toContain("Server “game” › LAN address: another server has the same address");
    expect(backend.callsTo("uci", "apply").length).toBe(applies);
    await page.screenshot({ path: join(SHOTS, "en-router-error.png"), fullPage: true });
    // put it right again for the tests that follow
    await field(page, "game", "ipaddr").fill("192.168.1.20");
    await page.click(".cbi-page-actions .cbi-button-apply");
    await page.waitForFunction(() => document.querySelector("#splitwan-check")?.textContent === "");
    await page.close();
  });

  it("advanced settings: LuCI datatypes in the browser, the full rules on the router", async () => {
    const page = await open("en", "up");
    await tab(page, "advanced");
    const table = field(page, "main", "table");
    await table.fill("abc");
    expect(await table.getAttribute("class")).toContain("cbi-input-invalid");
    await table.fill("253"); // a number in range for the browser; reserved for the kernel
    expect(await table.getAttribute("class")).not.toContain("cbi-input-invalid");
    const applies = backend.callsTo("uci", "apply").length;
    await page.click(".cbi-page-actions .cbi-button-apply");
    const err = page.locator('[data-error-for="cbid.splitwan.main.table"]');
    await err.waitFor();
    expect(await err.innerText()).toBe("must be a whole number from 1 to 2147483647, not 253, 254 or 255 (reserved)");
    expect(await text(page, "#splitwan-check")).toContain("PPPoE › Routing table: must be");
    expect(backend.callsTo("uci", "apply").length).toBe(applies);
    await table.fill("");
    await page.click(".cbi-page-actions .cbi-button-apply");
    await page.waitForFunction(() => document.querySelector("#splitwan-check")?.textContent === "");
    expect(backend.callsTo("uci", "delete").at(-1)?.args).toEqual({ config: "splitwan", section: "main", options: ["table"] });
    await page.close();
  });

  it("renders PPPoE down and PPPoE failed in plain words", async () => {
    let page = await open("en", "down");
    expect(await text(page, "#splitwan-pppoe tr[data-key=state]")).toContain("Connecting…");
    expect(await text(page, "#splitwan-warnings")).toContain("PPPoE (wanppp) is down: nothing is published");
    expect(await page.locator("#splitwan-pppoe tr[data-key=ipv4]").count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, "en-down.png"), fullPage: true });
    await page.close();

    page = await open("en", "error");
    expect(await text(page, "#splitwan-pppoe tr[data-key=state]")).toContain("Error: authentication failed: check username and password");
    expect(await page.getAttribute("#splitwan-pppoe tr[data-key=state]", "data-state")).toBe("error");
    expect(await text(page, "#splitwan-pppoe tr[data-key=state] .label")).toMatch(/error/i);
    await page.screenshot({ path: join(SHOTS, "en-error.png"), fullPage: true });
    await page.close();
  });

  it("refreshes the status by itself (LuCI poll)", async () => {
    const page = await open("en", "up");
    expect(await text(page, "#splitwan-pppoe tr[data-key=state]")).toContain("Connected");
    backend.scenario = "error";
    await page.waitForFunction(() => document.querySelector("#splitwan-pppoe tr[data-key=state]")?.textContent?.includes("authentication failed"), undefined, { timeout: 10000 });
    await page.close();
  });

  it("runs the actions and shows their results inline", async () => {
    const page = await open("en", "up");
    backend.ubusCalls = [];
    await page.click("#splitwan-reconnect");
    await page.waitForFunction(() => document.querySelector("#splitwan-action-result")?.textContent?.includes("reconnecting"));
    expect(await text(page, "#splitwan-action-result")).toBe("PPPoE wanppp is reconnecting");
    const ifCalls = backend.ubusCalls.filter((c) => c.startsWith("network.interface.wanppp") && !c.endsWith("status"));
    expect(ifCalls).toEqual(["network.interface.wanppp down", "network.interface.wanppp up"]);

    await page.click("#splitwan-ddns-update");
    await page.waitForFunction(() => document.querySelector("#splitwan-action-result")?.textContent?.includes("ddns update"));
    // the test platform is a dry run (SPLITWAN_ROOT): the plugin says what it would start
    expect(await text(page, "#splitwan-action-result")).toContain("would run: /usr/sbin/splitwan ddns update --force");
    expect(backend.callsTo("luci.splitwan", "ddns_update").at(-1)?.args).toEqual({ name: "", force: true });
    await page.close();
    expect(pageErrors).toEqual([]);
  });

  it("shows router and network data as text, never as markup", async () => {
    backend.setDdnsMessage("ddns.no_answer", ["Value Domain", '<img id="pwned-ddns" src="x">answer']);
    backend.addLease("192.168.1.66", "<b_id=pwned>evil");
    const page = await open("en", "up");
    expect(await page.locator("#pwned-ddns").count()).toBe(0);
    expect(await text(page, "#splitwan-ddns")).toContain('no answer from Value Domain: <img id="pwned-ddns" src="x">answer');
    const labels = await page.locator('[data-field="cbid.splitwan.web.ipaddr"] datalist option').allTextContents();
    expect(labels).toContain("192.168.1.66 (b_idpwnedevil)");
    expect(labels).toContain("192.168.1.5 (nas-web)");
    await page.close();
    backend.ddnsUpdated();
  });

  it("speaks Japanese: status, form, the core's messages, the router's verdict", async () => {
    let page = await open("ja", "up");
    expect(await text(page, "#splitwan-pppoe tr[data-key=state]")).toContain("接続済み");
    expect(await text(page, "#splitwan-pppoe tr[data-key=uptime]")).toContain("1h 2m 5s");
    expect(await text(page, "#splitwan-status")).toContain(`PPPoE 接続中、グローバル IPv4 ${PPPOE_IP}`);
    expect(await text(page, "#splitwan-ddns-update")).toBe("今すぐ DDNS を更新");
    expect(await text(page, "#cbi-splitwan-main-username label")).toBe("PPPoE ユーザー名");
    expect(await text(page, "#splitwan-servers")).toContain("応答のみ");
    // the DDNS result arrives as a code (ddns.updated) and is worded by the page
    expect(await text(page, "#splitwan-ddns")).toContain("更新しました");
    await page.screenshot({ path: join(SHOTS, "ja-up.png"), fullPage: true });

    await tab(page, "servers");
    expect(await text(page, '.cbi-tabmenu li[data-tab="servers"]')).toBe("サーバー");
    const port = field(page, "web", "port", "input.standin-item").first();
    await port.fill("70000/tcp");
    expect(await port.getAttribute("title")).toBe('"70000": ポートは 1 から 65535 までの整数です');
    await port.fill("80,443/tcp");

    await field(page, "game", "ipaddr").fill("192.168.1.5");
    await page.click(".cbi-page-actions .cbi-button-apply");
    const err = page.locator('[data-error-for="cbid.splitwan.game.ipaddr"]');
    await err.waitFor();
    expect(await err.innerText()).toBe("同じアドレスの別のサーバーがあります: ポートは 1 つのサーバーにまとめてください");
    expect(await text(page, "#splitwan-check")).toContain("サーバー「game」 › LAN アドレス");
    await page.screenshot({ path: join(SHOTS, "ja-router-error.png"), fullPage: true });
    await field(page, "game", "ipaddr").fill("192.168.1.20");
    await page.click(".cbi-page-actions .cbi-button-apply");
    await page.waitForFunction(() => document.querySelector("#splitwan-check")?.textContent === "");
    await page.close();

    page = await open("ja", "error");
    expect(await text(page, "#splitwan-pppoe tr[data-key=state] td:last-child")).toBe("エラー: 認証に失敗しました: ユーザー名とパスワードを確認してください");
    expect(await text(page, "#splitwan-warnings")).toContain("PPPoE（wanppp）が切断されています: 何も公開されていません");
    await page.screenshot({ path: join(SHOTS, "ja-error.png"), fullPage: true });
    await page.close();

    page = await open("ja", "down");
    expect(await text(page, "#splitwan-pppoe tr[data-key=state] td:last-child")).toBe("接続中…");
    await page.screenshot({ path: join(SHOTS, "ja-down.png"), fullPage: true });
    await page.close();
    expect(pageErrors).toEqual([]);
  });

  // ---- the page with the Lua plugin's recorded answers (test/luci/recorded/) ----

  /** Every text a LuCI user sees must be free of shell instructions and raw errors. */
  async function noShellWords(page: Page): Promise<void> {
    const all = await page.locator("#view").innerText();
    expect(all).not.toMatch(/run splitwan|\bssh\b|\/etc\/init\.d|bad argument|ubus\.meta|RPC call|\/usr\/sbin/i);
  }

  const recordings = () => ({ status: recordedAnswer("status-up"), detect: recordedAnswer("detect") });

  for (const lang of ["en", "ja"] as const) {
    for (const theme of ["light", "dark"] as const) {
      it(`recorded answers (${lang}, ${theme}): status panel, detection, tabs, theme`, async () => {
        backend.recorded = recordings();
        const page = await open(lang, "up", theme);
        const st = recordedAnswer("status-up") as { pppoe: { ipv4: string } };
        expect(await text(page, "#splitwan-pppoe tr[data-key=ipv4] td:last-child")).toBe(st.pppoe.ipv4);
        expect(await page.getAttribute("#splitwan-summary", "data-state")).toBe("ok");
        expect(await text(page, "#splitwan-routing tr[data-key=forwards] td:last-child")).toBe(lang === "en" ? "Live" : "反映済み");
        expect(await page.locator("#splitwan-drift").count()).toBe(0); // applied: nothing to offer
        // detection from the recording, in the device field's description
        const detected = await text(page, '[data-field="cbid.splitwan.main.device"] .cbi-value-description');
        expect(detected).toBe(lang === "en" ? "detected: wan — MAP-E" : "検出: wan — MAP-E");
        // four tabs; the form's sections live in them
        expect(await page.locator(".cbi-tabmenu li").evaluateAll((lis) => lis.map((li) => li.getAttribute("data-tab")))).toEqual(["pppoe", "servers", "ddns", "advanced"]);
        expect(await page.locator('[data-tab="servers"][data-tab-active="true"]').count()).toBe(0);
        await page.screenshot({ path: join(SHOTS, `${lang}-recorded-${theme}.png`), fullPage: true });
        await tab(page, "servers");
        // the zone choice lists the router's zones from detect (not wan, not splitwan's own)
        const zones = await field(page, "web", "zone", "select option").evaluateAll((os) => os.map((o) => o.getAttribute("value")));
        expect(zones).toEqual((recordedAnswer("detect") as { zones: string[] }).zones);
        // the table's selects show their whole labels (real LuCI clipped routing mode to "All traff")
        for (const option of ["mode", "zone"]) {
          const fit = await field(page, "web", option, "select").evaluate((sel) => {
            const s = sel as unknown as { clientWidth: number; options: Array<{ text: string }>; ownerDocument: { createElement(t: string): { getContext(c: string): { font: string; measureText(t: string): { width: number } } } } };
            const style = (globalThis as unknown as { getComputedStyle(e: unknown): { font: string } }).getComputedStyle(sel);
            const ctx = s.ownerDocument.createElement("canvas").getContext("2d");
            ctx.font = style.font;
            return { widest: Math.max(...Array.from(s.options, (o) => ctx.measureText(o.text).width)), width: s.clientWidth };
          });
          expect(fit.width, option).toBeGreaterThanOrEqual(fit.widest + 16); // + padding and the arrow
        }
        await page.screenshot({ path: join(SHOTS, `${lang}-servers-${theme}.png`), fullPage: true });
        // DDNS sits in its tab as its own section type; depends still work inside it
        await tab(page, "ddns");
        expect(await field(page, "home", "domain").isVisible()).toBe(true);
        await field(page, "home", "provider", "select").selectOption("mydns");
        expect(await field(page, "home", "domain").isVisible()).toBe(false);
        expect(await field(page, "home", "username").isVisible()).toBe(true);
        // the theme decides the colours: the dark theme's page background is dark
        const bg = await page.evaluate(() => (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }).getComputedStyle((globalThis as unknown as { document: { body: unknown } }).document.body).backgroundColor);
        const [r, g, b] = (bg.match(/\d+/g) ?? []).map(Number);
        expect(theme === "dark" ? r + g + b < 200 : r + g + b > 600).toBe(true);
        await noShellWords(page);
        await page.close();
        backend.recorded = {};
      });
    }
  }

  it("recorded: saved but not applied, the page says so and Apply now applies", async () => {
    backend.recorded = { status: recordedAnswer("status-pending"), detect: recordedAnswer("detect"), apply: recordedAnswer("apply-ok") };
    backend.statusAfterApply = recordedAnswer("status-after-apply");
    const page = await open("en", "up");
    const pending = recordedAnswer("status-pending") as { drift: { changes: number } };
    expect(await text(page, "#splitwan-drift")).toContain(`${pending.drift.changes} change(s) are not applied`);
    // the warning box's bullets stay inside the box (real LuCI: they hung outside)
    const inside = await page.locator("#splitwan-warnings li").first().evaluate((li) => {
      const box = (li as unknown as { closest(s: string): { getBoundingClientRect(): { left: number } } }).closest(".alert-message");
      return (li as unknown as { getBoundingClientRect(): { left: number } }).getBoundingClientRect().left - box.getBoundingClientRect().left;
    });
    expect(inside).toBeGreaterThanOrEqual(16); // room for the disc marker, left of the text
    await noShellWords(page);
    await page.screenshot({ path: join(SHOTS, "en-pending.png"), fullPage: true });
    await page.click("#splitwan-apply");
    await page.waitForFunction(() => document.querySelector("#splitwan-apply-result")?.textContent?.includes("Applied"));
    const applied = recordedAnswer("apply-ok") as { changes: string[] };
    expect(await text(page, "#splitwan-apply-result")).toBe(`Applied ${applied.changes.length} change(s).`);
    expect(backend.callsTo("luci.splitwan", "apply")).toHaveLength(1);
    // the status asked again after apply: nothing left to apply
    await page.waitForFunction(() => document.querySelector("#splitwan-drift") === null);
    await page.close();
    backend.recorded = {};
    backend.statusAfterApply = undefined;
  });

  it("recorded: a hand-made section in the way is named, and Apply now says it changed nothing", async () => {
    backend.recorded = { status: recordedAnswer("status-conflict"), detect: recordedAnswer("detect"), apply: recordedAnswer("apply-conflict") };
    const page = await open("ja", "up");
    // the router's code, worded in Japanese, with the section as the router names it
    expect(await text(page, "#splitwan-drift li")).toContain("network.wanppp（interface）は splitwan が作ったものではありません");
    await page.click("#splitwan-apply");
    await page.waitForFunction(() => (document.querySelector("#splitwan-apply-result")?.textContent ?? "").includes("network.wanppp"));
    expect(await text(page, "#splitwan-apply-result")).toContain("何も変更していません");
    expect(await text(page, "#splitwan-apply-result")).toContain("option interface で別の名前を選んでください");
    await noShellWords(page);
    await page.screenshot({ path: join(SHOTS, "ja-conflict.png"), fullPage: true });
    await page.close();
    backend.recorded = {};
  });

  it("recorded: the router's validation errors in the status, worded by code in Japanese", async () => {
    backend.recorded = { status: recordedAnswer("status-invalid"), detect: recordedAnswer("detect") };
    const page = await open("ja", "up");
    expect(await page.getAttribute("#splitwan-summary", "data-state")).toBe("error");
    expect(await text(page, "#splitwan-summary")).toBe("設定が無効なため適用されていません");
    const items = await page.locator("#splitwan-warnings li").allInnerTexts();
    expect(items).toEqual([
      "PPPoE › MTU: 576 から 1492（PPPoE の最大値）までの整数である必要があります（NTT フレッツでは 1454）",
      "サーバー「web」 › ポート: 443/tcp はすでにこのサーバーが公開しています（443/tcp）",
      "DDNS「home」 › パスワード: 必須: Value Domain のダイナミック DNS パスワード",
    ]);
    // the recording is the plugin's: each error a code with its values and the English
    const errors = (recordedAnswer("status-invalid") as { errors: Array<{ code: string; args: string[]; text: string }> }).errors;
    expect(errors.map((e) => e.code)).toEqual(["mtu.range", "port.clash_self", "ddns.vd_password"]);
    await noShellWords(page);
    await page.screenshot({ path: join(SHOTS, "ja-invalid.png"), fullPage: true });
    await page.close();
    backend.recorded = {};
  });

  it("recorded: detection that could not ask netifd is not 'no IPoE WAN'", async () => {
    backend.recorded = { status: recordedAnswer("status-up"), detect: recordedAnswer("detect-no-netifd") };
    const page = await open("en", "up");
    const said = await text(page, '[data-field="cbid.splitwan.main.device"] .cbi-value-description');
    expect(said).toContain("netifd did not answer");
    expect(said).not.toContain("No IPoE WAN detected");
    await page.close();
    backend.failing = { detect: FAILURES.missing };
    const page2 = await open("en", "up");
    expect(await text(page2, '[data-field="cbid.splitwan.main.device"] .cbi-value-description')).toContain("Could not detect the IPoE WAN: The router has no Split WAN service");
    await page2.close();
    backend.failing = {};
    backend.recorded = {};
  });

  const failures: Array<[string, () => void, RegExp]> = [
    ["the plugin's error answer (recorded: the Lua error a router gave)", () => (backend.recorded = { status: recordedAnswer("status-lua-error") }), /service on the router failed/],
    ["plugin missing", () => (backend.failing = { status: FAILURES.missing }), /no Split WAN service/],
    ["access denied", () => (backend.failing = { status: FAILURES.denied }), /access denied/],
    ["rpcd timeout", () => (backend.failing = { status: FAILURES.timeout }), /did not answer in time/],
    ["plugin died", () => (backend.failing = { status: FAILURES.crashed }), /service on the router failed/],
  ];
  for (const [what, arrange, sentence] of failures) {
    it(`a backend failure is a sentence with the log hint: ${what}`, async () => {
      arrange();
      const page = await open("en", "up");
      const box = await text(page, "#splitwan-status-error");
      expect(box).toMatch(sentence);
      expect(box).toContain("logread -e splitwan");
      await noShellWords(page);
      if (what.startsWith("the plugin's")) await page.screenshot({ path: join(SHOTS, "en-failure.png"), fullPage: true });
      await page.close();
      backend.failing = {};
      backend.recorded = {};
    });
  }

  it("an action whose call fails says so in a sentence, and the check before apply too", async () => {
    const page = await open("en", "up");
    backend.failing = { reconnect: FAILURES.timeout, validate: FAILURES.missing };
    await page.click("#splitwan-reconnect");
    await page.waitForSelector("#splitwan-reconnect-error");
    expect(await text(page, "#splitwan-reconnect-error")).toContain("Reconnect PPPoE failed. The router did not answer in time.");
    await page.click(".cbi-page-actions .cbi-button-apply");
    await page.waitForSelector("#splitwan-check-error");
    expect(await text(page, "#splitwan-check-error")).toContain("Could not check the configuration on the router. The router has no Split WAN service");
    await noShellWords(page);
    await page.close();
    backend.failing = {};
  });

  it("a backend failure in Japanese", async () => {
    backend.recorded = { status: recordedAnswer("status-lua-error") };
    for (const theme of ["light", "dark"] as const) {
      const page = await open("ja", "up", theme);
      const box = await text(page, "#splitwan-status-error");
      expect(box).toContain("ルーターの Split WAN サービスが失敗しました");
      expect(box).toContain("logread -e splitwan");
      await noShellWords(page);
      await page.screenshot({ path: join(SHOTS, `ja-failure-${theme}.png`), fullPage: true });
      await page.close();
    }
    backend.recorded = {};
    expect(pageErrors).toEqual([]);
  });
});
