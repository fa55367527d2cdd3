// The one HTTPS transport of the DDNS providers (Lua only). OpenWrt's own clients:
// uclient-fetch (with the ca-bundle file) for plain form POSTs and GETs, curl where a
// request needs headers or carries a secret in its URL. Secrets never reach argv: the
// form body, the curl config (URL, headers) are 0600 files in a 0700 directory, removed
// after use. Certificates are always verified.
import type { Http, HttpRequest, HttpResponse } from "../core/ddns/types";
import type { Platform } from "../core/platform";

/** ca-bundle's file on OpenWrt (under SPLITWAN_ROOT in tests, which put their own CA there). */
export const CA_FILE = "/etc/ssl/certs/ca-certificates.crt";

/** uclient-fetch exit codes (uclient-fetch.c): 4 connect/timeout, 5 certificate, 8 HTTP error. */
function uclientError(code: number, stderr: string): HttpResponse {
  if (code === 8) {
    const at = stderr.indexOf("HTTP error ");
    if (at >= 0) {
      let end = at + 11;
      while (end < stderr.length && stderr.charCodeAt(end) >= 48 && stderr.charCodeAt(end) <= 57) end++;
      const status = Number(stderr.slice(at + 11, end));
      if (status > 0) return { status, body: "" };
    }
    return { status: 0, body: "", error: "HTTP error without a status" };
  }
  if (code === 4) return { status: 0, body: "", error: "connection failed or timed out" };
  if (code === 5) return { status: 0, body: "", error: "TLS certificate not valid for the server" };
  if (code === 127) return { status: 0, body: "", error: "uclient-fetch is not installed", fatal: true };
  return { status: 0, body: "", error: `uclient-fetch failed (exit ${code})` };
}

/** curl exit codes worth naming; the rest are reported by number. */
const CURL_ERRORS: Record<number, string> = {
  6: "could not resolve the host",
  7: "connection failed",
  28: "timed out",
  35: "TLS handshake failed",
  51: "TLS certificate not valid for the server",
  60: "TLS certificate not trusted",
};

/** A string as curl's config file wants it: double quotes, backslash escapes. */
export function curlQuote(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charAt(i);
    if (c === "\\" || c === '"') out += "\\" + c;
    else if (c === "\n") out += "\\n";
    else if (c === "\r") out += "\\r";
    else if (c === "\t") out += "\\t";
    else out += c;
  }
  return `"${out}"`;
}

const STATUS_MARK = "\n__splitwan_http=";

/** Position of the last sub in s, or -1 (tstl has no lastIndexOf). */
function lastIndex(s: string, sub: string): number {
  let at = -1;
  let next = s.indexOf(sub);
  while (next >= 0) {
    at = next;
    next = s.indexOf(sub, next + 1);
  }
  return at;
}

export interface HttpOptions {
  /** Directory for the request files (absolute router path; the platform adds root). */
  dir: string;
  /** Unique per process, so two runs never share a file name. */
  tag: string;
  /** Seconds, when the request does not say. */
  timeout: number;
}

export function routerHttp(p: Platform, opts: HttpOptions): Http {
  const abs = (path: string) => p.root + path;
  let n = 0;
  const ca = abs(CA_FILE);
  p.exec(["mkdir", "-p", abs(opts.dir)]);
  p.exec(["chmod", "700", abs(opts.dir)]);

  function viaUclient(req: HttpRequest, base: string): HttpResponse {
    const err = `${base}.err`;
    const argv = ["sh", "-c", 'e="$1"; shift; exec "$@" 2>"$e"', "sh", abs(err), "uclient-fetch", "-O", "-", `--timeout=${req.timeout ?? opts.timeout}`, `--ca-certificate=${ca}`];
    let bodyFile: string | undefined;
    if (req.method === "POST") {
      bodyFile = `${base}.body`;
      p.writeFile(bodyFile, req.body ?? "", 0o600);
      argv.push(`--post-file=${abs(bodyFile)}`);
    }
    argv.push(req.url);
    const r = p.exec(argv);
    const stderr = p.readFile(err) ?? "";
    p.removeFile(err);
    if (bodyFile !== undefined) p.removeFile(bodyFile);
    if (r.code === 0) return { status: 200, body: r.stdout };
    return uclientError(r.code, stderr);
  }

  function viaCurl(req: HttpRequest, base: string): HttpResponse {
    const conf = `${base}.curl`;
    const lines = [
      `url = ${curlQuote(req.url)}`,
      `request = ${curlQuote(req.method)}`,
      `cacert = ${curlQuote(ca)}`,
      `max-time = ${req.timeout ?? opts.timeout}`,
      "silent",
      "show-error",
      `write-out = ${curlQuote(STATUS_MARK + "%{http_code}")}`,
    ];
    for (const [name, value] of req.headers) lines.push(`header = ${curlQuote(`${name}: ${value}`)}`);
    let bodyFile: string | undefined;
    if (req.body !== undefined) {
      bodyFile = `${base}.body`;
      p.writeFile(bodyFile, req.body, 0o600);
      lines.push(`header = ${curlQuote(`Content-Type: ${req.contentType ?? "application/octet-stream"}`)}`);
      lines.push(`data-binary = ${curlQuote("@" + abs(bodyFile))}`);
    }
    p.writeFile(conf, lines.join("\n") + "\n", 0o600);
    // -q first: never read a ~/.curlrc; everything else comes from the 0600 config
    const r = p.exec(["curl", "-q", "-K", abs(conf)]);
    p.removeFile(conf);
    if (bodyFile !== undefined) p.removeFile(bodyFile);
    const at = lastIndex(r.stdout, STATUS_MARK);
    const status = at >= 0 ? Number(r.stdout.slice(at + STATUS_MARK.length).trim()) : 0;
    const body = at >= 0 ? r.stdout.slice(0, at) : r.stdout;
    if (r.code === 127) return { status: 0, body: "", error: "curl is not installed (opkg install curl)", fatal: true };
    if (r.code !== 0 || !(status > 0)) {
      const why = CURL_ERRORS[r.code] ?? `curl failed (exit ${r.code})`;
      return { status: 0, body: "", error: why };
    }
    return { status, body };
  }

  let caChecked = false;
  return (req: HttpRequest): HttpResponse => {
    if (!caChecked) {
      // without it uclient-fetch would only say "certificate not valid": name the cause
      if (p.exec(["test", "-s", ca]).code !== 0) return { status: 0, body: "", error: `CA bundle ${CA_FILE} missing (opkg install ca-bundle)`, fatal: true };
      caChecked = true;
    }
    n++;
    const base = `${opts.dir}/req.${opts.tag}.${n}`;
    const plain = req.headers.length === 0 && !req.secretUrl && (req.method === "GET" || req.method === "POST");
    return plain ? viaUclient(req, base) : viaCurl(req, base);
  };
}
