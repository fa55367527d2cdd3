// apply / plan / remove: read → validate → plan → diff → conflicts → one transaction →
// reloads. A failure part-way restores every file it touched (all-or-nothing).
import { readConfig } from "./config";
import { type Change, type Diff, describeChange, diffPlan } from "./diff";
import { EXIT_CONFLICT, EXIT_INVALID, EXIT_SYSTEM, SplitwanError } from "./errors";
import { OWNED_PATH, formatOwned, isEmpty, parseOwned } from "./owned";
import { type Plan, buildPlan, emptyPlan } from "./plan";
import type { Platform } from "./platform";
import { RT_TABLES_PATH, addRtLine, removeRtLine } from "./rttables";
import { readSystem } from "./system";
import { type UciCursor, sectionsOf } from "./uci";
import { type Config, formatError, validateConfig } from "./validate";

export interface Outcome {
  changes: Change[];
  /** Service reloads that were run (or, with SPLITWAN_ROOT, would have been). */
  reloads: string[][];
}

export const CONFIG_PATHS: Record<string, string> = { network: "/etc/config/network", firewall: "/etc/config/firewall" };

/** Reads and checks /etc/config/splitwan; throws EXIT_INVALID with every error. */
export function loadConfig(p: Platform, cursor: UciCursor): Config {
  const v = validateConfig(readConfig(cursor, (f) => p.readFile(f)), readSystem(cursor));
  if (v.config === undefined) {
    for (const e of v.errors) p.log("err", `invalid config: ${formatError(e)}`);
    throw new SplitwanError(EXIT_INVALID, "invalid configuration:\n" + v.errors.map((e) => "  " + formatError(e)).join("\n"));
  }
  return v.config;
}

/** The plan against what is on the router now, conflicts included (status uses this). */
export function diffAgainstRouter(p: Platform, cursor: UciCursor, plan: Plan): Diff {
  const owned = parseOwned(p.readFile(OWNED_PATH));
  return diffPlan(plan, owned, { cursor, rtTables: p.readFile(RT_TABLES_PATH) ?? "", readFile: (f) => p.readFile(f) });
}

/** diffAgainstRouter, refusing conflicts (exit 2). */
export function computeDiff(p: Platform, cursor: UciCursor, plan: Plan): Diff {
  const diff = diffAgainstRouter(p, cursor, plan);
  if (diff.conflicts.length > 0) {
    for (const c of diff.conflicts) p.log("err", `conflict: ${c}`);
    throw new SplitwanError(EXIT_CONFLICT, "nothing was changed; resolve first:\n" + diff.conflicts.map((c) => "  " + c).join("\n"));
  }
  return diff;
}

/** `splitwan apply` (remove = true: `splitwan remove`). */
export function applyConfig(p: Platform, remove: boolean): Outcome {
  const cursor = p.cursor();
  let plan = emptyPlan();
  if (!remove) {
    const config = loadConfig(p, cursor);
    plan = buildPlan(config, readSystem(cursor));
  }
  const diff = computeDiff(p, cursor, plan);
  // nothing owned any more: no record either, so removal leaves no trace
  const recordText = isEmpty(diff.owned) ? undefined : formatOwned(diff.owned);
  const recordChanged = recordText !== p.readFile(OWNED_PATH);
  if (diff.changes.length === 0 && !recordChanged) {
    p.log("info", "nothing to change");
    return { changes: [], reloads: [] };
  }
  transaction(p, cursor, diff.changes, recordText);
  for (const c of diff.changes) p.log("info", describeChange(c));

  const reloads: string[][] = [];
  const touches = (pred: (c: Change) => boolean) => diff.changes.some(pred);
  if (touches((c) => "config" in c && c.config === "network")) reloads.push(["ubus", "call", "network", "reload"]);
  if (touches((c) => ("config" in c && c.config === "firewall") || c.kind === "write-file" || c.kind === "delete-file")) {
    reloads.push(["/etc/init.d/firewall", "reload"]);
  }
  for (const argv of reloads) {
    if (p.dryRun) {
      p.print(`would run: ${argv.join(" ")}\n`);
      continue;
    }
    const r = p.exec(argv);
    p.log(r.code === 0 ? "info" : "err", `${argv.join(" ")}: exit ${r.code}`);
    if (r.code !== 0) throw new SplitwanError(EXIT_SYSTEM, `${argv.join(" ")} failed (exit ${r.code}); the configuration was written`);
  }
  return { changes: diff.changes, reloads };
}

