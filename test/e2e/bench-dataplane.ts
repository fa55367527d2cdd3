// The data-plane benchmark (issue 13, item 6; scripts/bench-dataplane.mjs bundles this
// file): forwarding throughput and packets per second through the bed's router, with
// splitwan in `source` and `reply-only` mode, each as a ratio to plain routing without
// splitwan, and the nft rules an established packet traverses because of splitwan.
//
// Flows (iperf3, run inside the bed's namespaces):
//   published   the server answers an internet client over PPPoE: `iperf3 -R` from the
//               internet to the PPPoE address, DNAT to the server, data server → internet
//   LAN (IPoE)  the LAN client sends to the remote host over the IPoE tunnel (CGN)
// Each flow is measured as TCP bulk throughput and as UDP packets per second with 64-byte
// payloads (counted on the router's egress device).
//
// Three identical beds, one per state, run each measurement at the same moment: on a
// shared 2-core machine the load of other work changes from second to second, and beds
// measured side by side see the same load. Between runs the states rotate over the
// beds, so no bed's own luck counts for one state only. Rates are also given per
// CPU-second used by both iperf3 ends, which follows the cost per packet rather than the
// share of the CPUs that other work left.
//
// Plain routing (a) is stock OpenWrt forwarding the same flow without anything of
// splitwan's: for the LAN flow the bed's own IPoE router (splitwan never applied or
// removed); for the published flow the same router with PPPoE as its IPv4 uplink (main
// table default route) and a stock port forward in the `wan` zone, as a user without
// splitwan would publish a server. No splitwan zone, drop-ins, policy rules or table.
//
// Rule count: fw4's loaded ruleset is listed, every rule gets a `counter` as its first
// statement (so it counts every packet that reaches the rule, match or not), a test flow
// runs, and the counters of splitwan's rules (drop-ins commented "splitwan:", fw4 rules of
// splitwan's zone and redirects) are divided by the packets the forward chain saw.
//
// No timed assertions: this prints figures. Every run is bounded (iperf3 -t) and uses only
// the bed's own namespaces.
import { type ChildProcess, spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { standins } from "../helpers/lua";
import { ADDR, Bed, bedUnavailable, PPPOE_USER } from "./bed";
import { MTU } from "./checks";
import { BASE_FIREWALL, baseNetwork, type IpoeKind } from "./router-config";
import { inNs, run } from "./sh";

const PORT = 5201;
const ZONE = "wan_pppoe";

type State = "plain" | "source" | "reply-only";
type Flow = "published" | "lan";
type Kind = "tcp" | "udp";

export interface BenchOptions {
  runs: number;
  seconds: number;
  kind: IpoeKind;
}

function splitwanBenchConfig(mode: "source" | "reply-only"): string {
  return `config splitwan 'main'
	option enabled '1'
	option username '${PPPOE_USER}'
	option password 'secret'
	option mtu '${MTU}'

config server 'web'
	option ipaddr '${ADDR.server}'
	option mode '${mode}'
	list port '${PORT}/both'
`;
}

/** The same router without splitwan, PPPoE as its IPv4 uplink and a stock port forward. */
function plainPppoeFiles(kind: IpoeKind): { network: string; firewall: string } {
  const base = baseNetwork(kind);
  const cut = base.indexOf("\nconfig interface 'wan'\n");
  if (cut < 0) throw new Error("base network has no wan interface");
  const network = base.slice(0, cut + 1) + `
config interface 'wanppp'
	option proto 'pppoe'
	option device 'eth1'
	option username '${PPPOE_USER}'
	option password 'secret'
	option mtu '${MTU}'
	option ipv6 '0'
`;
  const wanNet = "\tlist   network\t\t'wan6'\n";
  if (!BASE_FIREWALL.includes(wanNet)) throw new Error("base firewall: wan zone not found");
  const firewall = BASE_FIREWALL.replace(wanNet, `${wanNet}\tlist   network\t\t'wanppp'\n`) + `
config redirect
	option name 'plain port forward ${PORT}'
	option target 'DNAT'
	option src 'wan'
	option src_dport '${PORT}'
	option dest 'lan'
	option dest_ip '${ADDR.server}'
	option dest_port '${PORT}'
	option proto 'tcp udp'
	option family 'ipv4'
`;
  return { network, firewall };
}

class Router {
  private applied = false;
  private current = "";

  constructor(private bed: Bed) {}

  private writeBase(network: string, firewall: string): void {
    writeFileSync(join(this.bed.root, "etc/config/firewall"), firewall);
    writeFileSync(join(this.bed.root, "etc/config/network"), network);
    this.bed.netifd.reload();
    this.bed.fw4Reload();
  }

  private unapply(): void {
    if (this.applied) this.bed.splitwanAndReload(["remove"]);
    this.applied = false;
  }

  /** plain routing for a flow: the IPoE router, or the PPPoE-uplink router for `published`. */
  plain(flow: Flow): void {
    if (this.current === `plain/${flow}`) return;
    this.current = `plain/${flow}`;
    this.unapply();
    if (flow === "lan") this.writeBase(baseNetwork(this.bed.kind), BASE_FIREWALL);
    else {
      const f = plainPppoeFiles(this.bed.kind);
      this.writeBase(f.network, f.firewall);
      if (!this.bed.netifd.isUp("wanppp")) throw new Error("plain PPPoE uplink did not come up");
    }
  }

  splitwan(mode: "source" | "reply-only"): void {
    if (this.current === mode) return;
    this.current = mode;
    if (!this.applied) this.writeBase(baseNetwork(this.bed.kind), BASE_FIREWALL);
    this.bed.applySplitwan(splitwanBenchConfig(mode));
    this.applied = true;
    if (!this.bed.netifd.isUp("wanppp")) throw new Error(`${mode}: PPPoE did not come up`);
  }

  restore(): void {
    this.current = "";
    this.unapply();
    this.writeBase(baseNetwork(this.bed.kind), BASE_FIREWALL);
  }
}

/** iperf3 servers in the server's and the internet's namespaces (stopped in stop()). */
class Servers {
  private procs: ChildProcess[] = [];

  start(bed: Bed): void {
    const s = (ns: string, bind: string) => {
      const p = spawn("ip", ["netns", "exec", ns, "iperf3", "-s", "-B", bind, "-p", `${PORT}`], { stdio: "ignore" });
      this.procs.push(p);
    };
    s(bed.ns.srv, ADDR.server);
    s(bed.ns.inet, ADDR.remote);
  }

  stop(): void {
    for (const p of this.procs) if (p.exitCode === null && p.pid !== undefined) process.kill(p.pid);
    this.procs = [];
  }
}

interface Iperf {
  end: {
    sum_received?: { bits_per_second: number };
    sum?: { packets?: number; lost_packets?: number; seconds?: number; bits_per_second: number };
    cpu_utilization_percent?: { host_total: number; remote_total: number };
  };
  error?: string;
}

function txPackets(bed: Bed, dev: string): number {
  const j = JSON.parse(run(["ip", "-n", bed.ns.rt, "-s", "-j", "link", "show", "dev", dev]).stdout) as Array<{ stats64: { tx: { packets: number } } }>;
  return j[0].stats64.tx.packets;
}

interface Lane { bed: Bed; router: Router; servers: Servers }

function iperf3(ns: string, argv: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve) => {
    const p = spawn("ip", ["netns", "exec", ns, "iperf3", ...argv], { stdio: ["ignore", "pipe", "ignore"] });
    let out = "";
    p.stdout.on("data", (d: Buffer) => { out += d.toString(); });
    const timer = setTimeout(() => p.kill(), timeoutMs);
    p.on("close", () => { clearTimeout(timer); resolve(out); });
  });
}

