// `splitwan ddns <update [--force] | status [--json] | hotplug>`
//   update   send the current address now (in the foreground, with progress)
//   status   last attempt, last success, IP sent, provider's answer, next retry
//   hotplug  run by /etc/hotplug.d/iface/95-splitwan-ddns (detached) with ACTION,
//            INTERFACE as netifd sets them
//   resume   (detached, started by update) continue retries and spaced requests
// Every run posts an event and then takes the lock; a run that finds the lock taken leaves
// its event to the holder, which starts a fresh pass when it sees a newer event.
import { withLock } from "../core/lock";
import { readConfig } from "../core/config";
import { type AddressContext, addressSource, sectionAddress, sectionInterfaces } from "../core/ddns/address";
import { checkDdns } from "../core/ddns/config";
import { NO_ARGS } from "../core/messages";
import { DDNS_RUN_DIR, type DdnsState, decodeState, statePath } from "../core/ddns/state";
import type { DdnsSection } from "../core/ddns/types";
import { type UpdaterEnv, runPass } from "../core/ddns/updater";
import { EXIT_INVALID, EXIT_OK, EXIT_SYSTEM } from "../core/errors";
import { jsonArray, jsonEncode } from "../core/json";
import type { Platform } from "../core/platform";
import { readZones } from "../core/system";
import { formatError } from "../core/validate";
import { DdnsLock, postEvent, readEvent, routerClock } from "../router/ddns-host";
import { luaPid } from "../router/files";
import { routerHttp } from "../router/http";

// `ddns status --json` writes validation errors: their empty values as []
jsonArray(NO_ARGS);

const USAGE = "usage: splitwan ddns <update [--force] | status [--json] | hotplug>\n";

interface Loaded {
  ctx: AddressContext;
  sections: DdnsSection[];
}

/** The config as it is between two applies: read under splitwan's lock (core/lock.ts). */
function load(p: Platform, report: boolean): Loaded | undefined {
  return withLock(p, () => read(p, report));
}

function read(p: Platform, report: boolean): Loaded | undefined {
  const cursor = p.cursor();
  // a fresh read: an apply may have committed since the last pass
  cursor.unload("splitwan");
  const config = readConfig(cursor);
  const checked = checkDdns(config.ddns, config.servers);
  if (checked.errors.length > 0) {
    for (const e of checked.errors) {
      p.log("err", `ddns: ${formatError(e)}`);
      if (report) p.printErr(`${formatError(e)}\n`);
    }
    return undefined;
  }
  return { ctx: { pppoe: config.main.interface, zones: readZones(cursor) }, sections: checked.sections };
}

function makeEnv(p: Platform, loaded: Loaded, pid: string, interactive: boolean, seen: () => string): UpdaterEnv {
  return {
    clock: routerClock(p),
    http: routerHttp(p, { dir: DDNS_RUN_DIR, tag: pid, timeout: 30 }),
    address: (s) => sectionAddress(p, s, loaded.ctx),
    addressSource: (s) => addressSource(s, loaded.ctx),
    readFile: (path) => p.readFile(path),
    writeFile: (path, data) => p.writeFile(path, data, 0o600),
    superseded: () => readEvent(p).text !== seen(),
    log(level, message) {
      p.log(level, message);
      // a pass may wait minutes between attempts: get each line to syslog now
      p.flush();
    },
    say(message) {
      if (interactive) p.print(message + "\n");
    },
  };
}

/** Passes until no newer event is waiting; the lock is held throughout. In the foreground
 * a request that is not due yet (retry, spacing) is left to a detached `ddns resume`. */
function passes(p: Platform, lock: DdnsLock, pid: string, interactive: boolean): number {
  for (;;) {
    const event = readEvent(p);
    const loaded = load(p, interactive);
    if (loaded === undefined) return EXIT_INVALID;
    if (loaded.sections.length === 0 && interactive) p.print("no enabled ddns sections\n");
    const env = makeEnv(p, loaded, pid, interactive, () => event.text);
    const end = runPass(loaded.sections, env, { force: event.force, fresh: !event.resume, maxWait: interactive ? 0 : 1e9 });
    if (end === "superseded") continue;
    lock.release();
    if (end === "deferred") {
      p.exec(["sh", "-c", "splitwan ddns resume </dev/null >/dev/null 2>&1 &"]);
      return EXIT_OK;
    }
    // an event that came while we released: whoever takes the lock handles it
    if (readEvent(p).text === event.text || !lock.acquire()) return interactive ? failures(p, loaded.sections) : EXIT_OK;
  }
}

