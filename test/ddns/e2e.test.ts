// End to end under lua5.1: the built CLI and the real hotplug script against a fake
// provider server on 127.0.0.1 (HTTPS, test CA), with the uclient-fetch stand-in and real
// curl, ubus answers from files and a fake clock (no sleeps for the 60 s rules).
import { writeUbusAnswers } from "../helpers/ubus-answers";
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DdnsBed, START, vdConfig } from "./bed";
import { FakeProvider, makeCerts } from "./fake-provider";

const PASSWORD = "p&ss%+# wörd";
const OK = { status: 200, body: "status=0\nOK\n" };
const VD = "dyn.value-domain.com";

let certDir: string;
let certs: ReturnType<typeof makeCerts>;
let fp: FakeProvider;
let bed: DdnsBed;

beforeAll(async () => {
  certDir = mkdtempSync(join(tmpdir(), "splitwan-ddns-ca-"));
  certs = makeCerts(certDir);
  fp = await FakeProvider.start(certs.key, certs.cert);
});
afterAll(async () => {
  await fp.close();
  rmSync(certDir, { recursive: true, force: true });
});
beforeEach(() => {
  fp.reset();
  bed = new DdnsBed(certs.ca, fp.port);
  bed.iface("wanppp", "203.0.113.7");
});
afterEach(async () => {
  await bed.idle();
  bed.remove();
});

const form = (body: string) => new URLSearchParams(body);