interface Sample {
  /** Mbit/s (TCP) or packets/s (UDP) */
  rate: number;
  /** the same per CPU-second used by both iperf3 ends: on this kernel (tick accounting,
   * no IRQ time accounting) the forwarding a sender's packets cause in its softirq context
   * is charged to it, so this follows the cost per packet and not the machine's other load */
  perCpu: number;
}

/** One iperf3 run of the flow in every lane at once. TCP: Mbit/s received. UDP (64-byte
 * payloads): packets per second the router forwarded towards the receiver, read from its
 * egress device — the receiving iperf3 reads one datagram per system call and drops far
 * below what crosses the router. */
async function measure(lanes: Lane[], flow: Flow, kind: Kind, seconds: number): Promise<Sample[]> {
  const udp = kind === "udp" ? ["-u", "-b", "0", "-l", "64"] : ["-O", "1"];
  let last = "";
  // a fresh server may still be binding, and iperf3 refuses a second test while busy
  for (let attempt = 0; attempt < 5; attempt++) {
    const setup = lanes.map(({ bed }) => flow === "published"
      ? { bed, ns: bed.ns.inet, args: ["-c", bed.bras.addr, "-B", ADDR.client, "-R"], egress: "pppoe-wanppp" }
      : { bed, ns: bed.ns.cli, args: ["-c", ADDR.remote], egress: bed.tunDev });
    const tx0 = setup.map((x) => txPackets(x.bed, x.egress));
    const outs = await Promise.all(setup.map((x) =>
      iperf3(x.ns, [...x.args, "-p", `${PORT}`, "-t", `${seconds}`, "-J", ...udp], (seconds + 15) * 1000)));
    const results = outs.map((o, i) => {
      let j: Iperf | undefined;
      try {
        j = JSON.parse(o) as Iperf;
      } catch {
        j = undefined;
      }
      if (!j || j.error) {
        last = j?.error ?? o;
        return undefined;
      }
      const rate = kind === "tcp"
        ? (j.end.sum_received?.bits_per_second ?? 0) / 1e6
        : (txPackets(setup[i].bed, setup[i].egress) - tx0[i]) / (j.end.sum?.seconds ?? seconds);
      const cpu = j.end.cpu_utilization_percent;
      return { rate, perCpu: cpu ? rate / ((cpu.host_total + cpu.remote_total) / 100) : NaN };
    });
    if (results.every((r) => r !== undefined)) return results as Sample[];
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`iperf3 ${flow} ${kind}: ${last}`);
}

