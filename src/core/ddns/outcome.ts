// Outcomes shared by the providers.
import { said } from "../messages";
import { scrub } from "./encode";
import type { Outcome } from "./types";

/** The Outcome when no HTTP answer came: transient, unless the router lacks what it needs. */
export function noAnswer(service: string, error: string | undefined, fatal: boolean | undefined, secrets: string[]): Outcome {
  const why = scrub(error ?? "unknown error", secrets);
  if (fatal === true) return { kind: "permanent", code: "client", message: said("ddns.unreachable", [service, why]), answer: "" };
  return { kind: "transient", code: "network", message: said("ddns.no_answer", [service, why]), answer: "" };
}
