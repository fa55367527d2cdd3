// apply / plan / remove: read → validate → plan → diff → conflicts → one transaction →
// reloads. A failure part-way restores every file it touched (all-or-nothing).
import { readConfig } from "./config";
import { type Change, type Diff, describeChange, diffPlan } from "./diff";
import { errorText, EXIT_CONFLICT, EXIT_INVALID, EXIT_SYSTEM, SplitwanError } from "./errors";
import { withLock } from "./lock";
import { CONFIG_PATHS, OWNED_PATH, RELOAD_PATH, emptyOwned, formatOwned, isEmpty, readRecord } from "./owned";
import { type Plan, buildPlan, emptyPlan } from "./plan";
import type { Platform } from "./platform";
import { RT_TABLES_PATH, addRtLine, removeRtLine } from "./rttables";
import { said } from "./messages";
import { readSystem } from "./system";
import { type UciCursor, sectionsOf } from "./uci";
import { type Config, formatError, validateConfig } from "./validate";

export interface Outcome {
  changes: Change[];
  /** Service reloads that were run (or, with SPLITWAN_ROOT, would have been). */
  reloads: string[][];
  /** Sections and files changed by hand since splitwan wrote them: left in place. */
  left: string[];
}


/** Reads and checks /etc/config/splitwan; throws EXIT_INVALID with every error. */
export function loadConfig(p: Platform, cursor: UciCursor): Config {
  const v = validateConfig(readConfig(cursor, (f) => p.readFile(f)), readSystem(cursor));
  if (v.config === undefined) {
    for (const e of v.errors) p.log("err", `invalid config: ${formatError(e)}`);
    throw new SplitwanError(EXIT_INVALID, "invalid configuration:\n" + v.errors.map((e) => "  " + formatError(e)).join("\n"));
  }
  return v.config;
}

/** The plan against what is on the router now, conflicts included (status uses this).
 * A record that is refused whole is one conflict: nothing is changed or deleted. */
export function diffAgainstRouter(p: Platform, cursor: UciCursor, plan: Plan): Diff {
  const owned = readRecord(p.readFile(OWNED_PATH), () => readConfig(cursor).main.interface);
  if (typeof owned === "string") {
    return { changes: [], conflicts: [said("conflict.record", [OWNED_PATH, owned])], left: [], owned: emptyOwned(), during: emptyOwned() };
  }
  return diffPlan(plan, owned, { cursor, rtTables: p.readFile(RT_TABLES_PATH) ?? "", readFile: (f) => p.readFile(f) });
}

/** diffAgainstRouter, refusing conflicts (exit 2). */
export function computeDiff(p: Platform, cursor: UciCursor, plan: Plan): Diff {
  const diff = diffAgainstRouter(p, cursor, plan);
  if (diff.conflicts.length > 0) {
    for (const c of diff.conflicts) p.log("err", `conflict: ${c.text}`);
    throw new SplitwanError(EXIT_CONFLICT, "nothing was changed; resolve first:\n" + diff.conflicts.map((c) => "  " + c.text).join("\n"));
  }
  return diff;
}

/** The services apply reloads, in order: which changes need each, and its command. */
const SERVICES: Array<{ name: string; needs: (c: Change) => boolean; argv: string[] }> = [
  { name: "network", needs: (c) => "config" in c && c.config === "network", argv: ["ubus", "call", "network", "reload"] },
  {
    name: "firewall",
    needs: (c) => ("config" in c && c.config === "firewall") || c.kind === "write-file" || c.kind === "delete-file",
    argv: ["/etc/init.d/firewall", "reload"],
  },
];

/** The services an earlier apply wrote the configuration of but did not reload. */
export function pendingReloads(text: string | undefined): string[] {
  const lines = (text ?? "").split("\n");
  return SERVICES.filter((s) => lines.includes(s.name)).map((s) => s.name);
}

/** `splitwan apply` (remove = true: `splitwan remove`), holding splitwan's lock. */
export function applyConfig(p: Platform, remove: boolean): Outcome {
  return withLock(p, () => applyLocked(p, remove));
}

function applyLocked(p: Platform, remove: boolean): Outcome {
  const cursor = p.cursor();
  let plan = emptyPlan();
  if (!remove) {
    const config = loadConfig(p, cursor);
    plan = buildPlan(config, readSystem(cursor));
  }
  const diff = computeDiff(p, cursor, plan);
  for (const l of diff.left) p.log("warn", l);
  // nothing owned any more: no record either, so removal leaves no trace
  const recordText = isEmpty(diff.owned) ? undefined : formatOwned(diff.owned);
  const recordChanged = recordText !== p.readFile(OWNED_PATH);
  const pendingText = p.readFile(RELOAD_PATH);
  const pending = pendingReloads(pendingText);
  if (diff.changes.length === 0 && !recordChanged && pending.length === 0) {
    p.log("info", "nothing to change");
    return { changes: [], reloads: [], left: diff.left };
  }
  if (pending.length > 0) p.log("warn", `reloading ${pending.join(" and ")}: an earlier run wrote its configuration and was stopped before the reload`);
  const due = SERVICES.filter((s) => pending.includes(s.name) || diff.changes.some((c) => s.needs(c)));
  const services = due.map((s) => s.name);
  // the services to reload are written down before the first config is: a run stopped
  // between writing and reloading leaves them to the next apply (/var/run: a reboot
  // starts the services from the files anyway)
  const marked = services.length > 0 && services.join("\n") + "\n" !== pendingText;
  if (marked) p.writeFile(RELOAD_PATH, services.join("\n") + "\n", 0o600);
  try {
    transaction(p, cursor, diff, recordText);
  } catch (e) {
    if (marked) attempt(() => (pendingText === undefined ? p.removeFile(RELOAD_PATH) : p.writeFile(RELOAD_PATH, pendingText, 0o600)));
    throw e;
  }
  for (const c of diff.changes) p.log("info", describeChange(c));

  const reloads = due.map((s) => s.argv);
  for (const argv of reloads) {
    if (p.dryRun) {
      p.print(`would run: ${argv.join(" ")}\n`);
      continue;
    }
    const r = p.exec(argv);
    p.log(r.code === 0 ? "info" : "err", `${argv.join(" ")}: exit ${r.code}`);
    if (r.code !== 0) throw new SplitwanError(EXIT_SYSTEM, `${argv.join(" ")} failed (exit ${r.code}); the configuration was written, the next splitwan apply reloads again`);
  }
  if (services.length > 0) p.removeFile(RELOAD_PATH);
  return { changes: diff.changes, reloads, left: diff.left };
}

