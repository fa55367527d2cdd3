// The update pass with a fake clock and a scripted provider: skip rules, Value Domain's
// 60 s spacing, retries with backoff, give-up, permanent failures, superseding events.
import { UBUS_NOT_FOUND, ubusFailed } from "../../src/core/ubus";
import { describe, expect, it } from "vitest";
import { decodeState, lastRequestPath, statePath } from "../../src/core/ddns/state";
import { BACKOFF, MAX_ATTEMPTS } from "../../src/core/ddns/schedule";
import { type PassOptions, runPass as pass } from "../../src/core/ddns/updater";
import { VALUE_DOMAIN_SPACING, VALUE_DOMAIN_URL } from "../../src/core/ddns/value-domain";
import { CLOUDFLARE_API } from "../../src/core/ddns/cloudflare";
import { addressSource, sectionAddress } from "../../src/core/ddns/address";
import type { Platform } from "../../src/core/platform";
import { section } from "../lua/ddns-cases";
import { FakeEnv } from "./fake-env";

const runPass = (s: Parameters<typeof pass>[0], e: FakeEnv, force: boolean) => pass(s, e, { force, fresh: true, maxWait: 1e9 });
const OK = { status: 200, body: "status=0\nOK\n" };
const BUSY = { status: 200, body: "status=5\nbusy\n" };
const TOO_FAST = { status: 503, body: "" };

function env(): FakeEnv {
  const e = new FakeEnv();
  e.addresses.set("wanppp", "203.0.113.7");
  return e;
}

const form = (body: string | undefined) => new URLSearchParams(body ?? "");