interface RuleCount {
  /** splitwan's rule traversals per forwarded packet */
  perPacket: number;
  packets: number;
  /** splitwan's rules that established packets reached: "chain: rule" with traversals */
  rules: string[];
}

/** splitwan's own rules: its drop-ins, its zone's fw4 rules and its redirects. */
function isSplitwans(rule: string): boolean {
  return rule.includes("splitwan") || new RegExp(`\\b${ZONE}\\b`).test(rule);
}

interface Listed { chain: string; text: string; packets: number }

function listRules(ruleset: string): Listed[] {
  const out: Listed[] = [];
  let chain = "";
  for (const line of ruleset.split("\n")) {
    const c = /^\tchain (\S+) \{/.exec(line);
    if (c) { chain = c[1]; continue; }
    if (!line.startsWith("\t\t") || /^\t\ttype /.test(line) || line.trim() === "") continue;
    const m = /^\t\tcounter packets (\d+) bytes \d+ ?(.*)$/.exec(line);
    out.push({ chain, text: m ? m[2] : line.trim(), packets: m ? Number(m[1]) : 0 });
  }
  return out;
}

/** Runs a TCP test flow on fw4's ruleset with a counter in front of every rule. */
async function countRules(lane: Lane, flow: Flow): Promise<RuleCount> {
  const { bed } = lane;
  const listed = inNs(bed.ns.rt, ["nft", "-s", "list", "table", "inet", "fw4"]).stdout;
  const counted = listed.split("\n").map((l) =>
    l.startsWith("\t\t") && !/^\t\ttype /.test(l) && l.trim() !== "" ? `\t\tcounter ${l.slice(2)}` : l).join("\n");
  inNs(bed.ns.rt, ["nft", "-f", "-"], { input: `flush table inet fw4\n${counted}` });
  try {
    await measure([lane], flow, "tcp", 1);
    const rules = listRules(inNs(bed.ns.rt, ["nft", "list", "table", "inet", "fw4"]).stdout);
    const fwd = rules.find((r) => r.chain === "forward");
    const packets = fwd?.packets ?? 0;
    const mine = rules.filter((r) => isSplitwans(r.text));
    const sum = mine.reduce((n, r) => n + r.packets, 0);
    const shown = (r: Listed) => r.text.replace(/ comment ".*"$/, "").replace(/counter packets \d+ bytes \d+ /g, "");
    return {
      perPacket: packets ? sum / packets : 0,
      packets,
      // rules that (nearly) every packet reaches; those of the first packets only are left out
      rules: mine.filter((r) => r.packets >= packets / 100).map((r) => `${r.chain}: ${shown(r)} (${(r.packets / packets).toFixed(2)})`),
    };
  } finally {
    bed.fw4Reload();
  }
}

function stats(xs: number[]): { median: number; min: number; max: number } {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], min: s[0], max: s[s.length - 1] };
}