/** Writes everything or nothing: originals are kept and put back on any failure. */
function transaction(p: Platform, cursor: UciCursor, changes: Change[], recordText: string | undefined): void {
  const configs: string[] = [];
  const files: string[] = [OWNED_PATH];
  for (const c of changes) {
    if ("config" in c && !configs.includes(c.config)) configs.push(c.config);
    if ((c.kind === "add-rt" || c.kind === "delete-rt") && !files.includes(RT_TABLES_PATH)) files.push(RT_TABLES_PATH);
    if ((c.kind === "write-file" || c.kind === "delete-file") && !files.includes(c.path)) files.push(c.path);
  }
  for (const config of configs) files.push(CONFIG_PATHS[config]);
  const originals = files.map((path) => ({ path, data: p.readFile(path) }));

  const ok = attempt(() => {
    for (const c of changes) applyUci(cursor, c);
    for (const config of configs) {
      if (!cursor.commit(config)) throw new Error(`uci commit ${config} failed`);
    }
    let rt = p.readFile(RT_TABLES_PATH) ?? "";
    for (const c of changes) {
      if (c.kind === "delete-rt") rt = removeRtLine(rt, c.number, c.name);
      if (c.kind === "add-rt") rt = addRtLine(rt, c.number, c.name);
      if (c.kind === "write-file") p.writeFile(c.path, c.content, 0o644);
      if (c.kind === "delete-file") p.removeFile(c.path);
    }
    if (files.includes(RT_TABLES_PATH)) p.writeFile(RT_TABLES_PATH, rt); // keeps base-files' mode
    if (recordText === undefined) p.removeFile(OWNED_PATH);
    else p.writeFile(OWNED_PATH, recordText, 0o644);
  });
  if (ok !== undefined) {
    for (const c of configs) cursor.revert(c);
    const failed: string[] = [];
    for (const o of originals) {
      const restored = attempt(() => (o.data === undefined ? p.removeFile(o.path) : p.writeFile(o.path, o.data)));
      if (restored !== undefined) failed.push(o.path);
    }
    for (const c of configs) cursor.unload(c);
    p.log("err", `apply failed, restored the previous files: ${ok}`);
    const extra = failed.length > 0 ? `; could not restore ${failed.join(", ")}` : "";
    throw new SplitwanError(EXIT_SYSTEM, `writing failed: ${ok}; nothing was changed${extra}`);
  }
}

/** Runs fn; returns undefined on success or the error text. */
function attempt(fn: () => void): string | undefined {
  try {
    fn();
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : `${e}`;
  }
}

function applyUci(cursor: UciCursor, c: Change): void {
  const check = (ok: boolean, what: string) => {
    if (!ok) throw new Error(`uci ${what} failed`);
  };
  switch (c.kind) {
    case "delete-section":
      check(cursor.delete(c.config, c.name), `delete ${c.config}.${c.name}`);
      break;
    case "add-section":
      check(cursor.set(c.config, c.name, c.type), `set ${c.config}.${c.name}=${c.type}`);
      for (const [option, value] of c.options) check(cursor.set(c.config, c.name, option, value), `set ${c.config}.${c.name}.${option}`);
      if (c.after !== undefined) placeAfter(cursor, c.config, c.name, c.after);
      break;
    case "set-option":
      check(cursor.set(c.config, c.name, c.option, c.to), `set ${c.config}.${c.name}.${c.option}`);
      break;
    case "delete-option":
      check(cursor.delete(c.config, c.name, c.option), `delete ${c.config}.${c.name}.${c.option}`);
      break;
    case "move-section":
      placeAfter(cursor, c.config, c.name, c.after);
      break;
  }
}

/** libuci's reorder takes the position in the list without the moved section. */
function placeAfter(cursor: UciCursor, config: string, name: string, after: string): void {
  const others = sectionsOf(cursor, config).filter((s) => s[".name"] !== name);
  const i = others.findIndex((s) => s[".name"] === after);
  if (i >= 0 && !cursor.reorder(config, name, i + 1)) throw new Error(`uci reorder ${config}.${name} failed`);
}
