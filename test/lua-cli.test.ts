// The shipped Lua CLI under Debian's lua5.1 with SPLITWAN_ROOT, and a differential check
// that Node and Lua write the same bytes and print the same plan for the same inputs.
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { applyConfig } from "../src/core/apply";
import { run } from "../src/cli/commands";
import { collectStatus } from "../src/core/status";
import { PKG_LUA, runCli } from "./helpers/lua";
import { treeSocket, writeUbusAnswers } from "./helpers/ubus-answers";
import { routerTree, testPlatform } from "./helpers/node-platform";

function tree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (!relative(root, path).startsWith("tmp/") && !relative(root, path).startsWith("var/")) out[relative(root, path)] = readFileSync(path, "latin1");
    }
  };
  walk(root);
  return out;
}

const cli = (root: string, ...args: string[]) => runCli(args, { env: { SPLITWAN_ROOT: root } });

describe.each(["dsa-mape", "eth1-dslite"])("lua5.1 CLI on %s", (fixture) => {
  it("apply writes the same bytes as the Node run, twice is a no-op, remove restores", () => {
    const luaRoot = routerTree(fixture);
    const nodeRoot = routerTree(fixture);
    const before = tree(luaRoot);

    const r = cli(luaRoot, "apply");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("+ network.wanppp (interface)");
    expect(r.stdout).toContain("would run: ubus call network reload\n");
    expect(r.stdout).toContain("would run: /etc/init.d/firewall reload\n");

    applyConfig(testPlatform(nodeRoot), false);
    expect(tree(luaRoot)).toEqual(tree(nodeRoot));

    const applied = tree(luaRoot);
    const again = cli(luaRoot, "apply");
    expect(again.code).toBe(0);
    expect(again.stdout).toBe("nothing to change\n");
    expect(tree(luaRoot)).toEqual(applied);

    const rm = cli(luaRoot, "remove");
    expect(rm.code).toBe(0);
    const after = tree(luaRoot);
    expect(after["etc/config/network"]).toBe(before["etc/config/network"]);
    expect(after["etc/iproute2/rt_tables"]).toBe(before["etc/iproute2/rt_tables"]);
    if (fixture === "dsa-mape") expect(after).toEqual(before); // written by uci: byte identical
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
  });

  it("plan prints what Node prints and changes nothing", () => {
    const root = routerTree(fixture);
    const before = tree(root);
    const r = cli(root, "plan");
    expect(r.code).toBe(0);
    const p = testPlatform(root);
    expect(run(p, ["plan"])).toBe(0);
    expect(r.stdout).toBe(p.out.join(""));
    expect(r.stdout).not.toContain("secret");
    expect(tree(root)).toEqual(before);
  });
});

