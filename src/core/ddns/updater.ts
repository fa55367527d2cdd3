// One update pass over the enabled ddns sections: read the address, skip what the provider
// already has, respect spacing, send, retry transient failures with backoff, stop on
// permanent ones. Everything outside (clock, HTTPS, files, logs) comes in through UpdaterEnv,
// so tests drive it with a fake clock and a fake provider.
import { providerFor } from "./providers";
import { LONGEST_DELAY, MAX_ATTEMPTS, alreadySent, retryDelay, sendTime, targetOf } from "./schedule";
import { type DdnsState, decodeState, encodeState, lastRequestPath, statePath } from "./state";
import type { DdnsSection, Http, Outcome } from "./types";
import type { Message } from "../rpc-types";
import { said } from "../messages";

export interface Clock {
  now(): number;
  sleep(seconds: number): void;
}

export interface UpdaterEnv {
  clock: Clock;
  http: Http;
  /** The address to publish for the section: ip undefined when its interface has none;
   * unreachable when netifd did not answer (retried with backoff). */
  address(s: DdnsSection): { ip?: string; unreachable: boolean };
  /** Where the address comes from, for messages ("wanppp IPv4"). */
  addressSource(s: DdnsSection): string;
  readFile(path: string): string | undefined;
  writeFile(path: string, data: string): void;
  /** true when a newer event arrived: the pass stops and the caller starts a fresh one. */
  superseded(): boolean;
  log(level: "info" | "warn" | "err", message: string): void;
  /** Progress for a person at a terminal (`ddns update`); hotplug runs pass a no-op. */
  say(message: string): void;
}

/** done: every section ended; superseded: a newer event came, start again with it;
 * deferred: the next request is due later than the caller wants to wait. */
export type PassEnd = "done" | "superseded" | "deferred";

export interface PassOptions {
  /** Send even when the provider already has the address from our last success. */
  force: boolean;
  /** A new event: start each section's retry series afresh (false: continue it). */
  fresh: boolean;
  /** Longest wait for a due request; beyond it the pass ends "deferred". */
  maxWait: number;
}

/** Longest single sleep, so a newer event is noticed within this many seconds. */
const SLEEP_SLICE = 2;

function sleepUntil(env: UpdaterEnv, t: number): boolean {
  let now = env.clock.now();
  while (now < t) {
    if (env.superseded()) return false;
    env.clock.sleep(Math.min(SLEEP_SLICE, t - now));
    now = env.clock.now();
  }
  return !env.superseded();
}

function describe(s: DdnsSection): string {
  const name = s.provider === "mydns" ? s.username : s.host === "" ? s.domain : `${s.host}.${s.domain}`;
  return `ddns ${s.name}: ${s.provider} ${name}`;
}

/** The message of the attempt, in both forms the state keeps. */
function note(st: DdnsState, m: Message): void {
  st.message = m.text;
  st.messageCode = m.code;
  st.messageArgs = m.args;
}

function record(st: DdnsState, o: Outcome): void {
  st.result = o.kind;
  st.code = o.code;
  note(st, o.message);
  st.answer = o.answer;
}

interface Job {
  s: DdnsSection;
  st: DdnsState;
  who: string;
  done: boolean;
}

function startJob(s: DdnsSection, env: UpdaterEnv, fresh: boolean): Job {
  const loaded = decodeState(env.readFile(statePath(s.name)));
  const target = targetOf(s);
  const st: DdnsState = loaded !== undefined && loaded.target === target ? loaded : { target, failures: 0 };
  if (fresh) {
    st.failures = 0;
    st.gaveUp = undefined;
    st.nextRetry = undefined;
  }
  // a continued series that had ended (success, permanent failure, given up) stays ended
  const ended = !fresh && st.nextRetry === undefined;
  return { s, st, who: describe(s), done: ended };
}

function save(env: UpdaterEnv, job: Job): void {
  env.writeFile(statePath(job.s.name), encodeState(job.st));
}

/** Times from the future mean the clock was set back (NTP after boot): they are pulled
 * back to now once, so no wait grows beyond its rule. */
function lastRequest(env: UpdaterEnv, job: Job): number | undefined {
  const text = env.readFile(lastRequestPath(job.s.provider));
  if (text === undefined || text === "") return undefined;
  const n = Number(text);
  if (n !== n) return undefined;
  const now = env.clock.now();
  if (n <= now) return n;
  env.writeFile(lastRequestPath(job.s.provider), `${now}\n`);
  return now;
}

function dueTime(env: UpdaterEnv, job: Job): number {
  const now = env.clock.now();
  if (job.st.nextRetry !== undefined && job.st.nextRetry > now + LONGEST_DELAY) job.st.nextRetry = now + LONGEST_DELAY;
  return sendTime(now, job.s.provider, lastRequest(env, job), job.st.nextRetry);
}

