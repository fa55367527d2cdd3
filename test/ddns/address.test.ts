// Which address is published: netifd's own report over ubus, never a guess.
import { describe, expect, it } from "vitest";
import { formatIPv6, parseIPv6 } from "../../src/core/addr";
import { addressSource, interfaceAddress, sectionAddress, sectionInterfaces, serverAddress } from "../../src/core/ddns/address";
import type { Platform } from "../../src/core/platform";
import { UBUS_NOT_FOUND, UBUS_TIMEOUT, ubusFailed } from "../../src/core/ubus";
import { section } from "../lua/ddns-cases";

function ubusOnly(answers: Record<string, unknown>): Platform {
  return {
    ubusCall: (object: string, method: string) => {
      const data = answers[`${object} ${method}`];
      return data !== undefined ? { ok: true, data } : ubusFailed(UBUS_NOT_FOUND, true);
    },
  } as unknown as Platform;
}

const serverIp = (...a: Parameters<typeof serverAddress>) => serverAddress(...a).ip;
const sectionIp = (...a: Parameters<typeof sectionAddress>) => sectionAddress(...a).ip;

describe("sectionAddress when netifd does not answer", () => {
  it("tells netifd not answering (retry) from an interface it does not know (wait for ifup)", () => {
    const ctx = { pppoe: "wanppp", zones: [] };
    const timeout = { ubusCall: () => ubusFailed(UBUS_TIMEOUT, true) } as unknown as Platform;
    expect(sectionAddress(timeout, section({}), ctx)).toEqual({ unreachable: true });
    const noUbusd = { ubusCall: () => ubusFailed(9, false) } as unknown as Platform;
    expect(sectionAddress(noUbusd, section({}), ctx)).toEqual({ unreachable: true });
    expect(sectionAddress(ubusOnly({}), section({}), ctx)).toEqual({ unreachable: false });
  });
});

describe("interfaceAddress", () => {
  it("takes ipv4-address[0] of the PPPoE interface while it is up", () => {
    const p = ubusOnly({
      "network.interface.wanppp status": { up: true, "ipv4-address": [{ address: "203.0.113.7", mask: 32 }, { address: "203.0.113.8", mask: 32 }] },
    });
    expect(interfaceAddress(p, "wanppp", 4)).toBe("203.0.113.7");
  });
  it("has none while the interface is down, has no address, or does not exist", () => {
    expect(interfaceAddress(ubusOnly({ "network.interface.wanppp status": { up: false, "ipv4-address": [{ address: "203.0.113.7" }] } }), "wanppp", 4)).toBeUndefined();
    expect(interfaceAddress(ubusOnly({ "network.interface.wanppp status": { up: true, "ipv4-address": [] } }), "wanppp", 4)).toBeUndefined();
    expect(interfaceAddress(ubusOnly({}), "wanppp", 4)).toBeUndefined();
    // never anything that is not an address of the family asked for
    for (const address of ["", "203.0.113.7/32", "2001:db8::1", "203.0.113.256", 42]) {
      expect(interfaceAddress(ubusOnly({ "network.interface.wanppp status": { up: true, "ipv4-address": [{ address }] } }), "wanppp", 4)).toBeUndefined();
    }
    expect(interfaceAddress(ubusOnly({ "network.interface.wan6 status": { up: true, "ipv6-address": [{ address: "203.0.113.7" }] } }), "wan6", 6)).toBeUndefined();
  });
  it("for IPv6 takes ipv6-address, else the router's address in the delegated prefix", () => {
    expect(interfaceAddress(ubusOnly({ "network.interface.wan6 status": { up: true, "ipv6-address": [{ address: "2001:db8::2", mask: 64 }] } }), "wan6", 6)).toBe("2001:db8::2");
    const pd = { up: true, "ipv6-address": [], "ipv6-prefix-assignment": [{ address: "2001:db8:1:10::", mask: 64, "local-address": { address: "2001:db8:1:10::1", mask: 64 } }] };
    expect(interfaceAddress(ubusOnly({ "network.interface.wan6 status": pd }), "wan6", 6)).toBe("2001:db8:1:10::1");
  });
});

describe("formatIPv6 (RFC 5952, as netifd and providers print addresses)", () => {
  it.each([
    ["2001:db8:1:10::5", "2001:db8:1:10::5"],
    ["2001:0DB8:0000:0000:0000:0000:0000:0005", "2001:db8::5"],
    ["2001:db8:0:1:0:0:0:1", "2001:db8:0:1::1"], // the longest zero run, not the first
    ["2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"], // equal runs: the first
    ["2001:db8:1:2:3:4:0:8", "2001:db8:1:2:3:4:0:8"], // one zero group stays
    ["::1", "::1"],
    ["fe80::", "fe80::"],
    ["2001:db8:ab:cd:1234:5678:9abc:def0", "2001:db8:ab:cd:1234:5678:9abc:def0"],
  ])("%s → %s", (text, expected) => {
    expect(formatIPv6(parseIPv6(text) as number[])).toBe(expected);
  });
});

