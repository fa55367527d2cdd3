// Which address is published: netifd's own report over ubus, never a guess.
import { describe, expect, it } from "vitest";
import { interfaceAddress, lookupAddress } from "../../src/core/ddns/address";
import type { Platform } from "../../src/core/platform";
import { UBUS_NOT_FOUND, UBUS_TIMEOUT, ubusFailed } from "../../src/core/ubus";

function ubusOnly(answers: Record<string, unknown>): Platform {
  return {
    ubusCall: (object: string, method: string) => {
      const data = answers[`${object} ${method}`];
      return data !== undefined ? { ok: true, data } : ubusFailed(UBUS_NOT_FOUND, true);
    },
  } as unknown as Platform;
}

describe("lookupAddress", () => {
  it("tells netifd not answering (retry) from an interface it does not know (wait for ifup)", () => {
    const timeout = { ubusCall: () => ubusFailed(UBUS_TIMEOUT, true) } as unknown as Platform;
    expect(lookupAddress(timeout, "wanppp", 4)).toEqual({ ip: undefined, unreachable: true });
    const noUbusd = { ubusCall: () => ubusFailed(9, false) } as unknown as Platform;
    expect(lookupAddress(noUbusd, "wanppp", 4)).toEqual({ ip: undefined, unreachable: true });
    expect(lookupAddress(ubusOnly({}), "wanppp", 4)).toEqual({ ip: undefined, unreachable: false });
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
