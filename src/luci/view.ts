// Services → Split WAN: setup form (form.Map on /etc/config/splitwan), a status panel
// that refreshes itself, and actions. Bundled by scripts/build-luci.mjs into
// htdocs/luci-static/resources/view/splitwan/overview.js; LuCI hands the required
// classes in as the globals view, form, rpc, uci, ui, poll, dom (see env.d.ts).
import type { ActionReply, DetectReply, FieldError, RpcError, StatusReply, ValidateReply } from "./rpc-types";
import { deviceChoices, detectedText, leaseChoices, validateDeviceName, validatePortItem } from "./choices";
import { describeField, groupErrors } from "./field-errors";
import { optionLabel } from "./labels";
import { translateMessage } from "./messages";
import { ddnsRows, modeLabel, pppoeRows, routingRows, serverRows, summary, warningTexts, type Row, type State } from "./status-format";
import { fmt } from "./text";

const OBJECT = "luci.splitwan";
const POLL_SECONDS = 5;

const callStatus = rpc.declare<StatusReply | RpcError>({ object: OBJECT, method: "status", expect: { "": {} } });
const callDetect = rpc.declare<DetectReply | RpcError>({ object: OBJECT, method: "detect", expect: { "": {} } });
const callValidate = rpc.declare<ValidateReply | RpcError, [unknown?]>({ object: OBJECT, method: "validate", params: ["sections"], expect: { "": {} } });
const callDdnsUpdate = rpc.declare<ActionReply | RpcError, [string, boolean]>({ object: OBJECT, method: "ddns_update", params: ["name", "force"], expect: { "": {} } });
const callReconnect = rpc.declare<ActionReply | RpcError>({ object: OBJECT, method: "reconnect", expect: { "": {} } });

const CSS = `
#splitwan-status .splitwan-state { display: inline-block; min-width: .8em; height: .8em; border-radius: .4em; margin-right: .5em; vertical-align: middle; }
.splitwan-ok .splitwan-state { background: #2e7d32; } .splitwan-warn .splitwan-state { background: #ed8c00; }
.splitwan-error .splitwan-state { background: #c62828; } .splitwan-off .splitwan-state { background: #9e9e9e; }
.splitwan-error > .td:last-child { color: #c62828; }
#splitwan-status .splitwan-summary { font-weight: bold; margin: .5em 0; }
.splitwan-field-error { color: #c62828; font-size: 90%; margin-top: .25em; }
.splitwan-actions { display: flex; gap: .5em; flex-wrap: wrap; align-items: center; }
.splitwan-action-result { margin-top: .5em; }
`;

function isError(x: unknown): x is RpcError {
  return typeof x === "object" && x !== null && typeof (x as { error?: unknown }).error === "string";
}

function errorText(e: unknown): string {
  if (isError(e)) return translateMessage(e.error, _);
  if (e instanceof Error) return e.message;
  return String(e);
}

// LuCI's E() puts a lone string child in as HTML (innerHTML); strings inside an array
// become text nodes. Everything below that can hold router or user data (device names,
// DHCP host names, provider answers, messages quoting a value) goes in an array.

function stateCell(row: { state: State }, text: string): HTMLElement {
  return E<HTMLElement>("td", { class: "td" }, [E<HTMLElement>("span", { class: "splitwan-state" }), text]);
}

function rowsTable(id: string, rows: Row[]): HTMLElement {
  return E(
    "table",
    { class: "table", id },
    rows.map((r) => E<HTMLElement>("tr", { class: `tr splitwan-${r.state}`, "data-key": r.key }, [E<HTMLElement>("td", { class: "td left", width: "33%" }, [r.label]), stateCell(r, r.value)])),
  );
}

function gridTable(id: string, head: string[], rows: Array<{ state: State; cells: string[] }>, empty: string): HTMLElement {
  const table = E<HTMLElement>("table", { class: "table", id }, [E<HTMLElement>("tr", { class: "tr table-titles" }, head.map((h) => E<HTMLElement>("th", { class: "th" }, h)))]);
  if (rows.length === 0) table.appendChild(E<HTMLElement>("tr", { class: "tr placeholder" }, E<HTMLElement>("td", { class: "td" }, E<HTMLElement>("em", {}, [empty]))));
  for (const r of rows) {
    table.appendChild(E<HTMLElement>("tr", { class: `tr splitwan-${r.state}` }, r.cells.map((c, i) => (i === 0 ? stateCell(r, c) : E<HTMLElement>("td", { class: "td" }, [c])))));
  }
  return table;
}

