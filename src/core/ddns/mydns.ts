// MyDNS.JP: https://www.mydns.jp/directip.html?MID=<master id>&PWD=<password>&IPV4ADDR=<ip>
// (IPV6ADDR for IPv6). directip is the one MyDNS method that takes the address explicitly
// (login.html registers whatever address the request comes from — possibly the IPoE one).
// It is a GET with the password in the URL: the transport hands the URL to curl in a 0600
// config file, never in argv. MyDNS answers an HTML page with no status code: a 200 is
// taken as accepted, 401/403 as rejected credentials.
import { formEncode, scrub } from "./encode";
import { noAnswer } from "./outcome";
import { said } from "../messages";
import type { DdnsSection, Http, HttpRequest, HttpResponse, Outcome, Provider } from "./types";

export const MYDNS_URL = "https://www.mydns.jp/directip.html";

export function mydnsRequest(s: DdnsSection, ip: string): HttpRequest {
  const query = formEncode([
    ["MID", s.username],
    ["PWD", s.password],
    [s.ipVersion === 6 ? "IPV6ADDR" : "IPV4ADDR", ip],
  ]);
  return { method: "GET", url: `${MYDNS_URL}?${query}`, secretUrl: true, headers: [], secrets: [s.password] };
}

export function mydnsOutcome(r: HttpResponse, secrets: string[]): Outcome {
  const answer = scrub(r.body, secrets);
  if (r.status === 0) return noAnswer("MyDNS", r.error, r.fatal, secrets);
  if (r.status === 401 || r.status === 403) {
    return { kind: "permanent", code: `http ${r.status}`, message: said("mydns.rejected"), answer };
  }
  if (r.status === 429 || r.status >= 500) return { kind: "transient", code: `http ${r.status}`, message: said("mydns.busy", [`${r.status}`]), answer };
  if (r.status !== 200) return { kind: "permanent", code: `http ${r.status}`, message: said("mydns.http", [`${r.status}`]), answer };
  return { kind: "ok", code: "http 200", message: said("mydns.accepted"), answer };
}

export const mydns: Provider = {
  update(s: DdnsSection, ip: string, http: Http): Outcome {
    const req = mydnsRequest(s, ip);
    return mydnsOutcome(http(req), req.secrets);
  },
};
