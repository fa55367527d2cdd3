// Services → Split WAN: a status panel that refreshes itself, with actions, and the setup
// form (form.Map on /etc/config/splitwan) in tabs. Bundled by scripts/build-luci.mjs into
// htdocs/luci-static/resources/view/splitwan/overview.js; LuCI hands the required
// classes in as the globals view, form, rpc, uci, ui, poll, dom (see env.d.ts).
// Looks come from the theme's classes (cbi-*, alert-message, label, table): no colours here.
import type { ActionReply, ApplyReply, DetectReply, FieldError, StatusReply, ValidateReply } from "../core/rpc-types";
import { diagnosePanel, type DiagnoseReply } from "./diagnose-panel";
import { deviceChoices, detectedText, leaseChoices, validateDeviceName, validatePortItem } from "./choices";
import { type Answer, ask, failureText, logHint } from "./failure";
import { errorLines, groupErrors } from "./field-errors";
import { optionLabel } from "./labels";
import { translateMessage } from "./messages";
import { alertClass, asArray, ddnsRows, driftText, modeLabel, pppoeRows, routingRows, serverRows, stateLabel, summary, warningTexts, type Row, type State } from "./status-format";
import { fmt } from "./text";

const OBJECT = "luci.splitwan";
const POLL_SECONDS = 5;

// No `expect`: a rejected call then arrives as its ubus status (a number) instead of a
// silent {}, so the page can say what failed (failure.ts).
const callStatus = rpc.declare<unknown>({ object: OBJECT, method: "status" });
const callDetect = rpc.declare<unknown>({ object: OBJECT, method: "detect" });
const callValidate = rpc.declare<unknown, [unknown?]>({ object: OBJECT, method: "validate", params: ["sections"] });
const callDdnsUpdate = rpc.declare<unknown, [string, boolean]>({ object: OBJECT, method: "ddns_update", params: ["name", "force"] });
const callReconnect = rpc.declare<unknown>({ object: OBJECT, method: "reconnect" });
const callApply = rpc.declare<unknown>({ object: OBJECT, method: "apply" });
const callDiagnose = rpc.declare<unknown>({ object: OBJECT, method: "diagnose" });

const isStatus = (v: Record<string, unknown>) => typeof v.pppoe === "object" && v.pppoe !== null;
const isDetect = (v: Record<string, unknown>) => Array.isArray(v.devices) || typeof v.devices === "object";
const isValidate = (v: Record<string, unknown>) => typeof v.valid === "boolean";
const isAction = (v: Record<string, unknown>) => typeof v.ok === "boolean" && typeof v.code === "string";
const isApply = (v: Record<string, unknown>) => typeof v.ok === "boolean" && typeof v.exit === "number";
const isDiagnose = (v: Record<string, unknown>) => Array.isArray(v.checks);

// Layout only (the theme owns colours): the alert box's list keeps its bullets inside,
// the action buttons sit in a row.
const CSS = `
#splitwan-status .alert-message ul, #splitwan-check .alert-message ul, #splitwan-drift ul, #splitwan-action-result ul { margin-left: 1.5em; list-style: disc outside; }
.splitwan-actions { display: flex; gap: .5em; flex-wrap: wrap; align-items: center; margin-bottom: .5em; }
.splitwan-state { width: 5em; }
`;

// LuCI's E() puts a lone string child in as HTML (innerHTML); strings inside an array
// become text nodes. Everything below that can hold router or user data (device names,
// DHCP host names, provider answers, messages quoting a value) goes in an array.

/** A failure as the page shows it: what was being done, what went wrong, where to look. */
function failureBox(id: string, what: string, f: Answer<unknown> & { ok: false }): HTMLElement {
  return E<HTMLElement>("div", { class: "alert-message error", id, "data-failure": f.failure.kind }, [
    E<HTMLElement>("p", {}, [E<HTMLElement>("strong", {}, [what]), " ", failureText(f.failure)]),
    E<HTMLElement>("p", {}, [logHint()]),
  ]);
}

