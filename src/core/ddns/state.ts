// What the updater remembers between runs, one JSON file per section under
// /var/run/splitwan/ddns/ (tmpfs: a reboot forgets it, and the first ifup sends again).
import { jsonArray, jsonDecode, jsonEncode } from "../json";
import type { OutcomeKind } from "./types";
import { NO_ARGS } from "../messages";

// the state file keeps messageArgs: an empty one as []
jsonArray(NO_ARGS);

export const DDNS_RUN_DIR = "/var/run/splitwan/ddns";

export interface DdnsState {
  /** provider, record and IP version the state is about: a config change resets the skip. */
  target: string;
  lastAttempt?: number;
  lastSuccess?: number;
  /** IP of the last attempt. */
  ipSent?: string;
  /** IP the provider has from our last success: the same IP again is not sent (unless forced). */
  successIp?: string;
  result?: OutcomeKind | "no-address";
  /** The provider's own code ("status=2", "http 503"). */
  code?: string;
  /** What the attempt came to, in English (`ddns status`, syslog) ... */
  message?: string;
  /** ... and as its message code with values (core/messages.ts), for the page. */
  messageCode?: string;
  messageArgs?: string[];
  answer?: string;
  /** Consecutive transient failures. */
  failures: number;
  nextRetry?: number;
  gaveUp?: boolean;
}

export function statePath(section: string): string {
  return `${DDNS_RUN_DIR}/${section}.json`;
}

/** When the provider last got a request from us (for spacing rules like Value Domain's). */
export function lastRequestPath(provider: string): string {
  return `${DDNS_RUN_DIR}/last-request.${provider}`;
}

const NUMBERS = ["lastAttempt", "lastSuccess", "failures", "nextRetry"];
const STRINGS = ["target", "ipSent", "successIp", "result", "code", "message", "messageCode", "answer"];

export function encodeState(s: DdnsState): string {
  return jsonEncode(s) + "\n";
}

/** Tolerant: a damaged file reads as no state (the next run simply sends). */
export function decodeState(text: string | undefined): DdnsState | undefined {
  if (text === undefined || text === "") return undefined;
  let v: unknown;
  try {
    v = jsonDecode(text);
  } catch (_e) {
    return undefined;
  }
  if (typeof v !== "object" || v === null) return undefined;
  const o = v as Record<string, unknown>;
  if (typeof o.target !== "string") return undefined;
  const out: DdnsState = { target: o.target, failures: 0 };
  const w = out as unknown as Record<string, unknown>;
  for (const k of NUMBERS) if (typeof o[k] === "number") w[k] = o[k];
  for (const k of STRINGS) if (typeof o[k] === "string") w[k] = o[k];
  if (o.gaveUp === true) out.gaveUp = true;
  const args = o.messageArgs;
  if (Array.isArray(args) && (args as unknown[]).every((a) => typeof a === "string")) out.messageArgs = args as string[];
  return out;
}
