// The self-test's verdicts, from facts recorded in the namespace bed (test/fixtures/
// diagnose: `ip rule`, `ip route`, `nft list ruleset` and netifd's interface dump of a
// MAP-E router with splitwan applied). The collector runs on a Node Platform that answers
// with those recordings; each test then changes one fact and expects its verdict.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { applyConfig } from "../../src/core/apply";
import { collectFacts, parseNslookup } from "../../src/core/diagnose/collect";
import type { DiagnoseFacts } from "../../src/core/diagnose/facts";
import { DIAGNOSE_MESSAGES, diagnoseText } from "../../src/core/diagnose/messages";
import { type CheckResult, fw4Chain, judge } from "../../src/core/diagnose/verdicts";
import type { ExecResult } from "../../src/core/platform";
import { BASE_FIREWALL, baseNetwork } from "../e2e/router-config";
import { TOP } from "../helpers/lua";
import { testPlatform } from "../helpers/node-platform";

const FIX = join(TOP, "test/fixtures/diagnose");
const fixture = (name: string) => readFileSync(join(FIX, name), "utf8");
const NOW = 1_700_000_000;

const SOURCE = `config splitwan 'main'
	option enabled '1'
	option username 'user@example.jp'
	option password 'secret'
	option mtu '1454'

config server 'web'
	option ipaddr '192.168.1.5'
	option mode 'source'
	option ip6_suffix '::5'
	list port '80,443/tcp'
	list port '19132/udp'
`;
const REPLY_ONLY = SOURCE.replace("option mode 'source'", "option mode 'reply-only'");

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

/** A MAP-E router tree like the bed's with splitwan applied (files only). */
function router(config: string, extra: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), "splitwan-diagnose-"));
  roots.push(root);
  const files: Record<string, string> = {
    "etc/config/network": baseNetwork("map-e"),
    "etc/config/firewall": BASE_FIREWALL,
    "etc/config/splitwan": config,
    "etc/iproute2/rt_tables": "255\tlocal\n254\tmain\n253\tdefault\n0\tunspec\n",
    "proc/sys/net/ipv4/conf/all/rp_filter": "0\n",
    "proc/sys/net/ipv4/conf/pppoe-wanppp/rp_filter": "0\n",
    ...extra,
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  applyConfig(testPlatform(root), false);
  return root;
}

const UBUS: Record<string, Record<string, unknown>> = {};
for (const st of JSON.parse(fixture("ubus-interfaces.json")) as Array<Record<string, unknown>>) UBUS[`network.interface.${st.interface}.status`] = st;

/** What the router's commands answered in the bed; a test may override any of them. */
function recorded(mode: "source" | "reply-only", over: Record<string, ExecResult> = {}) {
  const answers: Record<string, ExecResult> = {
    "ip -4 rule show": { code: 0, stdout: fixture(`ip-rule.${mode}.txt`) },
    "ip -4 route show table 300": { code: 0, stdout: fixture("ip-route-300.txt") },
    "nft list ruleset": { code: 0, stdout: fixture(`nft-ruleset.${mode}.nft`) },
    ping: { code: 0, stdout: "" },
    "ip -4 neigh": { code: 0, stdout: "192.168.1.5 lladdr 02:11:22:33:44:55 REACHABLE\n" },
    nc: { code: 124, stdout: "" },
    true: { code: 0, stdout: "" },
    nslookup: { code: 0, stdout: "Server:\t\t1.1.1.1\nAddress:\t1.1.1.1:53\n\nNon-authoritative answer:\nName:\thome.example.jp\nAddress: 203.0.113.45\n\n" },
    ...over,
  };
  return (argv: string[]): ExecResult => {
    const line = argv.join(" ");
    if (answers[line] !== undefined) return answers[line];
    if (argv[0] === "timeout") return answers[argv[2]] ?? { code: 127, stdout: "" };
    if (line.startsWith("ip -4 neigh")) return answers["ip -4 neigh"];
    return { code: 1, stdout: "" };
  };
}

function facts(mode: "source" | "reply-only" = "source", opts: { over?: Record<string, ExecResult>; ubus?: Record<string, Record<string, unknown>>; extra?: Record<string, string>; later?: Record<string, string> } = {}): DiagnoseFacts {
  const root = router(mode === "source" ? SOURCE : REPLY_ONLY, opts.extra);
  // files changed behind splitwan's back after the apply
  for (const [path, text] of Object.entries(opts.later ?? {})) writeFileSync(join(root, path), text);
  return collectFacts(testPlatform(root, { ubus: { ...UBUS, ...opts.ubus }, exec: recorded(mode, opts.over) }));
}

