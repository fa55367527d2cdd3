// The data-plane checks of issue 6, run on a built Bed for one routing mode. Each check
// throws with what it saw when the data plane is wrong, and returns a one-line account
// of what it measured when it is right. dataplane.test.ts runs them under vitest,
// scripts/demo.mjs prints them as verdicts.
import { existsSync, renameSync } from "node:fs";
import { join } from "node:path";
import { withSuffix } from "./addr";
import type { TcpResult } from "./agent-client";
import { ADDR, type Bed, mapPortSets, PPPOE_USER } from "./bed";
import { ipBatch, run, sysctl } from "./sh";

export type Mode = "source" | "reply-only";

export interface Check {
  id: string;
  title: string;
  run(bed: Bed, mode: Mode): Promise<string>;
}

export const PUBLISHED_TCP = [80, 443];
export const MTU = 1454;

/** /etc/config/splitwan for the bed: the web server in the given mode. */
export function splitwanConfig(mode: Mode): string {
  const c = `config splitwan 'main'
	option enabled '1'
	option username '${PPPOE_USER}'
	option password 'secret'
	option mtu '${MTU}'

config server 'web'
	option ipaddr '${ADDR.server}'
	option mode '${mode}'
	option ip6_suffix '${ADDR.serverSuffix}'
	list port '80,443/tcp'
	list port '19132/udp'
`;
  // the router's own LAN address cannot be a server (it would publish its SSH): its own
  // sockets are exercised by the user's rule for 2222 (check 4)
  return c;
}

function fail(what: string, r: unknown): never {
  throw new Error(`${what}: ${JSON.stringify(r)}`);
}

function expectServer(what: string, r: TcpResult, name: string, peer: string, want = 0): void {
  if (!r.ok || r.name !== name || r.peer !== peer || (r.received ?? 0) !== want) {
    fail(`${what}: expected "${name}" seeing ${peer}${want ? ` and ${want} bytes back` : ""}`, r);
  }
}

function expectClosed(what: string, r: TcpResult | { ok: boolean; name?: string }, notName = "server"): void {
  if (r.ok && r.name === notName) fail(`${what}: reached ${notName}, must not`, r);
  if (r.ok) fail(`${what}: something answered`, r);
}

const pub = (bed: Bed) => bed.bras.addr;