describe("serverAddress: the delegated prefix of the server's zone network + its suffix", () => {
  const lan = (assignments: unknown[], up = true) => ({ "network.interface.lan status": { up, "ipv6-address": [], "ipv6-prefix-assignment": assignments } });
  const pd = (address: string, mask = 64, extra: Record<string, unknown> = {}) => ({ address, mask, preferred: 3600, valid: 7200, "local-address": { address: address + "1", mask }, ...extra });

  it("is the prefix's first 64 bits with the suffix's last 64", () => {
    expect(serverIp(ubusOnly(lan([pd("2001:db8:1:10::")])), ["lan"], "::5")).toBe("2001:db8:1:10::5");
    expect(serverIp(ubusOnly(lan([pd("2001:db8:1:10::")])), ["lan"], "::1234:5678:9abc:def0")).toBe("2001:db8:1:10:1234:5678:9abc:def0");
    // a /60 assignment: its first /64 (what netifd announces on the LAN)
    expect(serverIp(ubusOnly(lan([pd("2001:db8:1:20::", 60)])), ["lan"], "::a:5")).toBe("2001:db8:1:20::a:5");
  });
  it("skips the ULA, longer-than-/64 and deprecated prefixes, and interfaces that are down", () => {
    const mixed = [pd("fd12:3456:789a::"), pd("2001:db8:9:9::", 80), pd("2001:db8:1:10::", 64, { preferred: 0 }), pd("2001:db8:2:20::")];
    expect(serverIp(ubusOnly(lan(mixed)), ["lan"], "::5")).toBe("2001:db8:2:20::5");
    // only a deprecated one: still better than none
    expect(serverIp(ubusOnly(lan([pd("fd00::"), pd("2001:db8:1:10::", 64, { preferred: 0 })])), ["lan"], "::5")).toBe("2001:db8:1:10::5");
    expect(serverIp(ubusOnly(lan([pd("fd12:3456:789a::")])), ["lan"], "::5")).toBeUndefined();
    expect(serverIp(ubusOnly(lan([pd("2001:db8:1:10::")], false)), ["lan"], "::5")).toBeUndefined();
    expect(serverIp(ubusOnly({}), ["lan"], "::5")).toBeUndefined();
    expect(serverIp(ubusOnly(lan([{ address: "2001:db8:1:10::" }, { mask: 64 }, "x"])), ["lan"], "::5")).toBeUndefined();
  });
  it("takes the first of the zone's networks that has a prefix", () => {
    const p = ubusOnly({ "network.interface.lan status": { up: true, "ipv6-prefix-assignment": [] }, "network.interface.lan2 status": { up: true, "ipv6-prefix-assignment": [pd("2001:db8:3:30::")] } });
    expect(serverIp(p, ["lan", "lan2"], "::5")).toBe("2001:db8:3:30::5");
    expect(serverIp(p, [], "::5")).toBeUndefined();
  });
});

describe("a section's address and the interfaces whose events matter", () => {
  const ctx = { pppoe: "wanppp", zones: [{ section: "z0", name: "lan", networks: ["lan", "guest6"] }, { section: "z1", name: "wan", networks: ["wan", "wan6"] }] };
  const server = { name: "web", zone: "lan", suffix: "::5" };
  const answers = {
    "network.interface.wanppp status": { up: true, "ipv4-address": [{ address: "203.0.113.7", mask: 32 }] },
    "network.interface.wan6 status": { up: true, "ipv6-address": [{ address: "2001:db8:ffff::2", mask: 64 }] },
    "network.interface.lan status": { up: true, "ipv6-prefix-assignment": [{ address: "2001:db8:1:10::", mask: 64, "local-address": { address: "2001:db8:1:10::1", mask: 64 } }] },
  };
  it("IPv4: the PPPoE address; IPv6: ip6_interface's; IPv6 with server: the server's", () => {
    const p = ubusOnly(answers);
    expect(sectionIp(p, section({}), ctx)).toBe("203.0.113.7");
    expect(sectionIp(p, section({ ipVersion: 6 }), ctx)).toBe("2001:db8:ffff::2");
    expect(sectionIp(p, section({ ipVersion: 6, server }), ctx)).toBe("2001:db8:1:10::5");
    expect(addressSource(section({ ipVersion: 6, server }), ctx)).toBe("server web (prefix of lan or guest6 + ::5)");
  });
  it("IPv4 follows the PPPoE interface; a server follows its zone's networks and the uplink", () => {
    expect(sectionInterfaces(section({}), ctx)).toEqual(["wanppp"]);
    expect(sectionInterfaces(section({ ipVersion: 6 }), ctx)).toEqual(["wan6"]);
    expect(sectionInterfaces(section({ ipVersion: 6, server }), ctx)).toEqual(["wan6", "lan", "guest6"]);
    expect(sectionInterfaces(section({ ipVersion: 6, server: { ...server, zone: "dmz" } }), ctx)).toEqual(["wan6"]);
  });
});
