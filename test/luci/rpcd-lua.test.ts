// The rpcd plugin as the router runs it: the shipped /usr/libexec/rpcd/luci.splitwan under
// lua5.1 with SPLITWAN_ROOT (a fixture router tree) and the stand-in ubus binding
// answering from the tree's socket (recorded ubus answers).
// Every call must print exactly one JSON object, whatever the input.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { callMethod } from "../../src/cli/rpcd";
import { RPCD_PLUGIN, runCli, runLuaFile } from "../helpers/lua";
import { treeSocket, writeUbusAnswers } from "../helpers/ubus-answers";
import { routerTree, testPlatform } from "../helpers/node-platform";

const PPPOE_UP = { up: true, pending: false, uptime: 42, l3_device: "pppoe-wanppp", "ipv4-address": [{ address: "203.0.113.9", mask: 32 }] };
const DEVICES = { lo: {}, "br-lan": {}, lan1: {}, wan: {}, "pppoe-wanppp": {} };

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function bed(ubus: Record<string, unknown> = {}) {
  const root = routerTree("dsa-mape");
  made.push(root);
  writeUbusAnswers(treeSocket(root), ubus as Record<string, Record<string, unknown>>);
  mkdirSync(join(root, "tmp"), { recursive: true });
  writeFileSync(join(root, "tmp/dhcp.leases"), "1700003600 aa:bb:cc:00:00:05 192.168.1.5 nas-web *\n1700003600 aa:bb:cc:00:00:14 192.168.1.20 * *\n");
  const call = (method: string, stdin: string) => {
    const r = runLuaFile(RPCD_PLUGIN, ["call", method], { env: { SPLITWAN_ROOT: root }, stdin });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout.endsWith("}\n")).toBe(true);
    expect(r.stdout.trim().split("\n")).toHaveLength(1);
    const v = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(typeof v === "object" && v !== null && !Array.isArray(v)).toBe(true);
    return v;
  };
  return { root, call };
}