/** Every command line of every process, for the "no secret in ps" checks. */
function allCmdlines(): string[] {
  const out: string[] = [];
  for (const pid of readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      out.push(readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" "));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

describe("splitwan ddns update", () => {
  it("updates a Value Domain record: one POST with d, p, h, i and nothing secret in the URL", async () => {
    bed.config(vdConfig([{ name: "home", host: "www", password: PASSWORD }]));
    fp.script(VD, [OK]);
    const r = await bed.cli(["ddns", "update"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("home: 203.0.113.7 sent: updated");
    expect(fp.received.length).toBe(1);
    const got = fp.received[0];
    expect([got.host, got.method, got.path]).toEqual([VD, "POST", "/cgi-bin/dyn.fcg"]);
    expect(got.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(got.headers["user-agent"]).toBe("uclient-fetch");
    expect(Object.fromEntries(form(got.body))).toEqual({ d: "example.jp", p: PASSWORD, h: "www", i: "203.0.113.7" });

    const st = bed.state("home");
    expect(st).toMatchObject({ result: "ok", code: "status=0", successIp: "203.0.113.7", ipSent: "203.0.113.7", lastSuccess: START, failures: 0 });
    const status = await bed.cli(["ddns", "status"]);
    expect(status.stdout).toContain("home: value-domain www.example.jp");
    expect(status.stdout).toContain("result:       ok status=0: updated");
    expect(status.stdout).toContain("answer:       status=0 OK");
    expect(bed.log()).toContain("ddns home: value-domain www.example.jp <- 203.0.113.7: ok (status=0) updated");

    // no request files left, the directory closed to others, no secret in log or state
    expect(bed.ddnsFiles().filter((f) => f.startsWith("req.") || f.includes("splitwan-new"))).toEqual([]);
    expect(statSync(bed.ddnsDir).mode & 0o777).toBe(0o700);
    const secretForms = [PASSWORD, encodeURIComponent(PASSWORD)];
    for (const text of [bed.log(), JSON.stringify(st), r.stdout, status.stdout]) for (const f of secretForms) expect(text).not.toContain(f);

    // the same address again is not sent; --force sends it
    const again = await bed.cli(["ddns", "update"]);
    expect(again.stdout).toContain("already sent successfully");
    expect(fp.received.length).toBe(1);
    bed.setClock(START + 100);
    await bed.cli(["ddns", "update", "--force"]);
    expect(fp.received.length).toBe(2);
  });

  it("stops on a permanent error and says what to fix (exit 3)", async () => {
    bed.config(vdConfig([{ name: "home", host: "www", password: PASSWORD }]));
    fp.script(VD, [{ status: 200, body: "status=4\nPassword mismatch\n" }]);
    const r = await bed.cli(["ddns", "update"]);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain("not the login password");
    expect(fp.received.length).toBe(1);
    expect(bed.state("home")).toMatchObject({ result: "permanent", code: "status=4" });
    expect(bed.log()).toMatch(/^err: .*status=4.*not retried/m);
  });

  it("rejects an invalid ddns section with exit 1 and the option named", async () => {
    bed.config("config ddns 'home'\n\toption provider 'value-domain'\n\toption domain 'example.jp'\n");
    const r = await bed.cli(["ddns", "update"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("splitwan.home.password: required");
    expect(fp.received.length).toBe(0);
  });

  it("verifies the certificate: a server the CA bundle does not vouch for gets nothing", async () => {
    bed.config(vdConfig([{ name: "home", host: "www", password: PASSWORD }]));
    bed.trustCa(certs.otherCa);
    fp.script(VD, [OK]);
    const r = await bed.cli(["ddns", "update"]);
    expect(fp.received.length).toBe(0);
    expect(r.stdout).toContain("TLS certificate");
    expect(bed.state("home")).toMatchObject({ result: "transient", code: "network", failures: 1 });
  });
  it("stops with what to install when the CA bundle is missing", async () => {
    bed.config(vdConfig([{ name: "home", host: "www", password: PASSWORD }]));
    const { rmSync } = await import("node:fs");
    rmSync(join(bed.root, "etc/ssl/certs/ca-certificates.crt"));
    fp.script(VD, [OK]);
    const r = await bed.cli(["ddns", "update"]);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain("opkg install ca-bundle");
    expect(fp.received.length).toBe(0);
    expect(bed.state("home")).toMatchObject({ result: "permanent", code: "client" });
  });
});

describe("retries", () => {
  it("retries 503 and status=5 with backoff in the background, spacing ≥ 60 s, then succeeds", async () => {
    bed.config(vdConfig([{ name: "home", host: "www", password: PASSWORD }]));
    fp.script(VD, [{ status: 503, body: "" }, { status: 200, body: "status=5\n" }, OK]);
    const r = await bed.cli(["ddns", "update"]);
    expect(r.stdout).toContain("too frequent");
    expect(r.stdout).toContain("continued in the background");
    await fp.waitFor(3);
    await bed.idle();
    expect(fp.received.length).toBe(3);
    const clocks = fp.received.map((x) => x.clock);
    expect(clocks[0]).toBe(START);
    expect(clocks[1] - clocks[0]).toBeGreaterThanOrEqual(60);
    expect(clocks[2] - clocks[1]).toBeGreaterThanOrEqual(120);
    expect(bed.state("home")).toMatchObject({ result: "ok", failures: 0, successIp: "203.0.113.7" });
  });

  it("gives up after six attempts and shows it", async () => {
    bed.config(vdConfig([{ name: "home", host: "www", password: PASSWORD }]));
    fp.script(VD, [{ status: 200, body: "status=9\nerror\n" }]);
    await bed.cli(["ddns", "update"]);
    await fp.waitFor(6);
    await bed.idle();
    expect(fp.received.length).toBe(6);
    expect(bed.state("home")).toMatchObject({ result: "transient", code: "status=9", gaveUp: true });
    expect((await bed.cli(["ddns", "status"])).stdout).toContain("next retry:   gave up");
  });

  it("times out on a provider that hangs, then retries", async () => {
    bed.config(vdConfig([{ name: "home", host: "www", password: PASSWORD }], "\toption timeout '2'"));
    fp.script(VD, [{ status: 200, body: "", hang: true }, OK]);
    const r = await bed.cli(["ddns", "update"]);
    expect(r.ms).toBeLessThan(6000);
    expect(r.stdout).toContain("no answer from Value Domain: connection failed or timed out");
    await fp.waitFor(2);
    await bed.idle();
    expect(bed.state("home")).toMatchObject({ result: "ok" });
  });
});

describe("hotplug", () => {
  it("fires on ifup and ifupdate of the PPPoE interface only, returns at once, one request per event", async () => {
    bed.config(vdConfig([{ name: "home", host: "www", password: PASSWORD }]));
    fp.script(VD, [OK]);
    const t0 = Date.now();
    const h = await bed.hotplug({ ACTION: "ifup", INTERFACE: "wanppp", DEVICE: "pppoe-wanppp" });
    expect(h.code).toBe(0);
    expect(h.ms).toBeLessThan(500);
    await fp.waitFor(1);
    const latency = fp.received[0].arrived - t0;
    console.log(`hotplug → request at the fake server: ${latency} ms (script returned after ${h.ms.toFixed(1)} ms)`);
    await bed.idle();
    expect(form(fp.received[0].body).get("i")).toBe("203.0.113.7");

    // events that must not send: other interfaces, ifdown, ifupdate without new addresses,
    // and ifup with the address the provider already has
    for (const vars of [
      { ACTION: "ifup", INTERFACE: "lan", DEVICE: "br-lan" },
      { ACTION: "ifdown", INTERFACE: "wanppp" },
      { ACTION: "ifupdate", INTERFACE: "wanppp", DEVICE: "pppoe-wanppp", IFUPDATE_ROUTES: "1" },
      { ACTION: "ifup", INTERFACE: "wanppp", DEVICE: "pppoe-wanppp" },
    ]) {
      const r = await bed.hotplug(vars);
      expect(r.ms).toBeLessThan(500);
      await bed.idle();
    }
    expect(fp.received.length).toBe(1);

    // ifupdate with a new address: one request with it, ≥ 60 s after the first
    bed.setClock(START + 10);
    bed.iface("wanppp", "198.51.100.23");
    await bed.hotplug({ ACTION: "ifupdate", INTERFACE: "wanppp", DEVICE: "pppoe-wanppp", IFUPDATE_ADDRESSES: "1" });
    await fp.waitFor(2);
    await bed.idle();
    expect(fp.received.length).toBe(2);
    expect(form(fp.received[1].body).get("i")).toBe("198.51.100.23");
    expect(fp.received[1].clock - fp.received[0].clock).toBeGreaterThanOrEqual(60);
  });

  it("updates several hosts of one account one per 60 s slot", async () => {
    bed.config(vdConfig([
      { name: "www", host: "www", password: PASSWORD },
      { name: "wild", host: "*", password: PASSWORD },
      { name: "apex", host: "@", password: PASSWORD },
    ]));
    fp.script(VD, [OK]);
    await bed.hotplug({ ACTION: "ifup", INTERFACE: "wanppp", DEVICE: "pppoe-wanppp" });
    await fp.waitFor(3);
    await bed.idle();
    expect(fp.received.map((x) => form(x.body).get("h"))).toEqual(["www", "*", ""]);
    for (let i = 1; i < 3; i++) expect(fp.received[i].clock - fp.received[i - 1].clock).toBeGreaterThanOrEqual(60);
  });

  it("a newer event supersedes: the running updater sends the newest address next, never two at once", async () => {
    bed.config(vdConfig([{ name: "home", host: "www", password: PASSWORD }]));
    fp.script(VD, [{ ...OK, delayMs: 1500 }, OK]);
    await bed.hotplug({ ACTION: "ifup", INTERFACE: "wanppp", DEVICE: "pppoe-wanppp" });
    await fp.waitFor(1);
    // while the first request is in flight: reconnect with a new address
    bed.iface("wanppp", "198.51.100.99");
    const second = await bed.hotplug({ ACTION: "ifup", INTERFACE: "wanppp", DEVICE: "pppoe-wanppp" });
    expect(second.ms).toBeLessThan(500);
    await fp.waitFor(2);
    await bed.idle();
    expect(fp.received.map((x) => form(x.body).get("i"))).toEqual(["203.0.113.7", "198.51.100.99"]);
    expect(fp.received[1].arrived - fp.received[0].arrived).toBeGreaterThanOrEqual(1400);
    expect(bed.state("home")).toMatchObject({ successIp: "198.51.100.99" });
    expect(bed.log()).toContain("takes over this event");
  });

  it("keeps the password out of every process's arguments while requests are in flight", async () => {
    bed.config(vdConfig([{ name: "home", host: "www", password: PASSWORD }]));
    fp.script(VD, [{ ...OK, delayMs: 800 }]);
    const run = bed.cli(["ddns", "update"]);
    await fp.waitFor(1);
    // the client is waiting for the answer now: look at everything running
    const lines = allCmdlines();
    expect(lines.some((l) => l.includes("uclient-fetch"))).toBe(true);
    for (const l of lines) {
      expect(l).not.toContain(PASSWORD);
      expect(l).not.toContain(encodeURIComponent(PASSWORD));
    }
    // the body file exists only now, 0600, in a 0700 directory
    const body = bed.ddnsFiles().filter((f) => f.endsWith(".body"));
    expect(body.length).toBe(1);
    expect(statSync(join(bed.ddnsDir, body[0])).mode & 0o777).toBe(0o600);
    await run;
    expect(bed.ddnsFiles().filter((f) => f.endsWith(".body"))).toEqual([]);
  });
});

describe("MyDNS and Cloudflare through curl", () => {
  it("MyDNS: directip GET with the explicit address; the URL reaches curl only in a file", async () => {
    bed.config("config ddns 'm'\n\toption provider 'mydns'\n\toption username 'mydns123456'\n\toption password 'my&pw'\n");
    fp.script("www.mydns.jp", [{ status: 200, body: "<html>Login and IP address notify OK.</html>", delayMs: 500 }]);
    const run = bed.cli(["ddns", "update"]);
    await fp.waitFor(1);
    for (const l of allCmdlines()) expect(l).not.toContain("my&pw");
    const r = await run;
    expect(r.code).toBe(0);
    const u = new URL(`https://x${fp.received[0].path}`);
    expect(fp.received[0].method).toBe("GET");
    expect(u.pathname).toBe("/directip.html");
    expect(Object.fromEntries(u.searchParams)).toEqual({ MID: "mydns123456", PWD: "my&pw", IPV4ADDR: "203.0.113.7" });
    expect(bed.state("m")).toMatchObject({ result: "ok" });
    expect(bed.ddnsFiles().filter((f) => f.startsWith("req."))).toEqual([]);
  });

  it("MyDNS IPv6: an ifupdate of ip6_interface with a new prefix sends its IPv6 address; the PPPoE ifup does not", async () => {
    bed.config("config ddns 'm6'\n\toption provider 'mydns'\n\toption username 'mydns123456'\n\toption password 'pw6'\n\toption ip_version '6'\n");
    const { writeFileSync } = await import("node:fs");
    writeUbusAnswers(bed.ubusDir, { "network.interface.wan6.status": { up: true, "ipv6-address": [{ address: "2001:db8:10::2", mask: 64 }] } });
    fp.script("www.mydns.jp", [{ status: 200, body: "<html>OK</html>" }]);
    await bed.hotplug({ ACTION: "ifup", INTERFACE: "wanppp", DEVICE: "pppoe-wanppp" });
    await bed.idle();
    expect(fp.received.length).toBe(0);
    await bed.hotplug({ ACTION: "ifupdate", INTERFACE: "wan6", DEVICE: "eth1", IFUPDATE_PREFIXES: "1" });
    await fp.waitFor(1);
    await bed.idle();
    const u = new URL(`https://x${fp.received[0].path}`);
    expect(Object.fromEntries(u.searchParams)).toEqual({ MID: "mydns123456", PWD: "pw6", IPV6ADDR: "2001:db8:10::2" });
  });

  it("a server's IPv6 (option server): the AAAA is lan's delegated prefix + the suffix, and follows a prefix change on wan6", async () => {
    const { writeFileSync } = await import("node:fs");
    writeFileSync(join(bed.root, "etc/config/firewall"), "config zone\n\toption name 'lan'\n\tlist network 'lan'\n\nconfig zone\n\toption name 'wan'\n\tlist network 'wan'\n\tlist network 'wan6'\n");
    bed.config([
      "config splitwan 'main'", "\toption interface 'wanppp'", "",
      "config server 'web'", "\toption ipaddr '192.168.1.5'", "\toption zone 'lan'", "\toption ip6_suffix '::abcd:5'", "",
      "config ddns 'cf6'", "\toption provider 'cloudflare'", "\toption token 'cf-TOKEN_6'", "\toption domain 'example.com'", "\toption host 'www'",
      "\toption zone_id '023e105f4ecef8ad9ca31a8372d0c353'", "\toption ip_version '6'", "\toption server 'web'", "",
    ].join("\n"));
    // netifd: wan6 holds the delegated prefix, lan has its /64 of it
    const prefix = (p: string) => {
      writeUbusAnswers(bed.ubusDir, {
        "network.interface.wan6.status": { up: true, "ipv6-address": [{ address: "2001:db8:ffff::2", mask: 64 }], "ipv6-prefix": [{ address: `${p}/56`, mask: 56 }] },
        "network.interface.lan.status": { up: true, "ipv4-address": [{ address: "192.168.1.1", mask: 24 }], "ipv6-address": [], "ipv6-prefix-assignment": [{ address: `${p}`, mask: 64, preferred: 3600, valid: 7200, "local-address": { address: `${p}1`, mask: 64 } }] },
      });
    };
    const api = "api.cloudflare.com";
    const rec = (content: string) => ({ status: 200, body: JSON.stringify({ success: true, errors: [], result: [{ id: "r6", name: "www.example.com", type: "AAAA", content }] }) });
    const patched = { status: 200, body: JSON.stringify({ success: true, errors: [], result: { id: "r6", name: "www.example.com" } }) };
    fp.script(api, [rec("2001:db8:ffff::2"), patched, rec("2001:db8:1:10::abcd:5"), patched]);
    prefix("2001:db8:1:10::");
    await bed.hotplug({ ACTION: "ifup", INTERFACE: "lan", DEVICE: "br-lan" });
    await fp.waitFor(2);
    await bed.idle();
    expect(fp.received.map((x) => `${x.method} ${x.path}`)).toEqual([
      "GET /client/v4/zones/023e105f4ecef8ad9ca31a8372d0c353/dns_records?type=AAAA&name=www.example.com",
      "PATCH /client/v4/zones/023e105f4ecef8ad9ca31a8372d0c353/dns_records/r6",
    ]);
    expect(JSON.parse(fp.received[1].body)).toEqual({ content: "2001:db8:1:10::abcd:5" });

    // a renewal with the same prefix (netifd flags IFUPDATE_PREFIXES for new lifetimes): nothing sent
    await bed.hotplug({ ACTION: "ifupdate", INTERFACE: "wan6", DEVICE: "eth1", IFUPDATE_PREFIXES: "1" });
    await bed.idle();
    expect(fp.received.length).toBe(2);
    // the ISP hands out a new prefix: the uplink's ifupdate sends the server's new address
    prefix("2001:db8:2:20::");
    await bed.hotplug({ ACTION: "ifupdate", INTERFACE: "wan6", DEVICE: "eth1", IFUPDATE_PREFIXES: "1" });
    await fp.waitFor(4);
    await bed.idle();
    expect(JSON.parse(fp.received[3].body)).toEqual({ content: "2001:db8:2:20::abcd:5" });
    expect(bed.state("cf6")).toMatchObject({ result: "ok", successIp: "2001:db8:2:20::abcd:5" });
    expect(bed.log()).toContain("ddns cf6: cloudflare www.example.com <- 2001:db8:2:20::abcd:5: ok (updated) updated");
  });

  it("refuses a ddns section naming a server without ip6_suffix (exit 1, section and option named)", async () => {
    bed.config("config server 'web'\n\toption ipaddr '192.168.1.5'\n\nconfig ddns 'm6'\n\toption provider 'mydns'\n\toption username 'mydns1'\n\toption password 'pw'\n\toption ip_version '6'\n\toption server 'web'\n");
    const r = await bed.cli(["ddns", "update"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("splitwan.m6.server='web': this server has no ip6_suffix: set its IPv6 suffix (like ::5) first\n");
    expect(fp.received.length).toBe(0);
  });

  it("Cloudflare: finds the record by name, PATCHes it with the token in a header", async () => {
    bed.config("config ddns 'cf'\n\toption provider 'cloudflare'\n\toption token 'cf-TOKEN_1'\n\toption domain 'example.com'\n\toption host 'home'\n");
    const api = "api.cloudflare.com";
    fp.script(api, [
      { status: 200, body: JSON.stringify({ success: true, errors: [], result: [{ id: "zone1", name: "example.com" }] }) },
      { status: 200, body: JSON.stringify({ success: true, errors: [], result: [{ id: "rec1", name: "home.example.com", type: "A", content: "192.0.2.1" }] }) },
      { status: 200, body: JSON.stringify({ success: true, errors: [], result: { id: "rec1", name: "home.example.com", content: "203.0.113.7" } }) },
    ]);
    const r = await bed.cli(["ddns", "update"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(fp.received.map((x) => `${x.method} ${x.path}`)).toEqual([
      "GET /client/v4/zones?name=example.com",
      "GET /client/v4/zones/zone1/dns_records?type=A&name=home.example.com",
      "PATCH /client/v4/zones/zone1/dns_records/rec1",
    ]);
    for (const x of fp.received) expect(x.headers.authorization).toBe("Bearer cf-TOKEN_1");
    expect(fp.received[2].headers["content-type"]).toBe("application/json");
    expect(JSON.parse(fp.received[2].body)).toEqual({ content: "203.0.113.7" });
    expect(bed.log()).not.toContain("cf-TOKEN_1");
    expect(bed.state("cf")).toMatchObject({ result: "ok", successIp: "203.0.113.7" });
  });
});

describe("lock and status", () => {
  it("takes over the lock of an updater that died", async () => {
    bed.config(vdConfig([{ name: "home", host: "www", password: PASSWORD }]));
    fp.script(VD, [OK]);
    const { mkdirSync, writeFileSync } = await import("node:fs");
    mkdirSync(join(bed.ddnsDir, "lock"), { recursive: true });
    // a pid that is not running (pid_max is below 2^22 on Linux)
    writeFileSync(join(bed.ddnsDir, "lock/pid"), "4194305\n");
    const r = await bed.cli(["ddns", "update"]);
    expect(r.code).toBe(0);
    expect(fp.received.length).toBe(1);
  });

  it("leaves a live updater's lock alone and hands it the event", async () => {
    bed.config(vdConfig([{ name: "home", host: "www", password: PASSWORD }]));
    fp.script(VD, [OK]);
    const { mkdirSync, writeFileSync, rmSync } = await import("node:fs");
    const { spawn } = await import("node:child_process");
    // a live process that is splitwan (by its command line), and one that is not
    const updater = spawn("sh", ["-c", "sleep 30; :", "splitwan-updater"], { stdio: "ignore" });
    const other = spawn("sleep", ["30"], { stdio: "ignore" });
    try {
      mkdirSync(join(bed.ddnsDir, "lock"), { recursive: true });
      writeFileSync(join(bed.ddnsDir, "lock/pid"), `${updater.pid}\n`);
      const r = await bed.cli(["ddns", "update"]);
      expect(r.stdout).toContain(`an update is already running (pid ${updater.pid})`);
      expect(fp.received.length).toBe(0);
      // a pid reused by another program does not hold the lock
      writeFileSync(join(bed.ddnsDir, "lock/pid"), `${other.pid}\n`);
      expect((await bed.cli(["ddns", "update"])).code).toBe(0);
      expect(fp.received.length).toBe(1);
    } finally {
      updater.kill();
      other.kill();
      rmSync(join(bed.ddnsDir, "lock"), { recursive: true, force: true });
    }
  });

  it("status --json carries the same facts for LuCI", async () => {
    bed.config(vdConfig([{ name: "home", host: "www", password: PASSWORD }]));
    fp.script(VD, [OK]);
    await bed.cli(["ddns", "update"]);
    const r = await bed.cli(["ddns", "status", "--json"]);
    const j = JSON.parse(r.stdout);
    expect(j.errors).toEqual([]);
    expect(j.sections).toEqual([
      { section: "home", provider: "value-domain", record: "www.example.jp", state: expect.objectContaining({ result: "ok", successIp: "203.0.113.7", lastSuccess: START }) },
    ]);
    expect(r.stdout).not.toContain(PASSWORD);
  });
});
