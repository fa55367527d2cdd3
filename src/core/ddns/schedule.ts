// When to send: skip rules, provider spacing, retry backoff. Pure; times in epoch seconds.
import { VALUE_DOMAIN_SPACING } from "./value-domain";
import type { DdnsState } from "./state";
import type { DdnsSection, ProviderName } from "./types";

/** Wait after the 1st, 2nd, ... transient failure; after the last one the updater gives up
 * until the next event or `splitwan ddns update`. A retry also waits for the provider's
 * spacing (sendTime takes the later of the two), so a 503 is never answered too soon. */
export const BACKOFF = [60, 120, 300, 600, 1200];
export const MAX_ATTEMPTS = BACKOFF.length + 1;

export function retryDelay(failures: number): number | undefined {
  return failures >= 1 && failures <= BACKOFF.length ? BACKOFF[failures - 1] : undefined;
}

/** Minimum seconds between two requests to the provider. */
export function spacing(provider: ProviderName): number {
  return provider === "value-domain" ? VALUE_DOMAIN_SPACING : 0;
}

/** The record a state file is about; secrets stay out. */
export function targetOf(s: DdnsSection): string {
  const name = s.host === "" ? s.domain : `${s.host}.${s.domain}`;
  return `${s.provider} ${s.username} ${name} ipv${s.ipVersion}`;
}

/** true when the provider already has ip from our last success for the same record. */
export function alreadySent(st: DdnsState | undefined, s: DdnsSection, ip: string): boolean {
  return st !== undefined && st.target === targetOf(s) && st.successIp === ip;
}

/** Earliest time a request may go out. */
export function sendTime(now: number, provider: ProviderName, lastRequest: number | undefined, nextRetry: number | undefined): number {
  let t = now;
  if (lastRequest !== undefined && lastRequest + spacing(provider) > t) t = lastRequest + spacing(provider);
  if (nextRetry !== undefined && nextRetry > t) t = nextRetry;
  return t;
}

/** The longest a retry can be due from now. */
export const LONGEST_DELAY = BACKOFF[BACKOFF.length - 1];
