// Reads nft ruleset text (fw4's print format) into comparable parts.

export interface NftText {
  defines: Map<string, string>;
  /** chain name → its statements, trimmed, in order (blank lines dropped) */
  chains: Map<string, string[]>;
}

export function parseNft(text: string): NftText {
  const defines = new Map<string, string>();
  const chains = new Map<string, string[]>();
  let cur: string[] | undefined;
  for (const raw of text.split("\n")) {
    const line = raw.trim().replace(/\s+/g, " ");
    if (line === "") continue;
    const d = /^define (\S+) = (.*)$/.exec(line);
    if (d) { defines.set(d[1], d[2]); continue; }
    const c = /^chain (\S+) \{$/.exec(line);
    if (c) { cur = []; chains.set(c[1], cur); continue; }
    if (line === "}") { cur = undefined; continue; }
    if (cur) cur.push(line);
  }
  return { defines, chains };
}
