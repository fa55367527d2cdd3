// A small reader of UCI text files for the test bed's netifd/fw4 stand-in: sections in
// file order with their options (lists as arrays). Same quoting rules as libuci's
// parser for what OpenWrt configs use: 'single', "double", bare words, # comments.
import { existsSync, readFileSync } from "node:fs";

export interface UciSec {
  type: string;
  name?: string;
  opts: Map<string, string | string[]>;
}

function tokens(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i];
    if (c === " " || c === "\t") { i++; continue; }
    if (c === "#") break;
    let tok = "";
    while (i < line.length && line[i] !== " " && line[i] !== "\t") {
      const q = line[i];
      if (q === "'" || q === '"') {
        const end = line.indexOf(q, i + 1);
        if (end < 0) throw new Error(`unterminated quote: ${line}`);
        tok += line.slice(i + 1, end);
        i = end + 1;
      } else if (q === "\\" && i + 1 < line.length) {
        tok += line[i + 1];
        i += 2;
      } else {
        tok += q;
        i++;
      }
    }
    out.push(tok);
  }
  return out;
}

export function parseUci(text: string): UciSec[] {
  const out: UciSec[] = [];
  let cur: UciSec | undefined;
  for (const raw of text.split("\n")) {
    const t = tokens(raw);
    if (t.length === 0) continue;
    if (t[0] === "config") {
      cur = { type: t[1], name: t[2], opts: new Map() };
      out.push(cur);
    } else if ((t[0] === "option" || t[0] === "list") && cur) {
      const v = t[2] ?? "";
      if (t[0] === "option") cur.opts.set(t[1], v);
      else {
        const prev = cur.opts.get(t[1]);
        cur.opts.set(t[1], Array.isArray(prev) ? [...prev, v] : [v]);
      }
    } else if (t[0] !== "package") {
      throw new Error(`uci: cannot parse line: ${raw}`);
    }
  }
  return out;
}

export function readUci(path: string): UciSec[] {
  return existsSync(path) ? parseUci(readFileSync(path, "utf8")) : [];
}

export function opt(s: UciSec, name: string): string | undefined {
  const v = s.opts.get(name);
  return Array.isArray(v) ? v.join(" ") : v;
}

/** A list option; a plain option holding words counts as a list, as fw4/netifd read it. */
export function list(s: UciSec, name: string): string[] {
  const v = s.opts.get(name);
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).flatMap((x) => x.split(/\s+/)).filter((x) => x !== "");
}

export function bool(s: UciSec, name: string, dflt: boolean): boolean {
  const v = opt(s, name);
  if (v === undefined) return dflt;
  return ["1", "on", "true", "yes", "enabled"].includes(v);
}
