// Config → the state splitwan owns: UCI sections for netifd and fw4, the rt_tables line
// and fw4 drop-in files. Pure: the same input gives the same plan in Node and in Lua.
import { extPorts, intPorts, type PortSpec } from "./ports";
import { type SystemView, zoneOfNetwork } from "./system";
import { hexDigits } from "./text";
import type { UciValue } from "./uci";
import type { Config, Server } from "./validate";

export type ConfigName = "network" | "firewall";

export interface PlannedSection {
  config: ConfigName;
  name: string;
  type: string;
  /** In the order they are written. */
  options: Array<[string, UciValue]>;
  /** Keep the section right after this one (the zone after the IPoE WAN zone). */
  after?: string;
}

export interface PlannedFile {
  path: string;
  content: string;
}

export interface Plan {
  sections: PlannedSection[];
  rtTable: { number: number; name: string } | undefined;
  files: PlannedFile[];
}

export const NFT_DROPIN_DIR = "/usr/share/nftables.d";
export const DROPIN_NAME = "10-splitwan.nft";

export function pppoeDevice(iface: string): string {
  return `pppoe-${iface}`;
}

/** A mark as nft writes and prints it: "0x10000000" (8 hex digits). */
export function hexMark(n: number): string {
  return `0x${hexDigits(n, 8)}`;
}

function protoName(spec: PortSpec): string {
  return spec.proto === "both" ? "tcp udp" : spec.proto;
}

function protoKey(spec: PortSpec): string {
  return spec.proto === "both" ? "tcpudp" : spec.proto;
}

// The comments of splitwan's drop-in rules; `splitwan diagnose` finds the rules by them.
export const GUARD_NOTE = "splitwan: publish only via PPPoE";
export const CROSSES_NOTE = "splitwan: crosses PPPoE";
export const MSS_NOTE = "splitwan: MSS for the PPPoE MTU";

export function emptyPlan(): Plan {
  return { sections: [], rtTable: undefined, files: [] };
}

