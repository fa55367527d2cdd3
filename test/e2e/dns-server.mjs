// A tiny authoritative DNS server standing in for a public resolver in the bed's
// internet: `node dns-server.mjs <address> <records.json>` answers A/AAAA questions from
// the JSON file ({"name": {"a": ["1.2.3.4"], "ttl": 300}}), re-read on every query so a
// test can change a record; an unknown name gets NXDOMAIN. Plain Node, no dependencies.
import { createSocket } from "node:dgram";
import { readFileSync } from "node:fs";
import { isIPv6 } from "node:net";

const [addr, file] = process.argv.slice(2);

function qname(msg, off) {
  const labels = [];
  while (msg[off] !== 0) {
    labels.push(msg.subarray(off + 1, off + 1 + msg[off]).toString());
    off += msg[off] + 1;
  }
  return { name: labels.join(".").toLowerCase(), end: off + 1 };
}

function v6bytes(a) {
  const [head, tail] = a.split("::");
  const h = head ? head.split(":") : [];
  const t = tail !== undefined && tail !== "" ? tail.split(":") : [];
  const groups = [...h, ...Array(8 - h.length - t.length).fill("0"), ...t];
  return Buffer.from(groups.flatMap((g) => [parseInt(g, 16) >> 8, parseInt(g, 16) & 255]));
}

const sock = createSocket("udp4");
sock.on("message", (msg, peer) => {
  const { name, end } = qname(msg, 12);
  const qtype = msg.readUInt16BE(end);
  let records = {};
  try { records = JSON.parse(readFileSync(file, "utf8")); } catch { /* none */ }
  const rec = records[name];
  const want = qtype === 28 ? (rec?.aaaa ?? []) : qtype === 1 ? (rec?.a ?? []) : [];
  const answers = want.map((ip) => {
    const data = qtype === 28 || isIPv6(ip) ? v6bytes(ip) : Buffer.from(ip.split(".").map(Number));
    const rr = Buffer.alloc(12);
    rr.writeUInt16BE(0xc00c, 0); // pointer to the question's name
    rr.writeUInt16BE(qtype, 2);
    rr.writeUInt16BE(1, 4);
    rr.writeUInt32BE(rec.ttl ?? 300, 6);
    rr.writeUInt16BE(data.length, 10);
    return Buffer.concat([rr, data]);
  });
  const head = Buffer.from(msg.subarray(0, 12));
  head.writeUInt16BE(0x8400 | (msg.readUInt16BE(2) & 0x0100) | (rec ? 0 : 3), 2); // QR AA RD, NXDOMAIN
  head.writeUInt16BE(1, 4);
  head.writeUInt16BE(answers.length, 6);
  head.writeUInt16BE(0, 8);
  head.writeUInt16BE(0, 10);
  sock.send(Buffer.concat([head, msg.subarray(12, end + 4), ...answers]), peer.port, peer.address);
});
sock.bind(53, addr, () => process.stdout.write("ready\n"));
