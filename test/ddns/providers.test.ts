// Provider modules: request building and answer parsing, in Node and under lua5.1.
import { describe, expect, it } from "vitest";
import { luaHarness, runLuaFile } from "../helpers/lua";
import { percentEncode, scrub } from "../../src/core/ddns/encode";
import { mydnsRequest } from "../../src/core/ddns/mydns";
import { valueDomainOutcome, valueDomainRequest } from "../../src/core/ddns/value-domain";
import { messageText } from "../../src/core/messages";
import { ENCODINGS, IPV6_FORMS, MYDNS_ANSWERS, SERVER_ADDRESSES, VD_ANSWERS, VD_REQUESTS, caseLines, section } from "../lua/ddns-cases";

describe("percent-encoding", () => {
  it.each(ENCODINGS)("%j → %j", (input, expected) => {
    expect(percentEncode(input)).toBe(expected);
  });
  it("round-trips through a standard form decoder", () => {
    for (const [input] of ENCODINGS) expect(new URLSearchParams(`x=${percentEncode(input)}`).get("x")).toBe(input);
  });
});

describe("Value Domain", () => {
  it.each(VD_REQUESTS)("password %j host %j → form body", (password, host, body) => {
    const r = valueDomainRequest(section({ password, host }), "203.0.113.7");
    expect(r.method).toBe("POST");
    expect(r.url).toBe("https://dyn.value-domain.com/cgi-bin/dyn.fcg");
    expect(r.url).not.toContain(password);
    expect(r.secretUrl).toBe(false);
    expect(r.body).toBe(body);
    const form = new URLSearchParams(r.body);
    expect(form.get("p")).toBe(password);
    expect(form.get("h")).toBe(host);
    expect(form.get("i")).toBe("203.0.113.7");
  });
  it.each(VD_ANSWERS)("HTTP %i %j %j → %s", (status, body, error, expected) => {
    const o = valueDomainOutcome({ status: status < 0 ? 0 : status, body, error: error === "" ? undefined : error, fatal: status < 0 ? true : undefined }, ["secret"]);
    expect(`${o.kind} ${o.code}`).toBe(expected);
    expect(o.message.text.length).toBeGreaterThan(5);
    expect(o.message.text).toBe(messageText(o.message.code, o.message.args));
  });
  it("says what to fix for permanent failures", () => {
    expect(valueDomainOutcome({ status: 200, body: "status=4\n" }, []).message).toMatchObject({ code: "vd.password", text: expect.stringContaining("not the login password") });
    expect(valueDomainOutcome({ status: 200, body: "status=8\n" }, []).message.text).toContain("add the host");
    expect(valueDomainOutcome({ status: 503, body: "" }, []).message.text).toContain("60 s");
  });
  it("keeps the password out of the recorded answer", () => {
    const o = valueDomainOutcome({ status: 200, body: "status=2\nbad password s3cr&t for example.jp" }, ["s3cr&t"]);
    expect(o.answer).toBe("status=2 bad password *** for example.jp");
  });
});

describe("MyDNS", () => {
  it("puts ID, password and the explicit address in the directip URL and marks it secret", () => {
    const r = mydnsRequest(section({ provider: "mydns", username: "mydns123", password: "p&w d", host: "" }), "203.0.113.7");
    expect(r.method).toBe("GET");
    expect(r.secretUrl).toBe(true);
    const u = new URL(r.url);
    expect(u.origin + u.pathname).toBe("https://www.mydns.jp/directip.html");
    expect(u.searchParams.get("MID")).toBe("mydns123");
    expect(u.searchParams.get("PWD")).toBe("p&w d");
    expect(u.searchParams.get("IPV4ADDR")).toBe("203.0.113.7");
    const r6 = mydnsRequest(section({ provider: "mydns", username: "m", password: "p", ipVersion: 6 }), "2001:db8::7");
    expect(new URL(r6.url).searchParams.get("IPV6ADDR")).toBe("2001:db8::7");
    expect(new URL(r6.url).searchParams.get("IPV4ADDR")).toBe(null);
  });
  it("classifies answers", () => {
    const lines = caseLines().filter((l) => l.startsWith("mydns "));
    expect(lines.map((l) => l.split(" | ")[0].slice(6))).toEqual(MYDNS_ANSWERS.map((c) => c[2]));
  });
});

describe("scrub", () => {
  it("hides every secret, raw and percent-encoded, longest first, on one line", () => {
    expect(scrub("a=abcdef b=abc c=abc%26\n d", ["abc", "abcdef", "abc&"])).toBe("a=*** b=*** c=*** d");
    expect(scrub("x".repeat(300), []).length).toBe(203);
  });
});

describe("scrub cases", () => {
  it("are what the Lua run must match", () => {
    expect(caseLines().filter((l) => l.startsWith("scrub "))).toEqual(["scrub pw=***&x=*** line2", "scrub a *** b *** c"]);
  });
});

describe("IPv6 cases", () => {
  it("are what the Lua run must match", () => {
    expect(caseLines().filter((l) => l.startsWith("ipv6 "))).toEqual(IPV6_FORMS.map((c) => `ipv6 ${c[1]}`));
    expect(caseLines().filter((l) => l.startsWith("server6 "))).toEqual(SERVER_ADDRESSES.map((c) => `server6 ${c[2]}`));
  });
});

describe("under lua5.1", () => {
  it("gives the same lines as Node", () => {
    const r = runLuaFile(luaHarness("ddns-providers"), []);
    expect(r.stderr).toBe("");
    expect(r.stdout.split("\n").filter((l) => l !== "")).toEqual(caseLines());
  });
});