function by(results: CheckResult[], id: string): CheckResult {
  const r = results.find((x) => x.id === id);
  if (r === undefined) throw new Error(`no check ${id} in ${results.map((x) => x.id).join(" ")}`);
  return r;
}

function verdictOf(f: DiagnoseFacts, id: string): CheckResult {
  return by(judge(f), id);
}

const healthySource = facts("source");
const copy = (): DiagnoseFacts => structuredClone(healthySource);

describe("diagnose: a healthy router (facts recorded in the bed)", () => {
  it("source mode: every check ok", () => {
    const r = judge(healthySource);
    expect(r.filter((c) => c.verdict !== "ok")).toEqual([]);
    expect(r.map((c) => c.id)).toEqual(["config", "pppoe", "rules", "table", "netifd_rule", "firewall", "dnat", "server_web", "rp_filter", "dns", "conflicts", "loopback"]);
    expect(by(r, "dnat").args).toEqual(["3"]);
    expect(by(r, "loopback").text).toBe("NAT loopback: 203.0.113.45:80 is reflected to 192.168.1.5 and the server accepts TCP on port 80");
  });
  it("reply-only mode: every check ok, with the mark drop-ins and the mark rules", () => {
    const r = judge(facts("reply-only"));
    expect(r.filter((c) => c.verdict !== "ok")).toEqual([]);
    expect(by(r, "firewall").args[0]).toContain("mangle_prerouting (MSS clamp, reply-only mark), mangle_output (reply-only mark, MSS clamp)");
    expect(by(r, "rules").args).toEqual(["2"]);
  });
  it("netifd not answering is not checked, never blamed on the config (real-binding check finding)", () => {
    const root = router(SOURCE);
    const down = judge(collectFacts(testPlatform(root, { ubusDown: true, exec: recorded("source") })));
    expect(by(down, "pppoe")).toMatchObject({ verdict: "not-checked", code: "netifd.down" });
    expect(by(down, "server_web")).toMatchObject({ verdict: "not-checked", code: "netifd.down" });
    expect(by(down, "pppoe").text).toBe("not checked: could not ask netifd (cannot connect to ubus (is ubusd running?))");
    // an interface netifd really does not know is still the config's fault
    const missing = judge(collectFacts(testPlatform(root, { ubus: { "network.interface.lan.status": UBUS["network.interface.lan.status"] }, exec: recorded("source") })));
    expect(by(missing, "pppoe")).toMatchObject({ verdict: "fail", code: "pppoe.missing" });
  });
  it("each result's text is its code's template with its args", () => {
    for (const c of judge(healthySource)) expect(c.text).toBe(diagnoseText(c.code, c.args));
  });
});

describe("diagnose: config", () => {
  it("disabled: a warning, every other check not checked", () => {
    const f = collectFacts(testPlatform(router(SOURCE.replace("option enabled '1'", "option enabled '0'")), { ubus: UBUS, exec: recorded("source") }));
    const r = judge(f);
    expect(r[0]).toMatchObject({ id: "config", verdict: "warning", code: "config.disabled" });
    expect(r.slice(1).every((c) => c.verdict === "not-checked" && c.code === "skip.disabled")).toBe(true);
  });
  it("invalid: fail with the validation error", () => {
    const f = copy();
    f.errors = ["splitwan.web.ipaddr='192.168.1.300': not an IPv4 address"];
    expect(judge(f)[0]).toMatchObject({ verdict: "fail", code: "config.invalid" });
    expect(judge(f)[0].text).toContain("192.168.1.300");
  });
});