function stateCell(state: State): HTMLElement {
  const l = stateLabel(state);
  return E<HTMLElement>("td", { class: "td splitwan-state" }, l === undefined ? [] : [E<HTMLElement>("span", { class: l.cls }, [l.text])]);
}

function rowsTable(id: string, rows: Row[]): HTMLElement {
  return E(
    "table",
    { class: "table", id },
    rows.map((r) =>
      E<HTMLElement>("tr", { class: "tr", "data-key": r.key, "data-state": r.state }, [E<HTMLElement>("td", { class: "td left", width: "33%" }, [r.label]), stateCell(r.state), E<HTMLElement>("td", { class: "td" }, [r.value])]),
    ),
  );
}

function gridTable(id: string, head: string[], rows: Array<{ state: State; cells: string[] }>, empty: string): HTMLElement {
  const table = E<HTMLElement>("table", { class: "table", id }, [E<HTMLElement>("tr", { class: "tr table-titles" }, [E<HTMLElement>("th", { class: "th" }, [])].concat(head.map((h) => E<HTMLElement>("th", { class: "th" }, [h]))))]);
  if (rows.length === 0) table.appendChild(E<HTMLElement>("tr", { class: "tr placeholder" }, E<HTMLElement>("td", { class: "td", colspan: String(head.length + 1) }, E<HTMLElement>("em", {}, [empty]))));
  for (const r of rows) table.appendChild(E<HTMLElement>("tr", { class: "tr", "data-state": r.state }, [stateCell(r.state)].concat(r.cells.map((c) => E<HTMLElement>("td", { class: "td" }, [c])))));
  return table;
}

function list(items: string[]): HTMLElement {
  return E<HTMLElement>("ul", {}, items.map((w) => E<HTMLElement>("li", {}, [w])));
}

/** Why the router does not run the saved config, with "Apply now" (never a command). */
function driftBox(st: StatusReply): HTMLElement[] {
  const d = driftText(st);
  if (d === undefined) return [];
  const btn = actionButton(_("Apply now"), "splitwan-apply", () => ask<ApplyReply>(callApply(), isApply), applyBox, applyResult);
  return [E<HTMLElement>("div", { class: "alert-message warning", id: "splitwan-drift" }, [E<HTMLElement>("p", {}, [d.text]), d.items.length > 0 ? list(d.items) : "", E<HTMLElement>("div", { class: "splitwan-actions" }, [btn])])];
}

/** The status panel's content for one `status` answer. */
function renderStatus(a: Answer<StatusReply>): HTMLElement[] {
  if (!a.ok) return [failureBox("splitwan-status-error", _("Status unavailable."), a)];
  const st = a.value;
  const sum = summary(st);
  const out: HTMLElement[] = [E<HTMLElement>("div", { class: alertClass(sum.state), id: "splitwan-summary", "data-state": sum.state }, [sum.text])];
  out.push(...driftBox(st));
  const warnings = warningTexts(st);
  if (warnings.length > 0) out.push(E<HTMLElement>("div", { class: "alert-message warning", id: "splitwan-warnings" }, [E<HTMLElement>("strong", {}, [_("Warnings")]), list(warnings)]));
  out.push(E<HTMLElement>("h4", {}, [_("PPPoE")]), rowsTable("splitwan-pppoe", pppoeRows(st)));
  out.push(E<HTMLElement>("h4", {}, [_("Routing and firewall")]), rowsTable("splitwan-routing", routingRows(st)));
  out.push(
    E<HTMLElement>("h4", {}, [_("Servers")]),
    gridTable(
      "splitwan-servers",
      [_("Name"), _("LAN address"), _("Routing mode"), _("Published")],
      serverRows(st).map((s) => ({ state: s.state, cells: [s.name, s.ipaddr, s.mode, s.published] })),
      _("No servers configured"),
    ),
  );
  out.push(
    E<HTMLElement>("h4", {}, [_("DDNS")]),
    gridTable(
      "splitwan-ddns",
      [_("Name"), _("Provider"), _("Last attempt"), _("Last success"), _("IP sent"), _("Provider's answer"), _("Next retry")],
      ddnsRows(st).map((d) => ({ state: d.state, cells: [d.name, d.provider, d.lastAttempt, d.lastSuccess, d.ipSent, d.answer, d.nextRetry] })),
      _("No DDNS configured"),
    ),
  );
  return out;
}

