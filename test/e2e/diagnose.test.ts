// Issue 12: `splitwan diagnose --json` inside the bed's router namespace. One bed (MAP-E):
// healthy, every check ok; then each live condition is broken on purpose, the check that
// watches it must fail with its fix, and the condition is put back. The router's tools are
// what OpenWrt has: iproute2, nft, and busybox's ping, nc and nslookup (on the PATH as
// busybox applets); netifd's ubus answers come from the netifd stand-in through the
// stand-in ubus binding (Bed.publishUbus). A DNS server in the internet namespace stands in for the public
// resolver. Needs root and `ip netns`; skipped loudly otherwise (dataplane.test.ts says why).
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeState, statePath } from "../../src/core/ddns/state";
import { CLI, luaPath } from "../helpers/lua";
import { ADDR, Bed, bedUnavailable } from "./bed";
import { splitwanConfig } from "./checks";
import { inNs, ipBatch, nft, run, sysctl } from "./sh";

const unavailable = bedUnavailable() ?? (run(["sh", "-c", "command -v busybox"], { check: false }).code !== 0 ? "busybox missing" : undefined);
if (unavailable) console.warn(`\n!!! e2e diagnose tests SKIPPED: ${unavailable}. Run as root with iproute2, nftables and busybox.\n`);
const RESOLVER = "198.51.100.53";
const DDNS_HOST = "home.example.jp"; // MyDNS: the whole domain of the master ID

interface Check { id: string; verdict: string; code: string; args: string[]; text: string }
interface Reply { checks: Check[]; summary: Record<string, number>; seconds: number }