describe("diagnose: PPPoE session", () => {
  const withIp = (ip: string) => {
    const f = copy();
    f.pppoe!.ipv4 = ip;
    return verdictOf(f, "pppoe");
  };
  it("fails on a private, shared (100.64/10) or the CGN address", () => {
    expect(withIp("192.168.100.7")).toMatchObject({ verdict: "fail", code: "pppoe.private" });
    expect(withIp("10.1.2.3").code).toBe("pppoe.private");
    expect(withIp("100.64.0.9")).toMatchObject({ verdict: "fail", code: "pppoe.shared" });
    expect(withIp("100.128.0.9").code).toBe("pppoe.ok");
    expect(healthySource.cgnAddrs).toEqual(["192.0.2.77"]);
    expect(withIp("192.0.2.77")).toMatchObject({ verdict: "fail", code: "pppoe.cgn" });
    expect(withIp("")).toMatchObject({ verdict: "fail", code: "pppoe.no_ipv4" });
  });
  it("down, with netifd's error code; unknown to netifd", () => {
    const f = copy();
    f.pppoe = { up: false, ipv4: "", errors: ["AUTH_FAILED"], dns: [] };
    const r = judge(f);
    expect(by(r, "pppoe").text).toBe("PPPoE wanppp is down (AUTH_FAILED) — check the PPPoE username and password, and that the line is connected");
    for (const id of ["table", "netifd_rule", "loopback"]) expect(by(r, id)).toMatchObject({ verdict: "not-checked", code: "skip.pppoe_down" });
    f.pppoe = undefined;
    expect(verdictOf(f, "pppoe")).toMatchObject({ verdict: "fail", code: "pppoe.missing", text: "netifd has no interface wanppp — run splitwan apply" });
  });
});

describe("diagnose: policy rules and the table", () => {
  it("a missing rule, a foreign rule at the priority, ip failing", () => {
    const f = copy();
    f.ipRules = f.ipRules!.filter((l) => !l.startsWith("30011:"));
    expect(verdictOf(f, "rules")).toMatchObject({ verdict: "fail", code: "rules.missing", args: ["30011", "from 192.168.1.5 lookup 300"] });
    f.ipRules.push("30011:\tfrom 192.168.1.5 lookup 301");
    expect(verdictOf(f, "rules")).toMatchObject({ verdict: "fail", code: "rules.wrong", args: ["30011", "from 192.168.1.5 lookup 301", "from 192.168.1.5 lookup 300"] });
    f.ipRules = undefined;
    expect(verdictOf(f, "rules").verdict).toBe("not-checked");
  });
  it("the table's name from rt_tables counts as the table (ip prints names it knows)", () => {
    const f = copy();
    f.ipRules = f.ipRules!.map((l) => l.split("lookup 300").join("lookup pppoe"));
    expect(verdictOf(f, "rules").verdict).toBe("ok");
    expect(verdictOf(f, "netifd_rule").verdict).toBe("ok");
  });
  it("the table without a default route via PPPoE", () => {
    const f = copy();
    f.tableRoutes = ["default via 192.0.2.1 dev eth1"];
    expect(verdictOf(f, "table")).toMatchObject({ verdict: "fail", code: "table.no_default" });
    f.tableRoutes = undefined;
    expect(verdictOf(f, "table").verdict).toBe("not-checked");
  });
  it("netifd's from <pppoe-ip> rule missing", () => {
    const f = copy();
    f.ipRules = f.ipRules!.filter((l) => !l.startsWith("10000:"));
    expect(verdictOf(f, "netifd_rule")).toMatchObject({ verdict: "fail", code: "netifd_rule.missing", args: ["203.0.113.45", "300", "wanppp"] });
  });
});

