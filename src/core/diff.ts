// Desired state (plan) vs what is on the router → the changes apply makes, and the
// conflicts that stop it. Only what the ownership record proves is splitwan's is changed.
import { type Owned, ownsSection } from "./owned";
import type { Plan, PlannedSection } from "./plan";
import { parseRtTables } from "./rttables";
import { quote } from "./text";
import { type UciCursor, type UciSection, type UciValue, sectionOptions, sectionsOf } from "./uci";

export type Change =
  | { kind: "add-section"; config: string; name: string; type: string; options: Array<[string, UciValue]>; after?: string }
  | { kind: "delete-section"; config: string; name: string; type: string }
  | { kind: "set-option"; config: string; name: string; option: string; from: UciValue | undefined; to: UciValue }
  | { kind: "delete-option"; config: string; name: string; option: string; from: UciValue }
  | { kind: "move-section"; config: string; name: string; after: string }
  | { kind: "add-rt"; number: number; name: string }
  | { kind: "delete-rt"; number: number; name: string }
  | { kind: "write-file"; path: string; content: string; existed: boolean }
  | { kind: "delete-file"; path: string };

export interface Current {
  cursor: UciCursor;
  rtTables: string;
  readFile(path: string): string | undefined;
}

export interface Diff {
  changes: Change[];
  conflicts: string[];
  /** Owned state after the changes are made. */
  owned: Owned;
}

