// What the self-test observed on the router, as plain data: the collector (collect.ts)
// fills it through the Platform, the verdicts (verdicts.ts) judge it without touching the
// system, so unit tests judge recorded facts. `undefined` always means "could not look"
// (a tool missing or failing), never "empty".
import type { PortSpec } from "../ports";
import type { Mode } from "../validate";

export interface ExpectedRule {
  priority: number;
  /** "from 192.168.1.5" or "fwmark 0x10000000/0x10000000" */
  selector: string;
  /** "main" or the table number */
  lookup: string;
  suppress: boolean;
}

export interface ServerFacts {
  name: string;
  ipaddr: string;
  zone: string;
  mode: Mode;
  ports: PortSpec[];
  /** L3 devices of the zone's networks that are up. */
  devices: string[];
  /** The zone's IPv4 subnets as "address/prefix". */
  subnets: string[];
  /** Device the server was probed on. */
  device?: string;
  /** ping answered; undefined: not run (tool missing or no device). */
  ping?: boolean;
  /** the neighbour entry's state (REACHABLE, STALE, FAILED, ...); "" none. */
  neigh?: string;
  /** why the probe could not run */
  toolError?: string;
  /** TCP connect to the server's first published TCP port from the router: "open",
   * "closed"; undefined not run. */
  tcp?: "open" | "closed";
  tcpError?: string;
}

export interface DdnsFacts {
  name: string;
  host: string;
  ipVersion: string;
  /** The address the provider accepted last (state successIp), if any. */
  successIp?: string;
  lastSuccess?: number;
  resolver: string;
  /** Addresses the public resolver returned; [] no such record; undefined not looked up. */
  resolved?: string[];
  ttl?: number;
  toolError?: string;
}

export interface OtherRouting {
  /** "mwan3" | "pbr" | "mwan4" */
  name: string;
  /** mark masks it uses, as numbers */
  masks: number[];
  /** [first, last] priorities of its ip rules */
  priorities?: [number, number];
  tables: number[];
  /** false: present, but its settings are not understood */
  known: boolean;
}

export interface DiagnoseFacts {
  now: number;
  enabled: boolean;
  /** formatted validation errors */
  errors: string[];
  iface: string;
  pppoeDevice: string;
  table: number;
  tableName: string;
  priority: number;
  mark: number;
  mtu: number;
  zone: string;
  expectedRules: ExpectedRule[];
  /** ubus status of the PPPoE interface: undefined = netifd does not know it. */
  pppoe?: { up: boolean; ipv4: string; errors: string[]; dns: string[] };
  /** Why netifd gave no answer at all (ubusd down, timeout), when it did not: then an
   * absent interface or network says nothing about the configuration. */
  netifdDown?: string;
  /** IPv4 addresses of the MAP-E / DS-Lite interface (the shared CGN address). */
  cgnAddrs: string[];
  ipRules?: string[];
  tableRoutes?: string[];
  /** `nft list ruleset` */
  ruleset?: string;
  /** the conf whose rp_filter is strict ("all", the device, "default"); "" none;
   * summary of the values read */
  rpStrict: string;
  /** undefined: /proc/sys/net/ipv4/conf/all/rp_filter could not be read */
  rpValues?: string;
  /** network.<iface>.peerdns as configured ("" unset: netifd's default 1) */
  peerdns: string;
  /** upstream servers dnsmasq uses (resolv.conf.auto nameservers and dhcp server list) */
  lanDns: string[];
  servers: ServerFacts[];
  ddns: DdnsFacts[];
  others: OtherRouting[];
  /** the collector stopped probing at this check id (time budget) */
  outOfTime: string[];
}