/** Writes everything or nothing. First the record lists every version the router may hold
 * until the end (made durable before any config is touched), so an interruption at any
 * point leaves nothing of splitwan's unrecorded; then the changes; then the final record.
 * On a failure the files that did change are put back. */
function transaction(p: Platform, cursor: UciCursor, diff: Diff, recordText: string | undefined): void {
  const configs: string[] = [];
  const files: string[] = [];
  for (const c of diff.changes) {
    if ("config" in c && !configs.includes(c.config)) configs.push(c.config);
    if ((c.kind === "add-rt" || c.kind === "delete-rt") && !files.includes(RT_TABLES_PATH)) files.push(RT_TABLES_PATH);
    if ((c.kind === "write-file" || c.kind === "delete-file") && !files.includes(c.path)) files.push(c.path);
  }
  for (const config of configs) files.push(CONFIG_PATHS[config]);
  const originals = files.map((path) => ({ path, data: p.readFile(path) }));
  const record = p.readFile(OWNED_PATH);

  const failure = attempt(() => {
    if (diff.changes.length > 0) {
      p.writeFile(OWNED_PATH, formatOwned(diff.during), 0o600);
      p.sync([OWNED_PATH]);
      for (const c of diff.changes) applyUci(cursor, c);
      for (const config of configs) {
        if (!cursor.commit(config)) throw new SplitwanError(EXIT_SYSTEM, `uci commit ${config} failed`);
      }
      let rt = p.readFile(RT_TABLES_PATH) ?? "";
      for (const c of diff.changes) {
        if (c.kind === "delete-rt") rt = removeRtLine(rt, c.number, c.name);
        if (c.kind === "add-rt") rt = addRtLine(rt, c.number, c.name);
        if (c.kind === "write-file") p.writeFile(c.path, c.content, 0o644);
        if (c.kind === "delete-file") p.removeFile(c.path);
      }
      if (files.includes(RT_TABLES_PATH)) p.writeFile(RT_TABLES_PATH, rt); // keeps base-files' mode
      // the final record drops versions: the changes must be on storage before it
      p.sync(files);
    }
    if (recordText === undefined) p.removeFile(OWNED_PATH);
    else p.writeFile(OWNED_PATH, recordText, 0o600);
  });
  if (failure === undefined) return;

  for (const c of configs) cursor.revert(c);
  const failed: string[] = [];
  let changed = false;
  for (const o of originals) {
    if (p.readFile(o.path) === o.data) continue;
    changed = true;
    const restored = attempt(() => (o.data === undefined ? p.removeFile(o.path) : p.writeFile(o.path, o.data)));
    if (restored !== undefined) failed.push(o.path);
  }
  // the intent record covers every state the files may be in: keep it unless all is back
  if (failed.length === 0 && p.readFile(OWNED_PATH) !== record) {
    attempt(() => (record === undefined ? p.removeFile(OWNED_PATH) : p.writeFile(OWNED_PATH, record, 0o600)));
  }
  for (const c of configs) cursor.unload(c);
  if (failed.length > 0) {
    p.log("err", `apply failed: ${failure}; could not restore ${failed.join(", ")}`);
    throw new SplitwanError(EXIT_SYSTEM, `writing failed: ${failure}; could not restore ${failed.join(", ")}: ${OWNED_PATH} still lists what splitwan wrote, run splitwan apply or remove again once the fault is fixed`);
  }
  p.log("err", `apply failed, ${changed ? "restored the previous files" : "nothing was written"}: ${failure}`);
  throw new SplitwanError(EXIT_SYSTEM, `writing failed: ${failure}; nothing was changed`);
}

/** Runs fn; returns undefined on success or the error text. */
function attempt(fn: () => void): string | undefined {
  try {
    fn();
    return undefined;
  } catch (e) {
    return errorText(e);
  }
}

function applyUci(cursor: UciCursor, c: Change): void {
  const check = (ok: boolean, what: string) => {
    if (!ok) throw new SplitwanError(EXIT_SYSTEM, `uci ${what} failed`);
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
  if (i >= 0 && !cursor.reorder(config, name, i + 1)) throw new SplitwanError(EXIT_SYSTEM, `uci reorder ${config}.${name} failed`);
}