function sameValue(a: UciValue | undefined, b: UciValue | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (typeof a === "string" || typeof b === "string") return a === b;
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

const HOW_TO_RESOLVE: Record<string, string> = {
  interface: "rename or delete it, or choose another option interface in /etc/config/splitwan",
  zone: "rename or delete it, or choose another option zone in /etc/config/splitwan",
};

export function diffPlan(plan: Plan, owned: Owned, cur: Current): Diff {
  const changes: Change[] = [];
  const conflicts: string[] = [];
  const next: Owned = { sections: [], rtTable: undefined, files: [] };

  // looked up per section: sets, so the diff stays linear in the number of sections
  const wanted = new Set<string>();
  for (const p of plan.sections) wanted.add(`${p.config}.${p.name}`);
  const ownedNames = new Set<string>();
  for (const o of owned.sections) ownedNames.add(`${o.config}.${o.name}`);

  // deletions first: a section may be recreated under another type
  for (const o of owned.sections) {
    if (wanted.has(`${o.config}.${o.name}`)) continue;
    const live = cur.cursor.get_all(o.config, o.name);
    if (live !== undefined) changes.push({ kind: "delete-section", config: o.config, name: o.name, type: live[".type"] });
  }

  for (const p of plan.sections) {
    const live = cur.cursor.get_all(p.config, p.name);
    next.sections.push({ config: p.config, name: p.name, type: p.type });
    if (live === undefined) {
      changes.push({ kind: "add-section", config: p.config, name: p.name, type: p.type, options: p.options, after: p.after });
      continue;
    }
    if (!ownedNames.has(`${p.config}.${p.name}`)) {
      conflicts.push(`${p.config}.${p.name} (${live[".type"]}) exists and was not created by splitwan: ${HOW_TO_RESOLVE[p.type] ?? "rename or delete it"}`);
      continue;
    }
    if (live[".type"] !== p.type) {
      changes.push({ kind: "delete-section", config: p.config, name: p.name, type: live[".type"] });
      changes.push({ kind: "add-section", config: p.config, name: p.name, type: p.type, options: p.options, after: p.after });
      continue;
    }
    diffOptions(p, live, changes);
    if (p.after !== undefined && !isRightAfter(cur.cursor, p.config, p.name, p.after)) {
      changes.push({ kind: "move-section", config: p.config, name: p.name, after: p.after });
    }
  }

  findNameClashes(plan, owned, cur.cursor, conflicts);
  diffRtTables(plan, owned, cur.rtTables, changes, conflicts, next);

  for (const f of plan.files) {
    const existing = cur.readFile(f.path);
    next.files.push(f.path);
    if (existing === f.content) continue;
    if (existing !== undefined && !owned.files.includes(f.path)) {
      conflicts.push(`${f.path} exists and was not written by splitwan: move it away`);
      continue;
    }
    changes.push({ kind: "write-file", path: f.path, content: f.content, existed: existing !== undefined });
  }
  for (const path of owned.files) {
    if (!plan.files.some((f) => f.path === path) && cur.readFile(path) !== undefined) changes.push({ kind: "delete-file", path });
  }
  return { changes, conflicts, owned: next };
}

function optionValue(live: UciSection, option: string): UciValue | undefined {
  const v = live[option];
  return typeof v === "string" || Array.isArray(v) ? v : undefined;
}

function diffOptions(p: PlannedSection, live: UciSection, changes: Change[]): void {
  let found = 0;
  for (const [option, to] of p.options) {
    const from = optionValue(live, option);
    if (from !== undefined) found++;
    if (!sameValue(from, to)) changes.push({ kind: "set-option", config: p.config, name: p.name, option, from, to });
  }
  // the section is derived whole from /etc/config/splitwan: options added by hand go.
  // Usually there are none: every live option was one of the planned ones.
  let count = 0;
  for (const key of Object.keys(live)) if (!key.startsWith(".")) count++;
  if (count === found) return;
  for (const [option, from] of sectionOptions(live)) {
    let planned = false;
    for (const o of p.options) if (o[0] === option) planned = true;
    if (!planned) changes.push({ kind: "delete-option", config: p.config, name: p.name, option, from });
  }
}

function isRightAfter(cursor: UciCursor, config: string, name: string, after: string): boolean {
  const all = sectionsOf(cursor, config);
  const i = all.findIndex((s) => s[".name"] === after);
  return i >= 0 && i + 1 < all.length && all[i + 1][".name"] === name;
}

/** A zone is found by its name option, not its section name: another zone may hold ours. */
function findNameClashes(plan: Plan, owned: Owned, cursor: UciCursor, conflicts: string[]): void {
  const zone = plan.sections.find((p) => p.config === "firewall" && p.type === "zone");
  if (zone === undefined) return;
  const zoneName = zone.options.find((o) => o[0] === "name")?.[1];
  for (const s of sectionsOf(cursor, "firewall", "zone")) {
    if (s[".name"] === zone.name && ownsSection(owned, "firewall", zone.name)) continue;
    if (s["name"] === zoneName) {
      conflicts.push(`firewall zone '${zoneName}' (section ${s[".name"]}) exists and was not created by splitwan: ${HOW_TO_RESOLVE.zone}`);
    }
  }
}

function diffRtTables(plan: Plan, owned: Owned, text: string, changes: Change[], conflicts: string[], next: Owned): void {
  const want = plan.rtTable;
  const had = owned.rtTable;
  const entries = parseRtTables(text);
  const isOwnLine = (n: number, name: string) => had !== undefined && had.number === n && had.name === name;
  if (had !== undefined && (want === undefined || want.number !== had.number || want.name !== had.name)) {
    if (entries.some((e) => e.number === had.number && e.name === had.name)) changes.push({ kind: "delete-rt", number: had.number, name: had.name });
  }
  if (want === undefined) return;
  const exact = entries.find((e) => e.number === want.number && e.name === want.name);
  if (exact !== undefined) {
    // ours, or the user's identical line: use it, but own it only if we wrote it
    if (isOwnLine(want.number, want.name)) next.rtTable = want;
    return;
  }
  const clash = entries.find((e) => (e.number === want.number || e.name === want.name) && !isOwnLine(e.number, e.name));
  if (clash !== undefined) {
    conflicts.push(`/etc/iproute2/rt_tables already has "${clash.line.trim()}": choose another option table / table_name in /etc/config/splitwan`);
    return;
  }
  changes.push({ kind: "add-rt", number: want.number, name: want.name });
  next.rtTable = want;
}

/** One line per change, for `splitwan plan` and the log. Secrets are masked. */
export function describeChange(c: Change): string {
  const show = (option: string, v: UciValue | undefined) =>
    v === undefined ? "(unset)" : option === "password" ? "'********'" : typeof v === "string" ? quote(v) : `[${v.map(quote).join(", ")}]`;
  switch (c.kind) {
    case "add-section":
      return `+ ${c.config}.${c.name} (${c.type}): ${c.options.map(([o, v]) => `${o}=${show(o, v)}`).join(" ")}`;
    case "delete-section":
      return `- ${c.config}.${c.name} (${c.type})`;
    case "set-option":
      return `~ ${c.config}.${c.name}.${c.option}: ${show(c.option, c.from)} -> ${show(c.option, c.to)}`;
    case "delete-option":
      return `~ ${c.config}.${c.name}.${c.option}: ${show(c.option, c.from)} -> (unset)`;
    case "move-section":
      return `~ ${c.config}.${c.name}: move after ${c.after}`;
    case "add-rt":
      return `+ rt_tables: ${c.number} ${c.name}`;
    case "delete-rt":
      return `- rt_tables: ${c.number} ${c.name}`;
    case "write-file":
      return `${c.existed ? "~" : "+"} file ${c.path}`;
    case "delete-file":
      return `- file ${c.path}`;
  }
}
