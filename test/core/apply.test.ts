// apply / remove / plan in Node against fixture router trees (the same scenarios run
// under lua5.1 in test/lua-cli.test.ts).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { applyConfig } from "../../src/core/apply";
import { SplitwanError } from "../../src/core/errors";
import { UciFileCursor } from "../standin/uci-file";
import { sectionOptions, sectionsOf } from "../../src/core/uci";
import { nodeFiles, routerTree, testPlatform } from "../helpers/node-platform";

const read = (root: string, path: string) => readFileSync(join(root, path), "latin1");
const TRACKED = ["etc/config/network", "etc/config/firewall", "etc/iproute2/rt_tables"];

function snapshot(root: string): Record<string, string> {
  return Object.fromEntries(TRACKED.map((f) => [f, read(root, f)]));
}

/** Sections, options and order, independent of quoting and comments. */
function structure(root: string, config: string) {
  const c = new UciFileCursor(nodeFiles(), join(root, "etc/config"));
  return sectionsOf(c, config).map((s) => ({ name: s[".anonymous"] ? "(anonymous)" : s[".name"], type: s[".type"], options: sectionOptions(s) }));
}

function expectCode(fn: () => unknown, code: number): SplitwanError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(SplitwanError);
    expect((e as SplitwanError).code).toBe(code);
    return e as SplitwanError;
  }
  throw new Error("expected an error");
}