describe("diagnose: firewall", () => {
  const withRuleset = (edit: (s: string) => string, id = "firewall") => {
    const f = copy();
    f.ruleset = edit(f.ruleset!);
    return verdictOf(f, id);
  };
  it("fw4 not loaded, zone missing, nft failing", () => {
    expect(withRuleset(() => "table inet other {\n}\n")).toMatchObject({ verdict: "fail", code: "firewall.no_fw4" });
    expect(withRuleset((s) => s.split("chain input_wan_pppoe {").join("chain input_other {"))).toMatchObject({ verdict: "fail", code: "firewall.no_zone" });
    const f = copy();
    f.ruleset = undefined;
    expect(verdictOf(f, "firewall").verdict).toBe("not-checked");
    expect(verdictOf(f, "dnat").verdict).toBe("not-checked");
  });
  /** The ruleset with the lines of chain that contain marker removed (or replaced). */
  const inChain = (chain: string, marker: string, by?: string) => (s: string) => {
    let cur = "";
    const out: string[] = [];
    for (const l of s.split("\n")) {
      const t = l.trim();
      if (t.startsWith("chain ") && t.endsWith("{")) cur = t.slice(6, -1).trim();
      else if (t === "}") cur = "";
      if (cur === chain && t.indexOf(marker) >= 0) {
        if (by !== undefined) out.push(`\t\t${by}`);
      } else out.push(l);
    }
    return out.join("\n");
  };
  const dropin = (args: string[]) => ({ verdict: "fail", code: "firewall.dropin", args });
  it("healthy: each drop-in rule found in its chain, the MSS of MTU − 40", () => {
    expect(verdictOf(healthySource, "firewall")).toMatchObject({
      verdict: "ok", code: "firewall.ok",
      args: ["dstnat_wan_pppoe (DNAT guard, conntrack mark, MSS clamp), srcnat_wan_pppoe (conntrack mark, MSS clamp), mangle_prerouting (MSS clamp)", "1414"],
    });
  });
  it("a drop-in missing from its chain: the DNAT guard, the conntrack marks, the clamps", () => {
    expect(withRuleset(inChain("dstnat_wan_pppoe", "publish only via PPPoE"))).toMatchObject(dropin(["dstnat_wan_pppoe (DNAT guard)"]));
    expect(withRuleset(inChain("dstnat_wan_pppoe", "splitwan:"))).toMatchObject(dropin(["dstnat_wan_pppoe (DNAT guard, conntrack mark, MSS clamp)"]));
    expect(withRuleset(inChain("srcnat_wan_pppoe", "crosses PPPoE"))).toMatchObject(dropin(["srcnat_wan_pppoe (conntrack mark)"]));
    expect(withRuleset(inChain("srcnat_wan_pppoe", "splitwan:"))).toMatchObject(dropin(["srcnat_wan_pppoe (conntrack mark, MSS clamp)"]));
    expect(withRuleset(inChain("mangle_prerouting", "splitwan:"))).toMatchObject(dropin(["mangle_prerouting (MSS clamp)"]));
    const r = withRuleset((s) => inChain("mangle_prerouting", "splitwan:")(inChain("dstnat_wan_pppoe", "crosses PPPoE")(s)));
    expect(r.args).toEqual(["dstnat_wan_pppoe (conntrack mark), mangle_prerouting (MSS clamp)"]);
    expect(r.text).toBe("splitwan's drop-ins missing from the live ruleset: dstnat_wan_pppoe (conntrack mark), mangle_prerouting (MSS clamp) — run splitwan apply, then /etc/init.d/firewall reload");
  });
  it("a rule in another chain, or not in the form splitwan writes, does not count", () => {
    // 0.1.0's clamp in mangle_forward instead of the nat chains and mangle_prerouting
    const old = 'iifname "pppoe-wanppp" tcp flags syn / fin,syn,rst tcp option maxseg size > 1414 tcp option maxseg size set 1414 comment "splitwan: MSS for the PPPoE MTU (1454)"';
    const moved = (s: string) => inChain("mangle_forward", "!fw4: Zone wan IPv4/IPv6 ingress", old)(inChain("mangle_prerouting", "splitwan:")(s));
    expect(withRuleset(moved)).toMatchObject(dropin(["mangle_prerouting (MSS clamp)"]));
    // the conntrack test not first: every packet entering the router would meet more tests
    const late = 'iifname "pppoe-wanppp" ct mark & 0x10000000 == 0x10000000 tcp flags syn / fin,syn,rst tcp option maxseg size > 1414 tcp option maxseg size set 1414 comment "splitwan: MSS for the PPPoE MTU (1454)"';
    expect(withRuleset(inChain("mangle_prerouting", "splitwan:", late))).toMatchObject(dropin(["mangle_prerouting (MSS clamp)"]));
    // srcnat without the PPPoE device would mark every connection the zone's chain sees
    expect(withRuleset(inChain("srcnat_wan_pppoe", "crosses PPPoE", 'ct mark set ct mark | 0x10000000 comment "splitwan: crosses PPPoE"'))).toMatchObject(dropin(["srcnat_wan_pppoe (conntrack mark)"]));
  });
  it("drop-ins with another mark than the configured one", () => {
    const f = copy();
    f.mark = 0x20000000;
    expect(verdictOf(f, "firewall")).toMatchObject(dropin(["dstnat_wan_pppoe (conntrack mark), srcnat_wan_pppoe (conntrack mark), mangle_prerouting (MSS clamp)"]));
  });
  it("no published ports: no DNAT guard or dstnat drop-in needed", () => {
    const f = copy();
    f.servers[0].ports = [];
    f.ruleset = inChain("dstnat_wan_pppoe", "splitwan:")(f.ruleset!);
    expect(verdictOf(f, "firewall")).toMatchObject({ verdict: "ok", args: ["srcnat_wan_pppoe (conntrack mark, MSS clamp), mangle_prerouting (MSS clamp)", "1414"] });
  });
  it("the MSS clamp for another MTU, in each chain", () => {
    const f = copy();
    f.mtu = 1492;
    expect(verdictOf(f, "firewall")).toMatchObject({ verdict: "fail", code: "firewall.mss", args: ["dstnat_wan_pppoe", "1414", "1452", "1492"] });
    const edit = (chain: string, from: string, to: string) => (s: string) => {
      const line = fw4Chain(s, chain)!.find((l) => l.indexOf("splitwan: MSS") >= 0)!;
      return s.split(line).join(line.split(from).join(to));
    };
    expect(withRuleset(edit("mangle_prerouting", "size set 1414", "size set 1400")).args).toEqual(["mangle_prerouting", "1400", "1414", "1454"]);
    const r = withRuleset(edit("srcnat_wan_pppoe", "size > 1414", "size > 1500"));
    expect(r).toMatchObject({ code: "firewall.mss", args: ["srcnat_wan_pppoe", "> 1500", "1414", "1454"] });
    expect(r.text).toBe("the MSS clamp in srcnat_wan_pppoe is > 1500, expected 1414 (MTU 1454 − 40) — run splitwan apply, then /etc/init.d/firewall reload");
  });
  it("reply-only: the packet mark in mangle_prerouting and mangle_output", () => {
    const replyOnly = facts("reply-only");
    expect(verdictOf(replyOnly, "firewall").args).toEqual([
      "dstnat_wan_pppoe (DNAT guard, conntrack mark, MSS clamp), srcnat_wan_pppoe (conntrack mark, MSS clamp), mangle_prerouting (MSS clamp, reply-only mark), mangle_output (reply-only mark, MSS clamp)", "1414",
    ]);
    const withR = (edit: (s: string) => string) => {
      const f = structuredClone(replyOnly);
      f.ruleset = edit(f.ruleset!);
      return verdictOf(f, "firewall");
    };
    // the source mode's rule (fw4 not reloaded after a server became reply-only)
    const sourceRule = fw4Chain(healthySource.ruleset!, "mangle_prerouting")!.find((l) => l.indexOf("splitwan:") >= 0)!;
    expect(withR(inChain("mangle_prerouting", "splitwan:", sourceRule))).toMatchObject(dropin(["mangle_prerouting (reply-only mark)"]));
    expect(withR(inChain("mangle_prerouting", "splitwan:"))).toMatchObject(dropin(["mangle_prerouting (MSS clamp, reply-only mark)"]));
    expect(withR(inChain("mangle_output", "splitwan:"))).toMatchObject(dropin(["mangle_output (reply-only mark, MSS clamp)"]));
  });
  it("a published port without its DNAT", () => {
    const r = withRuleset((s) => s.split("\n").filter((l) => l.indexOf('"!fw4: splitwan web 19132/udp"') < 0).join("\n"), "dnat");
    expect(r).toMatchObject({ verdict: "fail", code: "dnat.missing", args: ["19132/udp", "web"] });
  });
  it("reads one chain of table inet fw4, nested braces and sets included", () => {
    const text = "table inet fw4 {\n\tset s {\n\t\telements = { 1.2.3.4,\n\t\t\t5.6.7.8 }\n\t}\n\tchain a {\n\t\ttype filter hook input priority 0; policy drop;\n\t\tip saddr { 1.1.1.1, 2.2.2.2 } accept\n\t}\n\tchain b {\n\t}\n}\ntable ip x {\n\tchain a {\n\t\tdrop\n\t}\n}\n";
    expect(fw4Chain(text, "a")).toEqual(["ip saddr { 1.1.1.1, 2.2.2.2 } accept"]);
    expect(fw4Chain(text, "b")).toEqual([]);
    expect(fw4Chain(text, "c")).toBeUndefined();
  });
});

