// Desired state (plan) vs what is on the router → the changes apply makes, and the
// conflicts that stop it. Only what the ownership record proves is splitwan's is changed:
// a section whose type or recorded options differ from every recorded version, or a file
// whose checksum differs, is no longer splitwan's (a conflict when wanted, left alone when
// not). Options splitwan never wrote (a user's keepalive) stay.
import {
  type Owned, type OwnedFile, type OwnedSection, emptyOwned, fileVersion, mismatch,
  provenFile, provenVersion, recordValue, sameUci,
} from "./owned";
import type { Plan, PlannedSection } from "./plan";
import { said } from "./messages";
import { parseRtTables } from "./rttables";
import type { Message } from "./rpc-types";
import { quote } from "./text";
import { type UciCursor, type UciSection, type UciValue, sectionsOf } from "./uci";

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
  conflicts: Message[];
  /** What is no longer splitwan's and not wanted: left in place, dropped from the record. */
  left: string[];
  /** The record after the changes. */
  owned: Owned;
  /** The record while they are made (the intent journal): every version of every section,
   * line and file the router may hold until the last change is written. */
  during: Owned;
}

/** The message for a section in the way, by its type (each says how to resolve it). */
const IN_THE_WAY: Record<string, string> = { interface: "conflict.interface", zone: "conflict.zone" };

/** A section version as a key: each part length-prefixed, so no two versions share one
 * (the record's own JSON text would do, but costs a char-by-char encode per option). */
function versionKey(s: OwnedSection): string {
  const parts = [s.config, s.name, s.type];
  for (const [o, v] of s.options ?? []) {
    parts.push(o);
    if (typeof v === "string") parts.push(`s${v.length}:${v}`);
    else parts.push(`l${v.length}:${v.map((x) => `${x.length}:${x}`).join("")}`);
  }
  return parts.map((x) => `${x.length}:${x}`).join("");
}

/** Collects record entries once each (the record lists a version twice only by mistake). */
class RecordBuilder {
  readonly o: Owned = emptyOwned();
  private seen: Record<string, true> = {};
  private once(key: string): boolean {
    if (this.seen[key] === true) return false;
    this.seen[key] = true;
    return true;
  }
  section(s: OwnedSection): void {
    if (this.once(versionKey(s))) this.o.sections.push(s);
  }
  rt(number: number, name: string): void {
    if (this.once(`rt ${number} ${name}`)) this.o.rtTables.push({ number, name });
  }
  file(f: OwnedFile): void {
    if (this.once(`file ${f.path} ${f.sum}`)) this.o.files.push(f);
  }
}

interface Proof {
  live: UciSection;
  /** The version the live section matches; undefined: changed since splitwan wrote it. */
  version: OwnedSection | undefined;
  why: string;
}

function plannedVersion(p: PlannedSection): OwnedSection {
  return { config: p.config, name: p.name, type: p.type, options: p.options.map(([o, v]): [string, UciValue] => [o, recordValue(o, v)]) };
}

export function diffPlan(plan: Plan, owned: Owned, cur: Current): Diff {
  const changes: Change[] = [];
  const conflicts: Message[] = [];
  const left: string[] = [];
  const next = new RecordBuilder();
  const during = new RecordBuilder();

  // the record's sections against the live ones, once per name
  // plain tables keyed by <config>.<name> (a dot: never an Object.prototype name) keep the
  // diff linear without tstl's Map and Set
  const versions: Record<string, OwnedSection[] | undefined> = {};
  const keys: string[] = [];
  for (const s of owned.sections) {
    const key = `${s.config}.${s.name}`;
    const list = versions[key];
    if (list !== undefined) list.push(s);
    else {
      versions[key] = [s];
      keys.push(key);
    }
  }
  const proofs: Record<string, Proof | undefined> = {};
  for (const key of keys) {
    const list = versions[key] as OwnedSection[];
    const live = cur.cursor.get_all(list[0].config, list[0].name);
    if (live === undefined) continue;
    const version = provenVersion(list, live);
    proofs[key] = { live, version, why: version === undefined ? mismatch(list[list.length - 1], live) ?? "" : "" };
  }

  // deletions first: a section may be recreated under another type
  const wanted: Record<string, true> = {};
  for (const p of plan.sections) wanted[`${p.config}.${p.name}`] = true;
  for (const key of keys) {
    const proof = proofs[key];
    if (wanted[key] === true || proof === undefined) continue;
    if (proof.version === undefined) {
      left.push(`${key} (${proof.live[".type"]}) was changed since splitwan wrote it (${proof.why}): left in place, no longer splitwan's`);
      continue;
    }
    during.section(proof.version);
    changes.push({ kind: "delete-section", config: proof.version.config, name: proof.version.name, type: proof.live[".type"] });
  }

  for (const p of plan.sections) {
    const key = `${p.config}.${p.name}`;
    const live = cur.cursor.get_all(p.config, p.name);
    const version = plannedVersion(p);
    next.section(version);
    if (live === undefined) {
      during.section(version);
      changes.push({ kind: "add-section", config: p.config, name: p.name, type: p.type, options: p.options, after: p.after });
      continue;
    }
    const proof = proofs[key];
    if (proof === undefined) {
      conflicts.push(said(IN_THE_WAY[p.type] ?? "conflict.section", [key, live[".type"]]));
      continue;
    }
    if (proof.version === undefined) {
      conflicts.push(said("conflict.changed", [key, live[".type"], proof.why]));
      continue;
    }
    during.section(proof.version);
    during.section(version);
    if (live[".type"] !== p.type) {
      changes.push({ kind: "delete-section", config: p.config, name: p.name, type: live[".type"] });
      changes.push({ kind: "add-section", config: p.config, name: p.name, type: p.type, options: p.options, after: p.after });
      continue;
    }
    diffOptions(p, proof.version, live, changes);
    if (p.after !== undefined && !isRightAfter(cur.cursor, p.config, p.name, p.after)) {
      changes.push({ kind: "move-section", config: p.config, name: p.name, after: p.after });
    }
  }

  findNameClashes(plan, proofs, cur.cursor, conflicts);
  diffRtTables(plan, owned, cur.rtTables, changes, conflicts, next, during);
  diffFiles(plan, owned, cur, changes, conflicts, left, next, during);
  return { changes, conflicts, left, owned: next.o, during: during.o };
}