export const CHECKS: Check[] = [
  {
    id: "1",
    title: "internet → PPPoE:443/tcp and :19132/udp reach the server, which sees the client's address",
    async run(bed) {
      const t = await bed.agents.inet.tcp(pub(bed), 443, { want: 200000, send: 20000, localAddress: ADDR.client, timeout: 5000 });
      expectServer(`tcp ${pub(bed)}:443`, t, "server", ADDR.client, 200000);
      if (t.serverGot !== 20000) fail("server did not get the client's 20000 bytes", t);
      const u = await bed.agents.inet.udp(pub(bed), 19132);
      if (!u.ok || u.name !== "server" || u.peer !== ADDR.client) fail(`udp ${pub(bed)}:19132`, u);
      return `tcp handshake + 20 kB up / 200 kB down in ${t.ms} ms, udp answered; server saw ${t.peer}`;
    },
  },
  {
    id: "2",
    title: "nothing else answers on the PPPoE address (ports 1-1024, router SSH/DNS/LuCI)",
    async run(bed, mode) {
      // the router's services do run: they answer on the LAN
      const ssh = await bed.agents.cli.tcp(ADDR.routerLan, 22);
      if (!ssh.ok || ssh.name !== "router") fail("router SSH on the LAN (the scan would prove nothing)", ssh);
      // fw4's syn_flood limit (25/s) drops SYNs to the router itself, which could hide an
      // open router port: in source mode every port must answer (retried, ~40 s); in
      // reply-only mode one pass (silent ports allowed) keeps the bed quick
      const full = mode === "source";
      const s = await bed.agents.inet.scan(pub(bed), 1, 1024, full ? { retry: true, deadline: 90000, concurrency: 32 } : {});
      if (JSON.stringify(s.open) !== JSON.stringify(PUBLISHED_TCP)) fail(`open ports on ${pub(bed)} should be ${PUBLISHED_TCP}`, s);
      if (full && s.timeout + s.other > 0) fail("ports that never answered (could hide an open one)", s);
      // what answers on 80 is the server, not LuCI
      const web = await bed.agents.inet.tcp(pub(bed), 80);
      expectServer("port 80", web, "server", ADDR.client);
      const dns = await bed.agents.inet.udp(pub(bed), 53, 1000);
      if (dns.ok) fail("udp 53 answered over PPPoE", dns);
      const ssh8 = await bed.agents.inet.tcp(pub(bed), 22);
      expectClosed("ssh over PPPoE", ssh8, "router");
      return `open: ${s.open.join(",")}; refused ${s.refused}, silent ${s.timeout} (${s.tries} SYNs${full ? ", every port accounted for" : ", one pass"}); udp/53 ${dns.error}`;
    },
  },
  {
    id: "3",
    title: "the LAN client's traffic leaves through IPoE (the remote host sees the CGN address)",
    async run(bed) {
      const r = await bed.agents.cli.tcp(ADDR.remote, 80);
      expectServer("LAN client → remote", r, "remote", ADDR.cgn);
      const u = await bed.agents.cli.udp(ADDR.remote, 53);
      if (!u.ok || u.name !== "remote" || u.peer !== ADDR.cgn) fail("LAN client → remote 53/udp", u);
      if (bed.kind === "map-e") {
        // MAP-E: the router itself translates into its port sets (fw4's rules from netifd's data)
        const inSet = mapPortSets().some((p) => { const [a, b] = p.split("-").map(Number); return r.peerPort! >= a && r.peerPort! <= b; });
        if (!inSet) fail("MAP-E: source port outside the router's port sets", r);
        return `remote saw ${r.peer}:${r.peerPort} (inside the MAP-E port sets)`;
      }
      return `remote saw ${r.peer}; the router's masquerade on ds-wan (no IPv4 address) used ${bed.natSource(ADDR.remote, 80) ?? "?"}, the AFTR mapped it`;
    },
  },
  {
    id: "4",
    title: "routing mode: the server's own traffic (source: via PPPoE; reply-only: via IPoE)",
    async run(bed, mode) {
      const r = await bed.agents.srv.tcp(ADDR.remote, 80);
      const want = mode === "source" ? pub(bed) : ADDR.cgn;
      expectServer(`server → remote (${mode})`, r, "remote", want);
      const u = await bed.agents.srv.udp(ADDR.remote, 53);
      if (!u.ok || u.name !== "remote" || u.peer !== want) fail(`server → remote 53/udp (${mode})`, u);
      // a router service the user opened on the PPPoE zone: its replies leave from the
      // PPPoE address, which netifd's prio-10000 rule sends to the PPPoE table
      const svc = await bed.agents.inet.tcp(pub(bed), 2222, { localAddress: ADDR.client });
      expectServer("internet → PPPoE:2222 (router service opened on wan_pppoe)", svc, "router", ADDR.client);
      return `remote saw ${r.peer} (tcp and udp); router service on PPPoE:2222 answered`;
    },
  },
  {
    id: "5",
    title: "the server reaches the guest subnet and the router's LAN address (no LAN traffic to PPPoE)",
    async run(bed) {
      const g = await bed.agents.srv.tcp(ADDR.guest, 80);
      expectServer("server → guest host", g, "guest", ADDR.server);
      const r = await bed.agents.srv.tcp(ADDR.routerLan, 22);
      expectServer("server → router LAN address", r, "router", ADDR.server);
      return `guest saw ${g.peer}, router saw ${r.peer}`;
    },
  },
  {
    id: "6",
    title: "NAT loopback: the LAN client reaches PPPoE:443 and lands on the server",
    async run(bed) {
      const r = await bed.agents.cli.tcp(pub(bed), 443, { want: 1000 });
      expectServer("LAN client → PPPoE:443", r, "server", ADDR.routerLan, 1000);
      // measured, not asserted: the server calling itself by its public address. Linux
      // routes the reflected SYN back out the bridge port it came in on, which the bridge
      // only does with hairpin mode on that port (reproduced without splitwan or fw4)
      const reached = async () => {
        const x = await bed.agents.srv.tcp(pub(bed), 443, { timeout: 1000 });
        return x.ok && x.name === "server";
      };
      let selfSays = "works";
      if (!(await reached())) {
        ipBatch(bed.ns.rt, ["link set lan1 type bridge_slave hairpin on"]);
        try {
          selfSays = `does not answer; with hairpin mode on its bridge port it ${(await reached()) ? "works" : "still fails"}`;
        } finally {
          ipBatch(bed.ns.rt, ["link set lan1 type bridge_slave hairpin off"]);
        }
      }
      return `server answered the LAN client (saw ${r.peer}, fw4 reflection SNAT); the server calling its own public address ${selfSays}`;
    },
  },
  {
    id: "8",
    title: `MSS: SYNs the router sends over PPPoE carry MSS ≤ ${MTU - 40}`,
    async run(bed, mode) {
      bed.resetMss();
      const a = await bed.agents.inet.tcp(pub(bed), 443, { localAddress: ADDR.client });
      expectServer("internet → PPPoE:443", a, "server", ADDR.client);
      if (mode === "source") {
        const b = await bed.agents.srv.tcp(ADDR.remote, 80);
        expectServer("server → remote", b, "remote", pub(bed));
      }
      const mss = bed.pppoeMss();
      if (mss.length === 0 || mss.some((m) => m > MTU - 40)) fail(`MSS values sent over PPPoE (max ${MTU - 40})`, mss);
      const inbound = bed.serverMss();
      // splitwan's mangle_forward drop-in: fw4 alone sizes it by the IPoE tunnel (1420)
      if (inbound.length === 0 || inbound.some((m) => m > MTU - 40)) fail(`inbound SYN MSS at the server (max ${MTU - 40})`, inbound);
      const frag = bed.serverFragNeeded();
      return `MSS sent over PPPoE: ${mss.join(", ")}; inbound SYN MSS at the server: ${inbound.join(", ") || "none"}; ICMP frag-needed received by the server so far: ${frag}`;
    },
  },
  {
    id: "9",
    title: "IPv6 publishing by interface identifier: [prefix::5]:443 open, the rest closed, survives a new prefix",
    async run(bed) {
      const probe = async (prefix: string) => {
        const srv = withSuffix(prefix, ADDR.serverSuffix), cli = withSuffix(prefix, ADDR.clientSuffix);
        const ok = await bed.agents.inet.tcp(srv, 443, { want: 5000 });
        expectServer(`[${srv}]:443`, ok, "server", ADDR.client6, 5000);
        const u = await bed.agents.inet.udp(srv, 19132);
        if (!u.ok || u.name !== "server" || u.peer !== ADDR.client6) fail(`udp [${srv}]:19132`, u);
        expectClosed(`[${srv}]:8080 (not published)`, await bed.agents.inet.tcp(srv, 8080, { timeout: 1000 }));
        expectClosed(`[${cli}]:443 (another LAN host)`, await bed.agents.inet.tcp(cli, 443, { timeout: 1000 }), "lanclient");
        return srv;
      };
      const before = await probe(bed.prefix);
      const next = bed.prefix === "2001:db8:100::" ? "2001:db8:200::" : "2001:db8:100::";
      bed.changePrefix(next);
      const after = await probe(bed.prefix);
      return `${before} then, after the ISP delegated a new /56, ${after}: 443/tcp and 19132/udp open, 8080 and ::100 closed`;
    },
  },
  {
    id: "7",
    title: "PPPoE down: IPoE still works, nothing is published (not even from the WAN segment); back up with a new address: published again without apply",
    async run(bed, mode) {
      const old = pub(bed);
      const closedWhileDown = async (state: string) => {
        expectServer(`${state}: LAN client → remote`, await bed.agents.cli.tcp(ADDR.remote, 80), "remote", ADDR.cgn);
        expectServer(`${state}: server → remote`, await bed.agents.srv.tcp(ADDR.remote, 80), "remote", ADDR.cgn);
        expectClosed(`${state}: internet → ${old}:443`, await bed.agents.inet.tcp(old, 443, { timeout: 1000 }));
        // a host on eth1's segment sends to the old public address through the router's WAN port
        expectClosed(`${state}: WAN-segment host → ${old}:443 via eth1`, await segmentProbe(bed, old));
      };
      bed.pppoeDown();
      try {
        // right after ifdown fw4 keeps its ruleset (20-firewall reloads on ifup only)
        await closedWhileDown("after ifdown");
        // any later fw4 reload while PPPoE is down binds the zone to eth1 (shared/reference/fw4)
        bed.fw4Reload();
        if (!bed.fw4Ruleset.includes('define wan_pppoe_devices = { "eth1" }')) fail("fw4 did not bind the zone to eth1 while PPPoE is down", bed.fw4Ruleset.split("\n").filter((l) => l.includes("wan_pppoe_devices")));
        await closedWhileDown("after a fw4 reload while down");
        // control: without splitwan's guard the same probe reaches the server
        const unguarded = await withoutGuard(bed, () => segmentProbe(bed, old));
        if (!unguarded.ok || unguarded.name !== "server") {
          fail("control: without splitwan's dstnat guard the WAN-segment probe should reach the server (bed not faithful to fw4)", unguarded);
        }
      } finally {
        const n = Number(old.split(".")[3]) + 1;
        bed.pppoeUp(`203.0.113.${n}`);
      }
      const now = pub(bed);
      const t = await bed.agents.inet.tcp(now, 443, { localAddress: ADDR.client });
      expectServer(`internet → new ${now}:443`, t, "server", ADDR.client);
      const l = await bed.agents.cli.tcp(now, 443);
      expectServer(`LAN client → new ${now}:443 (reflection)`, l, "server", ADDR.routerLan);
      if (mode === "source") expectServer("server → remote after reconnect", await bed.agents.srv.tcp(ADDR.remote, 80), "remote", now);
      expectClosed(`internet → old ${old}:443 after reconnect`, await bed.agents.inet.tcp(old, 443, { timeout: 1000 }));
      return `down (before and after a fw4 reload): IPoE fine, ${old} closed, WAN-segment probe stopped by the guard (reaches the server without it); up as ${now}: published, loopback works`;
    },
  },
  {
    id: "10",
    title: "strict rp_filter: works, or `splitwan status` names it",
    async run(bed) {
      // strict mode as a hardening guide sets it (all + default), then only on the PPPoE
      // device (the kernel uses the larger of all and the device's own value)
      const attempt = async (keys: string[]) => {
        for (const k of keys) sysctl(bed.ns.rt, `net.ipv4.conf.${k}.rp_filter`, "1");
        try {
          const r = await bed.agents.inet.tcp(pub(bed), 443, { localAddress: ADDR.client, timeout: 2000 });
          const status = bed.splitwan(["status"], false).out;
          return { works: r.ok && r.name === "server", line: status.split("\n").find((l) => /rp_filter/.test(l))?.trim() };
        } finally {
          for (const k of keys) sysctl(bed.ns.rt, `net.ipv4.conf.${k}.rp_filter`, "0");
        }
      };
      const global = await attempt(["all", "default"]);
      if (!global.works && !global.line) fail("strict rp_filter (all/default) breaks publishing and status does not say so", global);
      const dev = await attempt(["pppoe-wanppp"]);
      if (!dev.works && !dev.line) fail("strict rp_filter on pppoe-wanppp breaks publishing and status does not say so", dev);
      const say = (r: { works: boolean; line?: string }) => `${r.works ? "works" : "FAILS"}${r.line ? `, status: "${r.line}"` : ", status silent"}`;
      return `all/default=1: ${say(global)}; only pppoe-wanppp=1: ${say(dev)}`;
    },
  },
];