function sectionsForCheck(): Array<{ name: string; type: string; options: Record<string, string | string[]> }> {
  return uci.sections("splitwan").map((s) => {
    const options: Record<string, string | string[]> = {};
    for (const k of Object.keys(s)) if (k.charAt(0) !== ".") options[k] = (s as unknown as Record<string, string | string[]>)[k];
    return { name: s[".name"], type: s[".type"], options };
  });
}

let routerErrors: FieldError[] = [];
let statusBox: HTMLElement;
/** Outside the status body, so the 5 s refresh keeps what "Apply now" answered. */
let applyBox: HTMLElement;
let checkBox: HTMLElement;
let formRoot: HTMLElement | undefined;

/** Shows router-side validation errors next to their fields and as a list. */
function showRouterErrors(): void {
  if (formRoot) formRoot.querySelectorAll(".splitwan-field-error").forEach((n) => n.parentNode?.removeChild(n));
  for (const f of groupErrors(routerErrors).fields) {
    const text = f.messages.join("; ");
    // LuCI puts data-field on the option's row; the message goes under the widget
    const row = formRoot?.querySelector(`[data-field="${f.field}"]`);
    const where = row?.querySelector(".cbi-value-field") ?? row;
    if (where) where.appendChild(E<HTMLElement>("div", { class: "alert-message error splitwan-field-error", "data-error-for": f.field }, [text]));
  }
  const items = errorLines(routerErrors);
  dom.content(checkBox, items.length === 0 ? null : E<HTMLElement>("div", { class: "alert-message error" }, [E<HTMLElement>("strong", {}, [_("The router rejects this configuration:")]), list(items)]));
}

/** Runs the router's own validation on the staged (or, staged=false, committed) config. */
function checkOnRouter(staged: boolean): Promise<boolean> {
  return ask<ValidateReply>(staged ? callValidate(sectionsForCheck()) : callValidate(), isValidate).then((a) => {
    if (!a.ok) {
      // without an answer the router still validates when it applies
      routerErrors = [];
      dom.content(checkBox, failureBox("splitwan-check-error", _("Could not check the configuration on the router."), a));
      return true;
    }
    routerErrors = asArray(a.value.errors);
    showRouterErrors();
    return routerErrors.length === 0;
  });
}

function refreshStatus(): Promise<void> {
  return ask<StatusReply>(callStatus(), isStatus).then((a) => {
    dom.content(statusBox, renderStatus(a));
  });
}

function actionResult(r: ActionReply): HTMLElement {
  return E<HTMLElement>("div", { class: r.ok ? "alert-message notice" : "alert-message error" }, [translateMessage(r)]);
}

/** "Apply now": the outcome in the page's words; what stopped it as a list. */
function applyResult(a: ApplyReply): HTMLElement {
  if (a.ok) {
    const n = asArray(a.changes).length;
    return E<HTMLElement>("div", { class: "alert-message notice" }, [n === 0 ? _("Nothing to change: the router already runs the saved configuration.") : fmt(_("Applied %s change(s)."), n)]);
  }
  if (a.exit === 1) return E<HTMLElement>("div", { class: "alert-message error" }, [E<HTMLElement>("p", {}, [_("The saved configuration is invalid; nothing was changed:")]), list(errorLines(asArray(a.errors)))]);
  if (a.exit === 2) return E<HTMLElement>("div", { class: "alert-message error" }, [E<HTMLElement>("p", {}, [_("Nothing was changed: these sections were not created by Split WAN and are in the way:")]), list(asArray(a.conflicts).map((c) => translateMessage(c)))]);
  return E<HTMLElement>("div", { class: "alert-message error" }, [E<HTMLElement>("p", {}, [_("Applying failed; the previous files were put back.")]), E<HTMLElement>("p", {}, [logHint()])]);
}

