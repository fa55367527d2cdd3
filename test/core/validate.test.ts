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
