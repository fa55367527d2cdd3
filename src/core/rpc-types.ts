// Replies of the rpcd plugin luci.splitwan (src/cli/rpcd.ts builds them, the view reads
// them). Only types: the Lua side imports this with `import type`.

/** Every method may answer this instead of its normal reply. */
export interface RpcError {
  error: string;
}

export interface PppoeState {
  interface: string;
  /** netifd knows the interface (splitwan applied it). */
  configured: boolean;
  /** Whether netifd answered for the interface: "not-configured" (netifd has no such
   * interface) and "not-answering" (ubusd or netifd down, timeout) are told apart. */
  state?: "answered" | "not-configured" | "not-answering";
  up: boolean;
  /** netifd is trying to bring it up. */
  pending?: boolean;
  uptime?: number;
  ipv4?: string;
  mtu?: number;
  device?: string;
  /** netifd's last error code(s) for the interface, e.g. "AUTH_FAILED". */
  errors?: string[];
}

/** One piece of owned state: wanted by the config, present on the system. */
export interface LivePart {
  configured: boolean;
  live: boolean;
  /** What is missing or extra, in plain words. */
  detail?: string;
}

export interface ServerPorts {
  name: string;
  enabled: boolean;
  ipaddr: string;
  mode: string;
  /** One entry per `list port` item as configured, e.g. "80,443/tcp". */
  ports: string[];
  /** Also published over IPv6 to <delegated prefix><suffix> ("" when not). */
  ip6_suffix?: string;
  /** Every published redirect is in the firewall. */
  live: boolean;
}

export interface DdnsState {
  name: string;
  provider: string;
  enabled: boolean;
  host?: string;
  last_attempt?: number;
  last_success?: number;
  ip_sent?: string;
  answer?: string;
  next_retry?: number;
}

export interface StatusReply {
  /** Seconds since the epoch on the router (for "5m ago"). */
  now: number;
  enabled: boolean;
  pppoe: PppoeState;
  table: LivePart & { id?: number; name?: string; default_route?: boolean };
  rules: LivePart;
  zone: LivePart & { name?: string };
  forwards: LivePart;
  servers: ServerPorts[];
  ddns: DdnsState[];
  /** Why the committed config is not applied (the router's validation). */
  errors: FieldError[];
  /** The live state against the config: changes `apply` would make, and the sections
   * in the way (conflicts) that stop it. */
  drift: { changes: number; conflicts: string[] };
  warnings: string[];
}

export interface Lease {
  ipaddr: string;
  hostname?: string;
  macaddr?: string;
}

export interface DetectReply {
  /** The IPoE WAN interface and its L2 device; absent when none was found. */
  interface?: string;
  device?: string;
  kind?: "map-e" | "ds-lite" | "plain";
  /** Devices that may carry PPPoE, the detected one first. */
  devices: string[];
  leases: Lease[];
  /** false: netifd did not answer (the device list is then only what the config names). */
  netifd: boolean;
  /** Firewall zones a server may live in (not the WAN zones, not splitwan's own). */
  zones: string[];
}

export interface FieldError {
  section: string;
  /** The section's type (splitwan, server, ddns) when the section exists. */
  type?: string;
  option: string;
  value?: string;
  message: string;
}

export interface ValidateReply {
  valid: boolean;
  errors: FieldError[];
}

export interface ActionReply {
  ok: boolean;
  /** What happened, in plain words. */
  message: string;
}

/** `apply`: what `splitwan apply` did, with the reasons it refused as data. */
export interface ApplyReply extends ActionReply {
  /** The CLI's exit code: 0 applied, 1 invalid config, 2 conflict, 3 system error. */
  code: number;
  /** The changes made, one line each (as `splitwan apply` prints them). */
  changes: string[];
  /** code 1: the validation errors. */
  errors: FieldError[];
  /** code 2: the sections in the way. */
  conflicts: string[];
}
