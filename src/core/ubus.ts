// What a ubus call answers, as a value: libubus-lua returns nil plus a status code on
// failure, and the callers must tell "not configured" from "netifd not answering".

/** libubus status codes (libubus.h enum ubus_msg_status) that splitwan tells apart. */
export const UBUS_METHOD_NOT_FOUND = 3;
export const UBUS_NOT_FOUND = 4;
export const UBUS_TIMEOUT = 7;
/** ubusd went away during the call (seen with the real libubus-lua). */
export const UBUS_CONNECTION_FAILED = 10;

export type UbusFailure = "not-found" | "method-not-found" | "timeout" | "no-connection" | "error";

export type UbusReply =
  | { ok: true; data: Record<string, unknown> }
  | { ok: false; failure: UbusFailure; code: number };

export function ubusFailed(code: number, connected: boolean): UbusReply {
  let failure: UbusFailure = "error";
  if (!connected || code === UBUS_CONNECTION_FAILED) failure = "no-connection";
  else if (code === UBUS_NOT_FOUND) failure = "not-found";
  else if (code === UBUS_METHOD_NOT_FOUND) failure = "method-not-found";
  else if (code === UBUS_TIMEOUT) failure = "timeout";
  return { ok: false, failure, code };
}

/** The answer's data, or undefined when the call failed. */
export function ubusData(r: UbusReply): Record<string, unknown> | undefined {
  return r.ok ? r.data : undefined;
}

/** netifd (or ubusd) did not answer at all, as opposed to "no such object". */
export function notAnswering(r: UbusReply): boolean {
  return !r.ok && r.failure !== "not-found";
}

/** Plain words for logs and the CLI. */
export function describeUbusFailure(object: string, r: UbusReply): string {
  if (r.ok) return `${object}: answered`;
  switch (r.failure) {
    case "not-found":
      return `${object} does not exist`;
    case "method-not-found":
      return `${object} has no such method`;
    case "timeout":
      return `${object} did not answer in time`;
    case "no-connection":
      return "cannot connect to ubus (is ubusd running?)";
    default:
      return `${object}: ubus error ${r.code}`;
  }
}

/** obj[key] of a decoded JSON (ubus) value, or undefined. */
export function field(obj: unknown, key: string): unknown {
  return typeof obj === "object" && obj !== null ? (obj as Record<string, unknown>)[key] : undefined;
}