function actionButton<T>(label: string, id: string, run: () => Promise<Answer<T>>, result: HTMLElement, show: (r: T) => HTMLElement): HTMLElement {
  const btn = E<HTMLElement>("button", { class: "cbi-button cbi-button-action", id }, [label]) as HTMLButtonElement;
  btn.addEventListener("click", (ev: Event) => {
    ev.preventDefault();
    btn.disabled = true;
    dom.content(result, E<HTMLElement>("em", { class: "spinning" }, [_("Working…")]));
    run()
      .then((a) => dom.content(result, a.ok ? show(a.value) : failureBox(`${id}-error`, fmt(_("%s failed."), label), a)))
      .then(() => refreshStatus())
      .then(() => {
        btn.disabled = false;
      });
  });
  return btn;
}

/** What the view sets on form options (the typings' option() overloads do not accept
 * Flag/ListValue/DynamicList, so options go through this). */
interface Option {
  rmempty: boolean;
  default: string | null;
  placeholder: string;
  password: boolean;
  datatype: string;
  /** TableSection column width (LuCI sets it on the column's header cell). */
  width: string;
  validate: (sectionId: string, value: string) => true | string;
  value(key: string, label: string): void;
  depends(option: string, value: string): void;
  subsection: Section;
}

interface Section {
  addremove: boolean;
  anonymous: boolean;
  option(cls: unknown, name: string, title?: string, description?: string): Option;
  tab(name: string, title: string, description?: string): void;
  taboption(tab: string, cls: unknown, name: string, ...rest: unknown[]): Option;
}

/** Firewall zones for a server: what the router lists, plus what is configured already
 * (a zone that is not offered would be replaced silently on save). */
function zoneChoices(detect: Answer<DetectReply>): string[] {
  const out = detect.ok ? asArray(detect.value.zones).slice() : [];
  for (const s of uci.sections("splitwan", "server")) {
    const z = (s as unknown as Record<string, unknown>).zone;
    if (typeof z === "string" && z !== "" && !out.includes(z)) out.push(z);
  }
  if (!out.includes("lan")) out.unshift("lan");
  return out;
}

/** A named section users add and remove, starting with its Enable flag (on by default). */
function enabledSection(s: Section, type: string): void {
  s.addremove = true;
  s.anonymous = false;
  const o = s.option(form.Flag, "enabled", optionLabel(type, "enabled"));
  o.default = "1";
  o.rmempty = false;
}

function serverOptions(ss: Section, detect: Answer<DetectReply>): void {
  enabledSection(ss, "server");
  let o = ss.option(form.Value, "ipaddr", optionLabel("server", "ipaddr"));
  for (const [ip, label] of leaseChoices(detect.ok ? detect.value.leases : undefined)) o.value(ip, label);
  o.datatype = "ip4addr('nomask')";
  o.rmempty = false;
  o = ss.option(form.ListValue, "zone", optionLabel("server", "zone"));
  for (const z of zoneChoices(detect)) o.value(z, z);
  o.default = "lan";
  o = ss.option(form.ListValue, "mode", optionLabel("server", "mode"));
  o.value("source", modeLabel("source"));
  o.value("reply-only", modeLabel("reply-only"));
  o.default = "source";
  // the theme makes a table's select 100% of its column: give the column room
  o.width = "11em";
  o = ss.option(form.Value, "ip6_suffix", optionLabel("server", "ip6_suffix"));
  o.placeholder = "::5";
  o.datatype = "ip6addr";
  o = ss.option(form.DynamicList, "port", optionLabel("server", "port"));
  o.placeholder = "80,443/tcp";
  o.validate = (_sid, v) => validatePortItem(v);
}