describe("update pass", () => {
  it("sends the PPPoE address once, then skips it until it changes or is forced", () => {
    const e = env();
    e.answers.push([VALUE_DOMAIN_URL, [OK]]);
    const s = [section({ password: "pw&1" })];
    expect(runPass(s, e, false)).toBe("done");
    expect(e.sent.length).toBe(1);
    expect(form(e.sent[0].req.body).get("i")).toBe("203.0.113.7");
    const st = decodeState(e.files.get(statePath("home")));
    expect(st?.successIp).toBe("203.0.113.7");
    expect(st?.result).toBe("ok");

    e.clock.t += 3600;
    runPass(s, e, false);
    expect(e.sent.length).toBe(1);
    runPass(s, e, true);
    expect(e.sent.length).toBe(2);
    e.addresses.set("wanppp", "198.51.100.9");
    e.clock.t += 3600;
    runPass(s, e, false);
    expect(e.sent.length).toBe(3);
    expect(form(e.sent[2].req.body).get("i")).toBe("198.51.100.9");
    // a changed record (host) is not "already sent"
    e.clock.t += 3600;
    runPass([section({ password: "pw&1", host: "mail" })], e, false);
    expect(e.sent.length).toBe(4);
  });

  it("spaces Value Domain requests at least 60 s apart, across hosts and across passes", () => {
    const e = env();
    e.answers.push([VALUE_DOMAIN_URL, [OK]]);
    const hosts = ["www", "mail", "*", ""].map((host, i) => section({ name: `h${i}`, host }));
    runPass(hosts, e, false);
    expect(e.sent.map((x) => form(x.req.body).get("h"))).toEqual(["www", "mail", "*", ""]);
    for (let i = 1; i < e.sent.length; i++) expect(e.sent[i].at - e.sent[i - 1].at).toBeGreaterThanOrEqual(60);
    // no real sleeping: the fake clock advanced in short slices
    expect(Math.max(...e.clock.sleeps)).toBeLessThanOrEqual(2);

    // a new pass 10 s after the last request waits the rest of the minute
    e.clock.t = e.sent[3].at + 10;
    e.addresses.set("wanppp", "198.51.100.9");
    runPass([hosts[0]], e, false);
    expect(e.sent[4].at - e.sent[3].at).toBeGreaterThanOrEqual(60);
    expect(e.files.get(lastRequestPath("value-domain"))).toBe(`${e.sent[4].at}\n`);
  });

  it("retries transient failures with backoff that keeps the spacing, then succeeds", () => {
    const e = env();
    e.answers.push([VALUE_DOMAIN_URL, [TOO_FAST, BUSY, OK]]);
    runPass([section({})], e, false);
    expect(e.sent.length).toBe(3);
    const gaps = [e.sent[1].at - e.sent[0].at, e.sent[2].at - e.sent[1].at];
    expect(gaps).toEqual([Math.max(BACKOFF[0], VALUE_DOMAIN_SPACING), BACKOFF[1]]);
    const st = decodeState(e.files.get(statePath("home")));
    expect(st?.result).toBe("ok");
    expect(st?.failures).toBe(0);
    expect(st?.nextRetry).toBeUndefined();
    expect(e.logs.filter((l) => l.startsWith("warn:")).length).toBe(2);
  });

  it("gives up after the last attempt and says so", () => {
    const e = env();
    e.answers.push([VALUE_DOMAIN_URL, [BUSY]]);
    runPass([section({})], e, false);
    expect(e.sent.length).toBe(MAX_ATTEMPTS);
    const st = decodeState(e.files.get(statePath("home")));
    expect(st?.gaveUp).toBe(true);
    expect(st?.code).toBe("status=5");
    expect(e.logs[e.logs.length - 1]).toContain("gave up");
    // the next event starts a fresh series
    runPass([section({})], e, false);
    expect(e.sent.length).toBe(2 * MAX_ATTEMPTS);
  });

  it("stops at once on a permanent failure", () => {
    const e = env();
    e.answers.push([VALUE_DOMAIN_URL, [{ status: 200, body: "status=2\n" }]]);
    runPass([section({})], e, false);
    expect(e.sent.length).toBe(1);
    const st = decodeState(e.files.get(statePath("home")));
    expect(st?.result).toBe("permanent");
    expect(st?.message).toContain("check domain");
    // the page's form of the same message: its code and values
    expect(st).toMatchObject({ messageCode: "vd.bad_login", messageArgs: [] });
    expect(e.logs[0]).toMatch(/^err: /);
  });

  it("does not let one failing provider hold up another", () => {
    const e = env();
    e.answers.push([VALUE_DOMAIN_URL, [BUSY, BUSY, OK]]);
    e.answers.push(["https://www.mydns.jp/", [{ status: 200, body: "<html>OK</html>" }]]);
    runPass([section({}), section({ name: "m", provider: "mydns", username: "mydns1", host: "", domain: "" })], e, false);
    const order = e.sent.map((x) => (x.req.url.startsWith(VALUE_DOMAIN_URL) ? "vd" : "mydns"));
    expect(order).toEqual(["vd", "mydns", "vd", "vd"]);
    expect(e.sent[1].at).toBe(e.sent[0].at);
  });

  it("sends nothing while the interface has no address", () => {
    const e = env();
    e.addresses.set("wanppp", undefined);
    runPass([section({})], e, false);
    expect(e.sent.length).toBe(0);
    expect(decodeState(e.files.get(statePath("home")))?.result).toBe("no-address");
  });

  it("waits and asks netifd again when it does not answer, then sends what it reports", () => {
    const e = env();
    e.answers.push([VALUE_DOMAIN_URL, [OK]]);
    e.addresses.set("wanppp", undefined);
    e.unreachable.add("wanppp");
    const t0 = e.clock.t;
    // netifd answers again after the first retry delay
    const sleep = e.clock.sleep.bind(e.clock);
    e.clock.sleep = (s: number) => {
      sleep(s);
      if (e.clock.t >= t0 + BACKOFF[0]) {
        e.unreachable.delete("wanppp");
        e.addresses.set("wanppp", "203.0.113.7");
      }
    };
    expect(runPass([section({})], e, false)).toBe("done");
    expect(e.sent.length).toBe(1);
    expect(e.sent[0].at).toBeGreaterThanOrEqual(t0 + BACKOFF[0]);
    expect(form(e.sent[0].req.body).get("i")).toBe("203.0.113.7");
    expect(decodeState(e.files.get(statePath("home")))?.result).toBe("ok");
  });

  it("gives up asking netifd after the last attempt, to start again on the next event", () => {
    const e = env();
    e.addresses.set("wanppp", undefined);
    e.unreachable.add("wanppp");
    expect(runPass([section({})], e, false)).toBe("done");
    expect(e.sent.length).toBe(0);
    const st = decodeState(e.files.get(statePath("home")));
    expect(st).toMatchObject({ result: "no-address", code: "netifd not answering", gaveUp: true, failures: MAX_ATTEMPTS });
  });

  it("stops waiting when a newer event arrives", () => {
    const e = env();
    e.answers.push([VALUE_DOMAIN_URL, [BUSY]]);
    e.supersedeAt = e.clock.t + 30;
    expect(runPass([section({})], e, false)).toBe("superseded");
    expect(e.sent.length).toBe(1);
    expect(e.clock.t - e.sent[0].at).toBeLessThanOrEqual(32);
  });

  it("never logs or records a secret", () => {
    const e = env();
    const password = "Pa$$ w&rd%";
    e.answers.push([VALUE_DOMAIN_URL, [{ status: 200, body: `status=2\nwrong password ${password}` }]]);
    runPass([section({ password })], e, false);
    const everything = [...e.logs, ...e.said, ...e.files.values()].join("\n");
    expect(everything).not.toContain(password);
    expect(everything).not.toContain(encodeURIComponent(password));
  });

  it("updates a Cloudflare record found by name, skipping the PATCH when it already matches", () => {
    const e = env();
    const cf = section({ name: "cf", provider: "cloudflare", token: "tok_123", domain: "example.com", host: "home", zoneId: "" });
    e.answers.push([`${CLOUDFLARE_API}/zones?`, [{ status: 200, body: JSON.stringify({ success: true, errors: [], result: [{ id: "z1", name: "example.com" }] }) }]]);
    e.answers.push([`${CLOUDFLARE_API}/zones/z1/dns_records?`, [
      { status: 200, body: JSON.stringify({ success: true, errors: [], result: [{ id: "r1", name: "home.example.com", type: "A", content: "192.0.2.1" }] }) },
      { status: 200, body: JSON.stringify({ success: true, errors: [], result: [{ id: "r1", name: "home.example.com", type: "A", content: "203.0.113.7" }] }) },
    ]]);
    e.answers.push([`${CLOUDFLARE_API}/zones/z1/dns_records/r1`, [{ status: 200, body: JSON.stringify({ success: true, errors: [], result: { id: "r1", name: "home.example.com", content: "203.0.113.7" } }) }]]);
    runPass([cf], e, false);
    expect(e.sent.map((x) => `${x.req.method} ${x.req.url.slice(CLOUDFLARE_API.length)}`)).toEqual([
      "GET /zones?name=example.com",
      "GET /zones/z1/dns_records?type=A&name=home.example.com",
      "PATCH /zones/z1/dns_records/r1",
    ]);
    expect(JSON.parse(e.sent[2].req.body ?? "")).toEqual({ content: "203.0.113.7" });
    expect(e.sent[2].req.headers).toEqual([["Authorization", "Bearer tok_123"]]);
    runPass([cf], e, true);
    expect(e.sent.length).toBe(5);
    expect(decodeState(e.files.get(statePath("cf")))?.result).toBe("unchanged");
  });

  it("defers what is not due yet and a continuing run sends exactly that", () => {
    const e = env();
    e.answers.push([VALUE_DOMAIN_URL, [BUSY, OK]]);
    const hosts = [section({ name: "a", host: "a" }), section({ name: "b", host: "b" })];
    const now: PassOptions = { force: false, fresh: true, maxWait: 0 };
    expect(pass(hosts, e, now)).toBe("deferred");
    expect(e.sent.length).toBe(1);
    // a's retry and b's first request both wait for the spacing
    const due = e.sent[0].at + Math.max(BACKOFF[0], VALUE_DOMAIN_SPACING);
    expect(decodeState(e.files.get(statePath("a")))?.nextRetry).toBe(due);
    expect(decodeState(e.files.get(statePath("b")))?.nextRetry).toBe(due);
    expect(decodeState(e.files.get(statePath("a")))?.failures).toBe(1);
    // the background run continues the series: a's retry, then b one slot later
    expect(pass(hosts, e, { force: false, fresh: false, maxWait: 1e9 })).toBe("done");
    expect(e.sent.map((x) => form(x.req.body).get("h"))).toEqual(["a", "a", "b"]);
    expect(e.sent[1].at).toBe(due);
    expect(e.sent[2].at - e.sent[1].at).toBe(VALUE_DOMAIN_SPACING);
    expect(decodeState(e.files.get(statePath("a")))?.failures).toBe(0);
    expect(decodeState(e.files.get(statePath("a")))?.result).toBe("ok");
    // nothing left: another continuing run sends nothing
    pass(hosts, e, { force: false, fresh: false, maxWait: 1e9 });
    expect(e.sent.length).toBe(3);
  });

  it("does not wait for ages when the clock was set back", () => {
    const e = env();
    e.answers.push([VALUE_DOMAIN_URL, [OK]]);
    e.files.set(lastRequestPath("value-domain"), `${e.clock.t + 86400}\n`);
    runPass([section({})], e, false);
    expect(e.sent.length).toBe(1);
    expect(e.sent[0].at - 1_700_000_000).toBeLessThanOrEqual(VALUE_DOMAIN_SPACING);
    // a retry due in a far future (set back by a day) is due within the longest backoff
    const t = e.clock.t + 3600;
    e.clock.t = t;
    e.addresses.set("wanppp", "198.51.100.9");
    e.files.set(statePath("home"), JSON.stringify({ target: "value-domain  www.example.jp ipv4", failures: 2, nextRetry: t + 86400 }));
    pass([section({})], e, { force: false, fresh: false, maxWait: 1e9 });
    expect(e.sent.length).toBe(2);
    expect(e.sent[1].at - t).toBeLessThanOrEqual(BACKOFF[BACKOFF.length - 1]);
  });
});