describe("apply on a DSA MAP-E router", () => {
  it("writes the PPPoE interface, rules, zone, forwards, rt_tables line and drop-ins", () => {
    const root = routerTree("dsa-mape");
    const p = testPlatform(root);
    const out = applyConfig(p, false);
    expect(out.reloads).toEqual([["ubus", "call", "network", "reload"], ["/etc/init.d/firewall", "reload"]]);

    const c = new UciFileCursor(nodeFiles(), join(root, "etc/config"));
    expect(c.get_all("network", "wanppp")).toMatchObject({
      ".type": "interface", proto: "pppoe", device: "wan", username: "user@example.jp", password: "p@ss w0rd'&%+#",
      mtu: "1454", ipv6: "0", peerdns: "0", ip4table: "300",
    });
    expect(c.get_all("network", "wanppp")?.defaultroute).toBeUndefined();
    const rules = sectionsOf(c, "network", "rule").map((s) => [s[".name"], s.src ?? s.mark, s.lookup, s.suppress_prefixlength ?? "", s.priority]);
    expect(rules).toEqual([
      ["splitwan_reply_main", "0x10000000/0x10000000", "main", "0", "30000"],
      ["splitwan_reply_pppoe", "0x10000000/0x10000000", "300", "", "30001"],
      ["splitwan_web_main", "192.168.1.5/32", "main", "0", "30010"],
      ["splitwan_web_pppoe", "192.168.1.5/32", "300", "", "30011"],
    ]);

    const zones = sectionsOf(c, "firewall", "zone").map((s) => s.name);
    expect(zones).toEqual(["lan", "wan", "wan_pppoe", "guest"]);
    const all = sectionsOf(c, "firewall");
    const wanIdx = all.findIndex((s) => s.name === "wan");
    expect(all[wanIdx + 1][".name"]).toBe("splitwan_zone");
    expect(c.get_all("firewall", "splitwan_zone")).toMatchObject({
      network: ["wanppp"], family: "ipv4", input: "REJECT", output: "ACCEPT", forward: "REJECT", masq: "1", mtu_fix: "0",
    });
    expect(sectionsOf(c, "firewall", "forwarding").map((s) => `${s.src}>${s.dest}`)).toEqual(["lan>wan", "guest>wan", "lan>wan_pppoe"]);
    const redirects = sectionsOf(c, "firewall", "redirect").filter((s) => String(s[".name"]).startsWith("splitwan_"));
    expect(redirects.map((s) => [s.src, s.src_dport, s.dest_ip, s.dest_port, s.proto, s.family, s.reflection])).toEqual([
      ["wan_pppoe", "80", "192.168.1.5", "80", "tcp", "ipv4", "1"],
      ["wan_pppoe", "443", "192.168.1.5", "443", "tcp", "ipv4", "1"],
      ["wan_pppoe", "19132", "192.168.1.5", "19132", "udp", "ipv4", "1"],
      ["wan_pppoe", "2222", "192.168.1.6", "22", "tcp", "ipv4", "1"],
    ]);
    const v6 = sectionsOf(c, "firewall", "rule").filter((s) => String(s[".name"]).startsWith("splitwan_"));
    expect(v6.map((s) => [s.src, s.dest_ip, s.dest_port, s.proto, s.family, s.target])).toEqual([
      ["wan", "::5/-64", "80", "tcp", "ipv6", "ACCEPT"],
      ["wan", "::5/-64", "443", "tcp", "ipv6", "ACCEPT"],
      ["wan", "::5/-64", "19132", "udp", "ipv6", "ACCEPT"],
    ]);

    expect(read(root, "etc/iproute2/rt_tables").endsWith("#1\tinr.ruhep\n300\tpppoe\n")).toBe(true);
    const guard = read(root, "usr/share/nftables.d/chain-pre/dstnat_wan_pppoe/10-splitwan.nft");
    const clamp = "tcp flags syn / syn,fin,rst tcp option maxseg size > 1414 tcp option maxseg size set 1414";
    // the first packets only (nat chains): the guard, the conntrack bit, the SYN's MSS
    expect(guard.split("\n").filter((l) => l && !l.startsWith("#")).map((l) => l.replace(/ comment .*/, ""))).toEqual([
      'iifname != "pppoe-wanppp" counter return',
      "ct mark set ct mark | 0x10000000",
      clamp,
    ]);
    expect(read(root, "usr/share/nftables.d/chain-pre/srcnat_wan_pppoe/10-splitwan.nft")).toContain(`oifname "pppoe-wanppp" ${clamp}`);
    // every packet: one rule, the conntrack bit tested first (a reply-only server is configured)
    const pre = read(root, "usr/share/nftables.d/chain-pre/mangle_prerouting/10-splitwan.nft").split("\n").filter((l) => l && !l.startsWith("#"));
    expect(pre.map((l) => l.replace(/ comment .*/, ""))).toEqual([`ct mark & 0x10000000 == 0x10000000 meta mark set meta mark | 0x10000000 ${clamp}`]);
    expect(nodeFiles().read(join(root, "usr/share/nftables.d/chain-pre/mangle_forward/10-splitwan.nft"))).toBeUndefined();
    expect(read(root, "etc/splitwan/owned")).toContain("network wanppp interface\n");
    // the user's own sections are untouched
    expect(c.get_all("firewall", sectionsOf(c, "firewall", "redirect")[0][".name"])?.name).toBe("Minecraft-on-MAP-E-port");
  });

  it("changes nothing the second time, byte for byte", () => {
    const root = routerTree("dsa-mape");
    applyConfig(testPlatform(root), false);
    const first = snapshot(root);
    const again = applyConfig(testPlatform(root), false);
    expect(again.changes).toEqual([]);
    expect(again.reloads).toEqual([]);
    expect(snapshot(root)).toEqual(first);
  });

  it("remove restores network, firewall and rt_tables byte for byte", () => {
    const root = routerTree("dsa-mape");
    const before = snapshot(root);
    applyConfig(testPlatform(root), false);
    expect(snapshot(root)).not.toEqual(before);
    const out = applyConfig(testPlatform(root), true);
    expect(out.changes.length).toBeGreaterThan(10);
    expect(snapshot(root)).toEqual(before);
    expect(nodeFiles().read(join(root, "etc/splitwan/owned"))).toBeUndefined();
    expect(nodeFiles().read(join(root, "usr/share/nftables.d/chain-pre/dstnat_wan_pppoe/10-splitwan.nft"))).toBeUndefined();
  });

  it("follows config changes: a removed server takes its rules and forwards along", () => {
    const root = routerTree("dsa-mape");
    applyConfig(testPlatform(root), false);
    const p = testPlatform(root);
    const c = p.cursor();
    c.delete("splitwan", "web");
    c.commit("splitwan");
    const out = applyConfig(testPlatform(root), false);
    const removed = out.changes.filter((x) => x.kind === "delete-section").map((x) => ("name" in x ? x.name : ""));
    expect(removed).toContain("splitwan_web_pppoe");
    expect(removed).toContain("splitwan_web_tcp_443");
    expect(removed).toContain("splitwan_fwd_lan");
    expect(read(root, "etc/config/network")).not.toContain("192.168.1.5/32");
  });

  it("disabled removes everything it owns", () => {
    const root = routerTree("dsa-mape");
    const before = snapshot(root);
    applyConfig(testPlatform(root), false);
    const p = testPlatform(root);
    p.cursor().set("splitwan", "main", "enabled", "0");
    p.cursor().commit("splitwan");
    applyConfig(testPlatform(root), false);
    expect(snapshot(root)).toEqual(before);
  });
});

describe("apply on an eth1 DS-Lite router with the stock (commented) firewall file", () => {
  it("detects eth1 under DS-Lite and remove restores sections, options and order", () => {
    const root = routerTree("eth1-dslite");
    const before = { network: structure(root, "network"), firewall: structure(root, "firewall") };
    applyConfig(testPlatform(root), false);
    const c = new UciFileCursor(nodeFiles(), join(root, "etc/config"));
    expect(c.get("network", "wanppp", "device")).toBe("eth1");
    const redirects = sectionsOf(c, "firewall", "redirect").map((s) => [s.src_dport, s.proto]);
    expect(redirects).toEqual([["443", "tcp"], ["27015-27030", "tcp udp"]]);
    // source mode only: the per-packet rule clamps the SYN/ACK and marks no packet
    const pre = read(root, "usr/share/nftables.d/chain-pre/mangle_prerouting/10-splitwan.nft");
    expect(pre).toContain("ct mark & 0x10000000 == 0x10000000 tcp flags syn / syn,fin,rst tcp option maxseg size > 1414");
    expect(pre).not.toContain("meta mark set");
    expect(nodeFiles().read(join(root, "usr/share/nftables.d/chain-pre/mangle_output/10-splitwan.nft"))).toBeUndefined();
    applyConfig(testPlatform(root), true);
    expect({ network: structure(root, "network"), firewall: structure(root, "firewall") }).toEqual(before);
  });
});

