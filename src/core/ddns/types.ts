// Shapes shared by the DDNS providers, the updater and the HTTPS transport.
import type { Message } from "../rpc-types";

/** One HTTPS request as a provider wants it sent. Secrets may sit in the body, the
 * headers or (secretUrl) the URL: the transport keeps all three out of process arguments. */
export interface HttpRequest {
  method: "GET" | "POST" | "PATCH";
  url: string;
  /** true when the URL itself carries a secret (MyDNS directip). */
  secretUrl: boolean;
  headers: Array<[string, string]>;
  body?: string;
  contentType?: string;
  /** Every secret this request carries, so answers and errors can be scrubbed of them. */
  secrets: string[];
  /** Seconds for the whole request (the section's timeout, set by the updater). */
  timeout?: number;
}

export interface HttpResponse {
  /** HTTP status; 0 when no HTTP answer came (DNS, connect, TLS, timeout). */
  status: number;
  body: string;
  /** Why there was no usable answer (transport words, never a secret). */
  error?: string;
  /** No retry can help until the router is fixed (client or CA bundle not installed). */
  fatal?: boolean;
}

export type Http = (req: HttpRequest) => HttpResponse;

/** ok: the provider now has the IP; unchanged: it already had it (nothing sent or changed);
 * transient: try again later; permanent: stop, the user must fix something. */
export type OutcomeKind = "ok" | "unchanged" | "transient" | "permanent";

export interface Outcome {
  kind: OutcomeKind;
  /** Short machine-ish code: "status=2", "http 503", "network", "cf 9109". */
  code: string;
  /** What happened and, for permanent failures, what to fix (core/messages.ts). */
  message: Message;
  /** The provider's answer, trimmed and scrubbed of secrets (for `ddns status`). */
  answer: string;
}

export type ProviderName = "value-domain" | "mydns" | "cloudflare";

/** A checked `config ddns` section. */
export interface DdnsSection {
  name: string;
  provider: ProviderName;
  domain: string;
  /** "" for the apex; "*" for the wildcard. */
  host: string;
  username: string;
  password: string;
  token: string;
  zoneId: string;
  ipVersion: 4 | 6;
  /** netifd interface the IPv6 address comes from (ip_version 6); with server, the
   * uplink whose delegated prefix the server's zone gets (its events fire the update). */
  ip6Interface: string;
  /** ip_version 6 only: publish this splitwan server (prefix of its zone + suffix). */
  server?: DdnsServer;
  /** HTTPS timeout in seconds. */
  timeout: number;
}

/** The server a section publishes: its firewall zone and interface identifier. */
export interface DdnsServer {
  name: string;
  zone: string;
  suffix: string;
}

export interface Provider {
  /** Sends ip for the section through http and judges the answer. */
  update(s: DdnsSection, ip: string, http: Http): Outcome;
}