/** Sends to addr:443 from the IPoE ISP's side of eth1 (a host on the WAN segment). */
async function segmentProbe(bed: Bed, addr: string): Promise<TcpResult> {
  const mac = (JSON.parse(run(["ip", "-n", bed.ns.rt, "-j", "link", "show", "dev", "eth1"]).stdout) as Array<{ address: string }>)[0].address;
  ipBatch(bed.ns.ipoe, [`route replace ${addr}/32 dev r-wan src ${ADDR.wanHost}`, `neigh replace ${addr} lladdr ${mac} dev r-wan nud permanent`]);
  try {
    return await bed.agents.ipoe.tcp(addr, 443, { localAddress: ADDR.wanHost, timeout: 1000 });
  } finally {
    ipBatch(bed.ns.ipoe, [`route del ${addr}/32 dev r-wan`, `neigh del ${addr} dev r-wan`]);
  }
}

/** Runs fn with splitwan's dstnat guard drop-in taken away (fw4 reloaded both ways). */
async function withoutGuard<T>(bed: Bed, fn: () => Promise<T>): Promise<T> {
  const dropin = join(bed.root, "usr/share/nftables.d/chain-pre/dstnat_wan_pppoe/10-splitwan.nft");
  if (!existsSync(dropin)) fail("splitwan's dstnat guard drop-in is missing", dropin);
  renameSync(dropin, dropin + ".off");
  bed.fw4Reload();
  try {
    return await fn();
  } finally {
    renameSync(dropin + ".off", dropin);
    bed.fw4Reload();
  }
}

/** After `splitwan remove`: the router is a plain IPoE router again. */
export async function checkRemoved(bed: Bed): Promise<string> {
  const addr = pub(bed);
  bed.splitwanAndReload(["remove"]);
  if (bed.netifd.isUp("wanppp")) fail("wanppp is still up after remove", bed.lastOutput);
  const rules = bed.ip(["-4", "rule", "show"]);
  if (/lookup 300|fwmark/.test(rules)) fail("policy rules left after remove", rules);
  if (/wan_pppoe|splitwan/.test(bed.fw4Ruleset)) fail("fw4 still has splitwan's zone or drop-ins after remove", bed.fw4Ruleset.split("\n").filter((l) => /wan_pppoe|splitwan/.test(l)));
  expectServer("LAN client → remote after remove", await bed.agents.cli.tcp(ADDR.remote, 80), "remote", ADDR.cgn);
  expectServer("server → remote after remove", await bed.agents.srv.tcp(ADDR.remote, 80), "remote", ADDR.cgn);
  expectClosed(`internet → ${addr}:443 after remove`, await bed.agents.inet.tcp(addr, 443, { timeout: 1000 }));
  return "no PPPoE, no rules, no zone; LAN and server on IPoE; nothing published";
}
