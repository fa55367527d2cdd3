// Running commands for the namespace bed: every failure throws with the command and its
// stderr, so a broken bed never passes for a working data plane.
import { spawnSync } from "node:child_process";

export interface Run { code: number; stdout: string; stderr: string }

export function run(argv: string[], opts: { input?: string; check?: boolean; env?: NodeJS.ProcessEnv; timeout?: number } = {}): Run {
  const r = spawnSync(argv[0], argv.slice(1), {
    input: opts.input ?? "",
    encoding: "utf8",
    env: opts.env ?? process.env,
    timeout: opts.timeout ?? 30000,
  });
  if (r.error) throw new Error(`${argv.join(" ")}: ${r.error.message}`);
  const out = { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
  if ((opts.check ?? true) && out.code !== 0) {
    throw new Error(`${argv.join(" ")} (exit ${out.code}):\n${out.stderr}${opts.input ? `\ninput:\n${opts.input}` : ""}`);
  }
  return out;
}

/** Runs ip commands in a namespace, one per line without the leading "ip"; a line may
 * start with -4 / -6 (ip -batch knows no per-line family: runs of lines are grouped). */
export function ipBatch(ns: string, lines: string[], opts: { force?: boolean } = {}): void {
  let i = 0;
  while (i < lines.length) {
    const fam = /^-[46] /.test(lines[i]) ? lines[i].slice(0, 2) : "";
    const group: string[] = [];
    while (i < lines.length && (/^-[46] /.test(lines[i]) ? lines[i].slice(0, 2) : "") === fam) group.push(fam ? lines[i++].slice(3) : lines[i++]);
    const argv = ["ip", "-n", ns, ...(fam ? [fam] : []), ...(opts.force ? ["-force"] : []), "-batch", "-"];
    run(argv, { input: group.join("\n") + "\n", check: !opts.force });
  }
}

export function inNs(ns: string, argv: string[], opts: Parameters<typeof run>[1] = {}): Run {
  return run(["ip", "netns", "exec", ns, ...argv], opts);
}

export function nft(ns: string, ruleset: string): void {
  inNs(ns, ["nft", "-f", "-"], { input: ruleset });
}

/** sysctl -w without procps: /proc/sys/net belongs to the namespace of the writer. */
export function sysctl(ns: string, key: string, value: string): void {
  inNs(ns, ["sh", "-c", 'echo "$1" > "/proc/sys/$2"', "sh", value, key.split(".").join("/")]);
}