export function buildPlan(c: Config, sys: SystemView): Plan {
  if (!c.enabled) return emptyPlan();
  const sections: PlannedSection[] = [];
  const table = `${c.table}`;
  const mark = hexMark(c.mark);
  const dev = pppoeDevice(c.iface);

  sections.push({
    config: "network", name: c.iface, type: "interface",
    options: [
      ["proto", "pppoe"],
      ["device", c.device],
      ["username", c.username],
      ["password", c.password],
      ["mtu", `${c.mtu}`],
      ["ipv6", "0"], // else a DHCPv6 child adds a second IPv6 default route to main
      ["peerdns", "0"], // the ISP's PPPoE resolvers would be queried over IPoE
      ["ip4table", table], // a number: an unresolvable name silently means main
    ],
  });

  // Rules: LAN/VPN routes of main first (suppress its default route), then table.
  const rulePair = (key: string, match: Array<[string, UciValue]>, priority: number) => {
    sections.push({
      config: "network", name: `splitwan_${key}_main`, type: "rule",
      options: match.concat([["lookup", "main"], ["suppress_prefixlength", "0"], ["priority", `${priority}`]]),
    });
    sections.push({
      config: "network", name: `splitwan_${key}_pppoe`, type: "rule",
      options: match.concat([["lookup", table], ["priority", `${priority + 1}`]]),
    });
  };
  const replyOnly = c.servers.filter((s) => s.mode === "reply-only");
  if (replyOnly.length > 0) rulePair("reply", [["mark", `${mark}/${mark}`]], c.priority);
  c.servers.forEach((s, i) => {
    // always /32: netifd reads a bare address as "from all"
    if (s.mode === "source") rulePair(s.name, [["src", `${s.ipaddr}/32`]], c.priority + 10 * (i + 1));
  });

  const wanZone = sys.wan !== undefined ? zoneOfNetwork(sys, sys.wan.ipv4Iface) ?? zoneOfNetwork(sys, sys.wan.l2Iface) : undefined;
  const afterZone = sys.zones.find((z) => z.name === "wan") ?? wanZone;
  sections.push({
    config: "firewall", name: "splitwan_zone", type: "zone",
    options: [
      ["name", c.zone],
      ["network", [c.iface]],
      ["family", "ipv4"],
      ["input", "REJECT"],
      ["output", "ACCEPT"],
      ["forward", "REJECT"],
      ["masq", "1"],
      ["mtu_fix", "0"], // splitwan clamps itself: see the drop-ins below
    ],
    after: afterZone?.section,
  });

  const srcZones: string[] = [];
  for (const s of c.servers) if (s.mode === "source" && !srcZones.includes(s.zone)) srcZones.push(s.zone);
  for (const z of srcZones) {
    sections.push({
      config: "firewall", name: `splitwan_fwd_${z}`, type: "forwarding",
      options: [["src", z], ["dest", c.zone]],
    });
  }

  for (const s of c.servers) {
    for (const spec of s.ports) sections.push(redirect(c, s, spec));
  }
  if (wanZone !== undefined) {
    for (const s of c.servers) {
      if (s.ip6Suffix === undefined) continue;
      for (const spec of s.ports) sections.push(ipv6Rule(s, spec, wanZone.name));
    }
  }

  // The data plane, at most one rule per established packet (scripts/bench-dataplane.mjs
  // counts them). Connections that cross PPPoE get a bit in their conntrack mark where
  // only their first packet passes: fw4's nat chains of splitwan's zone. That first
  // packet (a SYN) is clamped there too. Every later packet meets one rule in
  // mangle_prerouting that tests the conntrack bit first: the SYN/ACK is clamped there,
  // and with reply-only servers the bit goes onto the packet for the fwmark rules.
  // fw4's own mtu_fix is off for the zone: its ingress clamp sizes a SYN by the route back
  // to the source, the IPoE tunnel, and its two rules would meet every forwarded packet.
  const mss = c.mtu - 40;
  const clamp = `tcp flags syn / syn,fin,rst tcp option maxseg size > ${mss} tcp option maxseg size set ${mss}`;
  const mssNote = `comment "${MSS_NOTE} (${c.mtu})"`;
  const crosses = `ct mark set ct mark | ${mark} comment "${CROSSES_NOTE}"`;
  const marked = `ct mark & ${mark} == ${mark}`;
  // with reply-only servers the packets of PPPoE connections carry the bit: their replies
  // leave by table (fwmark rules); for the other packets the route is the same either way
  const toPacket = replyOnly.length > 0 ? ` meta mark set meta mark | ${mark}` : "";
  const files: PlannedFile[] = [
    {
      path: `${NFT_DROPIN_DIR}/chain-pre/srcnat_${c.zone}/${DROPIN_NAME}`,
      content:
        "# Written by splitwan: the first packet of each connection that leaves over PPPoE\n" +
        "# (a nat chain sees no other).\n" +
        `oifname "${dev}" ${crosses}\n` +
        `oifname "${dev}" ${clamp} ${mssNote}\n`,
    },
    {
      path: `${NFT_DROPIN_DIR}/chain-pre/mangle_prerouting/${DROPIN_NAME}`,
      content:
        "# Written by splitwan: every packet entering the router passes here; other traffic\n" +
        "# stops at the first test. Connections over PPPoE: the MSS of the SYN/ACK" +
        (toPacket !== "" ? ", and the\n# mark that sends the answers of reply-only servers back via PPPoE (fwmark rules)" : "") + ".\n" +
        `${marked}${toPacket} ${clamp} ${mssNote}\n`,
    },
  ];
  if (c.servers.some((s) => s.ports.length > 0)) {
    files.push({
      path: `${NFT_DROPIN_DIR}/chain-pre/dstnat_${c.zone}/${DROPIN_NAME}`,
      content:
        "# Written by splitwan: the first packet of each connection that arrives for the zone\n" +
        "# (a nat chain sees no other). fw4 binds the zone to the WAN's physical device while\n" +
        "# PPPoE is down: publish only what really arrives on the PPPoE device.\n" +
        `iifname != "${dev}" counter return comment "${GUARD_NOTE}"\n` +
        `${crosses}\n` +
        `${clamp} ${mssNote}\n`,
    });
  }
  if (replyOnly.length > 0) {
    files.push({
      path: `${NFT_DROPIN_DIR}/chain-pre/mangle_output/${DROPIN_NAME}`,
      content:
        "# Written by splitwan: the router's own answers to connections that came in over PPPoE\n" +
        "# (a DNAT to the router itself) leave via PPPoE, with the MSS of the PPPoE MTU.\n" +
        `${marked} meta mark set meta mark | ${mark} ${clamp} ${mssNote}\n`,
    });
  }

  return { sections, rtTable: { number: c.table, name: c.tableName }, files };
}

function redirect(c: Config, s: Server, spec: PortSpec): PlannedSection {
  const ext = extPorts(spec);
  return {
    config: "firewall", name: `splitwan_${s.name}_${protoKey(spec)}_${spec.extFrom}`, type: "redirect",
    options: [
      ["name", `splitwan ${s.name} ${ext}/${spec.proto}`],
      ["target", "DNAT"],
      ["src", c.zone],
      ["src_dport", ext],
      ["dest", s.zone],
      ["dest_ip", s.ipaddr],
      ["dest_port", intPorts(spec)],
      ["proto", protoName(spec)],
      ["family", "ipv4"],
      ["reflection", "1"],
    ],
  };
}

// No NAT on IPv6: the server's own (internal) port is opened, matched by interface
// identifier so it survives a change of the delegated prefix.
function ipv6Rule(s: Server, spec: PortSpec, wanZone: string): PlannedSection {
  const ports = intPorts(spec);
  return {
    config: "firewall", name: `splitwan_${s.name}_v6${protoKey(spec)}_${spec.intFrom}`, type: "rule",
    options: [
      ["name", `splitwan ${s.name} ${ports}/${spec.proto} IPv6`],
      ["src", wanZone],
      ["dest", s.zone],
      ["dest_ip", `${s.ip6Suffix}/-64`],
      ["dest_port", ports],
      ["proto", protoName(spec)],
      ["family", "ipv6"],
      ["target", "ACCEPT"],
    ],
  };
}
