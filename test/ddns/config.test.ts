// `config ddns` sections: defaults, and one clear error per mistake in validate.ts's shape.
import { describe, expect, it } from "vitest";
import type { RawServer } from "../../src/core/config";
import type { RawDdns } from "../../src/core/config";
import { checkDdns as check, validateDdns as validate } from "../../src/core/ddns/config";

function raw(over: Partial<RawDdns>): RawDdns {
  return {
    section: "home", enabled: "1", provider: "value-domain", domain: "example.jp", host: "www", username: "",
    password: "pw", token: "", zone_id: "", ip_version: "4", ip6_interface: "wan6", server: "", timeout: "30", ...over,
  };
}

function server(over: Partial<RawServer>): RawServer {
  return { section: "web", enabled: "1", ipaddr: "192.168.1.5", zone: "lan", mode: "source", ip6_suffix: "::5", ports: ["443/tcp"], ...over };
}

const SERVERS = [server({}), server({ section: "nas", ipaddr: "192.168.1.6", ip6_suffix: "" }), server({ section: "old", ipaddr: "192.168.1.7", enabled: "0" })];
const checkDdns = (raws: RawDdns[]) => check(raws, SERVERS);
const validateDdns = (raws: RawDdns[]) => validate(raws, SERVERS);

const errorsOf = (r: Partial<RawDdns>) => validateDdns([raw(r)]).map((e) => `${e.option ?? "-"}: ${e.text}`);

describe("ddns config", () => {
  it("accepts the three providers and maps host @ to the apex", () => {
    const v = checkDdns([
      raw({}),
      raw({ section: "apex", host: "@" }),
      raw({ section: "wild", host: "*" }),
      raw({ section: "m", provider: "mydns", username: "mydns123456", host: "", domain: "", ip_version: "6" }),
      raw({ section: "cf", provider: "cloudflare", token: "abc-DEF_123", password: "", domain: "example.com", host: "home" }),
    ]);
    expect(v.errors).toEqual([]);
    expect(v.sections.map((s) => [s.name, s.provider, s.host, s.ipVersion])).toEqual([
      ["home", "value-domain", "www", 4],
      ["apex", "value-domain", "", 4],
      ["wild", "value-domain", "*", 4],
      ["m", "mydns", "", 6],
      ["cf", "cloudflare", "home", 4],
    ]);
  });

  it("accepts what the stricter checks must still let through", () => {
    const ok = checkDdns([
      raw({ timeout: "1" }),
      raw({ section: "b", timeout: "300", host: "a-b.c", domain: "sub.example.co.jp" }),
      raw({ section: "c", provider: "cloudflare", token: "t", zone_id: "0123456789ABCDEF0123456789abcdef", domain: "example.com", host: "*.dyn" }),
    ]);
    expect(ok.errors).toEqual([]);
    expect(ok.sections.map((s) => s.timeout)).toEqual([1, 300, 30]);
  });

  it("skips disabled sections without judging them", () => {
    expect(checkDdns([raw({ enabled: "0", provider: "nope" })])).toEqual({ sections: [], errors: [] });
  });

  it.each([
    [{ provider: "" }, "provider: required: one of value-domain, mydns, cloudflare"],
    [{ provider: "dyndns" }, "provider: unknown provider: use one of value-domain, mydns, cloudflare"],
    [{ enabled: "maybe" }, "enabled: must be 0 or 1"],
    [{ domain: "" }, "domain: required: the domain, like example.com"],
    [{ domain: "exa mple.jp" }, "domain: not a domain name"],
    [{ host: "w w" }, "host: must be empty or @ (the domain itself), * (wildcard) or a name like www"],
    [{ password: "" }, "password: required: the dynamic DNS password from Value Domain"],
    [{ password: "a\nb" }, "password: must not contain control characters"],
    [{ ip_version: "6" }, "ip_version: Value Domain updates are IPv4 only here"],
    [{ ip_version: "5" }, "ip_version: must be 4 or 6"],
    [{ timeout: "0" }, "timeout: must be a whole number of seconds from 1 to 300"],
    [{ provider: "mydns", username: "", host: "" }, "username: required: the MyDNS master ID (like mydns123456)"],
    [{ provider: "mydns", username: "m1", host: "www" }, "host: MyDNS updates every domain of the master ID: leave host empty"],
    [{ provider: "cloudflare", token: "" }, "token: required: a Cloudflare API token with Zone.DNS Edit"],
    [{ provider: "cloudflare", token: "t", zone_id: "zz/1" }, "zone_id: not a Cloudflare zone id (32 hex digits)"],
    // issue 11: each of these was accepted before
    [{ provider: "cloudflare", token: "t", zone_id: "0123456789abcdef0123456789abcde" }, "zone_id: not a Cloudflare zone id (32 hex digits)"],
    [{ provider: "cloudflare", token: "t", zone_id: "0123456789abcdef0123456789abcdeg" }, "zone_id: not a Cloudflare zone id (32 hex digits)"],
    [{ provider: "cloudflare", token: "t", zone_id: "0123456789abcdef0123456789abcdef0" }, "zone_id: not a Cloudflare zone id (32 hex digits)"],
    [{ timeout: "abc" }, "timeout: must be a whole number of seconds from 1 to 300"],
    [{ timeout: "nan" }, "timeout: must be a whole number of seconds from 1 to 300"],
    [{ timeout: "ff" }, "timeout: must be a whole number of seconds from 1 to 300"],
    [{ timeout: "0x1" }, "timeout: must be a whole number of seconds from 1 to 300"],
    [{ timeout: "1e2" }, "timeout: must be a whole number of seconds from 1 to 300"],
    [{ timeout: "301" }, "timeout: must be a whole number of seconds from 1 to 300"],
    [{ domain: "example" }, "domain: not a domain name"],
    [{ domain: "exa_mple.jp" }, "domain: not a domain name"],
    [{ host: "a_b" }, "host: must be empty or @ (the domain itself), * (wildcard) or a name like www"],
    [{ host: "-a" }, "host: must be empty or @ (the domain itself), * (wildcard) or a name like www"],
  ])("%j → %s", (over, expected) => {
    expect(errorsOf(over)).toEqual([expected]);
  });

  it("never puts a secret in an error", () => {
    const errs = validateDdns([raw({ password: "se\tcret" }), raw({ section: "c", provider: "cloudflare", token: "bad token!" })]);
    expect(errs.length).toBe(2);
    for (const e of errs) expect(e.value).toBeUndefined();
  });

  it("rejects two sections updating the same record", () => {
    const errs = validateDdns([raw({}), raw({ section: "again" })]);
    expect(errs).toEqual([{ section: "again", type: "ddns", option: undefined, value: undefined, code: "ddns.duplicate", args: [], text: "another ddns section updates the same record" }]);
  });
});

