// Reads gettext .po/.pot files: msgid → msgstr (plain entries; no plurals or contexts,
// which splitwan does not use).
import { readFileSync } from "node:fs";

function unquote(s: string): string {
  return JSON.parse(s) as string;
}

export interface PoEntry {
  msgid: string;
  msgstr: string;
}

export function parsePo(text: string): PoEntry[] {
  const out: PoEntry[] = [];
  let cur: { msgid: string; msgstr: string } | undefined;
  let field: "msgid" | "msgstr" | undefined;
  const flush = () => {
    if (cur !== undefined && cur.msgid !== "") out.push(cur);
    cur = undefined;
    field = undefined;
  };
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line.startsWith("msgid ")) {
      flush();
      cur = { msgid: unquote(line.slice(6)), msgstr: "" };
      field = "msgid";
    } else if (line.startsWith("msgstr ") && cur !== undefined) {
      cur.msgstr = unquote(line.slice(7));
      field = "msgstr";
    } else if (line.startsWith('"') && cur !== undefined && field !== undefined) {
      cur[field] += unquote(line);
    } else if (line === "" || line.startsWith("#")) {
      if (line === "" && field === "msgstr") flush();
    }
  }
  flush();
  return out;
}

export function readCatalog(path: string): Record<string, string> {
  const map: Record<string, string> = {};
  for (const e of parsePo(readFileSync(path, "utf8"))) map[e.msgid] = e.msgstr;
  return map;
}
