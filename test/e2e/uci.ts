// UCI files for the stand-ins, read with the project's own libuci-compatible parser
// (test/standin/uci-file.ts), in the shape netifd.ts and fw4.ts use: sections in file order,
// options as strings, lists as arrays.
import { existsSync, readFileSync } from "node:fs";
import { parseUciText } from "../standin/uci-file";

export interface UciSec {
  type: string;
  /** undefined for anonymous sections */
  name?: string;
  opts: Map<string, string | string[]>;
}

export function parseUci(text: string): UciSec[] {
  return parseUciText(text).map((s) => {
    const opts = new Map<string, string | string[]>();
    for (const [k, v] of Object.entries(s)) {
      if (k.startsWith(".")) continue;
      if (typeof v === "string" || Array.isArray(v)) opts.set(k, v);
    }
    return { type: s[".type"], name: s[".anonymous"] ? undefined : s[".name"], opts };
  });
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
