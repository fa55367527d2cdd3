// Published-port syntax of `list port` (one item):
//   SPEC[,SPEC...][/PROTO]
//   SPEC  = PORT | PORT-PORT (a range, published as the same range inside)
//         | PORT:PORT (external:internal, single ports only)
//   PROTO = tcp (default) | udp | both
// Shared by the core, the CLI and the LuCI view so every place accepts the same thing.

import { isDigits } from "./addr";
import { escape } from "./text";

export type Proto = "tcp" | "udp" | "both";

export interface PortSpec {
  /** External (published) first and last port; equal for a single port. */
  extFrom: number;
  extTo: number;
  /** Internal (server) first port; a range keeps its width. */
  intFrom: number;
  proto: Proto;
}

/** Why an item is refused: a message code (core/messages.ts) and its values. Without the
 * English: the LuCI page runs this parser too and words the code itself. */
export interface PortError {
  code: string;
  args: string[];
}

export type PortParse = { ok: true; specs: PortSpec[] } | { ok: false; error: PortError };

function parsePort(text: string): number | undefined {
  if (!isDigits(text) || text.length > 5) return undefined;
  if (text.length > 1 && text.startsWith("0")) return undefined;
  const n = Number(text);
  return n >= 1 && n <= 65535 ? n : undefined;
}

function refused(code: string, text: string): PortError {
  return { code, args: [escape(text)] };
}

function parseSpec(text: string, proto: Proto): PortSpec | PortError {
  const colon = text.indexOf(":");
  if (colon >= 0) {
    const ext = parsePort(text.slice(0, colon));
    const int = parsePort(text.slice(colon + 1));
    if (text.indexOf("-") >= 0) return refused("port.range_moved", text);
    if (ext === undefined || int === undefined) return refused("port.number", text);
    return { extFrom: ext, extTo: ext, intFrom: int, proto };
  }
  const dash = text.indexOf("-");
  if (dash >= 0) {
    const from = parsePort(text.slice(0, dash));
    const to = parsePort(text.slice(dash + 1));
    if (from === undefined || to === undefined) return refused("port.number", text);
    if (to <= from) return refused("port.range_order", text);
    return { extFrom: from, extTo: to, intFrom: from, proto };
  }
  const port = parsePort(text);
  if (port === undefined) return refused("port.number", text);
  return { extFrom: port, extTo: port, intFrom: port, proto };
}

/** Parses one `list port` item. */
export function parsePortItem(item: string): PortParse {
  const text = item.trim();
  if (text === "") return { ok: false, error: { code: "port.empty", args: [] } };
  let proto: Proto = "tcp";
  let body = text;
  const slash = text.indexOf("/");
  if (slash >= 0) {
    const p = text.slice(slash + 1).toLowerCase();
    if (p !== "tcp" && p !== "udp" && p !== "both") return { ok: false, error: refused("port.proto", text) };
    proto = p;
    body = text.slice(0, slash);
  }
  const specs: PortSpec[] = [];
  for (const part of body.split(",")) {
    const spec = parseSpec(part.trim(), proto);
    if ("code" in spec) return { ok: false, error: spec };
    specs.push(spec);
  }
  return { ok: true, specs };
}

function protoCovers(p: Proto, q: "tcp" | "udp"): boolean {
  return p === "both" || p === q;
}

/** true when two specs publish a common external port on a common protocol. */
export function portsOverlap(a: PortSpec, b: PortSpec): boolean {
  const sameProto = (protoCovers(a.proto, "tcp") && protoCovers(b.proto, "tcp")) || (protoCovers(a.proto, "udp") && protoCovers(b.proto, "udp"));
  return sameProto && a.extFrom <= b.extTo && b.extFrom <= a.extTo;
}

/** "443", "27015-27030" — fw4's port syntax. */
export function extPorts(s: PortSpec): string {
  return s.extFrom === s.extTo ? `${s.extFrom}` : `${s.extFrom}-${s.extTo}`;
}

export function intPorts(s: PortSpec): string {
  const to = s.intFrom + (s.extTo - s.extFrom);
  return s.intFrom === to ? `${s.intFrom}` : `${s.intFrom}-${to}`;
}

/** Human form, the inverse of parsing one spec: "2222:22/tcp". */
export function formatSpec(s: PortSpec): string {
  const body = s.intFrom !== s.extFrom ? `${s.extFrom}:${s.intFrom}` : extPorts(s);
  return `${body}/${s.proto}`;
}