/** The status panel's content for one `status` reply (or an error answer). */
function renderStatus(st: StatusReply | RpcError): HTMLElement[] {
  if (isError(st)) return [E<HTMLElement>("div", { class: "alert-message error", id: "splitwan-status-error" }, [fmt(_("Status unavailable: %s"), errorText(st))])];
  const sum = summary(st, _);
  const out: HTMLElement[] = [E<HTMLElement>("div", { class: `splitwan-summary splitwan-${sum.state}` }, [E<HTMLElement>("span", { class: "splitwan-state" }), sum.text])];
  const warnings = warningTexts(st, _);
  if (warnings.length > 0) {
    out.push(E<HTMLElement>("div", { class: "alert-message warning", id: "splitwan-warnings" }, [E<HTMLElement>("strong", {}, _("Warnings")), E<HTMLElement>("ul", {}, warnings.map((w) => E<HTMLElement>("li", {}, [w])))]));
  }
  out.push(E<HTMLElement>("h4", {}, _("PPPoE")), rowsTable("splitwan-pppoe", pppoeRows(st, _)));
  out.push(E<HTMLElement>("h4", {}, _("Routing and firewall")), rowsTable("splitwan-routing", routingRows(st, _)));
  out.push(
    E<HTMLElement>("h4", {}, _("Servers")),
    gridTable(
      "splitwan-servers",
      [_("Name"), _("LAN address"), _("Routing mode"), _("Published")],
      serverRows(st, _).map((s) => ({ state: s.state, cells: [s.name, s.ipaddr, s.mode, s.published] })),
      _("No servers configured"),
    ),
  );
  out.push(
    E<HTMLElement>("h4", {}, _("DDNS")),
    gridTable(
      "splitwan-ddns",
      [_("Name"), _("Provider"), _("Last attempt"), _("Last success"), _("IP sent"), _("Provider's answer"), _("Next retry")],
      ddnsRows(st, _).map((d) => ({ state: d.state, cells: [d.name, d.provider, d.lastAttempt, d.lastSuccess, d.ipSent, d.answer, d.nextRetry] })),
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
let checkBox: HTMLElement;
let formRoot: HTMLElement | undefined;

/** Shows router-side validation errors next to their fields and as a list. */
function showRouterErrors(): void {
  if (formRoot) formRoot.querySelectorAll(".splitwan-field-error").forEach((n) => n.parentNode?.removeChild(n));
  const { fields, general } = groupErrors(routerErrors);
  const listed: HTMLElement[] = [];
  const typeOf = (sid: string) => uci.get("splitwan", sid)?.[".type"] as string | undefined;
  for (const f of fields) {
    const text = f.messages.map((m) => translateMessage(m, _)).join("; ");
    // LuCI puts data-field on the option's row; the message goes under the widget
    const row = formRoot?.querySelector(`[data-field="${f.field}"]`);
    const where = row?.querySelector(".cbi-value-field") ?? row;
    if (where) where.appendChild(E<HTMLElement>("div", { class: "splitwan-field-error", "data-error-for": f.field }, [text]));
    listed.push(E<HTMLElement>("li", {}, [`${describeField(f.section, f.option, typeOf(f.section), _)}: ${text}`]));
  }
  for (const g of general) listed.push(E<HTMLElement>("li", {}, [`${describeField(g.section, undefined, typeOf(g.section), _)}: ${translateMessage(g.message, _)}`]));
  dom.content(checkBox, listed.length === 0 ? null : E<HTMLElement>("div", { class: "alert-message error" }, [E<HTMLElement>("strong", {}, _("The router rejects this configuration:")), E<HTMLElement>("ul", {}, listed)]));
}

/** Runs the router's own validation on the staged (or, staged=false, committed) config. */
function checkOnRouter(staged: boolean): Promise<boolean> {
  return (staged ? callValidate(sectionsForCheck()) : callValidate())
    .then((r) => {
      if (isError(r)) throw r;
      routerErrors = Array.isArray(r.errors) ? r.errors : [];
      showRouterErrors();
      return routerErrors.length === 0;
    })
    .catch((e: unknown) => {
      // without an answer the router still validates on apply (`splitwan apply`)
      routerErrors = [];
      dom.content(checkBox, E<HTMLElement>("div", { class: "alert-message warning" }, [fmt(_("Could not check the configuration on the router: %s"), errorText(e))]));
      return true;
    });
}

function refreshStatus(): Promise<void> {
  return callStatus()
    .then((st) => dom.content(statusBox, renderStatus(st)))
    .catch((e: unknown) => dom.content(statusBox, renderStatus({ error: errorText(e) })))
    .then(() => undefined);
}

function actionButton(label: string, id: string, run: () => Promise<ActionReply | RpcError>, result: HTMLElement): HTMLElement {
  const btn = E<HTMLElement>("button", { class: "cbi-button cbi-button-action", id }, label) as HTMLButtonElement;
  btn.addEventListener("click", (ev: Event) => {
    ev.preventDefault();
    btn.disabled = true;
    dom.content(result, E<HTMLElement>("em", { class: "spinning" }, _("Working…")));
    run()
      .then((r) => {
        if (isError(r)) throw r;
        dom.content(result, E<HTMLElement>("div", { class: r.ok ? "alert-message notice" : "alert-message error" }, [translateMessage(r.message, _)]));
      })
      .catch((e: unknown) => dom.content(result, E<HTMLElement>("div", { class: "alert-message error" }, [errorText(e)])))
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
  validate: (sectionId: string, value: string) => true | string;
  value(key: string, label: string): void;
  depends(option: string, value: string): void;
}

interface Section {
  addremove: boolean;
  anonymous: boolean;
  option(cls: unknown, name: string, title?: string, description?: string): Option;
}

function buildMap(detect: DetectReply | undefined): form.Map {
  const m = new form.Map("splitwan");

  let s = m.section(form.NamedSection, "main", "splitwan", _("PPPoE")) as unknown as Section;
  s.addremove = false;
  let o = s.option(form.Flag, "enabled", optionLabel("splitwan", "enabled", _), _("Splitwan removes everything it set up when disabled."));
  o.rmempty = false;
  o = s.option(form.Value, "username", optionLabel("splitwan", "username", _));
  o.placeholder = "user@isp";
  o = s.option(form.Value, "password", optionLabel("splitwan", "password", _));
  o.password = true;
  o = s.option(form.Value, "device", optionLabel("splitwan", "device", _), detectedText(detect, _));
  for (const [dev, label] of deviceChoices(detect, _)) o.value(dev, label);
  if (detect?.device) o.default = detect.device;
  o.validate = (_sid, v) => validateDeviceName(v, _);
  o = s.option(form.Value, "mtu", optionLabel("splitwan", "mtu", _), _("1454 for NTT FLET'S: its PPPoE path carries at most 1454 bytes, less than the usual 1492, and larger packets are lost. Use 1492 on other PPPoE lines."));
  o.datatype = "range(576,1492)"; // the core accepts the same range (PPPoE's maximum)
  o.placeholder = "1454";

  s = m.section(form.NamedSection, "main", "splitwan", _("Advanced settings"), _("The defaults suit most setups. The router checks these in full when you save.")) as unknown as Section;
  s.addremove = false;
  const advanced: Array<[string, string, string | null]> = [
    ["interface", "wanppp", "uciname"],
    ["zone", "wan_pppoe", "uciname"],
    ["table", "300", "range(1,2147483647)"],
    ["table_name", "pppoe", null],
    ["priority", "30000", "range(1,32765)"],
    ["mark", "0x10000000", null],
  ];
  for (const [name, placeholder, datatype] of advanced) {
    o = s.option(form.Value, name, optionLabel("splitwan", name, _));
    o.placeholder = placeholder;
    if (datatype !== null) o.datatype = datatype;
  }

  s = m.section(form.TableSection, "server", _("Servers"), _("Each server's ports are published on the PPPoE address. Ports: 80,443/tcp, 19132/udp, 27015-27030/both, 2222:22/tcp (outside:inside).")) as unknown as Section;
  s.addremove = true;
  s.anonymous = false;
  o = s.option(form.Flag, "enabled", optionLabel("server", "enabled", _));
  o.default = "1";
  o.rmempty = false;
  o = s.option(form.Value, "ipaddr", optionLabel("server", "ipaddr", _));
  for (const [ip, label] of leaseChoices(detect?.leases)) o.value(ip, label);
  o.datatype = "ip4addr('nomask')";
  o.rmempty = false;
  o = s.option(form.ListValue, "mode", optionLabel("server", "mode", _));
  o.value("source", modeLabel("source", _));
  o.value("reply-only", modeLabel("reply-only", _));
  o.default = "source";
  o = s.option(form.Value, "ip6_suffix", optionLabel("server", "ip6_suffix", _));
  o.placeholder = "::5";
  o.datatype = "ip6addr";
  o = s.option(form.DynamicList, "port", optionLabel("server", "port", _));
  o.placeholder = "80,443/tcp";
  o.validate = (_sid, v) => validatePortItem(v, _);

  s = m.section(form.TypedSection, "ddns", _("DDNS"), _("Points a DNS name at the PPPoE address whenever it comes up or changes.")) as unknown as Section;
  s.addremove = true;
  s.anonymous = false;
  o = s.option(form.Flag, "enabled", optionLabel("ddns", "enabled", _));
  o.default = "1";
  o.rmempty = false;
  o = s.option(form.ListValue, "provider", optionLabel("ddns", "provider", _));
  o.value("value-domain", "Value Domain");
  o.value("mydns", "MyDNS.JP");
  o.value("cloudflare", "Cloudflare");
  o = s.option(form.Value, "domain", optionLabel("ddns", "domain", _), _("The domain (Value Domain) or the zone name (Cloudflare), like example.com"));
  o.datatype = "hostname";
  o.depends("provider", "value-domain");
  o.depends("provider", "cloudflare");
  o = s.option(form.Value, "host", optionLabel("ddns", "host", _), _("Empty or @ for the domain itself, * for the wildcard, or a name like www"));
  o.depends("provider", "value-domain");
  o.depends("provider", "cloudflare");
  o = s.option(form.Value, "username", optionLabel("ddns", "username", _), _("MyDNS.JP master ID"));
  o.depends("provider", "mydns");
  o = s.option(form.Value, "password", optionLabel("ddns", "password", _));
  o.password = true;
  o.depends("provider", "value-domain");
  o.depends("provider", "mydns");
  o = s.option(form.Value, "token", optionLabel("ddns", "token", _), _("Cloudflare API token with Zone.DNS Edit permission"));
  o.password = true;
  o.depends("provider", "cloudflare");
  o = s.option(form.Value, "zone_id", optionLabel("ddns", "zone_id", _), _("Optional: without it the token also needs Zone.Zone Read to find the zone"));
  o.depends("provider", "cloudflare");
  o = s.option(form.ListValue, "ip_version", optionLabel("ddns", "ip_version", _));
  o.value("4", "IPv4");
  o.value("6", "IPv6");
  o.default = "4";
  o.depends("provider", "mydns");
  o.depends("provider", "cloudflare");
  return m;
}

export default view.extend({
  load(): Promise<[DetectReply | undefined, StatusReply | RpcError]> {
    return Promise.all([
      callDetect().then((d) => (isError(d) ? undefined : d)).catch(() => undefined),
      callStatus().catch((e: unknown) => ({ error: errorText(e) })),
    ]);
  },

  render(data: [DetectReply | undefined, StatusReply | RpcError]): Promise<HTMLElement> {
    const [detect, status] = data;
    statusBox = E<HTMLElement>("div", { id: "splitwan-status-body" }, renderStatus(status));
    checkBox = E<HTMLElement>("div", { id: "splitwan-check" });
    const actionResult = E<HTMLElement>("div", { class: "splitwan-action-result", id: "splitwan-action-result" });
    const actions = E<HTMLElement>("div", { class: "splitwan-actions" }, [
      actionButton(_("Update DDNS now"), "splitwan-ddns-update", () => callDdnsUpdate("", true), actionResult),
      actionButton(_("Reconnect PPPoE"), "splitwan-reconnect", () => callReconnect(), actionResult),
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
        E<HTMLElement>("h2", {}, _("Split WAN")),
        E<HTMLElement>("div", { class: "cbi-map-descr" }, _("Keeps a PPPoE session beside the IPoE (MAP-E / DS-Lite) uplink and publishes servers on its IPv4 address. Everyday traffic stays on IPoE.")),
        E<HTMLElement>("div", { class: "cbi-section", id: "splitwan-status" }, [E<HTMLElement>("h3", {}, _("Status")), statusBox, E<HTMLElement>("h4", {}, _("Actions")), actions, actionResult]),
        checkBox,
        mapEl,
      ]);
    });
  },

  /** LuCI's handleSave (every map on the page saves), then the router's check of what was
   * staged; resolves to whether the router accepts it. */
  handleSave(_ev: Event): Promise<boolean> {
    const tasks: Array<Promise<unknown>> = [];
    document.querySelectorAll("#maincontent .cbi-map").forEach((el) => tasks.push(Promise.resolve(dom.callClassMethod(el as HTMLElement, "save"))));
    return Promise.all(tasks).then(() => checkOnRouter(true));
  },

  handleSaveApply(ev: Event, mode?: string): Promise<void> {
    return (this as unknown as { handleSave(ev: Event): Promise<boolean> }).handleSave(ev).then((valid: boolean) => {
      if (valid) ui.changes.apply(mode === "0");
    });
  },
});
