// Replies of the rpcd plugin luci.splitwan (src/cli/rpcd.ts builds them, the view reads
// them). Only types: the Lua side imports this with `import type`.

/** A sentence as data: its code (src/core/messages.ts), the values for its "%s" slots in
 * order, and the router's English. The page words it by code, the English is its
 * fallback for a code it does not know. */
export interface Message {
  code: string;
  args: string[];
  text: string;
}

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
  /** What the last attempt came to (its result, or why nothing was sent). */
  message?: Message;
  /** The provider's own answer, when the state has no message. */
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
  /** reload: services whose configuration was written but not reloaded (an apply was
   * stopped before its reloads, or one failed): apply runs them. */
  drift: { changes: number; conflicts: Message[]; reload: string[] };
  warnings: Message[];
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

/** A validation error: where (section, its type, option, value) and why, as a Message. */
export interface FieldError extends Message {
  section: string;
  /** splitwan, server or ddns. */
  type: string;
  /** Absent when the error is about the whole section. */
  option?: string;
  /** Absent for secrets. */
  value?: string;
}

export interface ValidateReply {
  valid: boolean;
  errors: FieldError[];
}

/** `reconnect`, `ddns_update`: done or not, and what happened as a Message. */
export interface ActionReply extends Message {
  ok: boolean;
}

/** `apply`: what `splitwan apply` did, with the reasons it refused as data. */
export interface ApplyReply {
  ok: boolean;
  /** What happened, in the CLI's English (the page words it from exit and the lists). */
  message: string;
  /** The CLI's exit code: 0 applied, 1 invalid config, 2 conflict, 3 system error. */
  exit: number;
  /** The changes made, one line each (as `splitwan apply` prints them). */
  changes: string[];
  /** code 1: the validation errors. */
  errors: FieldError[];
  /** code 2: the sections in the way. */
  conflicts: Message[];
}
