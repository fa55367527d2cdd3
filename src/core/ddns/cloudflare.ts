// Cloudflare API v4 with an API token: find the A/AAAA record by name, then PATCH its
// content. Needs curl (custom Authorization header); the token goes in a 0600 curl config.
// Without zone_id the zone is looked up by name first (the token then also needs Zone:Read).
import { jsonDecode, jsonEncode } from "../json";
import { percentEncode, scrub } from "./encode";
import { noAnswer } from "./outcome";
import { said } from "../messages";
import type { DdnsSection, Http, HttpRequest, HttpResponse, Outcome, Provider } from "./types";

export const CLOUDFLARE_API = "https://api.cloudflare.com/client/v4";

export function fqdn(s: DdnsSection): string {
  return s.host === "" ? s.domain : `${s.host}.${s.domain}`;
}

function request(s: DdnsSection, method: HttpRequest["method"], path: string, body?: unknown): HttpRequest {
  const req: HttpRequest = {
    method,
    url: CLOUDFLARE_API + path,
    secretUrl: false,
    headers: [["Authorization", `Bearer ${s.token}`]],
    secrets: [s.token],
  };
  if (body !== undefined) {
    req.body = jsonEncode(body);
    req.contentType = "application/json";
  }
  return req;
}

export function zoneLookupRequest(s: DdnsSection): HttpRequest {
  return request(s, "GET", `/zones?name=${percentEncode(s.domain)}`);
}

export function recordLookupRequest(s: DdnsSection, zoneId: string): HttpRequest {
  const type = s.ipVersion === 6 ? "AAAA" : "A";
  return request(s, "GET", `/zones/${percentEncode(zoneId)}/dns_records?type=${type}&name=${percentEncode(fqdn(s))}`);
}

export function recordUpdateRequest(s: DdnsSection, zoneId: string, recordId: string, ip: string): HttpRequest {
  return request(s, "PATCH", `/zones/${percentEncode(zoneId)}/dns_records/${percentEncode(recordId)}`, { content: ip });
}

interface CfAnswer {
  success: boolean;
  errors: Array<{ code: string; message: string }>;
  result: unknown;
}

function field(o: unknown, key: string): unknown {
  return typeof o === "object" && o !== null ? (o as Record<string, unknown>)[key] : undefined;
}

function parseAnswer(body: string): CfAnswer | undefined {
  let v: unknown;
  try {
    v = jsonDecode(body);
  } catch (_e) {
    return undefined;
  }
  const success = field(v, "success");
  if (typeof success !== "boolean") return undefined;
  const errors: CfAnswer["errors"] = [];
  const errs = field(v, "errors");
  if (Array.isArray(errs)) {
    for (const e of errs) {
      const code = field(e, "code");
      const message = field(e, "message");
      errors.push({ code: code === undefined ? "" : `${code}`, message: typeof message === "string" ? message : "" });
    }
  }
  return { success, errors, result: field(v, "result") };
}

/** An Outcome when the answer is a failure; undefined plus the parsed answer when it succeeded. */
function judge(r: HttpResponse, secrets: string[]): { fail?: Outcome; answer?: CfAnswer } {
  const answer = scrub(r.body, secrets);
  if (r.status === 0) return { fail: noAnswer("Cloudflare", r.error, r.fatal, secrets) };
  const parsed = parseAnswer(r.body);
  const first = parsed !== undefined && parsed.errors.length > 0 ? parsed.errors[0] : undefined;
  const detail = first !== undefined ? ` (${first.code} ${scrub(first.message, secrets)})` : "";
  const code = first !== undefined ? `cf ${first.code}` : `http ${r.status}`;
  if (r.status === 401 || r.status === 403) {
    return { fail: { kind: "permanent", code, message: said("cf.rejected", [detail]), answer } };
  }
  if (r.status === 429 || r.status >= 500) return { fail: { kind: "transient", code, message: said("cf.busy", [`${r.status}`, detail]), answer } };
  if (parsed === undefined) {
    const what = r.body === "" ? "cf.empty" : r.body.indexOf("<") >= 0 ? "cf.html" : "cf.not_json";
    return { fail: { kind: r.status === 200 ? "transient" : "permanent", code: `http ${r.status}`, message: said(what, [`${r.status}`]), answer } };
  }
  if (r.status !== 200 || !parsed.success) return { fail: { kind: "permanent", code, message: said("cf.refused", [detail]), answer } };
  return { answer: parsed };
}

function findZone(s: DdnsSection, http: Http): { zoneId?: string; fail?: Outcome } {
  if (s.zoneId !== "") return { zoneId: s.zoneId };
  const req = zoneLookupRequest(s);
  const j = judge(http(req), req.secrets);
  if (j.fail !== undefined) return { fail: j.fail };
  const result = j.answer?.result;
  const first = Array.isArray(result) && result.length > 0 ? result[0] : undefined;
  const id = field(first, "id");
  if (typeof id !== "string") {
    return { fail: { kind: "permanent", code: "no zone", message: said("cf.no_zone", [s.domain]), answer: "" } };
  }
  return { zoneId: id };
}

export const cloudflare: Provider = {
  update(s: DdnsSection, ip: string, http: Http): Outcome {
    const zone = findZone(s, http);
    if (zone.zoneId === undefined) return zone.fail as Outcome;
    const type = s.ipVersion === 6 ? "AAAA" : "A";
    const lookup = recordLookupRequest(s, zone.zoneId);
    const found = judge(http(lookup), lookup.secrets);
    if (found.fail !== undefined) return found.fail;
    const result = found.answer?.result;
    const records = Array.isArray(result) ? result : [];
    if (records.length === 0) {
      return { kind: "permanent", code: "no record", message: said("cf.no_record", [type, fqdn(s)]), answer: "" };
    }
    if (records.length > 1) {
      return { kind: "permanent", code: "several records", message: said("cf.several", [`${records.length}`, type, fqdn(s)]), answer: "" };
    }
    const id = field(records[0], "id");
    if (typeof id !== "string") return { kind: "transient", code: "malformed", message: said("cf.no_id"), answer: "" };
    if (field(records[0], "content") === ip) return { kind: "unchanged", code: "unchanged", message: said("cf.unchanged", [fqdn(s), ip]), answer: "" };
    const upd = recordUpdateRequest(s, zone.zoneId, id, ip);
    const done = judge(http(upd), upd.secrets);
    if (done.fail !== undefined) return done.fail;
    return { kind: "ok", code: "updated", message: said("ddns.updated"), answer: scrub(`${field(done.answer?.result, "name") ?? ""} ${field(done.answer?.result, "content") ?? ""}`, upd.secrets) };
  },
};
