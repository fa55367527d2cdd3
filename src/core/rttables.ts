// /etc/iproute2/rt_tables: one "<number> <name>" per line. base-files owns the file;
// splitwan adds and removes only its own line and never rewrites the others.

export const RT_TABLES_PATH = "/etc/iproute2/rt_tables";

export interface RtEntry {
  number: number;
  name: string;
  line: string;
}

export function parseRtTables(text: string): RtEntry[] {
  const out: RtEntry[] = [];
  for (const line of text.split("\n")) {
    const t = line.trim();
    if (t === "" || t.startsWith("#")) continue;
    // fields split on spaces or tabs
    const fields = t.split("\t").join(" ").split(" ").filter((f) => f !== "");
    if (fields.length < 2) continue;
    const n = Number(fields[0]);
    if (n !== n) continue; // NaN
    out.push({ number: n, name: fields[1], line });
  }
  return out;
}

export function rtLine(number: number, name: string): string {
  return `${number}\t${name}`;
}

export function addRtLine(text: string, number: number, name: string): string {
  const base = text === "" || text.endsWith("\n") ? text : text + "\n";
  return base + rtLine(number, name) + "\n";
}

/** Removes the one line that is exactly ours (first match), keeping every other byte. */
export function removeRtLine(text: string, number: number, name: string): string {
  const lines = text.split("\n");
  const idx = lines.findIndex((l) => {
    const e = parseRtTables(l);
    return e.length === 1 && e[0].number === number && e[0].name === name;
  });
  if (idx < 0) return text;
  return lines.filter((_, i) => i !== idx).join("\n");
}
