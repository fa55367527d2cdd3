// Provider cases shared by the Node tests (test/ddns/providers.test.ts) and the lua5.1
// harness (test/lua/ddns-providers.ts): both print the same lines, and Node also asserts
// the expected values, so Lua is held to the same results.
import { formatIPv6, parseIPv6 } from "../../src/core/addr";
import { serverAddress } from "../../src/core/ddns/address";
import { cloudflare } from "../../src/core/ddns/cloudflare";
import type { Platform } from "../../src/core/platform";
import { percentEncode, scrub } from "../../src/core/ddns/encode";
import { mydnsOutcome, mydnsRequest } from "../../src/core/ddns/mydns";
import type { DdnsSection, HttpRequest, HttpResponse } from "../../src/core/ddns/types";
import { valueDomainOutcome, valueDomainRequest } from "../../src/core/ddns/value-domain";
import type { Message } from "../../src/core/rpc-types";

/** A message as one line: code, values and English, so both runtimes must agree on all. */
function said(m: Message): string {
  return `${m.code} [${m.args.join(", ")}] ${m.text}`;
}

export function section(over: Partial<DdnsSection>): DdnsSection {
  const base: DdnsSection = {
    name: "home", provider: "value-domain", domain: "example.jp", host: "www", username: "", password: "secret",
    token: "", zoneId: "", ipVersion: 4, ip6Interface: "wan6", timeout: 30,
  };
  return { ...base, ...over };
}

/** Strings whose encoding the tests pin: [input, percent-encoded]. */
export const ENCODINGS: Array<[string, string]> = [
  ["a&b", "a%26b"],
  ["100%", "100%25"],
  ["a+b", "a%2Bb"],
  ["#x", "%23x"],
  ["pass word", "pass%20word"],
  ["é", "%C3%A9"],
  ["パスワード", "%E3%83%91%E3%82%B9%E3%83%AF%E3%83%BC%E3%83%89"],
  ["*", "%2A"],
  ["a=b?c/d", "a%3Db%3Fc%2Fd"],
  ["Az09-._~", "Az09-._~"],
  ["", ""],
];

/** Value Domain requests: [password, host, expected body]. */
export const VD_REQUESTS: Array<[string, string, string]> = [
  ["secret", "www", "d=example.jp&p=secret&h=www&i=203.0.113.7"],
  ["p&ss%+# wörd", "*", "d=example.jp&p=p%26ss%25%2B%23%20w%C3%B6rd&h=%2A&i=203.0.113.7"],
  ["パスワード", "", "d=example.jp&p=%E3%83%91%E3%82%B9%E3%83%AF%E3%83%BC%E3%83%89&h=&i=203.0.113.7"],
  ["x", "my host&co", "d=example.jp&p=x&h=my%20host%26co&i=203.0.113.7"],
  ["x", "ホスト", "d=example.jp&p=x&h=%E3%83%9B%E3%82%B9%E3%83%88&i=203.0.113.7"],
];

/** Value Domain answers: [HTTP status, body, transport error, expected "kind code"]. */
export const VD_ANSWERS: Array<[number, string, string, string]> = [
  [200, "status=0\nOK\n", "", "ok status=0"],
  [200, "status=0\r\nOK\r\n", "", "ok status=0"],
  [200, "status=1\nBad request\n", "", "permanent status=1"],
  [200, "status=2\nWrong domain or password\n", "", "permanent status=2"],
  [200, "status=3\n", "", "permanent status=3"],
  [200, "status=4\n", "", "permanent status=4"],
  [200, "status=5\n", "", "transient status=5"],
  [200, "status=8\n", "", "permanent status=8"],
  [200, "status=9\n", "", "transient status=9"],
  [200, "status=7\n", "", "transient status=7"],
  [200, "xstatus=0\n", "", "transient malformed"],
  [200, "status=\n", "", "transient malformed"],
  [200, "hello\n", "", "transient malformed"],
  [200, "<html><body>Maintenance</body></html>", "", "transient malformed"],
  [200, "", "", "transient malformed"],
  [503, "", "", "transient http 503"],
  [500, "<html>error</html>", "", "transient http 500"],
  [404, "", "", "permanent http 404"],
  [0, "", "Connection failed", "transient network"],
  [-1, "", "uclient-fetch is not installed", "permanent client"],
];

/** MyDNS answers: [HTTP status, body, expected "kind code"]. */
export const MYDNS_ANSWERS: Array<[number, string, string]> = [
  [200, "<html>Login and IP address notify OK.</html>", "ok http 200"],
  [401, "Authorization Required", "permanent http 401"],
  [403, "", "permanent http 403"],
  [500, "", "transient http 500"],
  [429, "", "transient http 429"],
  [404, "", "permanent http 404"],
  [0, "", "transient network"],
];

const ZONE = '{"success":true,"errors":[],"result":[{"id":"z1","name":"example.com"}]}';
const REC = (content: string) => `{"success":true,"errors":[],"result":[{"id":"r1","name":"home.example.com","type":"A","content":"${content}"}]}`;
const PATCHED = '{"success":true,"errors":[],"result":{"id":"r1","name":"home.example.com","content":"203.0.113.7"}}';