/** EXIT_SYSTEM when a section ended without its record being current. */
function failures(p: Platform, sections: DdnsSection[]): number {
  for (const s of sections) {
    const st = decodeState(p.readFile(statePath(s.name)));
    if (st !== undefined && st.result !== "ok" && st.result !== "unchanged") return EXIT_SYSTEM;
  }
  return EXIT_OK;
}

function update(p: Platform, force: boolean, resume: boolean, interactive: boolean): number {
  const pid = luaPid();
  postEvent(p, pid, force, resume);
  const lock = new DdnsLock(p, pid);
  if (!lock.acquire()) {
    const other = lock.holder() ?? "?";
    p.log("info", `ddns: updater ${other} is running; it takes over this event`);
    if (interactive) p.print(`an update is already running (pid ${other}); it will pick this request up\n`);
    return EXIT_OK;
  }
  let code = EXIT_OK;
  const [ok, err] = pcall(() => {
    code = passes(p, lock, pid, interactive);
  });
  lock.release();
  if (!ok) throw err;
  return code;
}

/** Only ifup and address changes of an interface a section takes its address from. */
function hotplug(p: Platform): number {
  const action = os.getenv("ACTION") ?? "";
  const iface = os.getenv("INTERFACE") ?? "";
  // netifd marks what an ifupdate changed; only addresses (and IPv6 prefixes) matter here
  const changed = os.getenv("IFUPDATE_ADDRESSES") === "1" || os.getenv("IFUPDATE_PREFIXES") === "1";
  const relevantAction = action === "ifup" || (action === "ifupdate" && changed);
  if (!relevantAction || iface === "") return EXIT_OK;
  const loaded = load(p, false);
  if (loaded === undefined) return EXIT_INVALID;
  const wanted = loaded.sections.some((s) => sectionInterfaces(s, loaded.ctx).includes(iface));
  if (!wanted) return EXIT_OK;
  p.log("info", `ddns: ${action} of ${iface}`);
  return update(p, false, false, false);
}

function when(t: number | undefined): string {
  return t === undefined ? "-" : `${os.date("%Y-%m-%d %H:%M:%S", t)}`;
}

function status(p: Platform, json: boolean): number {
  const config = readConfig(p.cursor());
  const checked = checkDdns(config.ddns, config.servers);
  const rows: Array<{ section: string; provider: string; record: string; state: DdnsState | undefined }> = [];
  for (const s of checked.sections) {
    const record = s.provider === "mydns" ? s.username : s.host === "" ? s.domain : `${s.host}.${s.domain}`;
    rows.push({ section: s.name, provider: s.provider, record, state: decodeState(p.readFile(statePath(s.name))) });
  }
  if (json) {
    p.print(jsonEncode({ sections: jsonArray(rows), errors: jsonArray(checked.errors) }, true) + "\n");
    return EXIT_OK;
  }
  for (const e of checked.errors) p.print(`invalid: ${formatError(e)}\n`);
  if (rows.length === 0 && checked.errors.length === 0) p.print("no enabled ddns sections\n");
  for (const r of rows) {
    const st = r.state;
    p.print(`${r.section}: ${r.provider} ${r.record}\n`);
    if (st === undefined) {
      p.print("  never attempted\n");
      continue;
    }
    p.print(`  last attempt: ${when(st.lastAttempt)}${st.ipSent !== undefined ? ` (${st.ipSent})` : ""}\n`);
    p.print(`  last success: ${when(st.lastSuccess)}${st.successIp !== undefined ? ` (${st.successIp})` : ""}\n`);
    p.print(`  result:       ${st.result ?? "-"} ${st.code ?? ""}: ${st.message ?? ""}\n`);
    if (st.answer !== undefined && st.answer !== "") p.print(`  answer:       ${st.answer}\n`);
    const next = st.gaveUp === true ? "gave up (next event or 'splitwan ddns update')" : when(st.nextRetry);
    p.print(`  next retry:   ${next}\n`);
  }
  return EXIT_OK;
}

export function ddnsCommand(p: Platform, args: string[]): number {
  const [sub, ...rest] = args;
  if (sub === "update") return update(p, rest.includes("--force"), false, true);
  if (sub === "resume") return update(p, false, true, false);
  if (sub === "status") return status(p, rest.includes("--json"));
  if (sub === "hotplug") return hotplug(p);
  p.printErr(USAGE);
  return EXIT_INVALID;
}
