// `splitwan diagnose [--json]`: the self-test. Collects facts (read-only, bounded in
// time), judges them, and prints one line per check, or the results as JSON (the same
// object the rpcd `diagnose` method answers).
import { jsonArray, jsonEncode } from "../core/json";
import type { Platform } from "../core/platform";
import { collectFacts } from "../core/diagnose/collect";
import { type CheckResult, judge } from "../core/diagnose/verdicts";

export interface DiagnoseReply {
  checks: CheckResult[];
  summary: { ok: number; warning: number; fail: number; not_checked: number };
  seconds: number;
}

export function runDiagnose(p: Platform): DiagnoseReply {
  const start = p.now();
  const checks = judge(collectFacts(p)).map((c) => ({ ...c, args: jsonArray(c.args) }));
  const count = (v: CheckResult["verdict"]) => checks.filter((c) => c.verdict === v).length;
  return {
    checks: jsonArray(checks),
    summary: { ok: count("ok"), warning: count("warning"), fail: count("fail"), not_checked: count("not-checked") },
    seconds: p.now() - start,
  };
}

const LABEL: Record<CheckResult["verdict"], string> = { ok: "ok", warning: "WARN", fail: "FAIL", "not-checked": "--" };

function pad(s: string, n: number): string {
  let out = s;
  while (out.length < n) out += " ";
  return out;
}

export function formatDiagnose(r: DiagnoseReply): string {
  const s = r.summary;
  const out = [`splitwan diagnose: ${s.ok} ok, ${s.warning} warning, ${s.fail} fail, ${s.not_checked} not checked (${r.seconds} s)`];
  for (const c of r.checks) out.push(`${pad(LABEL[c.verdict], 5)} ${pad(c.id, 14)} ${c.text}`);
  return out.join("\n") + "\n";
}

export function diagnoseCommand(p: Platform, args: string[]): number {
  const r = runDiagnose(p);
  p.print(args.includes("--json") ? jsonEncode(r, true) + "\n" : formatDiagnose(r));
  return 0;
}