describe("diagnose: servers", () => {
  const probe = (over: Record<string, ExecResult>) => verdictOf(facts("source", { over }), "server_web");
  it("ping answers: ok; only ARP: warning; neither: fail; no ping: not checked", () => {
    expect(probe({})).toMatchObject({ verdict: "ok", args: ["web", "192.168.1.5", "br-lan"] });
    expect(probe({ ping: { code: 1, stdout: "" } })).toMatchObject({ verdict: "warning", code: "server.arp_only" });
    expect(probe({ ping: { code: 1, stdout: "" }, "ip -4 neigh": { code: 0, stdout: "192.168.1.5 FAILED\n" } })).toMatchObject({ verdict: "fail", code: "server.unreachable" });
    expect(probe({ ping: { code: 1, stdout: "" }, "ip -4 neigh": { code: 0, stdout: "" } })).toMatchObject({ verdict: "fail", code: "server.unreachable" });
    expect(probe({ ping: { code: 127, stdout: "" } })).toMatchObject({ verdict: "not-checked", code: "server.tool", args: ["ping"], text: "not checked: ping is not available" });
    expect(probe({ ping: { code: 127, stdout: "" }, true: { code: 127, stdout: "" } })).toMatchObject({ verdict: "not-checked", args: ["timeout"] });
  });
  it("an address outside the zone's subnets, a zone with no live network", () => {
    const f = copy();
    f.servers[0].ipaddr = "192.168.5.5";
    expect(verdictOf(f, "server_web")).toMatchObject({ verdict: "fail", code: "server.outside", args: ["web", "192.168.5.5", "lan", "192.168.1.1/24"] });
    f.servers[0].devices = [];
    expect(verdictOf(f, "server_web")).toMatchObject({ verdict: "fail", code: "server.no_zone" });
  });
});