describe("rpcd plugin under lua5.1", () => {
  it("list: a JSON object of methods with example arguments", () => {
    const r = runLuaFile(RPCD_PLUGIN, ["list"]);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as Record<string, Record<string, unknown>>;
    expect(Object.keys(list).sort()).toEqual(["apply", "ddns_update", "detect", "diagnose", "reconnect", "status", "validate"]);
    for (const args of Object.values(list)) expect(typeof args === "object" && !Array.isArray(args)).toBe(true);
    expect(list.validate.sections).toEqual([]); // an array, so rpcd types the argument as one
    expect(list.ddns_update).toEqual({ name: "home", force: true });
  });

  it("status: configured and live state, PPPoE from netifd", () => {
    const { root, call } = bed({ "network.interface.wanppp.status": PPPOE_UP });
    const st = call("status", "{}");
    // nothing applied yet: as many pending changes as `splitwan plan` lists
    const planned = runCli(["plan"], { env: { SPLITWAN_ROOT: root } }).stdout.trim().split("\n").length;
    expect(st.enabled).toBe(true);
    expect(st.pppoe).toMatchObject({ interface: "wanppp", configured: true, up: true, uptime: 42, ipv4: "203.0.113.9", mtu: 1454 });
    expect(st.table).toMatchObject({ id: 300, name: "pppoe" });
    expect((st.servers as Array<{ name: string; ports: string[] }>).map((s) => [s.name, s.ports])).toEqual([
      ["web", ["80/tcp", "443/tcp", "19132/udp"]],
      ["nas", ["2222:22/tcp"]],
    ]);
    expect(planned).toBeGreaterThan(10);
    // as data for the page, which words it itself and offers apply: no "run splitwan" here
    expect(st.drift).toEqual({ changes: planned, conflicts: [], reload: [] });
    expect(JSON.stringify(st)).not.toContain("run splitwan");
  });

  it("status: PPPoE failing reports netifd's error codes", () => {
    const { call } = bed({ "network.interface.wanppp.status": { up: false, pending: false, errors: [{ subsystem: "pppoe", code: "AUTH_FAILED" }] } });
    const st = call("status", "");
    expect(st.pppoe).toMatchObject({ up: false, errors: ["AUTH_FAILED"] });
    // the status model's warnings as they are: code, values, English
    expect(st.warnings).toEqual([{ code: "status.down", args: ["wanppp"], text: "PPPoE (wanppp) is down: nothing is published" }]);
  });

  it("detect: IPoE WAN, candidate devices, DHCP leases", () => {
    const { call } = bed({ "network.device.status": DEVICES });
    expect(call("detect", "{}")).toEqual({
      interface: "wan",
      device: "wan",
      kind: "map-e",
      devices: ["br-lan", "lan1", "wan"],
      netifd: true,
      leases: [
        { ipaddr: "192.168.1.5", macaddr: "aa:bb:cc:00:00:05", hostname: "nas-web" },
        { ipaddr: "192.168.1.20", macaddr: "aa:bb:cc:00:00:14" },
      ],
      netifd: true,
      // every zone but the WAN's (wan holds the IPoE interfaces) and splitwan's own
      zones: ["lan", "guest"],
    });
  });

  it("detect: netifd not answering is said, not taken for 'no devices'", () => {
    const { call } = bed(); // no recorded network.device answer: netifd is silent
    const d = call("detect", "{}");
    expect(d.netifd).toBe(false);
    expect(d.interface).toBe("wan"); // the network config still names the IPoE WAN
    expect(d.devices).toEqual(["wan"]);
  });

  it("apply: what splitwan apply does, its outcome as data; status then shows nothing pending", () => {
    const { root, call } = bed();
    const planned = runCli(["plan"], { env: { SPLITWAN_ROOT: root } }).stdout.trim().split("\n");
    const a = call("apply", "{}");
    expect(a).toMatchObject({ ok: true, exit: 0, changes: planned, errors: {}, conflicts: {} });
    expect(call("status", "{}").drift).toEqual({ changes: 0, conflicts: [], reload: [] });
    expect(runCli(["plan"], { env: { SPLITWAN_ROOT: root } }).stdout).toBe("nothing to change\n");
    expect(call("apply", "{}")).toMatchObject({ ok: true, exit: 0, message: "nothing to change" });
  });

  it("apply: a conflict and an invalid config come back as lists, nothing written", () => {
    const { root, call } = bed();
    const network = join(root, "etc/config/network");
    writeFileSync(network, `${readFileSync(network, "utf8")}\nconfig interface 'wanppp'\n\toption proto 'pppoe'\n`);
    const before = readFileSync(network, "utf8");
    const c = call("apply", "{}");
    expect(c).toMatchObject({ ok: false, exit: 2, changes: {} });
    expect(c.conflicts).toEqual([{ code: "conflict.interface", args: ["network.wanppp", "interface"], text: expect.stringMatching(/^network\.wanppp \(interface\) exists and was not created by splitwan/) }]);
    expect(readFileSync(network, "utf8")).toBe(before);
    expect(call("status", "{}").drift).toMatchObject({ conflicts: c.conflicts });

    const cfg = join(root, "etc/config/splitwan");
    writeFileSync(cfg, readFileSync(cfg, "utf8").replace("option mtu '1454'", "option mtu '9000'"));
    const v = call("apply", "{}");
    expect(v).toMatchObject({ ok: false, exit: 1 });
    const mtu = { section: "main", type: "splitwan", option: "mtu", value: "9000", code: "mtu.range", args: ["1492"], text: "must be a whole number from 576 to 1492, PPPoE's maximum (1454 for NTT FLET'S)" };
    expect(v.errors).toEqual([mtu]);
    // status answers the same errors, from its one validation
    expect(call("status", "{}").errors).toEqual([mtu]);
  });

  it("validate: the page's sections against the router's network and firewall; same answer as Node", () => {
    const { root, call } = bed();
    const sections = [
      { name: "main", type: "splitwan", options: { enabled: "1", username: "u", password: "p", mtu: "1454" } },
      { name: "web", type: "server", options: { ipaddr: "192.168.1.5", port: ["80/tcp", "70000/udp"], zone: "wan" } },
      { name: "home", type: "ddns", options: { provider: "value-domain", domain: "example.jp" } },
    ];
    const v = call("validate", JSON.stringify({ sections }));
    expect(v.valid).toBe(false);
    expect(v.errors).toEqual([
      { section: "web", type: "server", option: "zone", value: "wan", code: "zone.wan", args: [], text: "is the WAN zone: the server must be on the LAN side" },
      { section: "web", type: "server", option: "port", value: "70000/udp", code: "port.number", args: ["70000"], text: '"70000": ports are whole numbers from 1 to 65535' },
      { section: "home", type: "ddns", option: "password", code: "ddns.vd_password", args: [], text: "required: the dynamic DNS password from Value Domain" },
    ]);
    expect(callMethod(testPlatform(root), "validate", { sections })).toEqual(v);
    // without sections: the committed config (the fixture's is valid)
    expect(call("validate", "{}")).toEqual({ valid: true, errors: {} });
  });

  it("reconnect and ddns_update answer with ok and a message (code, values, English)", () => {
    const { root, call } = bed({ "network.interface.wanppp.status": { ...PPPOE_UP, proto: "pppoe" }, "network.interface.wanppp.down": null, "network.interface.wanppp.up": null });
    expect(runCli(["apply"], { env: { SPLITWAN_ROOT: root } }).code).toBe(0);
    expect(call("reconnect", "{}")).toEqual({ ok: true, code: "reconnect.ok", args: ["wanppp"], text: "PPPoE wanppp is reconnecting" });
    const calls = readFileSync(join(treeSocket(root), "calls.log"), "utf8").split("\n").filter((l) => l !== "");
    expect(calls).toEqual(["network.interface.wanppp status {}", "network.interface.wanppp down {}", "network.interface.wanppp up {}"]);
    expect(call("ddns_update", "{}")).toEqual({ ok: false, code: "ddns_update.none", args: [], text: "no DDNS section is enabled" });
  });

  it("status: an interface netifd does not know, and netifd not answering, are states", () => {
    const none = bed({ "network.device.status": DEVICES }).call("status", "{}");
    expect(none.pppoe).toMatchObject({ up: false, state: "not-configured" });
    expect(none.warnings).toEqual([{ code: "status.not_configured", args: ["wanppp"], text: expect.stringContaining("PPPoE interface wanppp not configured in netifd") }]);
    const slow = bed({ "network.interface.wanppp.status": PPPOE_UP });
    writeFileSync(join(treeSocket(slow.root), "network.interface.wanppp/status.timeout"), "");
    const st = slow.call("status", "{}");
    expect(st.pppoe).toMatchObject({ up: false, state: "not-answering" });
    expect(st.warnings).toMatchObject([{ code: "status.not_answering", text: expect.stringContaining("network service not answering") }]);
  });

  it("status and detect without ubusd: answers, not Lua errors", () => {
    const { root, call } = bed();
    rmSync(treeSocket(root), { recursive: true, force: true });
    const st = call("status", "{}");
    expect(st.pppoe).toMatchObject({ state: "not-answering" });
    expect(JSON.stringify(st)).not.toMatch(/lua|traceback|bad argument/i);
    const d = call("detect", "{}");
    expect(d.kind).toBe("map-e"); // from /etc/config/network, which needs no netifd
    expect(d.netifd).toBe(false);
    expect(d.devices).toEqual(["wan"]);
    expect(JSON.stringify(d)).not.toMatch(/lua|traceback|bad argument/i);
  });

  // issue 11: with option interface 'lan' it used to answer ok and bounce the LAN
  describe("reconnect acts only on splitwan's own, owned PPPoE interface", () => {
    const LAN_UP = { up: true, proto: "static", l3_device: "br-lan" };
    const setInterface = (root: string, name: string) => {
      const cfg = join(root, "etc/config/splitwan");
      writeFileSync(cfg, readFileSync(cfg, "utf8").replace("option enabled '1'", `option enabled '1'\n\toption interface '${name}'`));
    };
    const logOf = (root: string) => (existsSync(join(root, "tmp/splitwan.log")) ? readFileSync(join(root, "tmp/splitwan.log"), "utf8") : "");

    it.each([
      ["lan", "reconnect.not_owned", "refused: interface lan was not created by splitwan: save and apply first"],
      ["wan", "reconnect.not_owned", "refused: interface wan was not created by splitwan: save and apply first"],
      ["a b", "reconnect.bad_name", "refused: interface 'a b' is not a valid splitwan interface name"],
    ])("interface %s", (name, code, text) => {
      const { root, call } = bed({ "network.interface.lan.status": LAN_UP, "network.interface.wan.status": LAN_UP });
      setInterface(root, name);
      expect(call("reconnect", "{}")).toMatchObject({ ok: false, code, text });
      expect(logOf(root)).not.toContain("reconnecting");
    });

    it("an owned name that is no longer pppoe in network is refused", () => {
      const { root, call } = bed({ "network.interface.wanppp.status": PPPOE_UP });
      expect(runCli(["apply"], { env: { SPLITWAN_ROOT: root } }).code).toBe(0);
      const net = join(root, "etc/config/network");
      writeFileSync(net, readFileSync(net, "utf8").replace("option proto 'pppoe'", "option proto 'static'"));
      // changed by hand: no longer splitwan's (its proto is one of the options it wrote)
      expect(call("reconnect", "{}")).toEqual({ ok: false, code: "reconnect.not_owned", args: ["wanppp"], text: "refused: interface wanppp was not created by splitwan: save and apply first" });
    });

    it("netifd running it as something else is refused; no answer is a plain message", () => {
      const { root, call } = bed({ "network.interface.wanppp.status": { ...PPPOE_UP, proto: "dhcp" } });
      expect(runCli(["apply"], { env: { SPLITWAN_ROOT: root } }).code).toBe(0);
      expect(call("reconnect", "{}")).toEqual({ ok: false, code: "reconnect.proto", args: ["wanppp", "'dhcp'"], text: "refused: netifd runs interface wanppp as 'dhcp', not pppoe" });
      const quiet = bed();
      expect(runCli(["apply"], { env: { SPLITWAN_ROOT: quiet.root } }).code).toBe(0);
      expect(quiet.call("reconnect", "{}")).toMatchObject({ ok: false, code: "reconnect.missing", text: "interface wanppp does not exist yet: save and apply first" });
    });

    it("a bad ubus answer gives a typed refusal or error, never a crash", () => {
      // the binding always answers a table; one without netifd's fields is no status
      const { root, call } = bed({ "network.interface.wanppp.status": { proto: "pppoe" } });
      expect(runCli(["apply"], { env: { SPLITWAN_ROOT: root } }).code).toBe(0);
      expect(call("reconnect", "{}")).toMatchObject({ ok: false, code: "reconnect.bad_status", text: "netifd gave no usable status for interface wanppp: nothing was done" });
    });

    it("Node: no ubus call reaches netifd when refused", () => {
      const root = routerTree("dsa-mape");
      setInterface(root, "lan");
      const p = testPlatform(root, { ubus: { "network.interface.lan.status": LAN_UP } });
      const calls: string[] = [];
      const ubus = p.ubusCall;
      p.ubusCall = (o, m, a) => {
        calls.push(`${o} ${m}`);
        return ubus(o, m, a);
      };
      expect(callMethod(p, "reconnect", {})).toMatchObject({ ok: false });
      expect(calls.filter((c) => c.endsWith(" down") || c.endsWith(" up"))).toEqual([]);
    });
  });

  it("bad input: an error object, never a crash", () => {
    const { call } = bed();
    expect(call("status", "not json")).toEqual({ error: "arguments are not valid JSON" });
    expect(call("detect", "[1,2]")).toEqual({ error: "arguments must be a JSON object" });
    expect(call("validate", '{"sections":"x"}')).toEqual({ error: "sections must be a list of {name, type, options}" });
    expect(call("validate", '{"sections":[{"name":"a b","type":"server"}]}')).toEqual({ error: "invalid section name: 'a b'" });
    expect(call("validate", '{"sections":[{"name":"a","type":"server","options":{"port":[1,{}]}}]}')).toEqual({ error: "option a.port must be a string or a list of strings" });
    expect(call("ddns_update", '{"force":"yes"}')).toMatchObject({ ok: false, code: "ddns_update.force", text: "force must be true or false" });
    expect(call("nope", "{}")).toEqual({ error: "unknown method: nope" });
    const usage = runLuaFile(RPCD_PLUGIN, ["call"]);
    expect(usage.code).toBe(1);
  });
});