/** Cloudflare conversations: [zone_id, ip version, answers in order, expected "kind code"]. */
export const CF_CASES: Array<[string, 4 | 6, HttpResponse[], string]> = [
  ["", 4, [{ status: 200, body: ZONE }, { status: 200, body: REC("192.0.2.1") }, { status: 200, body: PATCHED }], "ok updated"],
  ["z9", 4, [{ status: 200, body: REC("203.0.113.7") }], "unchanged unchanged"],
  ["", 4, [{ status: 403, body: '{"success":false,"errors":[{"code":10000,"message":"Authentication error"}],"result":null}' }], "permanent cf 10000"],
  ["", 4, [{ status: 200, body: '{"success":true,"errors":[],"result":[]}' }], "permanent no zone"],
  ["z9", 4, [{ status: 429, body: "" }], "transient http 429"],
  ["z9", 4, [{ status: 200, body: '{"success":true,"errors":[],"result":[]}' }], "permanent no record"],
  ["z9", 4, [{ status: 200, body: '{"success":true,"errors":[],"result":[{"id":"a","content":"1.1.1.1"},{"id":"b","content":"1.1.1.2"}]}' }], "permanent several records"],
  ["z9", 4, [{ status: 200, body: "<html><body>Please wait</body></html>" }], "transient http 200"],
  ["z9", 4, [{ status: 502, body: "" }], "transient http 502"],
  ["z9", 4, [{ status: 200, body: '{"success":' }], "transient http 200"],
  ["z9", 4, [{ status: 400, body: "" }], "permanent http 400"],
  ["z9", 6, [{ status: 200, body: REC("192.0.2.1") }, { status: 400, body: '{"success":false,"errors":[{"code":9005,"message":"Content for AAAA record is invalid"}]}' }], "permanent cf 9005"],
  ["z9", 4, [{ status: 0, body: "", error: "timed out" }], "transient network"],
];

/** IPv6 texts and their RFC 5952 form. */
export const IPV6_FORMS: Array<[string, string]> = [
  ["2001:DB8:0:0:0:0:0:5", "2001:db8::5"],
  ["2001:db8:0:1:0:0:0:1", "2001:db8:0:1::1"],
  ["2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"],
  ["2001:db8:ab:cd:1234:5678:9abc:def0", "2001:db8:ab:cd:1234:5678:9abc:def0"],
  ["::", "::"],
];

/** A server's published IPv6: [lan's assignments, suffix, expected ("-" for none)]. */
export const SERVER_ADDRESSES: Array<[Array<Record<string, unknown>>, string, string]> = [
  [[{ address: "2001:db8:1:10::", mask: 64, preferred: 3600 }], "::5", "2001:db8:1:10::5"],
  [[{ address: "fd00:1:2:3::", mask: 64 }, { address: "2001:db8:ffff:ff00::", mask: 56, preferred: 0 }, { address: "2001:db8:1:10::", mask: 64 }], "::1234:5678:9abc:def0", "2001:db8:1:10:1234:5678:9abc:def0"],
  [[{ address: "fd00:1:2:3::", mask: 64 }], "::5", "-"],
];

/** Every case as one line per result: the same function runs in Node and under lua5.1. */
export function caseLines(): string[] {
  const out: string[] = [];
  for (const [input] of ENCODINGS) out.push(`enc ${percentEncode(input)}`);
  for (const [password, host] of VD_REQUESTS) {
    const r = valueDomainRequest(section({ password, host }), "203.0.113.7");
    out.push(`vd-req ${r.method} ${r.url} ${r.contentType} ${r.body} secretUrl=${r.secretUrl}`);
  }
  for (const [status, body, error] of VD_ANSWERS) {
    // status -1: no answer and the router lacks a client (fatal)
    const resp: HttpResponse = { status: status < 0 ? 0 : status, body, error: error === "" ? undefined : error, fatal: status < 0 ? true : undefined };
    const o = valueDomainOutcome(resp, ["secret"]);
    out.push(`vd ${o.kind} ${o.code} | ${said(o.message)} | ${o.answer}`);
  }
  for (const v of [4, 6] as const) {
    const r = mydnsRequest(section({ provider: "mydns", username: "mydns123", password: "p&w", host: "", domain: "", ipVersion: v }), v === 4 ? "203.0.113.7" : "2001:db8::7");
    out.push(`mydns-req ${r.method} ${r.url} secretUrl=${r.secretUrl}`);
  }
  for (const [status, body] of MYDNS_ANSWERS) {
    const o = mydnsOutcome({ status, body, error: status === 0 ? "timeout" : undefined }, ["pw"]);
    out.push(`mydns ${o.kind} ${o.code} | ${said(o.message)}`);
  }
  for (const [zoneId, v, answers] of CF_CASES) {
    const queue = answers.slice();
    const asked: string[] = [];
    const http = (req: HttpRequest): HttpResponse => {
      asked.push(`${req.method} ${req.url} ${req.body ?? "-"} ${req.headers.map((h) => h.join(": ")).join(",")}`);
      return queue.shift() ?? { status: 0, body: "", error: "no more answers" };
    };
    const s = section({ provider: "cloudflare", token: "tok", domain: "example.com", host: "home", zoneId, ipVersion: v, password: "" });
    const o = cloudflare.update(s, v === 4 ? "203.0.113.7" : "2001:db8::7", http);
    out.push(`cf ${o.kind} ${o.code} | ${said(o.message)} | ${asked.join(" ; ")}`);
  }
  for (const [text] of IPV6_FORMS) out.push(`ipv6 ${formatIPv6(parseIPv6(text) as number[])}`);
  for (const [assignments, suffix] of SERVER_ADDRESSES) {
    const p = { ubusCall: (_o: string, _m: string) => ({ ok: true, data: { up: true, "ipv6-prefix-assignment": assignments } }) } as unknown as Platform;
    out.push(`server6 ${serverAddress(p, ["lan"], suffix).ip ?? "-"}`);
  }
  out.push(`scrub ${scrub("pw=secret&x=secret%21\n\n  line2", ["secret", "secret!"])}`);
  // Lua pattern characters and UTF-8 in the secret, raw and percent-encoded
  out.push(`scrub ${scrub("a p&ss%+# wörd b p%26ss%25%2B%23%20w%C3%B6rd c", ["p&ss%+# wörd"])}`);
  return out;
}
