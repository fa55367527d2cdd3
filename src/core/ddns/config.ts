// `config ddns` sections of /etc/config/splitwan (read by config.ts): check them and turn
// them into DdnsSection.
// Errors have validate.ts's shape so `splitwan validate` and LuCI show them the same way.
import { type ConfigError, type ReportError, checkSection } from "../section-check";
import type { RawDdns, RawServer } from "../config";
import { isDigits } from "../addr";
import { hasControl, isAlnum, isHexDigits, isName } from "../text";
import { uciBool } from "../uci";
import type { DdnsSection, DdnsServer, ProviderName } from "./types";

export const PROVIDERS: ProviderName[] = ["value-domain", "mydns", "cloudflare"];

/** A DNS host label (RFC 1123: letters, digits, inner hyphens, at most 63 bytes); bytes
 * from 128 up pass, for IDN names written in UTF-8. No `_`: it is no host name. */
function isHostLabel(l: string): boolean {
  if (l.length === 0 || l.length > 63 || l.startsWith("-") || l.endsWith("-")) return false;
  for (let i = 0; i < l.length; i++) {
    const c = l.charCodeAt(i);
    if (!isAlnum(c) && c !== 45 && c < 128) return false;
  }
  return true;
}

/** Dotted DNS name of host labels; a domain has at least two (example.com), a host may
 * be one label, or * (wildcard) first. */
function isDnsName(s: string, host: boolean): boolean {
  if (s.length === 0 || s.length > 253) return false;
  const labels = s.split(".");
  if (!host && labels.length < 2) return false;
  for (let i = 0; i < labels.length; i++) {
    if (host && i === 0 && labels[i] === "*") continue;
    if (!isHostLabel(labels[i])) return false;
  }
  return true;
}

export interface DdnsValidation {
  sections: DdnsSection[];
  errors: ConfigError[];
}

/** The server a section names, judged: it must exist, be enabled and have an ip6_suffix.
 * The suffix's own syntax is the server section's check (validate.ts). */
function serverOf(r: RawDdns, ipVersion: 4 | 6 | undefined, servers: RawServer[], err: ReportError): DdnsServer | undefined {
  if (r.server === "") return undefined;
  const found = servers.find((x) => x.section === r.server);
  if (ipVersion === 4) err("server", r.server, "ddns.server_v4");
  else if (found === undefined) err("server", r.server, "ddns.server_unknown");
  else if (uciBool(found.enabled) !== true) err("server", r.server, "ddns.server_disabled");
  else if (found.ip6_suffix === "") err("server", r.server, "ddns.server_no_suffix");
  else return { name: found.section, zone: found.zone, suffix: found.ip6_suffix };
  return undefined;
}

/** raws: the `config ddns` sections; servers: the `config server` sections they may name. */
export function checkDdns(raws: RawDdns[], servers: RawServer[]): DdnsValidation {
  const errors: ConfigError[] = [];
  const sections: DdnsSection[] = [];
  const targets: string[] = [];
  for (const r of raws) {
    const before = errors.length;
    const err = checkSection(r.section, "ddns", r.enabled, errors);
    if (err === undefined) continue;

    const provider = r.provider as ProviderName;
    if (r.provider === "") err("provider", undefined, "ddns.provider_required", [PROVIDERS.join(", ")]);
    else if (!PROVIDERS.includes(provider)) err("provider", r.provider, "ddns.provider_unknown", [PROVIDERS.join(", ")]);

    const ipVersion = r.ip_version === "4" ? 4 : r.ip_version === "6" ? 6 : undefined;
    if (ipVersion === undefined) err("ip_version", r.ip_version, "ddns.ip_version");
    else if (ipVersion === 6 && provider === "value-domain") err("ip_version", r.ip_version, "ddns.vd_ipv4");
    if (!isName(r.ip6_interface)) err("ip6_interface", r.ip6_interface, "ddns.ip6_interface");
    const server = serverOf(r, ipVersion, servers, err);

    // decimal digits only: Number() would also take "0x1", "1e2" or " 5"
    const timeout = isDigits(r.timeout) && r.timeout.length <= 3 ? Number(r.timeout) : undefined;
    if (timeout === undefined || timeout < 1 || timeout > 300) err("timeout", r.timeout, "ddns.timeout");

    const needsDomain = provider === "value-domain" || provider === "cloudflare";
    if (needsDomain && r.domain === "") err("domain", undefined, provider === "cloudflare" ? "ddns.zone_required" : "ddns.domain_required");
    else if (r.domain !== "" && !isDnsName(r.domain, false)) err("domain", r.domain, "ddns.domain");

    let host = r.host === "@" ? "" : r.host;
    if (needsDomain && host !== "" && !isDnsName(host, true)) err("host", r.host, "ddns.host");
    if (provider === "mydns" && host !== "") err("host", r.host, "ddns.mydns_host");

    if (provider === "value-domain" || provider === "mydns") {
      if (r.password === "") err("password", undefined, provider === "mydns" ? "ddns.mydns_password" : "ddns.vd_password");
      else if (hasControl(r.password)) err("password", undefined, "value.control");
    }
    if (provider === "mydns") {
      if (r.username === "") err("username", undefined, "ddns.mydns_id_required");
      else if (!isName(r.username, "-")) err("username", r.username, "ddns.mydns_id");
    }
    if (provider === "cloudflare") {
      if (r.token === "") err("token", undefined, "ddns.token_required");
      else if (!isName(r.token, "-.")) err("token", undefined, "ddns.token");
      if (r.zone_id !== "" && (r.zone_id.length !== 32 || !isHexDigits(r.zone_id))) err("zone_id", r.zone_id, "ddns.zone_id");
    }

    const target = `${r.provider} ${r.username} ${host === "" ? "" : host + "."}${r.domain} ${r.ip_version}`;
    if (errors.length === before && targets.includes(target)) err(undefined, undefined, "ddns.duplicate");
    targets.push(target);
    if (errors.length > before) continue;
    sections.push({
      name: r.section,
      provider,
      domain: r.domain,
      host,
      username: r.username,
      password: r.password,
      token: r.token,
      zoneId: r.zone_id,
      ipVersion: ipVersion as 4 | 6,
      ip6Interface: r.ip6_interface,
      server,
      timeout: timeout as number,
    });
  }
  return { sections, errors };
}

/** For validate.ts: the errors of every `config ddns` section. */
export function validateDdns(raws: RawDdns[], servers: RawServer[]): ConfigError[] {
  return checkDdns(raws, servers).errors;
}
