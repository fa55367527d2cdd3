import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { applyConfig } from "../../src/core/apply";
import { collectStatus } from "../../src/core/status";
import { nodeFiles, routerTree, testPlatform } from "../helpers/node-platform";

const UP = { "network.interface.wanppp.status": { up: true, uptime: 5, l3_device: "pppoe-wanppp", "ipv4-address": [{ address: "203.0.113.45" }] } };

function withRpFilter(values: Record<string, string>) {
  const root = routerTree("dsa-mape");
  applyConfig(testPlatform(root), false);
  for (const [conf, v] of Object.entries(values)) nodeFiles().write(join(root, `proc/sys/net/ipv4/conf/${conf}/rp_filter`), `${v}\n`);
  return collectStatus(testPlatform(root, { ubus: UP })).warnings.filter((w) => w.code === "status.rp_filter").map((w) => w.text);
}

describe("status: strict rp_filter", () => {
  it("names the PPPoE device when only its own value is strict (the kernel takes the larger)", () => {
    expect(withRpFilter({ all: "0", default: "0", "pppoe-wanppp": "1" })).toEqual([
      "rp_filter is strict on pppoe-wanppp: connections to reply-only servers over PPPoE are dropped; set net.ipv4.conf.pppoe-wanppp.rp_filter to 2 (loose)",
    ]);
  });
  it("names all when all is strict, and says nothing when loose wins", () => {
    expect(withRpFilter({ all: "1", "pppoe-wanppp": "0" })[0]).toContain("strict on all");
    expect(withRpFilter({ all: "2", "pppoe-wanppp": "1" })).toEqual([]);
    expect(withRpFilter({ all: "0", default: "1" })[0]).toContain("strict on default");
  });
});

describe("status: a reload an apply did not get to", () => {
  it("is pending until the next apply runs it", () => {
    const root = routerTree("dsa-mape");
    const failing = Object.assign(testPlatform(root, { exec: () => ({ code: 1, stdout: "" }) }), { dryRun: false });
    expect(() => applyConfig(failing, false)).toThrow(/reloads again/);
    const before = collectStatus(testPlatform(root, { ubus: UP }));
    expect(before.drift.reload).toEqual(["network", "firewall"]);
    expect(before.drift.changes).toBe(0);
    expect(before.pending.map((m) => m.text)).toEqual(["network, firewall not reloaded since splitwan wrote their configuration: run splitwan apply"]);

    applyConfig(Object.assign(testPlatform(root, { exec: () => ({ code: 0, stdout: "" }) }), { dryRun: false }), false);
    const after = collectStatus(testPlatform(root, { ubus: UP }));
    expect(after.drift.reload).toEqual([]);
    expect(after.pending).toEqual([]);
  });
});
