// Every way a call to the router can fail, told apart and put in the user's words. The
// page never shows a Lua or RPC error text: what it shows is a sentence from here plus
// where the details are (the system log, where the plugin logs what went wrong).
//
// How a failure reaches the page (LuCI's rpc.js, uhttpd-mod-ubus, rpcd):
//  - the call resolves to a number: the ubus status of a call rpcd rejected. An exec
//    plugin that prints no JSON object (it crashed) gives 2 (INVALID_ARGUMENT) or
//    5 (NO_DATA); a method it does not list 3; a plugin run past rpcd's timeout 7;
//  - the call rejects: uhttpd's JSON-RPC errors come as "... failed with error -32000:
//    Object not found" (no plugin luci.splitwan: not installed, or rpcd not restarted),
//    -32002 "Access denied" (ACL or session), -32003 "ubus request timed out"; a request
//    the browser gave up on as "XHR request aborted by browser"; HTTP errors as
//    "... failed with HTTP error <status>";
//  - the call resolves to {error: "..."}: the plugin caught an error (and logged it).
import { fmt } from "./text";

export type FailureKind = "missing" | "denied" | "timeout" | "unreachable" | "old" | "crashed" | "refused" | "invalid";

export interface Failure {
  kind: FailureKind;
  /** The ubus status or JSON-RPC error code, when there is one. */
  code?: number;
}

export type Answer<T> = { ok: true; value: T } | { ok: false; failure: Failure };

const UBUS_METHOD_NOT_FOUND = 3;
const UBUS_TIMEOUT = 7;

function ubusFailure(code: number): Failure {
  if (code === UBUS_METHOD_NOT_FOUND) return { kind: "old", code };
  if (code === UBUS_TIMEOUT) return { kind: "timeout", code };
  if (code === 2 || code === 5 || code === 9) return { kind: "crashed", code };
  return { kind: "refused", code };
}

/** A resolved call: the reply when it looks like one (shape checks the method's fields). */
export function answerOf<T>(x: unknown, shape: (v: Record<string, unknown>) => boolean): Answer<T> {
  if (typeof x === "number") return { ok: false, failure: ubusFailure(x) };
  if (typeof x !== "object" || x === null || Array.isArray(x)) return { ok: false, failure: { kind: "invalid" } };
  const v = x as Record<string, unknown>;
  if (typeof v.error === "string") return { ok: false, failure: { kind: "crashed" } };
  if (!shape(v)) return { ok: false, failure: { kind: "invalid" } };
  return { ok: true, value: x as T };
}

/** A rejected call (rpc.js raised). */
export function rejectedFailure(e: unknown): Failure {
  const text = e instanceof Error ? e.message : String(e);
  const m = /failed with error (-?\d+)/.exec(text);
  if (m !== null) {
    const code = Number(m[1]);
    if (code === -32000) return { kind: "missing", code };
    if (code === -32002 || code === -32001) return { kind: "denied", code };
    if (code === -32003) return { kind: "timeout", code };
    return { kind: "refused", code };
  }
  const u = /failed with ubus code (\d+)/.exec(text);
  if (u !== null) return ubusFailure(Number(u[1]));
  return { kind: "unreachable" };
}

/** Runs a declared call; resolves to its answer, never rejects. */
export function ask<T>(call: Promise<unknown>, shape: (v: Record<string, unknown>) => boolean): Promise<Answer<T>> {
  return call.then(
    (x) => answerOf<T>(x, shape),
    (e: unknown) => ({ ok: false as const, failure: rejectedFailure(e) }),
  );
}

/** What went wrong, in one sentence. */
export function failureText(f: Failure): string {
  switch (f.kind) {
    case "missing":
      return _("The router has no Split WAN service (rpcd object luci.splitwan). Restart rpcd under System → Startup, or reinstall luci-app-splitwan.");
    case "denied":
      return _("This login may not use Split WAN (access denied). Log in again.");
    case "timeout":
      return _("The router did not answer in time.");
    case "unreachable":
      return _("The router could not be reached.");
    case "old":
      return _("The Split WAN service on the router is older than this page. Restart rpcd under System → Startup.");
    case "crashed":
      return _("The Split WAN service on the router failed.");
    case "invalid":
      return _("The Split WAN service on the router gave an answer this page does not understand.");
    default:
      return fmt(_("The router refused the request (code %s)."), f.code ?? "?");
  }
}

/** Where to look: the system log (LuCI shows it too), filtered to splitwan. */
export function logHint(): string {
  return fmt(_("Details are in the system log (Status → System Log, or %s)."), "logread -e splitwan");
}