function ddnsOptions(ds: Section): void {
  enabledSection(ds, "ddns");
  let o = ds.option(form.ListValue, "provider", optionLabel("ddns", "provider"));
  o.value("value-domain", "Value Domain");
  o.value("mydns", "MyDNS.JP");
  o.value("cloudflare", "Cloudflare");
  o = ds.option(form.Value, "domain", optionLabel("ddns", "domain"), _("The domain (Value Domain) or the zone name (Cloudflare), like example.com"));
  o.datatype = "hostname";
  o.depends("provider", "value-domain");
  o.depends("provider", "cloudflare");
  o = ds.option(form.Value, "host", optionLabel("ddns", "host"), _("Empty or @ for the domain itself, * for the wildcard, or a name like www"));
  o.depends("provider", "value-domain");
  o.depends("provider", "cloudflare");
  o = ds.option(form.Value, "username", optionLabel("ddns", "username"), _("MyDNS.JP master ID"));
  o.depends("provider", "mydns");
  o = ds.option(form.Value, "password", optionLabel("ddns", "password"));
  o.password = true;
  o.depends("provider", "value-domain");
  o.depends("provider", "mydns");
  o = ds.option(form.Value, "token", optionLabel("ddns", "token"), _("Cloudflare API token with Zone.DNS Edit permission"));
  o.password = true;
  o.depends("provider", "cloudflare");
  o = ds.option(form.Value, "zone_id", optionLabel("ddns", "zone_id"), _("Optional: without it the token also needs Zone.Zone Read to find the zone"));
  o.depends("provider", "cloudflare");
  o = ds.option(form.ListValue, "ip_version", optionLabel("ddns", "ip_version"));
  o.value("4", "IPv4");
  o.value("6", "IPv6");
  o.default = "4";
  o.depends("provider", "mydns");
  o.depends("provider", "cloudflare");
  // the servers come from the loaded config (view load): only those with an IPv6 suffix
  o = ds.option(form.ListValue, "server", optionLabel("ddns", "server"), _("Publish this server's IPv6: the LAN's delegated prefix plus the server's IPv6 suffix, updated when the prefix changes"));
  o.value("", _("This router's own address"));
  for (const srv of uci.sections("splitwan", "server")) if (srv.ip6_suffix) o.value(srv[".name"], `${srv[".name"]} (${String(srv.ip6_suffix)})`);
  o.depends("ip_version", "6");
}

function buildMap(detect: Answer<DetectReply>): form.Map {
  const m = new form.Map("splitwan");
  const s = m.section(form.NamedSection, "main", "splitwan") as unknown as Section;
  s.addremove = false;
  s.tab("pppoe", _("PPPoE"));
  s.tab("servers", _("Servers"), _("Each server's ports are published on the PPPoE address. Ports: 80,443/tcp, 19132/udp, 27015-27030/both, 2222:22/tcp (outside:inside)."));
  s.tab("ddns", _("DDNS"), _("Points a DNS name at the PPPoE address whenever it comes up or changes."));
  s.tab("advanced", _("Advanced settings"), _("The defaults suit most setups. The router checks these in full when you save."));

  let o = s.taboption("pppoe", form.Flag, "enabled", optionLabel("splitwan", "enabled"), _("Splitwan removes everything it set up when disabled."));
  o.rmempty = false;
  o = s.taboption("pppoe", form.Value, "username", optionLabel("splitwan", "username"));
  o.placeholder = "user@isp";
  o = s.taboption("pppoe", form.Value, "password", optionLabel("splitwan", "password"));
  o.password = true;
  o = s.taboption("pppoe", form.Value, "device", optionLabel("splitwan", "device"), detectedText(detect));
  for (const [dev, label] of deviceChoices(detect.ok ? detect.value : undefined)) o.value(dev, label);
  if (detect.ok && detect.value.device) o.default = detect.value.device;
  o.validate = (_sid, v) => validateDeviceName(v);
  o = s.taboption("pppoe", form.Value, "mtu", optionLabel("splitwan", "mtu"), _("1454 for NTT FLET'S: its PPPoE path carries at most 1454 bytes, less than the usual 1492, and larger packets are lost. Use 1492 on other PPPoE lines."));
  o.datatype = "range(576,1492)"; // the core accepts the same range (PPPoE's maximum)
  o.placeholder = "1454";

  // sections of other types inside a tab: LuCI's SectionValue
  o = s.taboption("servers", form.SectionValue, "_servers", form.TableSection, "server");
  serverOptions(o.subsection, detect);
  o = s.taboption("ddns", form.SectionValue, "_ddns", form.TypedSection, "ddns");
  ddnsOptions(o.subsection);

  const advanced: Array<[string, string, string | null]> = [
    ["interface", "wanppp", "uciname"],
    ["zone", "wan_pppoe", "uciname"],
    ["table", "300", "range(1,2147483647)"],
    ["table_name", "pppoe", null],
    ["priority", "30000", "range(1,32765)"],
    ["mark", "0x10000000", null],
  ];
  for (const [name, placeholder, datatype] of advanced) {
    o = s.taboption("advanced", form.Value, name, optionLabel("splitwan", name));
    o.placeholder = placeholder;
    if (datatype !== null) o.datatype = datatype;
  }
  return m;
}