describe("publishing a server's IPv6 (option server)", () => {
  // netifd's answer for the server's zone network: the prefix delegated to it
  const lanStatus = (prefix: string) => ({ up: true, "ipv6-address": [], "ipv6-prefix-assignment": [{ address: prefix, mask: 64, preferred: 3600, valid: 7200, "local-address": { address: prefix + "1", mask: 64 } }] });
  const ctx = { pppoe: "wanppp", zones: [{ section: "lan", name: "lan", networks: ["lan"] }] };
  const server = { name: "web", zone: "lan", suffix: "::abcd:5" };

  /** A FakeEnv whose address is the real one, read from a ubus that changes. */
  function serverEnv(ubus: Record<string, unknown>): FakeEnv {
    const e = new FakeEnv();
    const p = {
      ubusCall: (o: string, m: string) => (ubus[`${o} ${m}`] !== undefined ? { ok: true, data: ubus[`${o} ${m}`] } : ubusFailed(UBUS_NOT_FOUND, true)),
    } as unknown as Platform;
    e.address = (s) => sectionAddress(p, s, ctx);
    e.addressSource = (s) => addressSource(s, ctx);
    return e;
  }
  const cfRecord = (content: string) => ({ status: 200, body: JSON.stringify({ success: true, errors: [], result: [{ id: "r6", name: "www.example.com", type: "AAAA", content }] }) });
  const patched = { status: 200, body: JSON.stringify({ success: true, errors: [], result: { id: "r6", name: "www.example.com" } }) };

  it("Cloudflare: the AAAA is the delegated prefix plus the suffix, and follows a prefix change", () => {
    const ubus: Record<string, unknown> = { "network.interface.lan status": lanStatus("2001:db8:1:10::") };
    const e = serverEnv(ubus);
    e.answers.push([`${CLOUDFLARE_API}/zones/z1/dns_records?`, [cfRecord("2001:db8:ffff::1"), cfRecord("2001:db8:1:10::abcd:5")]]);
    e.answers.push([`${CLOUDFLARE_API}/zones/z1/dns_records/r6`, [patched]]);
    const cf = [section({ name: "cf6", provider: "cloudflare", token: "tok", domain: "example.com", host: "www", zoneId: "z1", ipVersion: 6, server })];
    runPass(cf, e, false);
    expect(e.sent.map((x) => `${x.req.method} ${x.req.url.slice(CLOUDFLARE_API.length)}`)).toEqual([
      "GET /zones/z1/dns_records?type=AAAA&name=www.example.com",
      "PATCH /zones/z1/dns_records/r6",
    ]);
    expect(JSON.parse(e.sent[1].req.body ?? "")).toEqual({ content: "2001:db8:1:10::abcd:5" });

    // same prefix: nothing sent; a new prefix: the new address
    runPass(cf, e, false);
    expect(e.sent.length).toBe(2);
    ubus["network.interface.lan status"] = lanStatus("2001:db8:2:20::");
    runPass(cf, e, false);
    expect(JSON.parse(e.sent[e.sent.length - 1].req.body ?? "")).toEqual({ content: "2001:db8:2:20::abcd:5" });
    expect(decodeState(e.files.get(statePath("cf6")))).toMatchObject({ result: "ok", successIp: "2001:db8:2:20::abcd:5" });
  });

  it("MyDNS: IPV6ADDR is the server's address, not the router's; none while the LAN has no prefix", () => {
    const ubus: Record<string, unknown> = {
      "network.interface.wan6 status": { up: true, "ipv6-address": [{ address: "2001:db8:ffff::2", mask: 64 }] },
      "network.interface.lan status": { up: true, "ipv6-prefix-assignment": [] },
    };
    const e = serverEnv(ubus);
    e.answers.push(["https://www.mydns.jp/", [{ status: 200, body: "<html>OK</html>" }]]);
    const m = [section({ name: "m6", provider: "mydns", username: "mydns1", host: "", domain: "", ipVersion: 6, server })];
    runPass(m, e, false);
    expect(e.sent.length).toBe(0);
    expect(decodeState(e.files.get(statePath("m6")))).toMatchObject({
      message: "server web (prefix of lan + ::abcd:5) has no address (interface down?)",
      messageCode: "ddns.no_address",
      messageArgs: ["server web (prefix of lan + ::abcd:5)"],
    });
    ubus["network.interface.lan status"] = lanStatus("2001:db8:1:10::");
    runPass(m, e, false);
    expect(new URL(e.sent[0].req.url).searchParams.get("IPV6ADDR")).toBe("2001:db8:1:10::abcd:5");
  });
});
