import { describe, expect, it } from "vitest";
import { formatSpec, intPorts, parsePortItem, portsOverlap } from "../../src/core/ports";
import { parseIPv4, parseIPv6, prefixLength } from "../../src/core/addr";
import { messageText } from "../../src/core/messages";

function specs(item: string) {
  const r = parsePortItem(item);
  if (!r.ok) throw new Error(r.error.code);
  return r.specs;
}

describe("port list items", () => {
  it("parses single ports, lists, ranges and remaps with the protocol applying to all", () => {
    expect(specs("80,443/tcp").map(formatSpec)).toEqual(["80/tcp", "443/tcp"]);
    expect(specs("19132/udp")).toEqual([{ extFrom: 19132, extTo: 19132, intFrom: 19132, proto: "udp" }]);
    expect(specs("27015-27030/both")).toEqual([{ extFrom: 27015, extTo: 27030, intFrom: 27015, proto: "both" }]);
    expect(specs("2222:22/tcp")).toEqual([{ extFrom: 2222, extTo: 2222, intFrom: 22, proto: "tcp" }]);
    expect(specs(" 443 ")[0].proto).toBe("tcp");
    expect(specs("8080/UDP")[0].proto).toBe("udp");
  });

  it("keeps a range's width inside", () => {
    expect(intPorts(specs("6000-6005")[0])).toBe("6000-6005");
  });

  it.each([
    ["", "port.empty", [], "empty port entry"],
    ["0", "port.number", ["0"], "whole numbers from 1 to 65535"],
    ["65536/tcp", "port.number", ["65536"], "whole numbers from 1 to 65535"],
    ["08", "port.number", ["08"], "whole numbers"],
    ["http", "port.number", ["http"], "whole numbers"],
    ["443/sctp", "port.proto", ["443/sctp"], "protocol must be tcp, udp or both"],
    ["30-20", "port.range_order", ["30-20"], "lower port to the higher"],
    ["80,,443", "port.number", [""], "whole numbers"],
    ["1000-2000:3000", "port.range_moved", ["1000-2000:3000"], "cannot be moved"],
  ])("rejects %j with a reason", (item, code, args, reason) => {
    const r = parsePortItem(item);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toEqual({ code, args });
    expect(messageText(r.error.code, r.error.args)).toContain(reason);
  });

  it("finds overlaps only on a shared protocol", () => {
    const [a] = specs("400-500/tcp");
    expect(portsOverlap(a, specs("443/both")[0])).toBe(true);
    expect(portsOverlap(a, specs("443/udp")[0])).toBe(false);
    expect(portsOverlap(a, specs("501/tcp")[0])).toBe(false);
  });
});

describe("addresses", () => {
  it("parses IPv4 strictly", () => {
    expect(parseIPv4("192.168.1.5")).toEqual([192, 168, 1, 5]);
    for (const bad of ["192.168.1", "192.168.1.256", "192.168.01.5", "1.2.3.4/32", "a.b.c.d", ""]) expect(parseIPv4(bad)).toBeUndefined();
    expect(prefixLength("255.255.255.0")).toBe(24);
    expect(prefixLength("255.0.255.0")).toBeUndefined();
  });
  it("parses IPv6 with and without ::", () => {
    expect(parseIPv6("::5")).toEqual([0, 0, 0, 0, 0, 0, 0, 5]);
    expect(parseIPv6("2001:db8::1:2")).toEqual([0x2001, 0xdb8, 0, 0, 0, 0, 1, 2]);
    for (const bad of ["::5::1", "12345::", "1:2:3:4:5:6:7:8:9", "g::1", ":"]) expect(parseIPv6(bad)).toBeUndefined();
  });
});