describe("lua5.1 CLI errors and logs", () => {
  it("exit 2 on a hand-made wanppp, nothing written", () => {
    const root = routerTree("manual-recipe");
    const before = tree(root);
    const r = cli(root, "apply");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("network.wanppp (interface) exists and was not created by splitwan");
    expect(tree(root)).toEqual(before);
  });

  it("exit 1 naming the field on invalid config", () => {
    const root = routerTree("eth1-dslite");
    const cfg = join(root, "etc/config/splitwan");
    writeFileSync(cfg, readFileSync(cfg, "utf8").replace("list port '443/tcp'", "list port '443/tcp'\n\tlist port '80-70/udp'"));
    const r = cli(root, "apply");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/splitwan\.cfg[0-9a-f]+\.port='80-70\/udp': "80-70": a range goes from the lower port to the higher/);
  });

  it("logs every action to the tree's log without the password", () => {
    const root = routerTree("dsa-mape");
    expect(cli(root, "apply").code).toBe(0);
    const log = readFileSync(join(root, "tmp/splitwan.log"), "latin1");
    expect(log.split("\n").filter((l) => l.startsWith("info: ")).length).toBeGreaterThan(10);
    expect(log).not.toContain("p@ss");
  });

  it("unknown commands print usage and exit 1", () => {
    const r = runCli(["frobnicate"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("usage: splitwan");
  });
});

describe("lua5.1 status", () => {
  it("reports PPPoE from ubus and warns about what is missing", () => {
    const root = routerTree("dsa-mape");
    expect(cli(root, "apply").code).toBe(0);
    writeUbusAnswers(treeSocket(root), {
      "network.interface.wanppp.status": {
        up: true, pending: false, uptime: 42, l3_device: "pppoe-wanppp", device: "wan",
        "ipv4-address": [{ address: "203.0.113.45", mask: 32 }],
      },
    });
    const r = runCli(["status", "--json"], { env: { SPLITWAN_ROOT: root } });
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.pppoe).toEqual({ state: "answered", up: true, pending: false, uptime: 42, ipv4: "203.0.113.45", l3_device: "pppoe-wanppp", errors: [] });
    expect(s.pending).toEqual([]);
    expect(s.servers.map((x: { name: string; ports: string[] }) => [x.name, x.ports])).toEqual([["web", ["80/tcp", "443/tcp", "19132/udp"]], ["nas", ["2222:22/tcp"]]]);
    // this host has no table 300: the status says so, as a code with values and in words
    expect(s.warnings).toContainEqual({ code: "status.no_default", args: ["300", "wanppp"], text: "PPPoE is up but table 300 has no default route: check option defaultroute of network.wanppp" });
    const human = runCli(["status"], { env: { SPLITWAN_ROOT: root } });
    expect(human.stdout).toContain("up: yes, 203.0.113.45");
    expect(human.stdout).toContain("warning: PPPoE is up but table 300 has no default route");
  });

  it("gives the same errors and warnings ({code, args, text}) as the Node run", () => {
    const root = routerTree("dsa-mape");
    expect(cli(root, "apply").code).toBe(0);
    const ubus = { "network.interface.wanppp.status": { up: true, l3_device: "pppoe-other", "ipv4-address": [{ address: "203.0.113.45" }] } };
    writeUbusAnswers(treeSocket(root), ubus);
    const cfg = join(root, "etc/config/splitwan");
    const good = readFileSync(cfg, "utf8");
    const compare = () => {
      const lua = JSON.parse(cli(root, "status", "--json").stdout);
      const node = collectStatus(testPlatform(root, { ubus }));
      expect(lua.errors).toEqual(JSON.parse(JSON.stringify(node.errors)));
      expect(lua.warnings).toEqual(JSON.parse(JSON.stringify(node.warnings)));
      return lua as { errors: unknown[]; warnings: Array<{ code: string }> };
    };
    expect(compare().warnings.map((w) => w.code)).toEqual(["status.no_default", "status.device", "status.no_forwards"]);
    writeFileSync(cfg, good.replace("option mtu '1454'", "option mtu '9000'").replace("list port '80,443/tcp'", "list port '80,443/tcp'\n\tlist port '70000'"));
    expect(compare().errors).toEqual([
      { section: "main", type: "splitwan", option: "mtu", value: "9000", code: "mtu.range", args: ["1492"], text: "must be a whole number from 576 to 1492, PPPoE's maximum (1454 for NTT FLET'S)" },
      { section: "web", type: "server", option: "port", value: "70000", code: "port.number", args: ["70000"], text: '"70000": ports are whole numbers from 1 to 65535' },
    ]);
  });
});

describe("lua5.1 status without netifd", () => {
  it("says PPPoE is not configured, or the network service is not answering, instead of failing", () => {
    const root = routerTree("dsa-mape");
    expect(cli(root, "apply").code).toBe(0);
    writeUbusAnswers(treeSocket(root), { "network.device.status": {} });
    const missing = cli(root, "status");
    expect(missing.code).toBe(0);
    expect(missing.stdout).toContain("PPPoE interface not configured");
    rmSync(treeSocket(root), { recursive: true });
    const down = cli(root, "status");
    expect(down.code).toBe(0);
    expect(down.stderr).toBe("");
    expect(down.stdout).toContain("network service not answering");
  });

  it("names the missing binding when libuci-lua is not installed", () => {
    const root = routerTree("dsa-mape");
    const r = runCli(["apply"], { env: { SPLITWAN_ROOT: root, LUA_PATH: `${PKG_LUA}/?.lua;;` } });
    expect(r.code).toBe(3);
    expect(r.stderr).toBe("splitwan: the Lua module 'uci' is missing: install libuci-lua\n");
  });
});
