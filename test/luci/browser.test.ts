// The LuCI page in a real browser: headless Chromium (Debian's), driven by playwright-core,
// loads the built view through the stand-in LuCI runtime (test/luci/standin/) and talks
// to the fake backend (real plugin and apply code, canned netifd/ip/nft answers).
// Screenshots: test-output/luci/.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, type Page, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TOP } from "../helpers/lua";
import { FakeBackend, PPPOE_IP, type Scenario } from "./fake-backend";
import { VIEW_PATH, startServer } from "./server";

const CHROMIUM = "/usr/bin/chromium";
const SHOTS = join(TOP, "test-output/luci");
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

const haveChromium = existsSync(CHROMIUM);
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
  });

  afterAll(async () => {
    await context?.close();
    server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    if (backend) rmSync(backend.root, { recursive: true, force: true });
  });

  async function open(lang: "en" | "ja", scenario: Scenario): Promise<Page> {
    backend.scenario = scenario;
    const page = await context.newPage();
    page.on("pageerror", (e) => pageErrors.push(e.message));
    page.on("console", (m) => {
      if (m.type() === "error") pageErrors.push(m.text());
    });
    await page.goto(`${base}/?lang=${lang}`);
    await page.waitForSelector("body[data-view-ready], body[data-view-error]");
    expect(await page.getAttribute("body", "data-view-error")).toBeNull();
    return page;
  }

  const text = (page: Page, sel: string) => page.locator(sel).innerText();

  it("renders the status for PPPoE up, with servers and DDNS", async () => {
    const page = await open("en", "up");
    expect(await text(page, "#splitwan-pppoe tr[data-key=state]")).toContain("Connected");
    expect(await text(page, "#splitwan-pppoe tr[data-key=ipv4]")).toContain(PPPOE_IP);
    expect(await text(page, "#splitwan-pppoe tr[data-key=uptime]")).toContain("1h 2m 5s");
    expect(await text(page, "#splitwan-routing tr[data-key=table]")).toContain("Live");
    expect(await text(page, "#splitwan-servers")).toContain(`${PPPOE_IP}: 80/tcp, 443/tcp`);
    expect(await text(page, "#splitwan-ddns")).toContain("status=0: updated");
    await page.screenshot({ path: join(SHOTS, "en-up.png"), fullPage: true });
    await page.close();
    expect(pageErrors).toEqual([]);
  });
});
