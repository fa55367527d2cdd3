// Records the rpcd plugin's real answers for the browser test: the shipped Lua program
// (luci-app-splitwan/root/usr/libexec/rpcd/luci.splitwan, run by lua5.1 as rpcd runs it:
// `luci.splitwan call <method>`, arguments on stdin) over copies of
// test/fixtures/routers/dsa-mape. What the program asks the system is stood in for:
//   - libuci-lua and libubus-lua: the test-only stand-in modules (test/standin/, built by
//     vitest's global setup into build/lua-test/standin), netifd's answers recorded in the
//     tree's ubus socket directory (PPPoE up, the devices);
//   - `ip` and `nft`: scripts first in PATH that print what a router with splitwan applied
//     and PPPoE up prints (the program runs them through the shell);
// status-lua-error.json is not recorded here any more: it is the answer the program gave
// before the binding fix (conn.call under a ubus module that checks self as libubus-lua
// does), kept as the page's example of a backend failure.
// Run: npm run build && node test/luci/recorded/record.mjs   (writes *.json here)
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, readFileSync, appendFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));
const TOP = join(HERE, "../../..");
const CLI = join(TOP, "luci-app-splitwan/root/usr/sbin/splitwan");
const PLUGIN = join(TOP, "luci-app-splitwan/root/usr/libexec/rpcd/luci.splitwan");
const LUA_PATH = `${join(TOP, "luci-app-splitwan/root/usr/lib/lua")}/?.lua;${join(TOP, "build/lua-test/standin")}/?.lua;;`;
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

/** netifd's answers in the tree's socket directory, as the stand-in ubus reads them. */
function ubusAnswers(root, answers) {
  const sock = join(root, "var/run/ubus/ubus.sock");
  mkdirSync(sock, { recursive: true });
  for (const [name, answer] of Object.entries(answers)) {
    const dot = name.lastIndexOf(".");
    mkdirSync(join(sock, name.slice(0, dot)), { recursive: true });
    writeFileSync(join(sock, name.slice(0, dot), `${name.slice(dot + 1)}.json`), JSON.stringify(answer));
  }
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

function run(args, env, stdin = "", program = CLI) {
  const r = spawnSync("lua5.1", [program, ...args], { env: { ...process.env, LUA_PATH, ...env }, input: stdin, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`splitwan ${args.join(" ")}: exit ${r.status}: ${r.stderr}`);
  return r.stdout;
}

function call(method, env, args = {}) {
  const out = run(["call", method], env, JSON.stringify(args), PLUGIN);
  return JSON.parse(out);
}

const recorded = {};
const note = (name, how, answer) => (recorded[name] = { how, answer });

// applied, PPPoE up
{
  const root = router();
  run(["apply"], { SPLITWAN_ROOT: root });
  ubusAnswers(root, { "network.interface.wanppp.status": PPPOE_UP, "network.device.status": DEVICES });
  const env = { SPLITWAN_ROOT: root, PATH: `${liveTools()}:${process.env.PATH}` };
  note("status-up", "applied, PPPoE up (netifd answer recorded), ip/nft as on a live router", call("status", env));
  note("detect", "netifd lists the devices", call("detect", env));
}
// saved but not applied: the page offers Apply now
{
  const root = router();
  ubusAnswers(root, { "network.device.status": DEVICES });
  const env = { SPLITWAN_ROOT: root };
  note("status-pending", "saved, never applied (PPPoE interface not in netifd)", call("status", env));
  note("apply-ok", "apply on that router", call("apply", env));
  note("status-after-apply", "status right after that apply (PPPoE not up yet)", call("status", env));
}
// a hand-made interface wanppp is in the way
{
  const root = router();
  appendFileSync(join(root, "etc/config/network"), "\nconfig interface 'wanppp'\n\toption proto 'pppoe'\n\toption device 'wan'\n");
  ubusAnswers(root, { "network.device.status": DEVICES });
  const env = { SPLITWAN_ROOT: root };
  note("status-conflict", "network.wanppp made by hand (a conflict)", call("status", env));
  note("apply-conflict", "apply on that router", call("apply", env));
}
// saved with values the router refuses: the status carries the validation errors as codes
{
  const root = router();
  const cfg = join(root, "etc/config/splitwan");
  writeFileSync(cfg, readFileSync(cfg, "utf8").replace("option mtu '1454'", "option mtu '9000'").replace("list port '19132/udp'", "list port '19132/udp'\n\tlist port '443/tcp'") + "\nconfig ddns 'home'\n\toption provider 'value-domain'\n\toption domain 'example.jp'\n");
  ubusAnswers(root, { "network.device.status": DEVICES });
  note("status-invalid", "saved with mtu 9000, port 443 twice and a DDNS section without password", call("status", { SPLITWAN_ROOT: root }));
}
// netifd does not answer
{
  const root = router();
  note("detect-no-netifd", "no ubusd (the tree has no ubus socket)", call("detect", { SPLITWAN_ROOT: root }));
}
const head = execFileSync("git", ["-C", TOP, "rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
for (const [name, { how, answer }] of Object.entries(recorded)) {
  writeFileSync(join(HERE, `${name}.json`), JSON.stringify({ recorded: `lua5.1 luci.splitwan call (commit ${head}): ${how}`, answer }, null, 2) + "\n");
}
for (const d of made) rmSync(d, { recursive: true, force: true });
console.log(`recorded ${Object.keys(recorded).length} answers in ${HERE}`);
