// A fake DDNS provider for end-to-end tests: one HTTPS server on 127.0.0.1 that answers
// for dyn.value-domain.com, www.mydns.jp and api.cloudflare.com with a certificate from a
// test CA made here with openssl (the real names, a CA only the test trusts). It records
// every request and answers from a per-host script: a status and body, optionally after a
// delay, or never (hang). It stands in for the providers; it is not them.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:https";
import type { Socket } from "node:net";
import { join } from "node:path";

export interface Answer {
  status: number;
  body: string;
  /** Milliseconds to hold the answer back. */
  delayMs?: number;
  /** Never answer (the client must time out). */
  hang?: boolean;
}

export interface Received {
  host: string;
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** The updater's fake clock when it sent the request (X-Test-Clock). */
  clock: number;
  /** Real time of arrival (ms, Date.now()). */
  arrived: number;
}

export const HOSTS = ["dyn.value-domain.com", "www.mydns.jp", "api.cloudflare.com"];

/** Test CA and server certificate for HOSTS; returns the file paths. */
export function makeCerts(dir: string): { ca: string; key: string; cert: string; otherCa: string } {
  mkdirSync(dir, { recursive: true });
  const run = (args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: "pipe" });
  const ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];
  for (const name of ["ca", "other-ca"]) {
    run(["req", "-x509", ...ec, "-keyout", `${name}.key`, "-out", `${name}.pem`, "-days", "2", "-subj", `/CN=splitwan test ${name}`,
      "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"]);
  }
  run(["req", ...ec, "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=fake provider"]);
  writeFileSync(join(dir, "server.ext"), `subjectAltName=${HOSTS.map((h) => `DNS:${h}`).join(",")}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n`);
  run(["x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", "server.pem", "-days", "2", "-extfile", "server.ext"]);
  return { ca: join(dir, "ca.pem"), key: join(dir, "server.key"), cert: join(dir, "server.pem"), otherCa: join(dir, "other-ca.pem") };
}

export class FakeProvider {
  received: Received[] = [];
  private scripts = new Map<string, Answer[]>();
  private sockets = new Set<Socket>();
  private waiters: Array<() => void> = [];
  port = 0;

  private constructor(private server: Server) {}

  static async start(key: string, cert: string): Promise<FakeProvider> {
    const server = createServer({ key: readFileSync(key), cert: readFileSync(cert) });
    const fp = new FakeProvider(server);
    server.on("connection", (s: Socket) => {
      fp.sockets.add(s);
      s.on("close", () => fp.sockets.delete(s));
    });
    server.on("request", (req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const host = (req.headers.host ?? "").split(":")[0];
        fp.received.push({
          host,
          method: req.method ?? "",
          path: req.url ?? "",
          headers: req.headers,
          body: Buffer.concat(chunks).toString("utf8"),
          clock: Number(req.headers["x-test-clock"] ?? "NaN"),
          arrived: Date.now(),
        });
        for (const w of fp.waiters.splice(0)) w();
        const a = fp.next(host);
        if (a.hang === true) return;
        const send = () => {
          res.writeHead(a.status, { "Content-Type": a.body.startsWith("{") ? "application/json" : "text/plain" });
          res.end(a.body);
        };
        if (a.delayMs !== undefined) setTimeout(send, a.delayMs);
        else send();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const addr = server.address();
    fp.port = typeof addr === "object" && addr !== null ? addr.port : 0;
    return fp;
  }

  /** Answers for a host, used in order; the last one repeats. */
  script(host: string, answers: Answer[]): void {
    this.scripts.set(host, answers.slice());
  }

  private next(host: string): Answer {
    const list = this.scripts.get(host);
    if (list === undefined || list.length === 0) return { status: 404, body: "no script" };
    return list.length > 1 ? (list.shift() as Answer) : list[0];
  }

  /** Resolves when n requests have arrived (or rejects after ms). */
  async waitFor(n: number, ms = 15000): Promise<void> {
    const deadline = Date.now() + ms;
    while (this.received.length < n) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`fake provider: ${this.received.length} of ${n} requests after ${ms} ms`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  reset(): void {
    this.received = [];
    this.scripts.clear();
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