/** Sets what the plan says; deletes what splitwan wrote before and no longer wants; keeps
 * every option it never wrote. */
function diffOptions(p: PlannedSection, proven: OwnedSection, live: UciSection, changes: Change[]): void {
  const value = (option: string): UciValue | undefined => {
    const v = live[option];
    return typeof v === "string" || Array.isArray(v) ? (v as UciValue) : undefined;
  };
  // true, not just truthy: an option named like an Object.prototype member (in Node)
  const planned: Record<string, true> = {};
  for (const [option, to] of p.options) {
    planned[option] = true;
    const from = value(option);
    if (!sameUci(from, to)) changes.push({ kind: "set-option", config: p.config, name: p.name, option, from, to });
  }
  for (const [option] of proven.options ?? []) {
    const from = value(option);
    if (planned[option] !== true && from !== undefined) changes.push({ kind: "delete-option", config: p.config, name: p.name, option, from });
  }
}

function isRightAfter(cursor: UciCursor, config: string, name: string, after: string): boolean {
  const all = sectionsOf(cursor, config);
  const i = all.findIndex((s) => s[".name"] === after);
  return i >= 0 && i + 1 < all.length && all[i + 1][".name"] === name;
}

/** A zone is found by its name option, not its section name: another zone may hold ours. */
function findNameClashes(plan: Plan, proofs: Record<string, Proof | undefined>, cursor: UciCursor, conflicts: Message[]): void {
  const zone = plan.sections.find((p) => p.config === "firewall" && p.type === "zone");
  if (zone === undefined) return;
  const zoneName = zone.options.find((o) => o[0] === "name")?.[1];
  for (const s of sectionsOf(cursor, "firewall", "zone")) {
    // our own section: its ownership is judged (and reported) above
    if (s[".name"] === zone.name && proofs[`firewall.${zone.name}`] !== undefined) continue;
    if (s["name"] === zoneName) {
      conflicts.push(said("conflict.zone_name", [`${zoneName}`, s[".name"]]));
    }
  }
}

function diffRtTables(plan: Plan, owned: Owned, text: string, changes: Change[], conflicts: Message[], next: RecordBuilder, during: RecordBuilder): void {
  const want = plan.rtTable;
  const entries = parseRtTables(text);
  const present = (n: number, name: string) => entries.some((e) => e.number === n && e.name === name);
  // a recorded line is ours while it is there
  const had = owned.rtTables.filter((r) => present(r.number, r.name));
  const isOwnLine = (n: number, name: string) => had.some((r) => r.number === n && r.name === name);
  for (const h of had) {
    during.rt(h.number, h.name);
    if (want === undefined || want.number !== h.number || want.name !== h.name) changes.push({ kind: "delete-rt", number: h.number, name: h.name });
  }
  if (want === undefined) return;
  if (present(want.number, want.name)) {
    // ours, or the user's identical line: use it, but own it only if we wrote it
    if (isOwnLine(want.number, want.name)) next.rt(want.number, want.name);
    return;
  }
  const clash = entries.find((e) => (e.number === want.number || e.name === want.name) && !isOwnLine(e.number, e.name));
  if (clash !== undefined) {
    conflicts.push(said("conflict.rt_tables", [clash.line.trim()]));
    return;
  }
  changes.push({ kind: "add-rt", number: want.number, name: want.name });
  next.rt(want.number, want.name);
  during.rt(want.number, want.name);
}

function diffFiles(
  plan: Plan, owned: Owned, cur: Current, changes: Change[], conflicts: Message[], left: string[], next: RecordBuilder, during: RecordBuilder,
): void {
  const recorded = (path: string) => owned.files.filter((f) => f.path === path);
  for (const f of plan.files) {
    const existing = cur.readFile(f.path);
    const version = fileVersion(f.path, f.content);
    next.file(version);
    during.file(version);
    if (existing === f.content) continue;
    if (existing !== undefined) {
      const versions = recorded(f.path);
      const proven = provenFile(versions, existing);
      if (proven === undefined) {
        conflicts.push(said(versions.length === 0 ? "conflict.file" : "conflict.file_changed", [f.path]));
        continue;
      }
      during.file(proven);
    }
    changes.push({ kind: "write-file", path: f.path, content: f.content, existed: existing !== undefined });
  }
  const done: Record<string, true> = {};
  for (const f of plan.files) done[f.path] = true;
  for (const o of owned.files) {
    if (done[o.path] === true) continue;
    done[o.path] = true;
    const existing = cur.readFile(o.path);
    if (existing === undefined) continue;
    const proven = provenFile(recorded(o.path), existing);
    if (proven === undefined) {
      left.push(`${o.path} was changed since splitwan wrote it: left in place, no longer splitwan's`);
      continue;
    }
    during.file(proven);
    changes.push({ kind: "delete-file", path: o.path });
  }
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