describe("diagnose: rp_filter and DNS", () => {
  it("strict rp_filter fails only where reply-only needs loose", () => {
    const strict = { "proc/sys/net/ipv4/conf/all/rp_filter": "1\n" };
    expect(verdictOf(facts("reply-only", { extra: strict }), "rp_filter")).toMatchObject({ verdict: "fail", code: "rp_filter.strict", args: ["all", "all"] });
    expect(verdictOf(facts("source", { extra: strict }), "rp_filter")).toMatchObject({ verdict: "ok", code: "rp_filter.strict_ok" });
    const devOnly = { "proc/sys/net/ipv4/conf/pppoe-wanppp/rp_filter": "1\n" };
    expect(verdictOf(facts("reply-only", { extra: devOnly }), "rp_filter").args[0]).toBe("pppoe-wanppp");
  });
  it("rp_filter unreadable: not checked", () => {
    const f = copy();
    f.rpValues = undefined;
    expect(verdictOf(f, "rp_filter")).toMatchObject({ verdict: "not-checked", code: "rp_filter.tool" });
  });
  it("peerdns not 0, or the LAN's DNS using the PPPoE resolvers", () => {
    const f = copy();
    f.peerdns = "";
    expect(verdictOf(f, "dns")).toMatchObject({ verdict: "fail", code: "dns.peerdns", args: ["wanppp", "unset (1)"] });
    const g = facts("source", {
      ubus: { "network.interface.wanppp.status": { ...UBUS["network.interface.wanppp.status"], "dns-server": ["203.0.113.53"] } },
      extra: { "tmp/resolv.conf.d/resolv.conf.auto": "# Interface wanppp\nnameserver 203.0.113.53\n# Interface wan6\nnameserver 2001:db8::53\n" },
    });
    expect(verdictOf(g, "dns")).toMatchObject({ verdict: "fail", code: "dns.resolvers", args: ["203.0.113.53, 2001:db8::53", "203.0.113.53", "wanppp"] });
  });
});