export async function runBench(cli: string, opts: BenchOptions, print: (line: string) => void): Promise<number> {
  const why = bedUnavailable() ?? (run(["sh", "-c", "command -v iperf3"], { check: false }).code !== 0 ? "iperf3 missing (make deps)" : undefined);
  if (why) {
    print(`data-plane benchmark skipped: ${why} (needs root, ip netns, nftables, lua5.1, iperf3)`);
    return 0;
  }
  standins(true); // the beds' Lua runs load the stand-in uci/ubus bindings
  const states: State[] = ["plain", "source", "reply-only"];
  const lanes: Lane[] = states.map((_, i) => {
    const bed = new Bed(opts.kind, cli, `b${i}`);
    return { bed, router: new Router(bed), servers: new Servers() };
  });
  const t0 = Date.now();
  try {
    for (const l of lanes) {
      await l.bed.build();
      l.servers.start(l.bed);
    }
    const flows: Flow[] = ["published", "lan"];
    const kinds: Kind[] = ["tcp", "udp"];
    const key = (s: State, f: Flow, k: Kind) => `${s}/${f}/${k}`;
    const samples = new Map<string, Sample[]>();
    const counts = new Map<string, RuleCount>();
    const add = (k: string, v: Sample) => samples.set(k, [...(samples.get(k) ?? []), v]);
    for (let round = 0; round < opts.runs; round++) {
      const stateOf = (i: number) => states[(i + round) % states.length];
      for (const flow of flows) {
        lanes.forEach((l, i) => {
          const st = stateOf(i);
          if (st === "plain") l.router.plain(flow);
          else l.router.splitwan(st);
        });
        await new Promise((r) => setTimeout(r, 1000)); // the reloads' background work (hotplug)
        for (const k of kinds) {
          const got = await measure(lanes, flow, k, opts.seconds);
          got.forEach((v, i) => add(key(stateOf(i), flow, k), v));
        }
        if (round === 0) for (let i = 0; i < lanes.length; i++) counts.set(key(stateOf(i), flow, "tcp"), await countRules(lanes[i], flow));
      }
    }
    for (const l of lanes) l.router.restore();

    print(`${opts.kind === "map-e" ? "MAP-E" : "DS-Lite"} router, three namespace beds measured side by side (states rotated), iperf3 ${opts.seconds} s, ${opts.runs} runs`);
    const label: Record<Flow, string> = { published: "published (internet → PPPoE → server)", lan: "LAN client → internet (IPoE)" };
    const what: Record<Kind, string> = { tcp: "TCP throughput", udp: "UDP 64 B pps" };
    const table = (title: string, pick: (x: Sample) => number, unit: (k: Kind, v: number) => string) => {
      print(title);
      print(`  ${"flow".padEnd(38)} ${"measure".padEnd(14)} ${"(b) source".padEnd(20)} ${"(c) reply-only".padEnd(20)} medians a / b / c`);
      for (const flow of flows) {
        for (const k of kinds) {
          const a = samples.get(key("plain", flow, k))!.map(pick);
          const cell = (s: State) => {
            const r = stats(samples.get(key(s, flow, k))!.map((x, i) => pick(x) / a[i]));
            return `${r.median.toFixed(3)} [${r.min.toFixed(3)}–${r.max.toFixed(3)}]`;
          };
          const abs = states.map((s) => unit(k, stats(samples.get(key(s, flow, k))!.map(pick)).median)).join(" / ");
          print(`  ${label[flow].padEnd(38)} ${what[k].padEnd(14)} ${cell("source").padEnd(20)} ${cell("reply-only").padEnd(20)} ${abs}`);
        }
      }
    };
    print("ratio to plain routing (a), median of the per-run ratios [min–max]:");
    table(" per CPU-second of the two iperf3 ends (the cost per packet; robust to the machine's other load)",
      (x) => x.perCpu, (k, v) => (k === "tcp" ? `${v.toFixed(0)} Mbit/CPU-s` : `${(v / 1000).toFixed(1)} kp/CPU-s`));
    table(" raw rate, the three beds measured side by side",
      (x) => x.rate, (k, v) => (k === "tcp" ? `${v.toFixed(0)} Mbit/s` : `${(v / 1000).toFixed(1)} kpps`));
    print("nft rules of splitwan's traversed per forwarded packet (counters on a TCP test flow):");
    for (const flow of flows) {
      const c = (s: State) => counts.get(key(s, flow, "tcp"))!;
      print(`  ${label[flow].padEnd(38)} a ${c("plain").perPacket.toFixed(2)}   b ${c("source").perPacket.toFixed(2)}   c ${c("reply-only").perPacket.toFixed(2)}   (${c("source").packets} / ${c("reply-only").packets} packets)`);
      for (const s of ["source", "reply-only"] as State[]) for (const r of c(s).rules) print(`      ${s.padEnd(10)} ${r}`);
    }
    print(`(${((Date.now() - t0) / 1000).toFixed(0)} s; namespaces removed)`);
    return 0;
  } finally {
    for (const l of lanes) {
      l.servers.stop();
      l.bed.destroy();
    }
  }
}
