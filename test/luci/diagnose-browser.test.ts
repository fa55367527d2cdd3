// The self-test on the page, in Chromium, in English and Japanese: the button runs the
// real rpcd `diagnose` (src/cli/rpcd.ts on the fake backend's router tree); ip, nft and
// the probes answer with what the namespace bed recorded (test/fixtures/diagnose), while
// the fake backend's PPPoE address (203.0.113.7) is not the one the recorded ruleset and
// rules were made for — so two checks fail, as they would on a router whose PPPoE address
// changed behind a stale ruleset. Screenshots: test-output/luci/{en,ja}-selftest.png.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestPlatform } from "../helpers/node-platform";
import { TOP } from "../helpers/lua";
import { FakeBackend } from "./fake-backend";
import { VIEW_PATH, startServer } from "./server";

const CHROMIUM = "/usr/bin/chromium";
const SHOTS = join(TOP, "test-output/luci");
const FIX = join(TOP, "test/fixtures/diagnose");
const LAN = (JSON.parse(readFileSync(join(FIX, "ubus-interfaces.json"), "utf8")) as Array<Record<string, unknown>>).find((s) => s.interface === "lan");

class BedBackend extends FakeBackend {
  platform(): TestPlatform {
    const p = super.platform();
    const exec = p.exec.bind(p);
    p.exec = (argv) => {
      const cmd = argv.join(" ");
      if (cmd === "nft list ruleset") return { code: 0, stdout: readFileSync(join(FIX, "nft-ruleset.source.nft"), "utf8") };
      if (argv[0] === "timeout" && (argv[2] === "ping" || argv[2] === "nc")) return { code: 0, stdout: "" };
      if (argv[0] === "timeout" && argv[2] === "nslookup") return { code: 0, stdout: "Server:\t\t1.1.1.1\nAddress:\t1.1.1.1:53\n\nName:\twww.example.jp\nAddress: 203.0.113.7\n" };
      return exec(argv);
    };
    const ubus = p.ubusCall.bind(p);
    p.ubusCall = (object, method, args) => (object === "network.interface.lan" && method === "status" && LAN !== undefined ? { ok: true, data: LAN } : ubus(object, method, args));
    return p;
  }
}

describe.skipIf(!existsSync(CHROMIUM))("self-test on the LuCI page", () => {
  let backend: BedBackend;
  let server: Server;
  let base: string;
  let context: BrowserContext;
  let profile: string;

  beforeAll(async () => {
    if (!existsSync(VIEW_PATH)) throw new Error(`${VIEW_PATH} missing: run npm run build`);
    mkdirSync(SHOTS, { recursive: true });
    backend = new BedBackend();
    ({ server, url: base } = await startServer(backend));
    profile = mkdtempSync(join(tmpdir(), "splitwan-chromium-"));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM, headless: true, viewport: { width: 1200, height: 900 }, timezoneId: "UTC",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    context.setDefaultTimeout(15000);
  });

  afterAll(async () => {
    await context?.close();
    server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    if (backend) rmSync(backend.root, { recursive: true, force: true });
  });

  async function run(lang: "en" | "ja"): Promise<Record<string, string>> {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${base}/?lang=${lang}`);
    await page.waitForSelector("body[data-view-ready]");
    await page.click("#splitwan-diagnose-run");
    await page.waitForSelector("#splitwan-diagnose");
    const rows: Record<string, string> = {};
    for (const tr of await page.locator("#splitwan-diagnose tr[data-check]").all()) rows[(await tr.getAttribute("data-check"))!] = await tr.innerText();
    rows.summary = await page.locator("#splitwan-diagnose-summary").innerText();
    await page.locator("#splitwan-diagnose-panel").scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, `${lang}-selftest.png`), fullPage: true });
    await page.close();
    expect(errors).toEqual([]);
    expect(backend.callsTo("luci.splitwan", "diagnose").length).toBeGreaterThan(0);
    return rows;
  }

  it("English: each check with its verdict and fix", async () => {
    const rows = await run("en");
    expect(rows.pppoe).toContain("PPPoE wanppp is up with the public IPv4 203.0.113.7");
    expect(rows.netifd_rule).toContain("Fail");
    expect(rows.netifd_rule).toContain("netifd's rule from 203.0.113.7 lookup 300 is missing — check option ip4table of network.wanppp, then reconnect PPPoE");
    expect(rows.loopback).toContain("no reflection rule for 203.0.113.7:80 in the live ruleset");
    expect(rows.server_web).toContain("server web (192.168.1.5) answers on br-lan");
    expect(rows.ddns_home).toContain("DDNS home: www.example.jp resolves to 203.0.113.7, the PPPoE address");
    expect(rows.summary).toMatch(/^\d+ ok, 0 warnings, 2 failed, 1 not checked \(\d+ s\)$/);
  });

  it("Japanese: the same results in Japanese", async () => {
    const rows = await run("ja");
    expect(rows.pppoe).toContain("PPPoE wanppp は接続中で、グローバル IPv4 は 203.0.113.7 です");
    expect(rows.netifd_rule).toContain("失敗");
    expect(rows.netifd_rule).toContain("netifd のルール from 203.0.113.7 lookup 300 がありません");
    expect(rows.loopback).toContain("NAT ループバック: 203.0.113.7:80 の折り返しルールが稼働中のルールセットにありません");
    expect(rows.summary).toMatch(/^正常 \d+、警告 0、失敗 2、未確認 1（\d+ 秒）$/);
  });
});