describe("diagnose: DDNS", () => {
  const DDNS = SOURCE + "\nconfig ddns 'home'\n\toption provider 'mydns'\n\toption domain 'home.example.jp'\n\toption username 'mydns1'\n\toption password 'pw'\n";
  const state = (ip: string, ago: number) => ({ "var/run/splitwan/ddns/home.json": JSON.stringify({ target: "x", failures: 0, lastSuccess: NOW - ago, successIp: ip, ipSent: ip }) });
  const ddns = (extra: Record<string, string>, over: Record<string, ExecResult> = {}) => {
    const root = router(DDNS, extra);
    return verdictOf(collectFacts(testPlatform(root, { ubus: UBUS, exec: recorded("source", over) })), "ddns_home");
  };
  const answer = (ip: string) => ({ nslookup: { code: 0, stdout: `Server:\t\t1.1.1.1\nAddress:\t1.1.1.1:53\n\nName:\thome.example.jp\nAddress: ${ip}\n` } });
  it("resolves to the PPPoE address: ok", () => {
    expect(ddns(state("203.0.113.45", 3600))).toMatchObject({ verdict: "ok", code: "ddns.ok", args: ["home", "home.example.jp", "203.0.113.45"] });
  });
  it("never updated: warning; last sent not the PPPoE address: fail", () => {
    expect(ddns({})).toMatchObject({ verdict: "warning", code: "ddns.never" });
    expect(ddns(state("203.0.113.44", 3600))).toMatchObject({ verdict: "fail", code: "ddns.stale", args: ["home", "203.0.113.44", "203.0.113.45"] });
  });
  it("another address: fail, or a warning while the old answer may still be cached", () => {
    expect(ddns(state("203.0.113.45", 3600), answer("203.0.113.44"))).toMatchObject({ verdict: "fail", code: "ddns.wrong" });
    expect(ddns(state("203.0.113.45", 60), answer("203.0.113.44"))).toMatchObject({ verdict: "warning", code: "ddns.pending", args: ["home", "home.example.jp", "203.0.113.44", "203.0.113.45", "60"] });
  });
  it("no answer: fail; no nslookup: not checked", () => {
    const nx = { nslookup: { code: 1, stdout: "Server:\t\t1.1.1.1\nAddress:\t1.1.1.1:53\n\n** server can't find home.example.jp: NXDOMAIN\n" } };
    expect(ddns(state("203.0.113.45", 3600), nx)).toMatchObject({ verdict: "fail", code: "ddns.no_answer", args: ["home", "home.example.jp", "1.1.1.1"] });
    expect(ddns(state("203.0.113.45", 3600), { nslookup: { code: 127, stdout: "" } })).toMatchObject({ verdict: "not-checked", code: "ddns.tool" });
  });
  it("TTL shown when the tool prints one", () => {
    const f = copy();
    f.ddns = [{ name: "home", host: "h.example.jp", ipVersion: "4", successIp: "203.0.113.45", lastSuccess: NOW - 10, resolver: "1.1.1.1", resolved: ["203.0.113.45"], ttl: 300 }];
    expect(verdictOf(f, "ddns_home")).toMatchObject({ verdict: "ok", code: "ddns.ok_ttl", args: ["home", "h.example.jp", "203.0.113.45", "300"] });
  });
  it("parses busybox nslookup (new and old output)", () => {
    expect(parseNslookup("Server:\t\t1.1.1.1\nAddress:\t1.1.1.1:53\n\nNon-authoritative answer:\nName:\ta.example\nAddress: 203.0.113.45\nName:\ta.example\nAddress: 203.0.113.46\n")).toEqual({ addrs: ["203.0.113.45", "203.0.113.46"] });
    expect(parseNslookup("Server:    1.1.1.1\nAddress 1: 1.1.1.1 one.one.one.one\n\nName:      a.example\nAddress 1: 203.0.113.45 a.example\n")).toEqual({ addrs: ["203.0.113.45"] });
    expect(parseNslookup("Name:\ta.example\nAddress: 203.0.113.45\n    ttl = 120\n")).toEqual({ addrs: ["203.0.113.45"], ttl: 120 });
  });
});

describe("diagnose: other routing packages", () => {
  const other = (extra: Record<string, string>, later: Record<string, string> = {}) => {
    const r = judge(facts("source", { extra, later }));
    return r.filter((c) => c.id.startsWith("conflicts"));
  };
  it("none installed: ok", () => {
    expect(other({})).toMatchObject([{ id: "conflicts", verdict: "ok", code: "conflicts.ok" }]);
  });
  it("mwan3 with its default mask: clear; with a mask over splitwan's mark: fail", () => {
    expect(other({ "etc/config/mwan3": "config globals 'globals'\n\nconfig interface 'wan'\n" })).toMatchObject([{ id: "conflicts_mwan3", verdict: "ok", code: "conflicts.clear" }]);
    expect(other({ "etc/config/mwan3": "config globals 'globals'\n\toption mmx_mask '0x1000FF00'\n" })).toMatchObject([{ verdict: "fail", code: "conflicts.mark", args: ["mwan3", "0x1000ff00", "0x10000000"] }]);
  });
  it("pbr at its default priority 30000 collides; moved away and its table: clear, or the same table: fail", () => {
    expect(other({ "etc/config/pbr": "config pbr 'config'\n\toption enabled '1'\n" })).toMatchObject([{ verdict: "fail", code: "conflicts.priority", args: ["pbr", "29998–30000", "30000", "30011"] }]);
    expect(other({ "etc/config/pbr": "config pbr 'config'\n\toption uplink_ip_rules_priority '25000'\n" })[0].code).toBe("conflicts.clear");
    const rt = "255\tlocal\n254\tmain\n253\tdefault\n0\tunspec\n300\tpbr_wan\n";
    expect(other({ "etc/config/pbr": "config pbr 'config'\n\toption uplink_ip_rules_priority '25000'\n" }, { "etc/iproute2/rt_tables": rt })).toMatchObject([{ verdict: "fail", code: "conflicts.table" }]);
  });
  it("mwan4: a warning naming what to keep clear", () => {
    expect(other({ "etc/config/mwan4": "config globals 'globals'\n" })).toMatchObject([{ verdict: "warning", code: "conflicts.unknown", args: ["mwan4", "0x10000000", "30000", "30011", "300"] }]);
  });
});

