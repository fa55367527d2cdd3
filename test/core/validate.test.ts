import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readConfig } from "../../src/core/config";
import { detectWan } from "../../src/core/detect";
import { readSystem } from "../../src/core/system";
import { UciFileCursor } from "../standin/uci-file";
import { formatError, validateConfig } from "../../src/core/validate";
import { FIXTURES, nodeFiles, routerTree } from "../helpers/node-platform";

const cursorOf = (fixture: string) => new UciFileCursor(nodeFiles(), join(FIXTURES, fixture, "etc/config"));

describe("IPoE WAN detection", () => {
  it.each([
    ["dsa-mape", { ipv4Iface: "wan", l2Iface: "wan6", device: "wan", kind: "map-e" }],
    ["eth1-dslite", { ipv4Iface: "wan", l2Iface: "wan6", device: "eth1", kind: "ds-lite" }],
    ["manual-recipe", { ipv4Iface: "wan", l2Iface: "wan6", device: "eth1", kind: "plain" }],
  ])("%s", (fixture, expected) => {
    expect(detectWan(cursorOf(fixture))).toEqual(expected);
  });
});

/** Validates the fixture's config after edits to /etc/config/splitwan. */
function errorsAfter(edit: (c: UciFileCursor) => void, fixture = "dsa-mape"): string[] {
  const root = routerTree(fixture);
  const c = new UciFileCursor(nodeFiles(), join(root, "etc/config"));
  edit(c);
  const v = validateConfig(readConfig(c), readSystem(c));
  expect(v.config === undefined).toBe(v.errors.length > 0);
  return v.errors.map(formatError);
}

describe("validation", () => {
  it("accepts the stock fixture and fills in defaults", () => {
    const c = cursorOf("eth1-dslite");
    const v = validateConfig(readConfig(c), readSystem(c));
    expect(v.errors).toEqual([]);
    expect(v.config).toMatchObject({ device: "eth1", mtu: 1454, iface: "wanppp", zone: "wan_pppoe", table: 300, tableName: "pppoe", priority: 30000, mark: 0x10000000 });
    expect(v.config?.servers[0]).toMatchObject({ ipaddr: "192.168.10.20", zone: "lan", mode: "source", ip6Suffix: undefined });
  });

  it.each([
    [(c: UciFileCursor) => c.set("splitwan", "main", "interface", "wanpppoe01"), "splitwan.main.interface='wanpppoe01': must be letters, digits or _ and at most 9 characters"],
    [(c: UciFileCursor) => c.set("splitwan", "main", "table", "254"), "splitwan.main.table='254': must be a whole number from 1 to 2147483647, not 253, 254 or 255"],
    [(c: UciFileCursor) => c.set("splitwan", "main", "table_name", "main"), "splitwan.main.table_name='main'"],
    [(c: UciFileCursor) => c.set("splitwan", "main", "mark", "0x30000000"), "splitwan.main.mark='0x30000000': must be one bit in hex"],
    [(c: UciFileCursor) => c.set("splitwan", "main", "priority", "32760"), "splitwan.main.priority='32760': too high for 2 servers"],
    [(c: UciFileCursor) => c.set("splitwan", "main", "zone", "wan_pppoe_long"), "splitwan.main.zone='wan_pppoe_long'"],
    [(c: UciFileCursor) => c.set("splitwan", "web", "zone", "wan"), "splitwan.web.zone='wan': is the WAN zone"],
    [(c: UciFileCursor) => c.set("splitwan", "web", "zone", "dmz"), "splitwan.web.zone='dmz': no such firewall zone"],
    [(c: UciFileCursor) => c.set("splitwan", "nas", "ipaddr", "192.168.1.5"), "splitwan.nas.ipaddr='192.168.1.5': another server has the same address"],
    [(c: UciFileCursor) => c.set("splitwan", "nas", "port", ["440-450/both"]), "splitwan.nas.port='440-450/both': 440-450/both is already published by server web (443/tcp)"],
    [(c: UciFileCursor) => c.set("splitwan", "web", "ip6_suffix", "2001:db8::5"), "splitwan.web.ip6_suffix='2001:db8::5': only the last 64 bits may be set"],
    [(c: UciFileCursor) => c.set("splitwan", "web", "mode", "reply"), "splitwan.web.mode='reply': must be source or reply-only"],
    [(c: UciFileCursor) => c.set("splitwan", "web", "ipaddr", "192.168.1.5/32"), "splitwan.web.ipaddr='192.168.1.5/32': not an IPv4 address (write it without /32)"],
  ])("rejects %#", (edit, message) => {
    expect(errorsAfter(edit).join("\n")).toContain(message);
  });

  it("never prints the password, even when it is the problem", () => {
    const errors = errorsAfter((c) => c.set("splitwan", "main", "password", "bad\u0001pass"));
    expect(errors).toEqual(["splitwan.main.password: must not contain control characters"]);
  });

  it("asks for the device when no IPoE WAN can be found", () => {
    const errors = errorsAfter((c) => {
      c.delete("network", "wan6");
      c.delete("network", "wan");
    });
    expect(errors[0]).toContain("splitwan.main.device='': no IPoE WAN found");
  });

  it("checks nothing else when disabled, so a broken config can still be removed", () => {
    const errors = errorsAfter((c) => {
      c.set("splitwan", "main", "enabled", "0");
      c.set("splitwan", "web", "ipaddr", "nonsense");
    });
    expect(errors).toEqual([]);
  });
});

