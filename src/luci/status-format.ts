// The status panel's content from the plugin's `status` reply: rows of label, value
// and a state that picks the colour. Pure, so Node tests cover every state.
import type { DdnsState, LivePart, StatusReply } from "../core/rpc-types";
import { errorLines } from "./field-errors";
import { translateMessage } from "./messages";
import { fmt, formatDuration, formatRelative, formatTime } from "./text";

export type State = "ok" | "warn" | "error" | "off";

export interface Row {
  key: string;
  label: string;
  value: string;
  state: State;
}

/** Lua's JSON encoder cannot tell an empty array from an empty object. */
export function asArray<T>(v: T[] | Record<string, never> | undefined | null): T[] {
  return Array.isArray(v) ? v : [];
}

export function pppoeRows(st: StatusReply): Row[] {
  const p = st.pppoe;
  const rows: Row[] = [];
  let state: Row = { key: "state", label: _("Connection"), value: "", state: "off" };
  if (!st.enabled) state = { ...state, value: _("Disabled"), state: "off" };
  else if (!p.configured) state = { ...state, value: _("Not configured yet: save and apply"), state: "warn" };
  else if (p.up) state = { ...state, value: _("Connected"), state: "ok" };
  else if (asArray(p.errors).length > 0) state = { ...state, value: fmt(_("Error: %s"), asArray(p.errors).map((e) => pppoeErrorText(e)).join(", ")), state: "error" };
  else if (p.pending) state = { ...state, value: _("Connecting…"), state: "warn" };
  else state = { ...state, value: _("Disconnected"), state: "error" };
  rows.push(state);
  if (p.up) {
    rows.push({ key: "uptime", label: _("Uptime"), value: p.uptime !== undefined ? formatDuration(p.uptime) : "-", state: "ok" });
    rows.push({ key: "ipv4", label: _("Public IPv4"), value: p.ipv4 ?? "-", state: p.ipv4 ? "ok" : "warn" });
  }
  if (p.configured) {
    rows.push({ key: "mtu", label: _("MTU"), value: p.mtu !== undefined ? String(p.mtu) : "-", state: "off" });
    rows.push({ key: "device", label: _("Device"), value: p.device ?? "-", state: "off" });
  }
  return rows;
}

/** netifd's PPPoE error codes in plain words (an unknown code as it is). */
export function pppoeErrorText(code: string): string {
  const words: Record<string, string> = {
    AUTH_FAILED: _("authentication failed: check username and password"),
    NO_DEVICE: _("the PPPoE device does not exist"),
    INVALID_ADDRESS: _("the ISP sent an invalid address"),
    CONNECT_FAILED: _("no answer from the ISP (PADO timeout)"),
  };
  return Object.prototype.hasOwnProperty.call(words, code) ? words[code] : code;
}

function liveRow(key: string, label: string, part: LivePart, liveText: string): Row {
  if (!part.configured) return { key, label, value: _("Not configured"), state: "off" };
  return part.live ? { key, label, value: liveText, state: "ok" } : { key, label, value: _("Missing"), state: "error" };
}

export function routingRows(st: StatusReply): Row[] {
  const tableName = st.table.id !== undefined ? `${st.table.id}${st.table.name ? ` (${st.table.name})` : ""}` : "";
  const tableLive = tableName ? fmt(_("Live: table %s"), tableName) : _("Live");
  const rows = [
    liveRow("table", _("Routing table"), st.table, tableLive),
    liveRow("rules", _("Routing rules"), st.rules, _("Live")),
    liveRow("zone", _("Firewall zone"), st.zone, st.zone.name ? fmt(_("Live: %s"), st.zone.name) : _("Live")),
    liveRow("forwards", _("Port forwards"), st.forwards, _("Live")),
  ];
  if (st.pppoe.up && st.table.configured && st.table.default_route === false) {
    rows[0] = { ...rows[0], value: _("No default route in the table"), state: "error" };
  } else if (!st.pppoe.up && st.table.configured && !st.table.live) {
    // netifd takes the PPPoE routes out with the session: expected, not a fault
    rows[0] = { ...rows[0], value: _("Empty while PPPoE is down"), state: "off" };
  }
  return rows;
}

export interface ServerRow {
  name: string;
  ipaddr: string;
  mode: string;
  ports: string;
  /** Where the server is reachable from the internet: "203.0.113.7: 80,443/tcp". */
  published: string;
  state: State;
}

export function modeLabel(mode: string): string {
  if (mode === "reply-only") return _("Replies only");
  if (mode === "source") return _("All traffic");
  return mode;
}