type Loaded = [Answer<DetectReply>, Answer<StatusReply>, unknown];

export default view.extend({
  load(): Promise<Loaded> {
    // the config too: the DDNS row lists the servers with an IPv6 suffix
    return Promise.all([ask<DetectReply>(callDetect(), isDetect), ask<StatusReply>(callStatus(), isStatus), uci.load("splitwan")]);
  },

  render(data: Loaded): Promise<HTMLElement> {
    const [detect, status] = data;
    applyBox = E<HTMLElement>("div", { id: "splitwan-apply-result" });
    statusBox = E<HTMLElement>("div", { id: "splitwan-status-body" }, renderStatus(status));
    checkBox = E<HTMLElement>("div", { id: "splitwan-check" });
    const result = E<HTMLElement>("div", { id: "splitwan-action-result" });
    const actions = E<HTMLElement>("div", { class: "splitwan-actions" }, [
      actionButton(_("Update DDNS now"), "splitwan-ddns-update", () => ask<ActionReply>(callDdnsUpdate("", true), isAction), result, actionResult),
      actionButton(_("Reconnect PPPoE"), "splitwan-reconnect", () => ask<ActionReply>(callReconnect(), isAction), result, actionResult),
    ]);
    const map = buildMap(detect);

    poll.add(() => refreshStatus(), POLL_SECONDS);
    // after Save & Apply LuCI fires uci-applied: show the new state right away
    document.addEventListener("uci-applied", () => {
      void refreshStatus();
      void checkOnRouter(false);
    });

    return map.render().then((mapEl: Node) => {
      formRoot = mapEl as HTMLElement;
      return E<HTMLElement>("div", {}, [
        E<HTMLElement>("style", {}, CSS),
        E<HTMLElement>("h2", {}, [_("Split WAN")]),
        E<HTMLElement>("div", { class: "cbi-map-descr" }, [_("Keeps a PPPoE session beside the IPoE (MAP-E / DS-Lite) uplink and publishes servers on its IPv4 address. Everyday traffic stays on IPoE.")]),
        E<HTMLElement>("div", { class: "cbi-section", id: "splitwan-status" }, [E<HTMLElement>("h3", {}, [_("Status")]), statusBox, applyBox, E<HTMLElement>("h4", {}, [_("Actions")]), actions, result, diagnosePanel(() => ask<DiagnoseReply>(callDiagnose(), isDiagnose), E)]),
        checkBox,
        mapEl,
      ]);
    });
  },

  /** LuCI's Save & Apply, with the router's check between saving and applying: a
   * configuration the router refuses is not applied (browser test "does not apply"). */
  handleSaveApply(ev: Event, mode?: string): Promise<void> {
    return (this as unknown as { handleSave(ev: Event): Promise<unknown> })
      .handleSave(ev)
      .then(() => checkOnRouter(true))
      .then((valid: boolean) => {
        if (valid) ui.changes.apply(mode === "0");
      });
  },
});