/** Settles jobs that need no request now (no address, already sent); the IP of the rest. */
function check(job: Job, env: UpdaterEnv, force: boolean): string | undefined {
  const { s, st } = job;
  const found = env.address(s);
  const ip = found.ip;
  if (ip === undefined && found.unreachable) {
    // netifd did not answer: ask again later, as for a provider's transient failure
    const now = env.clock.now();
    if (st.nextRetry !== undefined && now < st.nextRetry && st.result === "no-address") return undefined;
    st.failures = st.failures + 1;
    const delay = retryDelay(st.failures);
    st.result = "no-address";
    st.code = "netifd not answering";
    note(st, said("ddns.netifd", [env.addressSource(s)]));
    st.answer = "";
    st.nextRetry = delay !== undefined ? now + delay : undefined;
    st.gaveUp = delay === undefined ? true : undefined;
    job.done = delay === undefined;
    save(env, job);
    env.log("warn", `${job.who}: not sent: ${st.message}${delay !== undefined ? `; asking again in ${delay} s` : "; gave up until the next event"}`);
    env.say(`${s.name}: not sent: ${st.message}`);
    return undefined;
  }
  if (ip === undefined) {
    st.result = "no-address";
    st.code = "no address";
    note(st, said("ddns.no_address", [env.addressSource(s)]));
    st.answer = "";
    st.nextRetry = undefined;
    save(env, job);
    env.log("warn", `${job.who}: not sent: ${st.message}`);
    env.say(`${s.name}: not sent: ${st.message}`);
    job.done = true;
    return undefined;
  }
  if (!force && alreadySent(st, s, ip)) {
    if (st.nextRetry !== undefined) {
      st.nextRetry = undefined;
      save(env, job);
    }
    env.log("info", `${job.who}: ${ip} unchanged since the last success, not sent`);
    env.say(`${s.name}: ${ip} already sent successfully; use --force to send again`);
    job.done = true;
    return undefined;
  }
  return ip;
}

/** One request for the job; marks it done unless a retry is due. */
function attempt(job: Job, ip: string, env: UpdaterEnv): void {
  const { s, st } = job;
  const now = env.clock.now();
  st.lastAttempt = now;
  st.ipSent = ip;
  st.nextRetry = undefined;
  save(env, job);
  env.writeFile(lastRequestPath(s.provider), `${now}\n`);
  const o = providerFor(s.provider).update(s, ip, (req) => env.http({ ...req, timeout: s.timeout }));
  record(st, o);
  const text = o.message.text;
  const line = `${job.who} <- ${ip}: ${o.kind} (${o.code}) ${text}`;
  job.done = true;
  if (o.kind === "ok" || o.kind === "unchanged") {
    st.lastSuccess = env.clock.now();
    st.successIp = ip;
    st.failures = 0;
    env.log("info", line);
    env.say(`${s.name}: ${ip} sent: ${text}`);
  } else if (o.kind === "permanent") {
    env.log("err", `${line}; not retried until the config is fixed`);
    env.say(`${s.name}: failed: ${text} (${o.code})`);
  } else {
    st.failures = st.failures + 1;
    const delay = retryDelay(st.failures);
    if (delay === undefined) {
      st.gaveUp = true;
      env.log("err", `${line}; gave up after ${MAX_ATTEMPTS} attempts until the next event or 'splitwan ddns update'`);
      env.say(`${s.name}: gave up after ${MAX_ATTEMPTS} attempts: ${text}`);
    } else {
      st.nextRetry = env.clock.now() + delay;
      job.done = false;
      env.log("warn", `${line}; attempt ${st.failures + 1}/${MAX_ATTEMPTS} in ${delay} s`);
      env.say(`${s.name}: ${text} (${o.code}); retrying in ${delay} s`);
    }
  }
  save(env, job);
}

/** Runs every enabled section to an end (success, permanent failure, giving up), always
 * sending the request that is due first, so one failing provider does not hold up another.
 * "superseded" means: start again with the newest event. */
export function runPass(sections: DdnsSection[], env: UpdaterEnv, opts: PassOptions): PassEnd {
  const force = opts.force;
  const jobs = sections.map((s) => startJob(s, env, opts.fresh));
  for (;;) {
    if (env.superseded()) return "superseded";
    let next: Job | undefined;
    let nextIp = "";
    let nextAt = 0;
    for (const job of jobs) {
      if (job.done) continue;
      const ip = check(job, env, force);
      if (ip === undefined && job.done) continue;
      // no address yet but a retry: due when netifd is to be asked again
      const at = ip === undefined ? (job.st.nextRetry as number) : dueTime(env, job);
      if (next === undefined || at < nextAt) {
        next = job;
        nextIp = ip ?? "";
        nextAt = at;
      }
    }
    if (next === undefined) return "done";
    if (nextAt > env.clock.now() + opts.maxWait) {
      // mark what is still to send, so the continuing run knows
      for (const job of jobs) {
        if (job.done) continue;
        job.st.nextRetry = dueTime(env, job);
        save(env, job);
      }
      env.say(`${next.s.name}: next attempt in ${Math.ceil(nextAt - env.clock.now())} s, continued in the background ('splitwan ddns status' shows it)`);
      return "deferred";
    }
    if (nextAt > env.clock.now()) {
      env.say(`${next.s.name}: waiting ${Math.ceil(nextAt - env.clock.now())} s before sending`);
      if (!sleepUntil(env, nextAt)) return "superseded";
      continue; // re-read addresses: they may have changed while waiting
    }
    if (nextIp === "") continue; // netifd's turn to be asked again
    attempt(next, nextIp, env);
  }
}