export function serverRows(st: StatusReply): ServerRow[] {
  return asArray(st.servers).map((s) => {
    const ports = asArray(s.ports).join(", ");
    let state: State = "off";
    if (s.enabled && st.enabled) state = s.live ? (st.pppoe.up ? "ok" : "warn") : "error";
    const at = st.pppoe.up && st.pppoe.ipv4 ? st.pppoe.ipv4 : _("(PPPoE down)");
    return {
      name: s.name,
      ipaddr: s.ipaddr,
      mode: modeLabel(s.mode),
      ports,
      published: !s.enabled ? _("Disabled") : s.live ? fmt(_("%s: %s"), at, ports) + (s.ip6_suffix ? `; ${fmt(_("IPv6 to the suffix %s"), s.ip6_suffix)}` : "") : _("Not published"),
      state,
    };
  });
}

export function providerLabel(provider: string): string {
  if (provider === "value-domain") return "Value Domain";
  if (provider === "mydns") return "MyDNS.JP";
  if (provider === "cloudflare") return "Cloudflare";
  return provider;
}

export interface DdnsRow {
  name: string;
  provider: string;
  lastAttempt: string;
  lastSuccess: string;
  ipSent: string;
  answer: string;
  nextRetry: string;
  state: State;
}

function when(t: number | undefined, now: number): string {
  if (t === undefined || t <= 0) return _("never");
  return `${formatTime(t)} (${formatRelative(t, now)})`;
}

export function ddnsRows(st: StatusReply): DdnsRow[] {
  return asArray<DdnsState>(st.ddns).map((d) => {
    let state: State = "off";
    if (d.enabled) {
      if (d.last_success !== undefined && (d.last_attempt === undefined || d.last_success >= d.last_attempt)) {
        state = st.pppoe.ipv4 && d.ip_sent && d.ip_sent !== st.pppoe.ipv4 ? "warn" : "ok";
      } else if (d.last_attempt !== undefined) state = "error";
      else state = "warn";
    }
    return {
      name: d.host ? `${d.name} (${d.host})` : d.name,
      provider: providerLabel(d.provider),
      lastAttempt: when(d.last_attempt, st.now),
      lastSuccess: when(d.last_success, st.now),
      ipSent: d.ip_sent ?? "-",
      answer: d.message ? translateMessage(d.message) : d.answer ?? "-",
      nextRetry: d.next_retry !== undefined && d.next_retry > 0 ? when(d.next_retry, st.now) : "-",
      state,
    };
  });
}

/** The router's validation errors of the committed config, then its warnings. */
export function warningTexts(st: StatusReply): string[] {
  return errorLines(asArray(st.errors)).concat(asArray(st.warnings).map((w) => translateMessage(w)));
}

/** One line for the panel's heading. */
export function summary(st: StatusReply): { text: string; state: State } {
  if (!st.enabled) return { text: _("Split WAN is disabled"), state: "off" };
  if (asArray(st.errors).length > 0) return { text: _("The configuration is invalid and was not applied"), state: "error" };
  if (st.pppoe.up) return { text: fmt(_("PPPoE up, public IPv4 %s"), st.pppoe.ipv4 ?? "-"), state: asArray(st.warnings).length > 0 ? "warn" : "ok" };
  return { text: _("PPPoE down: servers are not reachable over IPv4"), state: "error" };
}

/** LuCI theme classes for a state: a label in the row (none when off). */
export function stateLabel(state: State): { cls: string; text: string } | undefined {
  if (state === "ok") return { cls: "label success", text: _("OK") };
  if (state === "warn") return { cls: "label warning", text: _("Check") };
  if (state === "error") return { cls: "label important", text: _("Error") };
  return undefined;
}

/** The theme's alert class for the panel's summary line. */
export function alertClass(state: State): string {
  if (state === "ok") return "alert-message success";
  if (state === "warn") return "alert-message warning";
  if (state === "error") return "alert-message error";
  return "alert-message notice";
}

/** Why the live state is not the saved configuration, when it is not; the page offers
 * "Apply now" with it. Invalid configs are told by the warnings (apply cannot help). */
export function driftText(st: StatusReply): { text: string; items: string[] } | undefined {
  const drift = st.drift;
  if (drift === undefined || asArray(st.errors).length > 0) return undefined;
  const conflicts = asArray(drift.conflicts);
  if (conflicts.length > 0) {
    return {
      text: _("Split WAN cannot apply the saved configuration: these sections were not created by it and are in the way. Remove or rename them, then apply."),
      items: conflicts.map((c) => translateMessage(c)),
    };
  }
  if (drift.changes > 0) {
    return { text: fmt(_("The router does not run the saved configuration: %s change(s) are not applied. The last apply failed or has not run yet."), drift.changes), items: [] };
  }
  const reload = asArray(drift.reload);
  if (reload.length > 0) {
    return { text: fmt(_("The configuration is written, but %s still run the old one: the last apply stopped before reloading them. Apply again."), reload.join(", ")), items: [] };
  }
  return undefined;
}