// issue 11: each of these was accepted before
describe("server addresses must be hosts of the server's zone", () => {
  it.each([
    ["192.168.1.1", "lan", "is the router's own address on lan"],
    ["192.168.1.0", "lan", "is the network address of 192.168.1.0/24 (lan), not a host"],
    ["192.168.1.255", "lan", "is the broadcast address of 192.168.1.0/24 (lan), not a host"],
    ["8.8.8.8", "lan", "is outside every subnet of zone lan (192.168.1.0/24)"],
    ["192.168.2.5", "lan", "is outside every subnet of zone lan (192.168.1.0/24)"],
    ["203.0.113.5", "lan", "is outside every subnet of zone lan (192.168.1.0/24)"],
    ["169.254.1.1", "lan", "is outside every subnet of zone lan (192.168.1.0/24)"],
    ["192.168.2.1", "guest", "is the router's own address on guest"],
  ])("%s in zone %s", (ip, zone, message) => {
    const errors = errorsAfter((c) => {
      c.set("splitwan", "web", "ipaddr", ip);
      c.set("splitwan", "web", "zone", zone);
    });
    expect(errors.join("\n")).toContain(`splitwan.web.ipaddr='${ip}': ${message}`);
  });

  it("accepts hosts inside the zone's subnets, from netmask, CIDR or a list", () => {
    expect(errorsAfter((c) => c.set("splitwan", "web", "ipaddr", "192.168.1.254"))).toEqual([]);
    expect(errorsAfter((c) => {
      c.set("splitwan", "web", "ipaddr", "192.168.2.5");
      c.set("splitwan", "web", "zone", "guest");
    })).toEqual([]);
    // lan written as CIDR items, a second subnet on the same interface
    expect(errorsAfter((c) => {
      c.delete("network", "lan", "netmask");
      c.set("network", "lan", "ipaddr", ["192.168.1.1/24", "10.5.0.1/16"]);
      c.set("splitwan", "web", "ipaddr", "10.5.200.9");
    })).toEqual([]);
  });

  it("a zone without a static subnet cannot hold a server", () => {
    const errors = errorsAfter((c) => c.set("network", "lan", "proto", "dhcp"));
    expect(errors).toContain("splitwan.web.ipaddr='192.168.1.5': zone lan has no static IPv4 subnet in /etc/config/network to hold a server");
  });
});

describe("PPPoE, table and mark limits", () => {
  it.each([
    [(c: UciFileCursor) => c.set("splitwan", "main", "username", "u".repeat(256)), "splitwan.main.username: too long: 256 bytes, pppd takes at most 255"],
    [(c: UciFileCursor) => c.set("splitwan", "main", "password", "p".repeat(1 << 20)), "splitwan.main.password: too long: 1048576 bytes, pppd takes at most 255"],
    [(c: UciFileCursor) => c.set("splitwan", "main", "mtu", "1493"), "splitwan.main.mtu='1493': must be a whole number from 576 to 1492, PPPoE's maximum"],
    [(c: UciFileCursor) => c.set("splitwan", "main", "mtu", "1500"), "splitwan.main.mtu='1500': must be a whole number from 576 to 1492"],
    [(c: UciFileCursor) => c.set("splitwan", "main", "table_name", "123"), "splitwan.main.table_name='123': must not be a number"],
    [(c: UciFileCursor) => c.set("splitwan", "main", "mark", "0x100"), "splitwan.main.mark='0x100': is inside the marks of mwan3 (0x3f00)"],
    [(c: UciFileCursor) => c.set("splitwan", "main", "mark", "0x2000"), "splitwan.main.mark='0x2000': is inside the marks of mwan3 (0x3f00)"],
    [(c: UciFileCursor) => c.set("splitwan", "main", "mark", "0x10000"), "splitwan.main.mark='0x10000': is inside the marks of pbr (0x00ff0000)"],
    [(c: UciFileCursor) => c.set("splitwan", "main", "mark", "0x800000"), "splitwan.main.mark='0x800000': is inside the marks of pbr (0x00ff0000)"],
  ])("refuses %#", (edit, message) => {
    expect(errorsAfter(edit).join("\n")).toContain(message);
  });

  it("accepts the limits themselves", () => {
    expect(errorsAfter((c) => {
      c.set("splitwan", "main", "username", "u".repeat(255));
      c.set("splitwan", "main", "password", "p".repeat(255));
      c.set("splitwan", "main", "mtu", "1492");
      c.set("splitwan", "main", "table_name", "pppoe2");
      c.set("splitwan", "main", "mark", "0x4000");
    })).toEqual([]);
    expect(errorsAfter((c) => c.set("splitwan", "main", "mark", "0x1000000"))).toEqual([]);
  });
});

describe("values are echoed escaped", () => {
  it("a newline, tab, escape or quote in a value never breaks the message layout", () => {
    const errors = errorsAfter((c) => {
      c.set("splitwan", "web", "mode", "a\nb\tc\u001b[31m'd\\");
      c.set("splitwan", "nas", "port", ["2\n2/tcp"]);
    });
    expect(errors).toContain("splitwan.web.mode='a\\nb\\tc\\x1b[31m\\'d\\\\': must be source or reply-only");
    expect(errors).toContain(`splitwan.nas.port='2\\n2/tcp': "2\\n2": ports are whole numbers from 1 to 65535`);
    for (const e of errors) expect(e).not.toMatch(/[\n\t\u001b]/);
  });
});