describe.skipIf(!!unavailable)("splitwan diagnose in the bed", () => {
  let bed: Bed;
  let bin: string;
  let dns: ChildProcess | undefined;
  const times: number[] = [];
  const records = () => join(bed.root, ".bed/dns-records.json");

  function diagnose(args: string[] = ["--json"]): { reply?: Reply; out: string } {
    bed.publishUbus();
    const t = Date.now();
    const r = inNs(bed.ns.rt, ["lua5.1", CLI, "diagnose", ...args], {
      env: { PATH: `${bin}:${process.env.PATH}`, SPLITWAN_ROOT: bed.root, LUA_PATH: luaPath() },
      check: false,
    });
    times.push(Date.now() - t);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    return args.includes("--json") ? { reply: JSON.parse(r.stdout) as Reply, out: r.stdout } : { out: r.stdout };
  }

  function check(id: string): Check {
    const r = diagnose().reply!;
    const c = r.checks.find((x) => x.id === id);
    if (c === undefined) throw new Error(`no check ${id}: ${JSON.stringify(r.checks)}`);
    return c;
  }

  function expectHealthy(): Reply {
    const r = diagnose().reply!;
    const bad = r.checks.filter((c) => c.verdict !== "ok");
    expect(bad, JSON.stringify(bad, null, 1)).toEqual([]);
    return r;
  }

  /** Breaks something, expects the check to fail with code and fix, then restores it. */
  function broken(id: string, code: string, fix: string, breakIt: () => void, restore: () => void): Check {
    breakIt();
    let c: Check;
    try {
      c = check(id);
    } finally {
      restore();
    }
    expect(c, JSON.stringify(c)).toMatchObject({ verdict: "fail", code });
    expect(c.text).toContain(fix);
    const after = check(id);
    expect(after.verdict, `after restoring: ${after.text}`).toBe("ok");
    return c;
  }

  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} missing: run npm run build`);
    bed = new Bed("map-e", CLI);
    await bed.build();
    // the router's busybox applets
    bin = mkdtempSync(join(tmpdir(), "sw-diag-bin-"));
    const busybox = run(["sh", "-c", "command -v busybox"]).stdout.trim();
    for (const applet of ["ping", "nc", "nslookup"]) symlinkSync(busybox, join(bin, applet));
    ipBatch(bed.ns.inet, [`addr add ${RESOLVER}/32 dev lo`]);
    writeFileSync(join(bed.root, ".bed/dns-records.json"), "{}");
    dns = spawn("ip", ["netns", "exec", bed.ns.inet, process.execPath, fileURLToPath(new URL("./dns-server.mjs", import.meta.url)), RESOLVER, join(bed.root, ".bed/dns-records.json")], { stdio: ["ignore", "pipe", "inherit"] });
    await new Promise<void>((resolve, reject) => {
      dns!.stdout!.once("data", () => resolve());
      dns!.once("exit", (code) => reject(new Error(`dns server exited ${code}`)));
    });
    bed.applySplitwan(splitwanConfig("source"));
  }, 120000);

  afterAll(() => {
    dns?.kill();
    bed?.destroy();
    if (bin) rmSync(bin, { recursive: true, force: true });
    if (times.length > 0) console.log(`diagnose in the bed: ${times.length} runs, ${Math.min(...times)}–${Math.max(...times)} ms each`);
  });

  it("healthy router: every check ok, within 15 s", () => {
    const r = expectHealthy();
    expect(r.checks.map((c) => c.id)).toEqual(["config", "pppoe", "rules", "table", "netifd_rule", "firewall", "dnat", "server_web", "rp_filter", "dns", "conflicts", "loopback"]);
    expect(r.checks.find((c) => c.id === "pppoe")!.args).toEqual(["wanppp", "203.0.113.45"]);
    expect(r.checks.find((c) => c.id === "firewall")!.args).toEqual([
      "dstnat_wan_pppoe (DNAT guard, conntrack mark, MSS clamp), srcnat_wan_pppoe (conntrack mark, MSS clamp), mangle_prerouting (MSS clamp)", "1414",
    ]);
    expect(Math.max(...times)).toBeLessThan(15000);
    console.log(`[healthy]\n${diagnose([]).out}`);
  });

  it("a missing policy rule", () => {
    broken("rules", "rules.missing", "run /etc/init.d/network reload",
      () => ipBatch(bed.ns.rt, ["rule del pref 30011"]),
      () => ipBatch(bed.ns.rt, [`rule add from ${ADDR.server} lookup 300 pref 30011`]));
  });

  it("a foreign rule at splitwan's priority", () => {
    broken("rules", "rules.wrong", "change option priority",
      () => ipBatch(bed.ns.rt, ["rule del pref 30010", "rule add from 192.168.1.99 lookup main pref 30010"]),
      () => ipBatch(bed.ns.rt, ["rule del pref 30010", `rule add from ${ADDR.server} lookup main suppress_prefixlength 0 pref 30010`]));
  });

  it("the table's default route deleted", () => {
    const route = bed.ip(["-4", "route", "show", "table", "300"]).split("\n").find((l) => l.startsWith("default"))!;
    broken("table", "table.no_default", "keep defaultroute on",
      () => ipBatch(bed.ns.rt, ["route del default table 300"]),
      () => ipBatch(bed.ns.rt, [`route add ${route} table 300`]));
  });

  it("netifd's from <pppoe-ip> rule missing", () => {
    broken("netifd_rule", "netifd_rule.missing", "check option ip4table",
      () => ipBatch(bed.ns.rt, ["rule del pref 10000"]),
      () => ipBatch(bed.ns.rt, [`rule add from ${bed.bras.addr} lookup 300 pref 10000`]));
  });

  const dropin = (chain: string) => join(bed.root, `usr/share/nftables.d/chain-pre/${chain}/10-splitwan.nft`);
  /** A drop-in file set aside (or replaced) and fw4 reloaded: the firewall check fails. */
  function dropinBroken(chain: string, args: string[], replace?: (text: string) => string): void {
    const f = dropin(chain);
    const orig = readFileSync(f, "utf8");
    const c = broken("firewall", "firewall.dropin", "run splitwan apply, then /etc/init.d/firewall reload",
      () => { if (replace) writeFileSync(f, replace(orig)); else renameSync(f, `${f}.off`); bed.fw4Reload(); },
      () => { if (replace) writeFileSync(f, orig); else renameSync(`${f}.off`, f); bed.fw4Reload(); });
    expect(c.args).toEqual(args);
  }

  it("splitwan's drop-ins missing from the ruleset: dstnat, srcnat, mangle_prerouting", () => {
    dropinBroken("dstnat_wan_pppoe", ["dstnat_wan_pppoe (DNAT guard, conntrack mark, MSS clamp)"]);
    dropinBroken("srcnat_wan_pppoe", ["srcnat_wan_pppoe (conntrack mark, MSS clamp)"]);
    dropinBroken("mangle_prerouting", ["mangle_prerouting (MSS clamp)"]);
  });

  it("one rule missing from its drop-in: the DNAT guard deleted from the live chain", () => {
    const c = broken("firewall", "firewall.dropin", "run splitwan apply",
      () => {
        const out = inNs(bed.ns.rt, ["nft", "-a", "list", "chain", "inet", "fw4", "dstnat_wan_pppoe"]).stdout;
        const line = out.split("\n").find((l) => l.includes("splitwan: publish only via PPPoE"))!;
        inNs(bed.ns.rt, ["nft", "delete", "rule", "inet", "fw4", "dstnat_wan_pppoe", "handle", line.split("# handle ")[1].trim()]);
      },
      () => bed.fw4Reload());
    expect(c.args).toEqual(["dstnat_wan_pppoe (DNAT guard)"]);
    console.log(`[DNAT guard deleted]\nFAIL  firewall       ${c.text}`);
  });

  it("the MTU changed without splitwan apply: the clamps are for the old MTU", () => {
    const f = join(bed.root, "etc/config/splitwan");
    const orig = readFileSync(f, "utf8");
    const c = broken("firewall", "firewall.mss", "run splitwan apply",
      () => writeFileSync(f, orig.replace("option mtu '1454'", "option mtu '1492'")),
      () => writeFileSync(f, orig));
    expect(c.args).toEqual(["dstnat_wan_pppoe", "1414", "1452", "1492"]);
    console.log(`[MTU 1492 not applied]\nFAIL  firewall       ${c.text}`);
  });

  it("the fw4 ruleset not loaded", () => {
    broken("firewall", "firewall.no_fw4", "/etc/init.d/firewall restart",
      () => inNs(bed.ns.rt, ["nft", "delete", "table", "inet", "fw4"]),
      () => bed.fw4Reload());
  });

  it("a published port without its DNAT", () => {
    const c = broken("dnat", "dnat.missing", "run /etc/init.d/firewall reload",
      () => {
        const out = inNs(bed.ns.rt, ["nft", "-a", "list", "chain", "inet", "fw4", "dstnat_wan_pppoe"]).stdout;
        const line = out.split("\n").find((l) => l.includes("splitwan web 443/tcp"))!;
        inNs(bed.ns.rt, ["nft", "delete", "rule", "inet", "fw4", "dstnat_wan_pppoe", "handle", line.split("# handle ")[1].trim()]);
      },
      () => bed.fw4Reload());
    expect(c.args).toEqual(["443/tcp", "web"]);
  });

  it("the server unreachable (no ARP, no ping, no TCP)", () => {
    const block = () => {
      for (const fam of ["arp", "ip"]) nft(bed.ns.srv, `table ${fam} blk {\n\tchain in {\n\t\ttype filter hook input priority 0; policy drop;\n\t}\n}\n`);
      ipBatch(bed.ns.rt, ["neigh flush dev br-lan"]);
    };
    const unblock = () => {
      inNs(bed.ns.srv, ["nft", "delete", "table", "arp", "blk"]);
      inNs(bed.ns.srv, ["nft", "delete", "table", "ip", "blk"]);
      // the kernel's failed ARP entry would hold packets until it expires
      ipBatch(bed.ns.rt, ["neigh flush dev br-lan"]);
    };
    broken("server_web", "server.unreachable", "check that it is on", block, unblock);
    broken("loopback", "loopback.closed", "start the service on the server", block, unblock);
  });

  it("the server's service closed: NAT loopback fails, the server itself answers", () => {
    broken("loopback", "loopback.closed", "start the service on the server",
      () => nft(bed.ns.srv, "table ip rst {\n\tchain in {\n\t\ttype filter hook input priority 0;\n\t\ttcp dport 80 reject with tcp reset\n\t}\n}\n"),
      () => inNs(bed.ns.srv, ["nft", "delete", "table", "ip", "rst"]));
  });

  it("peerdns on for the PPPoE interface", () => {
    const f = join(bed.root, "etc/config/network");
    const orig = readFileSync(f, "utf8");
    broken("dns", "dns.peerdns", "it sets peerdns 0",
      () => writeFileSync(f, orig.replace("option peerdns '0'", "option peerdns '1'")),
      () => writeFileSync(f, orig));
  });

  it("mwan3 installed with a mark mask over splitwan's mark", () => {
    const f = join(bed.root, "etc/config/mwan3");
    broken("conflicts_mwan3", "conflicts.mark", "change option mark",
      () => writeFileSync(f, "config globals 'globals'\n\toption mmx_mask '0x1000ff00'\n\nconfig interface 'wan'\n\toption enabled '1'\n"),
      () => writeFileSync(f, "config globals 'globals'\n\toption mmx_mask '0x3F00'\n\nconfig interface 'wan'\n\toption enabled '1'\n"));
    expect(check("conflicts_mwan3").code).toBe("conflicts.clear");
    rmSync(f);
  });

  it("PPPoE down: the session check fails, the checks that need it are not checked", () => {
    bed.pppoeDown();
    let r: Reply;
    try {
      r = diagnose().reply!;
      console.log(`[PPPoE down]\n${diagnose([]).out}`);
    } finally {
      bed.pppoeUp(bed.bras.addr);
    }
    const by = (id: string) => r.checks.find((c) => c.id === id)!;
    expect(by("pppoe")).toMatchObject({ verdict: "fail", code: "pppoe.down" });
    expect(by("pppoe").text).toContain("check the PPPoE username and password");
    for (const id of ["table", "netifd_rule", "loopback"]) expect(by(id)).toMatchObject({ verdict: "not-checked", code: "skip.pppoe_down" });
    expectHealthy();
  });

  it("two faults at once: rule deleted and peerdns on", () => {
    const f = join(bed.root, "etc/config/network");
    const orig = readFileSync(f, "utf8");
    ipBatch(bed.ns.rt, ["rule del pref 30011"]);
    writeFileSync(f, orig.replace("option peerdns '0'", "option peerdns '1'"));
    try {
      const r = diagnose().reply!;
      expect(r.checks.filter((c) => c.verdict === "fail").map((c) => c.id)).toEqual(["rules", "dns"]);
      console.log(`[two faults]\n${diagnose([]).out}`);
    } finally {
      writeFileSync(f, orig);
      ipBatch(bed.ns.rt, [`rule add from ${ADDR.server} lookup 300 pref 30011`]);
    }
    expectHealthy();
  });

  it("reply-only: healthy with its marks; strict rp_filter fails", () => {
    bed.applySplitwan(splitwanConfig("reply-only"));
    const r = expectHealthy();
    expect(r.checks.map((c) => c.id)).toEqual(["config", "pppoe", "rules", "table", "netifd_rule", "firewall", "dnat", "server_web", "rp_filter", "dns", "conflicts", "loopback"]);
    expect(r.checks.find((c) => c.id === "firewall")!.args).toEqual([
      "dstnat_wan_pppoe (DNAT guard, conntrack mark, MSS clamp), srcnat_wan_pppoe (conntrack mark, MSS clamp), mangle_prerouting (MSS clamp, reply-only mark), mangle_output (reply-only mark, MSS clamp)", "1414",
    ]);
    const c = broken("rp_filter", "rp_filter.strict", "rp_filter to 2 (loose)",
      () => sysctl(bed.ns.rt, "net.ipv4.conf.all.rp_filter", "1"),
      () => sysctl(bed.ns.rt, "net.ipv4.conf.all.rp_filter", "0"));
    expect(c.args[0]).toBe("all");
  });

  it("reply-only: the packet mark missing from mangle_prerouting and mangle_output", () => {
    dropinBroken("mangle_prerouting", ["mangle_prerouting (MSS clamp, reply-only mark)"]);
    // the source mode's rule: fw4 not reloaded after the servers became reply-only
    dropinBroken("mangle_prerouting", ["mangle_prerouting (reply-only mark)"], (t) => t.split("meta mark set meta mark | 0x10000000 ").join(""));
    dropinBroken("mangle_output", ["mangle_output (reply-only mark, MSS clamp)"]);
  });

  it("DDNS: the record resolves to the PPPoE address from the public resolver; wrong or stale records fail", () => {
    // no PPPoE event follows from here: the hotplug's DDNS update never runs in the bed
    const conf = join(bed.root, "etc/config/splitwan");
    const orig = readFileSync(conf, "utf8");
    writeFileSync(conf, orig.replace("config splitwan 'main'\n", `config splitwan 'main'\n\toption resolver '${RESOLVER}'\n`) +
      `\nconfig ddns 'home'\n\toption provider 'mydns'\n\toption domain '${DDNS_HOST}'\n\toption username 'mydns123'\n\toption password 'pw'\n`);
    const state = join(bed.root, statePath("home"));
    mkdirSync(join(state, ".."), { recursive: true });
    const sent = (ip: string, ago: number) => writeFileSync(state, encodeState({ target: `mydns ${DDNS_HOST} 4`, failures: 0, lastAttempt: Math.floor(Date.now() / 1000) - ago, lastSuccess: Math.floor(Date.now() / 1000) - ago, ipSent: ip, successIp: ip }));
    const record = (ip: string) => writeFileSync(records(), JSON.stringify({ [DDNS_HOST]: { a: [ip], ttl: 300 } }));
    try {
      record(bed.bras.addr);
      sent(bed.bras.addr, 3600);
      expect(check("ddns_home")).toMatchObject({ verdict: "ok", code: "ddns.ok", args: ["home", DDNS_HOST, bed.bras.addr] });
      broken("ddns_home", "ddns.wrong", "run splitwan ddns update --force", () => record("203.0.113.99"), () => record(bed.bras.addr));
      broken("ddns_home", "ddns.stale", "run splitwan ddns update", () => sent("203.0.113.44", 3600), () => sent(bed.bras.addr, 3600));
      broken("ddns_home", "ddns.no_answer", "check the domain and host options",
        () => writeFileSync(records(), "{}"), () => record(bed.bras.addr));
      // just updated: the old answer may still be cached
      record("203.0.113.44");
      sent(bed.bras.addr, 30);
      expect(check("ddns_home")).toMatchObject({ verdict: "warning", code: "ddns.pending" });
    } finally {
      writeFileSync(conf, orig);
      rmSync(state, { force: true });
    }
  });
});
