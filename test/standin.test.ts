// The stand-in `uci` and `ubus` modules refuse what the real bindings refuse: the real
// probe (../shared/reference/lua-bindings/probe.lua, recorded against OpenWrt's
// libuci-lua and libubus-lua) runs unchanged on the stand-ins and must print the
// recorded transcript line for line.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { TOP, runLuaFile } from "./helpers/lua";
import { writeUbusAnswers } from "./helpers/ubus-answers";

const REF = join(TOP, "../shared/reference");
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

it("the real bindings' probe prints the recorded transcript on the stand-ins", () => {
  const work = mkdtempSync(join(tmpdir(), "splitwan-probe-"));
  dirs.push(work);
  const dir = join(work, "DIR");
  mkdirSync(join(dir, "config"), { recursive: true });
  // the file the README describes, as it was before the probe ran
  writeFileSync(join(dir, "config/t"), "\nconfig main 'main'\n\toption opt 'a'\n\tlist items 'x'\n\tlist items 'y'\n\nconfig typ\n\toption k 'v'\n");
  const sock = join(work, "ubus.sock");
  const dump = JSON.parse(readFileSync(join(REF, "fw4/ifdump.mape.json"), "utf8")) as { interface: Array<Record<string, unknown>> };
  const answers: Record<string, Record<string, unknown>> = { "network.interface.dump": dump, "network.device.status": {}, "service.list": {} };
  for (const i of dump.interface) answers[`network.interface.${i.interface}.status`] = i;
  writeUbusAnswers(sock, answers);
  cpSync(join(REF, "lua-bindings/probe.lua"), join(work, "probe.lua"));

  const r = runLuaFile("probe.lua", [dir, sock], { cwd: work });
  expect(r.stderr).toBe("");
  const transcript = readFileSync(join(REF, "lua-bindings/transcript.txt"), "utf8");
  const [calls, file] = transcript.split("--- DIR/config/t after the commit:\n");
  // a raise names the caller's line only in the real (C) binding: the probe tail-calls,
  // and a tail-called Lua function leaves no caller frame to name
  const lines = (text: string) => text.split("\n").filter((l) => l !== "").map((l) => l.replace(/"probe\.lua:\d+: /, '"'));
  expect(lines(r.stdout.split(dir).join("DIR"))).toEqual(lines(calls));
  expect(calls).toContain("[raises]"); // the normalisation above has lines to act on
  expect(readFileSync(join(dir, "config/t"), "utf8")).toBe(file);
});

it("ubus: a dot call raises, a missing object is 4, a missing method 3, no ubusd 9, a timeout 7", () => {
  const work = mkdtempSync(join(tmpdir(), "splitwan-ubus-"));
  dirs.push(work);
  const sock = join(work, "ubus.sock");
  writeUbusAnswers(sock, { "network.interface.wanppp.status": { up: true }, "network.interface.wanppp.down": null });
  writeFileSync(join(sock, "network.interface.wanppp/up.timeout"), "");
  writeFileSync(
    join(work, "t.lua"),
    `local ubus = require "ubus"
local c = ubus.connect(arg[1], 3)
print(c:call("network.interface.wanppp", "status", {}).up)
print(c:call("network.interface.wanppp", "down", {}))
print(select("#", c:call("network.interface.wanppp", "down", {})))
print(c:call("network.interface.wanppp", "up", {}))
print(c:call("network.interface.wanppp", "nosuch", {}))
print(c:call("network.interface.nosuch", "status", {}))
print(pcall(c.call, "network.interface.wanppp", "status", {}))
print(pcall(function() local r = c:call("network.interface.wanppp", "status"); return r end))
print(ubus.connect(arg[1] .. ".missing"))
`,
  );
  const r = runLuaFile("t.lua", [sock], { cwd: work });
  expect(r.stderr).toBe("");
  expect(r.stdout.split("\n")).toEqual([
    "true",
    "",
    "0",
    "nil\t7",
    "nil\t3",
    "nil\t4",
    "false\tbad argument #1 to 'call' (ubus.meta expected, got string)",
    "false\tt.lua:10: bad argument #4 to 'call' (table expected, got no value)",
    "nil\t9",
    "",
  ]);
  expect(readFileSync(join(sock, "calls.log"), "utf8").split("\n")[0]).toBe("network.interface.wanppp status {}");
});

it("uci: get_all(config) is the whole config, sections by name with their .index (lua/uci.c uci_push_package)", () => {
  const work = mkdtempSync(join(tmpdir(), "splitwan-getall-"));
  dirs.push(work);
  mkdirSync(join(work, "config"));
  writeFileSync(join(work, "config/t"), "\nconfig main 'main'\n\toption opt 'a'\n\nconfig typ\n\toption k 'v'\n");
  writeFileSync(join(work, "config/empty"), "");
  writeFileSync(
    join(work, "t.lua"),
    `local c = require("uci").cursor(arg[1] .. "/config", arg[1] .. "/save")
local all = c:get_all("t")
local names = {}
for name, s in pairs(all) do names[#names + 1] = name .. "=" .. s[".type"] .. "@" .. tostring(s[".index"]) end
table.sort(names)
print(table.concat(names, " "), all.main.opt)
print(next(c:get_all("empty")))
print(c:get_all("nosuch"))
`,
  );
  const r = runLuaFile("t.lua", [work], { cwd: work });
  expect(r.stderr).toBe("");
  expect(r.stdout.split("\n")).toEqual([expect.stringMatching(/^cfg[0-9a-f]{6}=typ@1 main=main@0\ta$/), "nil", "nil\tuci: Entry not found", ""]);
});
