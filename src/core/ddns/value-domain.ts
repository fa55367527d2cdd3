// Value Domain dynamic DNS: https://dyn.value-domain.com/cgi-bin/dyn.fcg
// d=domain, p=DDNS password, h=host ("" apex, "*" wildcard), i=IPv4 — sent as a POST form
// so the password is not in a URL. The body answers "status=N"; HTTP 503 means "too
// frequent" (requests from one source closer than about 60 s are refused).
import { formEncode, scrub } from "./encode";
import { noAnswer } from "./outcome";
import { said } from "../messages";
import type { DdnsSection, Http, HttpRequest, HttpResponse, Outcome, Provider } from "./types";

export const VALUE_DOMAIN_URL = "https://dyn.value-domain.com/cgi-bin/dyn.fcg";
/** Seconds between two requests to Value Domain (the service says "about 60"). */
export const VALUE_DOMAIN_SPACING = 61;

export function valueDomainRequest(s: DdnsSection, ip: string): HttpRequest {
  return {
    method: "POST",
    url: VALUE_DOMAIN_URL,
    secretUrl: false,
    headers: [],
    contentType: "application/x-www-form-urlencoded",
    body: formEncode([
      ["d", s.domain],
      ["p", s.password],
      ["h", s.host],
      ["i", ip],
    ]),
    secrets: [s.password],
  };
}

/** status=N: what it means, as a message code. */
const STATUS: Record<number, [Outcome["kind"], string]> = {
  0: ["ok", "ddns.updated"],
  1: ["permanent", "vd.bad_request"],
  2: ["permanent", "vd.bad_login"],
  3: ["permanent", "vd.refused_ip"],
  4: ["permanent", "vd.password"],
  5: ["transient", "vd.busy"],
  8: ["permanent", "vd.no_record"],
  9: ["transient", "vd.other"],
};

/** The N of the first "status=N" in the body, or undefined. */
export function valueDomainStatus(body: string): number | undefined {
  let at = body.indexOf("status=");
  while (at >= 0) {
    // must start a line or the body (not e.g. "xstatus=")
    const prev = at === 0 ? "\n" : body.charAt(at - 1);
    if (prev === "\n" || prev === "\r" || prev === " " || prev === ">") {
      let end = at + 7;
      while (end < body.length && body.charCodeAt(end) >= 48 && body.charCodeAt(end) <= 57) end++;
      if (end > at + 7 && end - at - 7 <= 3) return Number(body.slice(at + 7, end));
    }
    at = body.indexOf("status=", at + 7);
  }
  return undefined;
}

export function valueDomainOutcome(r: HttpResponse, secrets: string[]): Outcome {
  const answer = scrub(r.body, secrets);
  if (r.status === 0) return noAnswer("Value Domain", r.error, r.fatal, secrets);
  if (r.status === 503) return { kind: "transient", code: "http 503", message: said("vd.too_frequent"), answer };
  if (r.status >= 500) return { kind: "transient", code: `http ${r.status}`, message: said("vd.server_error", [`${r.status}`]), answer };
  if (r.status !== 200) return { kind: "permanent", code: `http ${r.status}`, message: said("vd.http", [`${r.status}`]), answer };
  const n = valueDomainStatus(r.body);
  if (n === undefined) {
    const what = r.body === "" ? "vd.empty" : r.body.indexOf("<") >= 0 ? "vd.html" : "vd.no_status";
    return { kind: "transient", code: "malformed", message: said(what), answer };
  }
  const known = STATUS[n];
  if (known === undefined) return { kind: "transient", code: `status=${n}`, message: said("vd.unknown_status", [`${n}`]), answer };
  return { kind: known[0], code: `status=${n}`, message: said(known[1]), answer };
}

export const valueDomain: Provider = {
  update(s: DdnsSection, ip: string, http: Http): Outcome {
    const req = valueDomainRequest(s, ip);
    return valueDomainOutcome(http(req), req.secrets);
  },
};