describe("conflicts and failures", () => {
  it("refuses to take over a hand-made wanppp and writes nothing", () => {
    const root = routerTree("manual-recipe");
    const before = snapshot(root);
    const e = expectCode(() => applyConfig(testPlatform(root), false), 2);
    expect(e.message).toContain("network.wanppp (interface) exists and was not created by splitwan");
    expect(e.message).toContain("firewall zone 'wan_pppoe'");
    expect(snapshot(root)).toEqual(before);
  });

  it("refuses a table number taken by another rt_tables line", () => {
    const root = routerTree("dsa-mape");
    nodeFiles().write(join(root, "etc/iproute2/rt_tables"), read(root, "etc/iproute2/rt_tables") + "300\tvpn\n");
    const before = snapshot(root);
    const e = expectCode(() => applyConfig(testPlatform(root), false), 2);
    expect(e.message).toContain('already has "300\tvpn"');
    expect(snapshot(root)).toEqual(before);
  });

  it("uses but never removes an identical rt_tables line the user wrote", () => {
    const root = routerTree("dsa-mape");
    nodeFiles().write(join(root, "etc/iproute2/rt_tables"), read(root, "etc/iproute2/rt_tables") + "300\tpppoe\n");
    const before = read(root, "etc/iproute2/rt_tables");
    applyConfig(testPlatform(root), false);
    expect(read(root, "etc/iproute2/rt_tables")).toBe(before);
    applyConfig(testPlatform(root), true);
    expect(read(root, "etc/iproute2/rt_tables")).toBe(before);
  });

  it("puts every file back when a write fails part-way", () => {
    const root = routerTree("dsa-mape");
    const before = snapshot(root);
    const p = testPlatform(root, { failWrite: (path) => path.endsWith("rt_tables") });
    const e = expectCode(() => applyConfig(p, false), 3);
    expect(e.message).toContain("nothing was changed");
    expect(snapshot(root)).toEqual(before);
    expect(nodeFiles().read(join(root, "etc/splitwan/owned"))).toBeUndefined();
  });

  it("a reload that failed (or never ran) is run by the next apply, then forgotten", () => {
    const root = routerTree("dsa-mape");
    const marker = join(root, "var/run/splitwan/reload");
    const live = (code: number) => {
      const p = testPlatform(root, { exec: () => ({ code, stdout: "" }) });
      return Object.assign(p, { dryRun: false });
    };
    const failing = live(1);
    const e = expectCode(() => applyConfig(failing, false), 3);
    expect(e.message).toContain("the next splitwan apply reloads again");
    expect(nodeFiles().read(marker)).toBe("network\nfirewall\n");

    // nothing left to write, but the services still run the old configuration
    const next = live(0);
    const out = applyConfig(next, false);
    expect(out.changes).toEqual([]);
    expect(next.execs).toEqual([["ubus", "call", "network", "reload"], ["/etc/init.d/firewall", "reload"]]);
    expect(next.logs.some(([, m]) => m.includes("stopped before the reload"))).toBe(true);
    expect(nodeFiles().read(marker)).toBeUndefined();

    const third = live(0);
    applyConfig(third, false);
    expect(third.execs).toEqual([]);
  });

  it("names section, option, value and reason for invalid input and writes nothing", () => {
    const root = routerTree("dsa-mape");
    const p = testPlatform(root);
    p.cursor().set("splitwan", "web", "ipaddr", "192.168.1.500");
    p.cursor().set("splitwan", "main", "mtu", "9000");
    p.cursor().commit("splitwan");
    const before = snapshot(root);
    const e = expectCode(() => applyConfig(testPlatform(root), false), 1);
    expect(e.message).toContain("splitwan.web.ipaddr='192.168.1.500': not an IPv4 address");
    expect(e.message).toContain("splitwan.main.mtu='9000': must be a whole number from 576 to 1492, PPPoE's maximum");
    expect(snapshot(root)).toEqual(before);
  });
});

describe("logging", () => {
  it("logs one line per change and never the password", () => {
    const root = routerTree("dsa-mape");
    const p = testPlatform(root);
    const out = applyConfig(p, false);
    expect(p.logs.length).toBe(out.changes.length);
    const text = p.logs.map((l) => l[1]).join("\n");
    expect(text).toContain("password='********'");
    expect(text).not.toContain("p@ss");
  });
});