describe("ddns server (publish a server's IPv6)", () => {
  const v6 = { provider: "mydns", username: "mydns1", host: "", domain: "", ip_version: "6" };
  it("takes the server's zone and suffix for an IPv6 section", () => {
    const v = checkDdns([raw({ ...v6, server: "web" }), raw({ section: "cf", provider: "cloudflare", token: "t", domain: "example.com", host: "www", ip_version: "6", server: "web" })]);
    expect(v.errors).toEqual([]);
    expect(v.sections.map((s) => s.server)).toEqual([{ name: "web", zone: "lan", suffix: "::5" }, { name: "web", zone: "lan", suffix: "::5" }]);
    // without server: the router's own address, as before
    expect(checkDdns([raw(v6)]).sections[0].server).toBeUndefined();
  });
  it.each([
    ["nope", "6", "no such server section"],
    ["nas", "6", "this server has no ip6_suffix: set its IPv6 suffix (like ::5) first"],
    ["old", "6", "this server is disabled: enable it or publish another one"],
    ["web", "4", "only with ip_version 6: over IPv4 the PPPoE address is published, for every server"],
  ])("server %j with ip_version %s is refused: %s", (name, ipVersion, message) => {
    const r = raw({ ...v6, ip_version: ipVersion, server: name });
    expect(validateDdns([r])).toMatchObject([{ section: "home", type: "ddns", option: "server", value: name, text: message }]);
    expect(checkDdns([r]).sections).toEqual([]);
  });
  it("is judged against the config's own servers in validateConfig", async () => {
    const { validateConfig } = await import("../../src/core/validate");
    const sys = { zones: [{ section: "lan", name: "lan", networks: ["lan"] }], interfaces: ["lan"], subnets: [{ iface: "lan", addr: [192, 168, 1, 1], prefix: 24 }], wan: undefined };
    const main = { section: "main", enabled: "0", username: "", password: "", device: "", mtu: "1454", interface: "wanppp", zone: "wan_pppoe", table: "300", table_name: "pppoe", priority: "30000", mark: "0x10000000" };
    const enabled = { ...main, enabled: "1", username: "u", password: "p", device: "eth1" };
    const errs = validateConfig({ main: enabled, servers: [server({})], ddns: [raw({ ...v6, server: "web" }), raw({ ...v6, section: "b", username: "mydns2", server: "gone" })] }, sys).errors;
    expect(errs).toEqual([{ section: "b", type: "ddns", option: "server", value: "gone", code: "ddns.server_unknown", args: [], text: "no such server section" }]);
  });
});

describe("ddns config from /etc/config/splitwan", () => {
  it("reads sections through a UCI cursor, defaults applied, in file order", async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { UciFileCursor } = await import("../standin/uci-file");
    const { nodeFiles } = await import("../helpers/node-platform");
    const { readDdns } = await import("../../src/core/config");
    const dir = mkdtempSync(join(tmpdir(), "splitwan-ddns-conf-"));
    writeFileSync(join(dir, "splitwan"), [
      "config splitwan 'main'", "\toption interface 'wanppp'", "",
      "config ddns 'b'", "\toption provider 'cloudflare'", "\toption token 'tok'", "\toption domain 'example.com'", "\toption host 'home'", "",
      "config ddns 'a'", "\toption provider 'value-domain'", "\toption domain 'example.jp'", "",
      "",
    ].join("\n"));
    const cursor = new UciFileCursor(nodeFiles(), dir);
    const raws = readDdns(cursor);
    expect(raws.map((r) => [r.section, r.provider, r.enabled, r.ip_version, r.timeout, r.ip6_interface])).toEqual([
      ["b", "cloudflare", "1", "4", "30", "wan6"],
      ["a", "value-domain", "1", "4", "30", "wan6"],
    ]);
    expect(validate(raws, [])).toMatchObject([{ section: "a", option: "password", value: undefined, code: "ddns.vd_password", text: "required: the dynamic DNS password from Value Domain" }]);
    rmSync(dir, { recursive: true });
  });
});
