// Records the rpcd plugin's real answers for the browser test: the shipped Lua program
// (luci-app-splitwan/root/usr/sbin/splitwan, run by lua5.1 as rpcd runs it:
// `splitwan rpcd call <method>`, arguments on stdin) over copies of
// test/fixtures/routers/dsa-mape. What the program asks the system is stood in for:
//   - netifd over ubus: recorded answers in a SPLITWAN_UBUS_DIR (PPPoE up, the devices);
//   - `ip` and `nft`: scripts first in PATH that print what a router with splitwan applied
//     and PPPoE up prints (the program runs them through the shell);
//   - for the failure, a `ubus` Lua module that refuses a call without its connection
//     as self, as OpenWrt's libubus-lua does (../shared/reference/lua-bindings): the
//     program as built at recording time calls conn.call(...), and its answer is the
//     error a real router gave.
// Run: npm run build && node test/luci/recorded/record.mjs   (writes *.json here)
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, readFileSync, appendFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));
const TOP = join(HERE, "../../..");
const CLI = join(TOP, "luci-app-splitwan/root/usr/sbin/splitwan");
const made = [];

function temp(prefix) {
  const d = mkdtempSync(join(tmpdir(), prefix));
  made.push(d);
  return d;
}

function router() {
  const root = temp("splitwan-rec-");
  cpSync(join(TOP, "test/fixtures/routers/dsa-mape"), root, { recursive: true });
  mkdirSync(join(root, "tmp"), { recursive: true });
  writeFileSync(join(root, "tmp/dhcp.leases"), "1700003600 aa:bb:cc:00:00:05 192.168.1.5 nas-web *\n1700003600 aa:bb:cc:00:00:06 192.168.1.6 nas *\n");
  return root;
}

function ubusDir(answers) {
  const dir = temp("splitwan-rec-ubus-");
  for (const [name, answer] of Object.entries(answers)) writeFileSync(join(dir, `${name}.json`), JSON.stringify(answer));
  return dir;
}

/** `ip` and `nft` as a router with splitwan applied and PPPoE up answers them. */
function liveTools() {
  const bin = temp("splitwan-rec-bin-");
  const script = (name, body) => {
    writeFileSync(join(bin, name), `#!/bin/sh\n${body}\n`);
    chmodSync(join(bin, name), 0o755);
  };
  script("ip", `case "$*" in
  "-4 route show table 300") echo "default via 10.64.0.1 dev pppoe-wanppp proto static" ;;
  "-4 rule show") printf '0:\\tfrom all lookup local\\n30000:\\tfrom all fwmark 0x10000000/0x10000000 lookup main suppress_prefixlength 0\\n30001:\\tfrom all fwmark 0x10000000/0x10000000 lookup 300\\n30010:\\tfrom 192.168.1.5 lookup main suppress_prefixlength 0\\n30011:\\tfrom 192.168.1.5 lookup 300\\n32766:\\tfrom all lookup main\\n' ;;
  *) exit 1 ;;
esac`);
  script("nft", `case "$*" in
  "list chain inet fw4 dstnat_wan_pppoe") printf 'table inet fw4 {\\n\\tchain dstnat_wan_pppoe {\\n\\t\\tmeta nfproto ipv4 tcp dport 80 counter dnat ip to 192.168.1.5:80\\n\\t\\tmeta nfproto ipv4 tcp dport 443 counter dnat ip to 192.168.1.5:443\\n\\t}\\n}\\n' ;;
  "list chain inet fw4 input_wan_pppoe") exit 0 ;;
  *) exit 1 ;;
esac`);
  return bin;
}

const PPPOE_UP = { up: true, pending: false, uptime: 3725, l3_device: "pppoe-wanppp", device: "wan", "ipv4-address": [{ address: "203.0.113.7", mask: 32 }] };
const DEVICES = { lo: {}, "br-lan": {}, lan1: {}, lan2: {}, wan: {}, "pppoe-wanppp": {} };

function run(args, env, stdin = "") {
  const r = spawnSync("lua5.1", [CLI, ...args], { env: { ...process.env, ...env }, input: stdin, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`splitwan ${args.join(" ")}: exit ${r.status}: ${r.stderr}`);
  return r.stdout;
}

function call(method, env, args = {}) {
  const out = run(["rpcd", "call", method], env, JSON.stringify(args));
  return JSON.parse(out);
}

const recorded = {};
const note = (name, how, answer) => (recorded[name] = { how, answer });

// applied, PPPoE up
{
  const root = router();
  run(["apply"], { SPLITWAN_ROOT: root });
  const env = { SPLITWAN_ROOT: root, SPLITWAN_UBUS_DIR: ubusDir({ "network.interface.wanppp.status": PPPOE_UP, "network.device.status": DEVICES }), PATH: `${liveTools()}:${process.env.PATH}` };
  note("status-up", "applied, PPPoE up (netifd answer recorded), ip/nft as on a live router", call("status", env));
  note("detect", "netifd lists the devices", call("detect", env));
}
// saved but not applied: the page offers Apply now
{
  const root = router();
  const env = { SPLITWAN_ROOT: root, SPLITWAN_UBUS_DIR: ubusDir({ "network.device.status": DEVICES }) };
  note("status-pending", "saved, never applied (PPPoE interface not in netifd)", call("status", env));
  note("apply-ok", "apply on that router", call("apply", env));
  note("status-after-apply", "status right after that apply (PPPoE not up yet)", call("status", env));
}
// a hand-made interface wanppp is in the way
{
  const root = router();
  appendFileSync(join(root, "etc/config/network"), "\nconfig interface 'wanppp'\n\toption proto 'pppoe'\n\toption device 'wan'\n");
  const env = { SPLITWAN_ROOT: root, SPLITWAN_UBUS_DIR: ubusDir({ "network.device.status": DEVICES }) };
  note("status-conflict", "network.wanppp made by hand (a conflict)", call("status", env));
  note("apply-conflict", "apply on that router", call("apply", env));
}
// netifd does not answer
{
  const root = router();
  note("detect-no-netifd", "no netifd answer (network.device status missing)", call("detect", { SPLITWAN_ROOT: root, SPLITWAN_UBUS_DIR: ubusDir({}) }));
}
// the real binding's refusal of a dot call: the error a router's LuCI page received
{
  const root = router();
  const lib = temp("splitwan-rec-lua-");
  writeFileSync(join(lib, "ubus.lua"), `-- like libubus-lua: methods check their self (luaL_checkudata)
local meta = {}
meta.__index = meta
local function check(self, name)
  if getmetatable(self) ~= meta then error(("bad argument #1 to '%s' (ubus.meta expected, got %s)"):format(name, type(self)), 3) end
end
function meta.call(self, object, method, args) check(self, "call") return nil, 4 end
function meta.close(self) check(self, "close") end
return { connect = function() return setmetatable({}, meta) end }
`);
  note("status-lua-error", "the program at recording time under a ubus module that checks self like libubus-lua", call("status", { SPLITWAN_ROOT: root, LUA_PATH: `${lib}/?.lua;;` }));
}

const head = execFileSync("git", ["-C", TOP, "rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
for (const [name, { how, answer }] of Object.entries(recorded)) {
  writeFileSync(join(HERE, `${name}.json`), JSON.stringify({ recorded: `lua5.1 splitwan rpcd call (commit ${head}): ${how}`, answer }, null, 2) + "\n");
}
for (const d of made) rmSync(d, { recursive: true, force: true });
console.log(`recorded ${Object.keys(recorded).length} answers in ${HERE}`);
