// The ownership record: what splitwan created, so it changes and removes only that.
// Kept in /etc/splitwan/owned (listed for sysupgrade in /lib/upgrade/keep.d).

export const OWNED_PATH = "/etc/splitwan/owned";

export interface Owned {
  sections: Array<{ config: string; name: string; type: string }>;
  rtTable: { number: number; name: string } | undefined;
  files: string[];
}

export function parseOwned(text: string | undefined): Owned {
  const owned: Owned = { sections: [], rtTable: undefined, files: [] };
  if (text === undefined) return owned;
  for (const line of text.split("\n")) {
    const f = line.split(" ");
    if (f.length === 3 && (f[0] === "network" || f[0] === "firewall")) {
      owned.sections.push({ config: f[0], name: f[1], type: f[2] });
    } else if (f.length === 3 && f[0] === "rt_tables") {
      owned.rtTable = { number: Number(f[1]), name: f[2] };
    } else if (f.length === 2 && f[0] === "file") {
      owned.files.push(f[1]);
    }
  }
  return owned;
}

export function formatOwned(o: Owned): string {
  const lines = ["# splitwan: sections and files it created; it changes and removes only these"];
  for (const s of o.sections) lines.push(`${s.config} ${s.name} ${s.type}`);
  if (o.rtTable !== undefined) lines.push(`rt_tables ${o.rtTable.number} ${o.rtTable.name}`);
  for (const f of o.files) lines.push(`file ${f}`);
  return lines.join("\n") + "\n";
}

export function isEmpty(o: Owned): boolean {
  return o.sections.length === 0 && o.rtTable === undefined && o.files.length === 0;
}

export function ownsSection(o: Owned, config: string, name: string): boolean {
  return o.sections.some((s) => s.config === config && s.name === name);
}
