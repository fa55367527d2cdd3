// Cloudflare: record lookup by name, PATCH only when the content differs, and every kind
// of failure classified (the same cases run under lua5.1 in providers.test.ts).
import { describe, expect, it } from "vitest";
import { CF_CASES, caseLines } from "../lua/ddns-cases";

describe("Cloudflare", () => {
  const lines = caseLines().filter((l) => l.startsWith("cf "));
  it.each(CF_CASES.map((c, i) => [i, c[3]] as const))("case %i → %s", (i, expected) => {
    expect(lines[i].split(" | ")[0].slice(3)).toBe(expected);
  });
  it("asks for the zone, then the record by type and name, then patches it", () => {
    expect(lines[0].split(" | ")[2].split(" ; ")).toEqual([
      "GET https://api.cloudflare.com/client/v4/zones?name=example.com - Authorization: Bearer tok",
      "GET https://api.cloudflare.com/client/v4/zones/z1/dns_records?type=A&name=home.example.com - Authorization: Bearer tok",
      'PATCH https://api.cloudflare.com/client/v4/zones/z1/dns_records/r1 {"content":"203.0.113.7"} Authorization: Bearer tok',
    ]);
    expect(lines[11]).toContain("dns_records?type=AAAA&name=home.example.com");
    expect(lines[11]).toContain('{"content":"2001:db8::7"}');
  });
  it("says what to fix", () => {
    expect(lines[2]).toContain("Zone.DNS Edit");
    expect(lines[5]).toContain("create it in the Cloudflare dashboard");
    expect(lines[11]).toContain("Content for AAAA record is invalid");
  });
});