describe("diagnose: NAT loopback", () => {
  it("no reflection for the current PPPoE address (fw4 not reloaded after a new address): fail", () => {
    const f = copy();
    f.pppoe!.ipv4 = "203.0.113.46";
    f.ipRules!.push("10000:\tfrom 203.0.113.46 lookup 300");
    expect(verdictOf(f, "loopback")).toMatchObject({ verdict: "fail", code: "loopback.no_reflection", args: ["203.0.113.46", "80"] });
  });
  it("the server refusing the port: fail; no nc: not checked", () => {
    expect(verdictOf(facts("source", { over: { nc: { code: 1, stdout: "" } } }), "loopback")).toMatchObject({ verdict: "fail", code: "loopback.closed", args: ["web", "192.168.1.5", "80"] });
    expect(verdictOf(facts("source", { over: { nc: { code: 127, stdout: "" } } }), "loopback")).toMatchObject({ verdict: "not-checked", code: "loopback.tool" });
  });
});

describe("diagnose: bounded and read-only", () => {
  it("probes past the time budget are reported not checked", () => {
    const f = copy();
    f.outOfTime = ["server_web"];
    expect(verdictOf(f, "server_web")).toMatchObject({ verdict: "not-checked", code: "skip.time" });
  });
  it("a slow router: probes stop once the budget is spent, the rest is not checked", () => {
    const root = router(SOURCE + "\nconfig ddns 'home'\n\toption provider 'mydns'\n\toption domain 'home.example.jp'\n\toption username 'mydns1'\n\toption password 'pw'\n");
    const p = testPlatform(root, { ubus: UBUS, exec: recorded("source") });
    // every command takes 4 s on this router: after ip rule, ip route and nft, 12 s are gone
    p.now = () => NOW + 4 * p.execs.length;
    const r = judge(collectFacts(p));
    expect(by(r, "server_web")).toMatchObject({ verdict: "not-checked", code: "skip.time" });
    expect(by(r, "ddns_home")).toMatchObject({ verdict: "not-checked", code: "skip.time" });
    expect(p.execs.map((a) => a[0])).toEqual(["ip", "ip", "nft"]);
    // a fast router probes everything
    const q = testPlatform(root, { ubus: UBUS, exec: recorded("source") });
    const all = judge(collectFacts(q));
    expect(by(all, "server_web").verdict).toBe("ok");
    expect(q.execs.some((a) => a[2] === "nslookup")).toBe(true);
  });
  it("every network probe runs under timeout, and nothing but reads is run", () => {
    const root = router(SOURCE);
    const p = testPlatform(root, { ubus: UBUS, exec: recorded("source") });
    const written: string[] = [];
    p.writeFile = (path) => written.push(path);
    p.removeFile = (path) => written.push(path);
    collectFacts(p);
    expect(written).toEqual([]);
    const cmds = p.execs.map((a) => a.join(" "));
    expect(cmds).toEqual([
      "ip -4 rule show",
      "ip -4 route show table 300",
      "nft list ruleset",
      "timeout 2 ping -c 1 -W 1 -I br-lan 192.168.1.5",
      "ip -4 neigh show 192.168.1.5 dev br-lan",
      "timeout 2 nc -w 1 192.168.1.5 80",
    ]);
  });
  it("every code the verdicts can produce has an English template", () => {
    const src = readFileSync(join(TOP, "src/core/diagnose/verdicts.ts"), "utf8");
    const codes = [...src.matchAll(/"([a-z_]+\.[a-z_0-9]+)"/g)].map((m) => m[1]).filter((c) => !c.endsWith(".ts"));
    for (const c of codes) expect(DIAGNOSE_MESSAGES[c], c).toBeDefined();
  });
});
