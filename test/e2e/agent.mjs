// One agent per namespace of the test bed (started with `ip netns exec <ns> node agent.mjs`).
// It takes JSON-line commands on stdin and answers one JSON line per command on stdout:
//   {id, op:"listen", proto:"tcp"|"udp", host, port, name}  serve: the reply names this agent
//        and the peer address it saw, then sends back as many bytes as the client asked for
//   {id, op:"tcp", host, port, want, send, timeout}  connect, exchange data, report the reply
//   {id, op:"udp", host, port, timeout}               one datagram, wait for the answer
//   {id, op:"scan", host, from, to, timeout, retry, deadline}  TCP connect scan: which ports
//        complete; with retry, silent ports are tried again until each answers (open or
//        refused) or the deadline (ms) passes — fw4's syn_flood limit drops SYNs to the
//        router beyond 25/s, so one pass leaves many ports silent
//   {id, op:"log"}                                     peers seen by this agent's listeners
// Plain Node, no dependencies: it runs inside namespaces where nothing else is installed.
import { createSocket } from "node:dgram";
import { createConnection, createServer } from "node:net";
import { createInterface } from "node:readline";

const seen = [];
const servers = [];

function answer(id, body) {
  process.stdout.write(JSON.stringify({ id, ...body }) + "\n");
}

function listen(c) {
  return new Promise((resolve, reject) => {
    if (c.proto === "udp") {
      const s = createSocket(c.host.includes(":") ? { type: "udp6", ipv6Only: true } : "udp4");
      s.on("message", (msg, r) => {
        seen.push({ proto: "udp", port: c.port, peer: r.address, peerPort: r.port, at: Date.now() });
        s.send(`${c.name} ${r.address} ${r.port} ${msg.length}\n`, r.port, r.address);
      });
      s.once("error", reject);
      s.bind(c.port, c.host, () => { servers.push(s); resolve({ ok: true }); });
      return;
    }
    const srv = createServer((sock) => {
      const peer = sock.remoteAddress.replace(/^::ffff:/, "");
      seen.push({ proto: "tcp", port: c.port, peer, peerPort: sock.remotePort, at: Date.now() });
      let buf = "";
      sock.on("data", (d) => {
        buf += d.toString("latin1");
        const nl = buf.indexOf("\n");
        if (nl < 0) return;
        const [want, sent] = buf.slice(0, nl).split(" ").map(Number);
        if (buf.length - nl - 1 < sent) return;
        sock.end(`${c.name} ${peer} ${sock.remotePort} ${sent}\n` + "b".repeat(want));
        buf = "";
      });
      sock.on("error", () => {});
    });
    srv.once("error", reject);
    srv.listen({ port: c.port, host: c.host, ipv6Only: c.host.includes(":") }, () => { servers.push(srv); resolve({ ok: true }); });
  });
}

function tcp(c) {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const sock = createConnection({ host: c.host, port: c.port, localAddress: c.localAddress });
    let data = Buffer.alloc(0);
    let connected = false;
    const done = (r) => { sock.destroy(); clearTimeout(timer); resolve({ ms: Date.now() - t0, connected, ...r }); };
    const timer = setTimeout(() => done({ ok: false, error: "timeout" }), c.timeout ?? 3000);
    sock.on("connect", () => {
      connected = true;
      const send = c.send ?? 0;
      sock.write(`${c.want ?? 0} ${send}\n` + "a".repeat(send));
    });
    sock.on("data", (d) => { data = Buffer.concat([data, d]); });
    sock.on("end", () => {
      const text = data.toString("latin1");
      const nl = text.indexOf("\n");
      const [name, peer, peerPort, got] = text.slice(0, nl).split(" ");
      done({ ok: true, name, peer, peerPort: Number(peerPort), serverGot: Number(got), received: text.length - nl - 1 });
    });
    sock.on("error", (e) => done({ ok: false, error: e.code ?? e.message }));
  });
}

function udp(c) {
  return new Promise((resolve) => {
    const s = createSocket(c.host.includes(":") ? "udp6" : "udp4");
    const done = (r) => { clearTimeout(timer); s.close(); resolve(r); };
    const timer = setTimeout(() => done({ ok: false, error: "timeout" }), c.timeout ?? 3000);
    s.on("message", (m) => {
      const [name, peer, peerPort] = m.toString().trim().split(" ");
      done({ ok: true, name, peer, peerPort: Number(peerPort) });
    });
    s.on("error", (e) => done({ ok: false, error: e.code ?? e.message }));
    s.connect(c.port, c.host, () => s.send("hello"));
  });
}

async function scan(c) {
  const ports = [];
  for (let p = c.from; p <= c.to; p++) ports.push(p);
  const open = [], counts = { refused: 0, timeout: 0, other: 0, tries: 0 };
  const end = Date.now() + (c.deadline ?? 0);
  const worker = async () => {
    for (;;) {
      const port = ports.shift();
      if (port === undefined) return;
      counts.tries++;
      const r = await new Promise((resolve) => {
        const sock = createConnection({ host: c.host, port });
        const timer = setTimeout(() => { sock.destroy(); resolve("timeout"); }, c.timeout ?? 1000);
        sock.on("connect", () => { clearTimeout(timer); sock.destroy(); resolve("open"); });
        sock.on("error", (e) => { clearTimeout(timer); resolve(e.code === "ECONNREFUSED" ? "refused" : "other"); });
      });
      if (r === "open") open.push(port);
      else if (r === "timeout" && c.retry && Date.now() < end) ports.push(port);
      else counts[r]++;
    }
  };
  await Promise.all(Array.from({ length: c.concurrency ?? 64 }, worker));
  return { ok: true, open: open.sort((a, b) => a - b), ...counts };
}

const ops = { listen, tcp, udp, scan, log: async () => ({ ok: true, seen }) };

createInterface({ input: process.stdin }).on("line", async (line) => {
  const c = JSON.parse(line);
  try {
    answer(c.id, await ops[c.op](c));
  } catch (e) {
    answer(c.id, { ok: false, error: e.code ?? e.message });
  }
});
process.stdin.on("end", () => process.exit(0));
answer(0, { ready: true });
