'use strict';
'require view';
'require form';
'require rpc';
'require uci';
'require ui';
'require poll';
'require dom';

// Generated from src/luci/*.ts by scripts/build-luci.mjs. Edit the sources, not this file.
"use strict";
var splitwanView = (() => {
  var __defProp = Object.defineProperty;
  var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
  var __getOwnPropNames = Object.getOwnPropertyNames;
  var __hasOwnProp = Object.prototype.hasOwnProperty;
  var __export = (target, all) => {
    for (var name in all)
      __defProp(target, name, { get: all[name], enumerable: true });
  };
  var __copyProps = (to, from, except, desc) => {
    if (from && typeof from === "object" || typeof from === "function") {
      for (let key of __getOwnPropNames(from))
        if (!__hasOwnProp.call(to, key) && key !== except)
          __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
    }
    return to;
  };
  var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

  // src/luci/view.ts
  var view_exports = {};
  __export(view_exports, {
    default: () => view_default
  });

  // src/luci/labels.ts
  function sectionTypeLabel(type, _2) {
    if (type === "splitwan") return _2("PPPoE");
    if (type === "server") return _2("Server");
    if (type === "ddns") return _2("DDNS");
    return type;
  }
  function optionLabel(type, option, _2) {
    const common = {
      enabled: _2("Enable")
    };
    const byType = {
      splitwan: {
        username: _2("PPPoE username"),
        password: _2("PPPoE password"),
        device: _2("PPPoE device"),
        mtu: _2("MTU"),
        interface: _2("Interface name"),
        zone: _2("Firewall zone"),
        table: _2("Routing table"),
        table_name: _2("Routing table name"),
        priority: _2("Rule priority"),
        mark: _2("Firewall mark")
      },
      server: {
        ipaddr: _2("LAN address"),
        zone: _2("Firewall zone"),
        mode: _2("Routing mode"),
        port: _2("Ports"),
        ip6_suffix: _2("IPv6 suffix")
      },
      ddns: {
        provider: _2("Provider"),
        domain: _2("Domain"),
        host: _2("Host"),
        username: _2("Username"),
        password: _2("Password"),
        token: _2("API token"),
        zone_id: _2("Zone ID"),
        ip_version: _2("IP version"),
        server: _2("Publish the IPv6 of")
      }
    };
    const t = byType[type];
    if (t !== void 0 && Object.prototype.hasOwnProperty.call(t, option)) return t[option];
    if (Object.prototype.hasOwnProperty.call(common, option)) return common[option];
    return option;
  }

  // src/luci/text.ts
  function fmt(template, ...args) {
    let out = "";
    let i = 0;
    let pos = 0;
    for (; ; ) {
      const at = template.indexOf("%s", pos);
      if (at < 0) break;
      out += template.slice(pos, at) + (i < args.length ? String(args[i]) : "%s");
      i++;
      pos = at + 2;
    }
    return out + template.slice(pos);
  }
  function formatDuration(seconds) {
    const s = Math.max(0, Math.floor(seconds));
    const d = Math.floor(s / 86400);
    const h = Math.floor(s % 86400 / 3600);
    const m = Math.floor(s % 3600 / 60);
    const parts = [];
    if (d > 0) parts.push(`${d}d`);
    if (d > 0 || h > 0) parts.push(`${h}h`);
    if (d > 0 || h > 0 || m > 0) parts.push(`${m}m`);
    parts.push(`${s % 60}s`);
    return parts.join(" ");
  }
  function pad2(n) {
    return n < 10 ? `0${n}` : `${n}`;
  }
  function formatTime(epoch, utc = false) {
    const d = new Date(epoch * 1e3);
    const [y, mo, da, h, mi, se] = utc ? [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()] : [d.getFullYear(), d.getMonth() + 1, d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds()];
    return `${y}-${pad2(mo)}-${pad2(da)} ${pad2(h)}:${pad2(mi)}:${pad2(se)}`;
  }
  function formatRelative(epoch, now, _2) {
    const delta = Math.round(epoch - now);
    if (delta === 0) return _2("now");
    return delta < 0 ? fmt(_2("%s ago"), formatDuration(-delta)) : fmt(_2("in %s"), formatDuration(delta));
  }

  // src/luci/field-errors.ts
  var CONFIG = "splitwan";
  function fieldId(section, option) {
    return `cbid.${CONFIG}.${section}.${option}`;
  }
  function groupErrors(errors) {
    const fields = [];
    const general = [];
    for (const e of errors) {
      if (!e.option) {
        general.push(e);
        continue;
      }
      const id = fieldId(e.section, e.option);
      let entry = fields.find((f) => f.field === id);
      if (entry === void 0) {
        entry = { field: id, section: e.section, option: e.option, messages: [] };
        fields.push(entry);
      }
      if (!entry.messages.includes(e.message)) entry.messages.push(e.message);
    }
    return { fields, general };
  }
  function describeField(section, option, sectionType, _2) {
    const type = sectionType != null ? sectionType : section === "main" ? "splitwan" : "";
    const where = type === "splitwan" ? sectionTypeLabel(type, _2) : fmt(_2("%s “%s”"), sectionTypeLabel(type, _2), section);
    if (!option) return where;
    return `${where} › ${optionLabel(type, option, _2)}`;
  }

  // src/luci/backend-messages.ts
  var BACKEND_MESSAGES = [
    '"%s": a range cannot be moved to other ports; publish it as the same range',
    '"%s": a range goes from the lower port to the higher',
    '"%s": ports are whole numbers from 1 to 65535',
    '"%s": protocol must be tcp, udp or both',
    "%s %s records are named %s: keep one",
    "%s already points at %s",
    "%s change(s) not applied: run splitwan apply",
    "%s is already published by %s (%s)",
    "Cloudflare busy or failing (HTTP %s)%s",
    "Cloudflare record without an id",
    "Cloudflare refused the request%s",
    "Cloudflare rejected the API token%s: it needs Zone.DNS Edit for the zone (and Zone.Zone Read without zone_id)",
    "Cloudflare sent %s (HTTP %s)",
    "DDNS update started: the result appears in the status in a few seconds",
    "MyDNS busy or failing (HTTP %s)",
    "MyDNS rejected the master ID or password: check username and password",
    "MyDNS updates every domain of the master ID: leave host empty",
    "PPPoE %s is reconnecting",
    "PPPoE (%s) is down: nothing is published",
    "PPPoE interface %s not configured in netifd: nothing is published until the configuration is applied",
    "PPPoE is up but table %s has no default route: check option defaultroute of network.%s",
    "PPPoE runs on %s, expected %s",
    "Split WAN is disabled: nothing to reconnect",
    "Value Domain database busy",
    "Value Domain refused the IP address",
    "Value Domain reported another error",
    "Value Domain sent %s",
    "Value Domain server error (HTTP %s)",
    "Value Domain updates are IPv4 only here",
    "another ddns section updates the same record",
    "another server has the same address: put all its ports in one server",
    "bad domain or password: check domain and the DDNS password",
    "bad request: check domain and host",
    "cannot reach %s: %s",
    "could not reconnect %s: %s",
    "could not start the DDNS update (exit %s)",
    "empty port entry",
    "force must be true or false",
    "interface %s does not exist yet: save and apply first",
    "is inside the marks of %s: choose a bit outside, like 0x10000000",
    "is outside every subnet of zone %s (%s)",
    "is the WAN zone: the server must be on the LAN side",
    "is the broadcast address of %s (%s), not a host",
    "is the network address of %s (%s), not a host",
    "is the router's own address on %s: publishing it would expose the router itself",
    "must be 0 or 1",
    "must be 4 or 6",
    "must be a whole number from 1 to %s",
    "must be a whole number from 1 to 2147483647, not 253, 254 or 255 (reserved)",
    "must be a whole number from 576 to %s, PPPoE's maximum (1454 for NTT FLET'S)",
    "must be a whole number of seconds from 1 to 300",
    "must be empty or @ (the domain itself), * (wildcard) or a name like www",
    "must be letters, digits or _ and at most 11 characters",
    "must be letters, digits or _ and at most 9 characters (the device is pppoe-<name>)",
    "must be letters, digits, - or _ and not main, local, default or unspec",
    "must be one bit in hex, like 0x10000000",
    "must be source or reply-only",
    "must not be ::",
    "must not be a number: ip and netifd would read it as a table number",
    "must not contain control characters",
    "name must be a string",
    "netifd gave no usable status for interface %s: nothing was done",
    "network service not answering",
    "network service not answering (%s): PPPoE state unknown",
    "no %s record named %s in the zone: create it in the Cloudflare dashboard first",
    "no Cloudflare zone named %s for this token: check domain (the zone name) or set zone_id",
    "no DDNS section is enabled",
    "no IPoE WAN found in /etc/config/network (no map/dslite interface, wan6 or wan): set the PPPoE device",
    "no answer from %s: %s",
    "no port forwards are live in fw4 (chain dstnat_%s): run /etc/init.d/firewall reload",
    "no such firewall zone",
    "no such record: add the host to the domain's DNS records at Value Domain first",
    "no such server section",
    "not a Cloudflare zone id (32 hex digits)",
    "not a MyDNS master ID",
    "not a domain name",
    "not a host address",
    "not a network device name (letters, digits, . - _, at most 15 characters)",
    "not a network interface name",
    "not an API token (letters, digits, - _ .)",
    "not an IPv4 address (write it without /32)",
    "not an IPv6 interface identifier (like ::5)",
    "only the last 64 bits may be set (like ::5 or ::1234:5678:9abc:def0)",
    "only with ip_version 6: over IPv4 the PPPoE address is published, for every server",
    "password mismatch: use the dynamic DNS password from Value Domain's DDNS settings, not the login password",
    "refused: interface %s is not a PPPoE interface",
    "refused: interface %s is not a valid splitwan interface name",
    "refused: interface %s was not created by splitwan: save and apply first",
    "refused: netifd runs interface %s as %s, not pppoe",
    "required: a Cloudflare API token with Zone.DNS Edit",
    "required: one of %s",
    "required: the MyDNS master ID (like mydns123456)",
    "required: the MyDNS password",
    "required: the domain, like example.com",
    "required: the dynamic DNS password from Value Domain",
    "required: the zone name, like example.com",
    "rp_filter is strict on %s: connections to reply-only servers over PPPoE are dropped; set net.ipv4.conf.%s.rp_filter to 2 (loose)",
    "section names may hold only letters, digits and _",
    "the PPPoE password is required",
    "the PPPoE user name is required",
    "the server's LAN IPv4 address is required",
    "this server has no ip6_suffix: set its IPv6 suffix (like ::5) first",
    "this server is disabled: enable it or publish another one",
    "too frequent: Value Domain wants about 60 s between requests",
    "too high for %s servers: the rules must stay below the main table (%s)",
    "too long: %s bytes, pppd takes at most %s",
    "unexpected HTTP %s from MyDNS",
    "unexpected HTTP %s from Value Domain",
    "unknown Value Domain status %s",
    "unknown method: %s",
    "unknown provider: use one of %s",
    "would run: %s",
    "zone %s has no static IPv4 subnet in /etc/config/network to hold a server"
  ];

  // src/luci/messages.ts
  function matchTemplate(template, msg) {
    const parts = template.split("%s");
    if (!msg.startsWith(parts[0])) return void 0;
    const values = [];
    let pos = parts[0].length;
    for (let i = 1; i < parts.length; i++) {
      const lit = parts[i];
      const last = i === parts.length - 1;
      const at = last ? msg.endsWith(lit) && msg.length - lit.length >= pos ? msg.length - lit.length : -1 : lit === "" ? pos : msg.indexOf(lit, pos);
      if (at < 0) return void 0;
      values.push(msg.slice(pos, at));
      pos = at + lit.length;
    }
    return pos === msg.length ? values : void 0;
  }
  function pageTemplate(template, _2) {
    if (template === "no port forwards are live in fw4 (chain dstnat_%s): run /etc/init.d/firewall reload") {
      return _2("No port forwards are live in the firewall (chain dstnat_%s). Restart the firewall under System → Startup.");
    }
    if (template === "%s change(s) not applied: run splitwan apply") return _2("%s change(s) are not applied yet.");
    return void 0;
  }
  function translateMessage(msg, _2, templates = BACKEND_MESSAGES) {
    var _a;
    let best;
    for (const t of templates) {
      const values = matchTemplate(t, msg);
      if (values === void 0) continue;
      const weight = t.length - 2 * values.length;
      if (best === void 0 || weight > best.weight) best = { template: t, values, weight };
    }
    if (best === void 0) return msg;
    return fmt((_a = pageTemplate(best.template, _2)) != null ? _a : _2(best.template), ...best.values);
  }

  // src/luci/status-format.ts
  function asArray(v) {
    return Array.isArray(v) ? v : [];
  }
  function pppoeRows(st, _2) {
    var _a, _b;
    const p = st.pppoe;
    const rows = [];
    let state = { key: "state", label: _2("Connection"), value: "", state: "off" };
    if (!st.enabled) state = { ...state, value: _2("Disabled"), state: "off" };
    else if (!p.configured) state = { ...state, value: _2("Not configured yet: save and apply"), state: "warn" };
    else if (p.up) state = { ...state, value: _2("Connected"), state: "ok" };
    else if (asArray(p.errors).length > 0) state = { ...state, value: fmt(_2("Error: %s"), asArray(p.errors).map((e) => pppoeErrorText(e, _2)).join(", ")), state: "error" };
    else if (p.pending) state = { ...state, value: _2("Connecting…"), state: "warn" };
    else state = { ...state, value: _2("Disconnected"), state: "error" };
    rows.push(state);
    if (p.up) {
      rows.push({ key: "uptime", label: _2("Uptime"), value: p.uptime !== void 0 ? formatDuration(p.uptime) : "-", state: "ok" });
      rows.push({ key: "ipv4", label: _2("Public IPv4"), value: (_a = p.ipv4) != null ? _a : "-", state: p.ipv4 ? "ok" : "warn" });
    }
    if (p.configured) {
      rows.push({ key: "mtu", label: _2("MTU"), value: p.mtu !== void 0 ? String(p.mtu) : "-", state: "off" });
      rows.push({ key: "device", label: _2("Device"), value: (_b = p.device) != null ? _b : "-", state: "off" });
    }
    return rows;
  }
  function pppoeErrorText(code, _2) {
    switch (code) {
      case "AUTH_FAILED":
        return _2("authentication failed: check username and password");
      case "NO_DEVICE":
        return _2("the PPPoE device does not exist");
      case "INVALID_ADDRESS":
        return _2("the ISP sent an invalid address");
      case "CONNECT_FAILED":
        return _2("no answer from the ISP (PADO timeout)");
      default:
        return code;
    }
  }
  function liveRow(key, label, part, liveText, _2) {
    if (!part.configured) return { key, label, value: _2("Not configured"), state: "off" };
    const detail = part.detail ? ` (${translateMessage(part.detail, _2)})` : "";
    return part.live ? { key, label, value: liveText + detail, state: "ok" } : { key, label, value: _2("Missing") + detail, state: "error" };
  }
  function routingRows(st, _2) {
    const tableName = st.table.id !== void 0 ? `${st.table.id}${st.table.name ? ` (${st.table.name})` : ""}` : "";
    const tableLive = tableName ? fmt(_2("Live: table %s"), tableName) : _2("Live");
    const rows = [
      liveRow("table", _2("Routing table"), st.table, tableLive, _2),
      liveRow("rules", _2("Routing rules"), st.rules, _2("Live"), _2),
      liveRow("zone", _2("Firewall zone"), st.zone, st.zone.name ? fmt(_2("Live: %s"), st.zone.name) : _2("Live"), _2),
      liveRow("forwards", _2("Port forwards"), st.forwards, _2("Live"), _2)
    ];
    if (st.pppoe.up && st.table.configured && st.table.default_route === false) {
      rows[0] = { ...rows[0], value: _2("No default route in the table"), state: "error" };
    } else if (!st.pppoe.up && st.table.configured && !st.table.live) {
      rows[0] = { ...rows[0], value: _2("Empty while PPPoE is down"), state: "off" };
    }
    return rows;
  }
  function modeLabel(mode, _2) {
    if (mode === "reply-only") return _2("Replies only");
    if (mode === "source") return _2("All traffic");
    return mode;
  }
  function serverRows(st, _2) {
    return asArray(st.servers).map((s) => {
      const ports = asArray(s.ports).join(", ");
      let state = "off";
      if (s.enabled && st.enabled) state = s.live ? st.pppoe.up ? "ok" : "warn" : "error";
      const at = st.pppoe.up && st.pppoe.ipv4 ? st.pppoe.ipv4 : _2("(PPPoE down)");
      return {
        name: s.name,
        ipaddr: s.ipaddr,
        mode: modeLabel(s.mode, _2),
        ports,
        published: !s.enabled ? _2("Disabled") : s.live ? fmt(_2("%s: %s"), at, ports) + (s.ip6_suffix ? `; ${fmt(_2("IPv6 to the suffix %s"), s.ip6_suffix)}` : "") : _2("Not published"),
        state
      };
    });
  }
  function providerLabel(provider) {
    if (provider === "value-domain") return "Value Domain";
    if (provider === "mydns") return "MyDNS.JP";
    if (provider === "cloudflare") return "Cloudflare";
    return provider;
  }
  function when(t, now, _2) {
    if (t === void 0 || t <= 0) return _2("never");
    return `${formatTime(t)} (${formatRelative(t, now, _2)})`;
  }
  function ddnsRows(st, _2) {
    return asArray(st.ddns).map((d) => {
      var _a;
      let state = "off";
      if (d.enabled) {
        if (d.last_success !== void 0 && (d.last_attempt === void 0 || d.last_success >= d.last_attempt)) {
          state = st.pppoe.ipv4 && d.ip_sent && d.ip_sent !== st.pppoe.ipv4 ? "warn" : "ok";
        } else if (d.last_attempt !== void 0) state = "error";
        else state = "warn";
      }
      return {
        name: d.host ? `${d.name} (${d.host})` : d.name,
        provider: providerLabel(d.provider),
        lastAttempt: when(d.last_attempt, st.now, _2),
        lastSuccess: when(d.last_success, st.now, _2),
        ipSent: (_a = d.ip_sent) != null ? _a : "-",
        answer: d.answer ? translateMessage(d.answer, _2) : "-",
        nextRetry: d.next_retry !== void 0 && d.next_retry > 0 ? when(d.next_retry, st.now, _2) : "-",
        state
      };
    });
  }
  function warningTexts(st, _2) {
    const errors = asArray(st.errors).map((e) => `${describeField(e.section, e.option || void 0, e.type, _2)}: ${translateMessage(e.message, _2)}`);
    return errors.concat(asArray(st.warnings).map((w) => translateMessage(w, _2)));
  }
  function summary(st, _2) {
    var _a;
    if (!st.enabled) return { text: _2("Split WAN is disabled"), state: "off" };
    if (asArray(st.errors).length > 0) return { text: _2("The configuration is invalid and was not applied"), state: "error" };
    if (st.pppoe.up) return { text: fmt(_2("PPPoE up, public IPv4 %s"), (_a = st.pppoe.ipv4) != null ? _a : "-"), state: asArray(st.warnings).length > 0 ? "warn" : "ok" };
    return { text: _2("PPPoE down: servers are not reachable over IPv4"), state: "error" };
  }
  function stateLabel(state, _2) {
    if (state === "ok") return { cls: "label success", text: _2("OK") };
    if (state === "warn") return { cls: "label warning", text: _2("Check") };
    if (state === "error") return { cls: "label important", text: _2("Error") };
    return void 0;
  }
  function alertClass(state) {
    if (state === "ok") return "alert-message success";
    if (state === "warn") return "alert-message warning";
    if (state === "error") return "alert-message error";
    return "alert-message notice";
  }
  function driftText(st, _2) {
    const drift = st.drift;
    if (drift === void 0 || asArray(st.errors).length > 0) return void 0;
    const conflicts = asArray(drift.conflicts);
    if (conflicts.length > 0) {
      return {
        text: _2("Split WAN cannot apply the saved configuration: these sections were not created by it and are in the way. Remove or rename them, then apply."),
        items: conflicts.map((c) => translateMessage(c, _2))
      };
    }
    if (drift.changes > 0) {
      return { text: fmt(_2("The router does not run the saved configuration: %s change(s) are not applied. The last apply failed or has not run yet."), drift.changes), items: [] };
    }
    return void 0;
  }

  // src/luci/diagnose-format.ts
  function diagnoseTemplates(_2) {
    return {
      "config.ok": _2("splitwan is enabled and its configuration is valid"),
      "config.disabled": _2("splitwan is disabled: nothing is published — enable it and save"),
      "config.invalid": _2("the configuration is invalid: %s — fix it on the setup form (or run splitwan plan)"),
      "skip.disabled": _2("not checked: splitwan is disabled or its configuration is invalid"),
      "skip.pppoe_down": _2("not checked: PPPoE is down"),
      "skip.time": _2("not checked: the self-test ran out of time"),
      "pppoe.ok": _2("PPPoE %s is up with the public IPv4 %s"),
      "pppoe.missing": _2("netifd has no interface %s — run splitwan apply"),
      "netifd.down": _2("not checked: could not ask netifd (%s)"),
      "pppoe.down": _2("PPPoE %s is down%s — check the PPPoE username and password, and that the line is connected"),
      "pppoe.no_ipv4": _2("PPPoE %s is up but has no IPv4 address — reconnect PPPoE; if it stays so, ask the ISP"),
      "pppoe.private": _2("PPPoE %s has the private address %s, not a public one — nothing can reach it from the internet; ask the ISP for a public (global) IPv4"),
      "pppoe.shared": _2("PPPoE %s has %s from the shared range 100.64.0.0/10 (carrier-grade NAT) — ask the ISP for a public IPv4"),
      "pppoe.cgn": _2("PPPoE %s has %s, the shared MAP-E / DS-Lite address — the session is not the PPPoE one; check option device and the credentials"),
      "rules.ok": _2("%s policy rules present at their priorities"),
      "rules.none": _2("no servers: no policy rules are needed"),
      "rules.tool": _2("not checked: ip rule show failed"),
      "rules.missing": _2("ip rule %s (%s) is missing — run /etc/init.d/network reload, then splitwan apply"),
      "rules.wrong": _2("ip rule at priority %s is %s, expected %s — another program uses this priority: change option priority"),
      "table.ok": _2("table %s has a default route via %s"),
      "table.tool": _2("not checked: ip route show table %s failed"),
      "table.no_default": _2("table %s has no default route via %s — check option defaultroute and ip4table of network.%s (keep defaultroute on), then reconnect PPPoE"),
      "netifd_rule.ok": _2("netifd's rule from %s lookup %s is present (the router's own replies leave via PPPoE)"),
      "netifd_rule.missing": _2("netifd's rule from %s lookup %s is missing — check option ip4table of network.%s, then reconnect PPPoE"),
      "firewall.ok": _2("fw4 ruleset loaded with splitwan's drop-ins: %s; MSS %s"),
      "firewall.tool": _2("not checked: nft list ruleset failed"),
      "firewall.no_fw4": _2("the fw4 ruleset is not loaded — run /etc/init.d/firewall restart and read its errors"),
      "firewall.no_zone": _2("zone %s is not in the live ruleset — run /etc/init.d/firewall reload"),
      "firewall.dropin": _2("splitwan's drop-ins missing from the live ruleset: %s — run splitwan apply, then /etc/init.d/firewall reload"),
      "firewall.mss": _2("the MSS clamp in %s is %s, expected %s (MTU %s − 40) — run splitwan apply, then /etc/init.d/firewall reload"),
      "dnat.ok": _2("%s published port(s) have their DNAT in the live ruleset"),
      "dnat.none": _2("no published ports"),
      "dnat.missing": _2("no DNAT for %s (server %s) in the live ruleset — run /etc/init.d/firewall reload; if it stays missing, splitwan apply"),
      "server.ok": _2("server %s (%s) answers on %s"),
      "server.arp_only": _2("server %s (%s) answers ARP on %s but not ping — fine if it drops ping; else check that it is on"),
      "server.unreachable": _2("server %s (%s) does not answer on %s — check that it is on, its address, and its cable or Wi-Fi"),
      "server.outside": _2("server %s (%s) is outside zone %s's subnets (%s) — correct its address or option zone"),
      "server.no_zone": _2("zone %s of server %s has no live network — check option zone"),
      "server.tool": _2("not checked: %s is not available"),
      "rp_filter.tool": _2("not checked: /proc/sys/net/ipv4/conf/all/rp_filter cannot be read"),
      "rp_filter.ok": _2("rp_filter is not strict (%s)"),
      "rp_filter.strict_ok": _2("rp_filter is strict on %s; source-mode servers work with it"),
      "rp_filter.strict": _2("rp_filter is strict on %s: connections to reply-only servers over PPPoE are dropped — set net.ipv4.conf.%s.rp_filter to 2 (loose)"),
      "dns.ok": _2("PPPoE %s has peerdns 0 and the LAN's DNS does not use the PPPoE resolvers"),
      "dns.peerdns": _2("network.%s has peerdns %s: the ISP's PPPoE resolvers are used and queried over IPoE — run splitwan apply (it sets peerdns 0)"),
      "dns.resolvers": _2("the LAN's DNS (%s) uses the PPPoE resolver %s — set peerdns 0 on network.%s and remove it from the DHCP server list"),
      "ddns.ok": _2("DDNS %s: %s resolves to %s, the PPPoE address"),
      "ddns.ok_ttl": _2("DDNS %s: %s resolves to %s, the PPPoE address (TTL %s s)"),
      "ddns.ok_v6": _2("DDNS %s: %s resolves to %s, the address last sent"),
      "ddns.never": _2("DDNS %s: no successful update yet — run splitwan ddns update and read splitwan ddns status"),
      "ddns.stale": _2("DDNS %s: the last address sent was %s, but PPPoE now has %s — run splitwan ddns update"),
      "ddns.wrong": _2("DDNS %s: %s resolves to %s, not %s — wait for the TTL, else check the domain and host options and run splitwan ddns update --force"),
      "ddns.pending": _2("DDNS %s: %s still resolves to %s; %s was sent %s s ago — wait for the old record to expire"),
      "ddns.no_answer": _2("DDNS %s: %s does not resolve from %s — check the domain and host options and the provider's panel"),
      "ddns.tool": _2("not checked: %s is not available"),
      "conflicts.ok": _2("no mwan3, pbr or mwan4 installed"),
      "conflicts.clear": _2("%s installed; marks, rule priorities and tables clear of splitwan's"),
      "conflicts.mark": _2("%s uses mark mask %s, which includes splitwan's mark %s — change option mark to a free bit"),
      "conflicts.priority": _2("%s puts its rules at priority %s, among splitwan's %s–%s — change option priority"),
      "conflicts.table": _2("%s uses routing table %s, splitwan's table — change option table"),
      "conflicts.unknown": _2("%s is installed: its marks, priorities and tables are not checked — make sure they stay clear of mark %s, priorities %s–%s and table %s"),
      "loopback.ok": _2("NAT loopback: %s:%s is reflected to %s and the server accepts TCP on port %s"),
      "loopback.none": _2("no published TCP ports: NAT loopback not needed"),
      "loopback.no_reflection": _2("NAT loopback: no reflection rule for %s:%s in the live ruleset — LAN hosts cannot use the public address; run /etc/init.d/firewall reload"),
      "loopback.closed": _2("NAT loopback: server %s does not accept TCP on %s:%s — start the service on the server or check its own firewall"),
      "loopback.tool": _2("not checked: %s is not available")
    };
  }
  function checkLabel(id, _2) {
    const fixed = {
      config: _2("Configuration"),
      pppoe: _2("PPPoE session"),
      rules: _2("Policy rules"),
      table: _2("Routing table"),
      netifd_rule: _2("Router's own replies"),
      firewall: _2("Firewall"),
      dnat: _2("Port forwards"),
      rp_filter: _2("rp_filter"),
      dns: _2("DNS"),
      conflicts: _2("Other routing packages"),
      loopback: _2("NAT loopback")
    };
    if (fixed[id] !== void 0) return fixed[id];
    const prefixed = [["server_", _2("Server %s")], ["ddns_", _2("DDNS %s")], ["conflicts_", _2("Conflicts with %s")]];
    for (const [prefix, template] of prefixed) if (id.startsWith(prefix)) return fmt(template, id.slice(prefix.length));
    return id;
  }
  function verdictLabel(v, _2) {
    return v === "ok" ? _2("OK") : v === "warning" ? _2("Warning") : v === "fail" ? _2("Fail") : _2("Not checked");
  }
  var STATE = { ok: "ok", warning: "warn", fail: "error", "not-checked": "off" };
  function diagnoseRows(reply, _2) {
    const templates = diagnoseTemplates(_2);
    return asArray(reply.checks).map((c) => {
      var _a;
      const t = templates[c.code];
      const text = t !== void 0 ? fmt(t, ...asArray(c.args)) : c.text;
      return { id: c.id, state: (_a = STATE[c.verdict]) != null ? _a : "off", cells: [checkLabel(c.id, _2), verdictLabel(c.verdict, _2), text] };
    });
  }
  function diagnoseSummary(reply, _2) {
    const s = reply.summary;
    return fmt(_2("%s ok, %s warnings, %s failed, %s not checked (%s s)"), s.ok, s.warning, s.fail, s.not_checked, reply.seconds);
  }

  // src/luci/failure.ts
  var UBUS_METHOD_NOT_FOUND = 3;
  var UBUS_TIMEOUT = 7;
  function ubusFailure(code) {
    if (code === UBUS_METHOD_NOT_FOUND) return { kind: "old", code };
    if (code === UBUS_TIMEOUT) return { kind: "timeout", code };
    if (code === 2 || code === 5 || code === 9) return { kind: "crashed", code };
    return { kind: "refused", code };
  }
  function answerOf(x, shape) {
    if (typeof x === "number") return { ok: false, failure: ubusFailure(x) };
    if (typeof x !== "object" || x === null || Array.isArray(x)) return { ok: false, failure: { kind: "invalid" } };
    const v = x;
    if (typeof v.error === "string") return { ok: false, failure: { kind: "crashed" } };
    if (!shape(v)) return { ok: false, failure: { kind: "invalid" } };
    return { ok: true, value: x };
  }
  function rejectedFailure(e) {
    const text = e instanceof Error ? e.message : String(e);
    const m = /failed with error (-?\d+)/.exec(text);
    if (m !== null) {
      const code = Number(m[1]);
      if (code === -32e3) return { kind: "missing", code };
      if (code === -32002 || code === -32001) return { kind: "denied", code };
      if (code === -32003) return { kind: "timeout", code };
      return { kind: "refused", code };
    }
    const u = /failed with ubus code (\d+)/.exec(text);
    if (u !== null) return ubusFailure(Number(u[1]));
    return { kind: "unreachable" };
  }
  function ask(call, shape) {
    return call.then(
      (x) => answerOf(x, shape),
      (e) => ({ ok: false, failure: rejectedFailure(e) })
    );
  }
  function failureText(f, _2) {
    var _a;
    switch (f.kind) {
      case "missing":
        return _2("The router has no Split WAN service (rpcd object luci.splitwan). Restart rpcd under System → Startup, or reinstall luci-app-splitwan.");
      case "denied":
        return _2("This login may not use Split WAN (access denied). Log in again.");
      case "timeout":
        return _2("The router did not answer in time.");
      case "unreachable":
        return _2("The router could not be reached.");
      case "old":
        return _2("The Split WAN service on the router is older than this page. Restart rpcd under System → Startup.");
      case "crashed":
        return _2("The Split WAN service on the router failed.");
      case "invalid":
        return _2("The Split WAN service on the router gave an answer this page does not understand.");
      default:
        return fmt(_2("The router refused the request (code %s)."), (_a = f.code) != null ? _a : "?");
    }
  }
  function logHint(_2) {
    return fmt(_2("Details are in the system log (Status → System Log, or %s)."), "logread -e splitwan");
  }

  // src/luci/diagnose-panel.ts
  function diagnosePanel(call, E2, _2) {
    const results = E2("div", { id: "splitwan-diagnose-results" });
    const show = (content) => {
      while (results.firstChild) results.removeChild(results.firstChild);
      for (const el of content) results.appendChild(el);
    };
    const btn = E2("button", { class: "cbi-button cbi-button-action", id: "splitwan-diagnose-run" }, [_2("Run self-test")]);
    btn.addEventListener("click", (ev) => {
      ev.preventDefault();
      btn.disabled = true;
      show([E2("em", { class: "spinning" }, [_2("Testing… (at most 15 s)")])]);
      call().then((a) => {
        if (!a.ok) {
          show([E2("div", { class: "alert-message warning", id: "splitwan-diagnose-failed" }, [_2("The self-test could not run."), " ", failureText(a.failure, _2), " ", logHint(_2)])]);
          return;
        }
        const reply = a.value;
        const table = E2("table", { class: "table", id: "splitwan-diagnose" }, [
          E2("tr", { class: "tr table-titles" }, [_2("Self-test item"), _2("Verdict"), _2("Result and fix")].map((h) => E2("th", { class: "th" }, [h])))
        ]);
        for (const row of diagnoseRows(reply, _2)) {
          table.appendChild(E2("tr", { class: `tr splitwan-${row.state}`, "data-check": row.id }, [
            E2("td", { class: "td" }, [row.cells[0]]),
            E2("td", { class: "td" }, [E2("span", { class: "splitwan-state" }), row.cells[1]]),
            E2("td", { class: "td" }, [row.cells[2]])
          ]));
        }
        show([E2("div", { class: "splitwan-summary", id: "splitwan-diagnose-summary" }, [diagnoseSummary(reply, _2)]), table]);
      }).then(() => {
        btn.disabled = false;
      });
    });
    return E2("div", { id: "splitwan-diagnose-panel" }, [E2("h4", {}, [_2("Self-test")]), btn, results]);
  }

  // src/core/text.ts
  var HEX_DIGITS = "0123456789abcdef";
  function hexDigits(n, width) {
    const d = [];
    let v = Math.floor(n);
    do {
      d.push(HEX_DIGITS.charAt(v % 16));
      v = Math.floor(v / 16);
    } while (v > 0);
    while (d.length < width) d.push("0");
    return d.reverse().join("");
  }
  var ESCAPES = { 9: "\\t", 10: "\\n", 13: "\\r", 34: '\\"', 39: "\\'", 92: "\\\\" };
  function escape(s) {
    var _a;
    const out = [];
    let from = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 32 && c !== 127 && c !== 34 && c !== 39 && c !== 92) continue;
      if (i > from) out.push(s.substring(from, i));
      out.push((_a = ESCAPES[c]) != null ? _a : "\\x" + hexDigits(c, 2));
      from = i + 1;
    }
    if (from === 0) return s;
    if (from < s.length) out.push(s.substring(from));
    return out.join("");
  }

  // src/core/addr.ts
  function isDigits(s) {
    if (s.length === 0) return false;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 48 || c > 57) return false;
    }
    return true;
  }

  // src/core/ports.ts
  function parsePort(text) {
    if (!isDigits(text) || text.length > 5) return void 0;
    if (text.length > 1 && text.startsWith("0")) return void 0;
    const n = Number(text);
    return n >= 1 && n <= 65535 ? n : void 0;
  }
  function parseSpec(text, proto) {
    const colon = text.indexOf(":");
    if (colon >= 0) {
      const ext = parsePort(text.slice(0, colon));
      const int = parsePort(text.slice(colon + 1));
      if (text.indexOf("-") >= 0) return `"${escape(text)}": a range cannot be moved to other ports; publish it as the same range`;
      if (ext === void 0 || int === void 0) return `"${escape(text)}": ports are whole numbers from 1 to 65535`;
      return { extFrom: ext, extTo: ext, intFrom: int, proto };
    }
    const dash = text.indexOf("-");
    if (dash >= 0) {
      const from = parsePort(text.slice(0, dash));
      const to = parsePort(text.slice(dash + 1));
      if (from === void 0 || to === void 0) return `"${escape(text)}": ports are whole numbers from 1 to 65535`;
      if (to <= from) return `"${escape(text)}": a range goes from the lower port to the higher`;
      return { extFrom: from, extTo: to, intFrom: from, proto };
    }
    const port = parsePort(text);
    if (port === void 0) return `"${escape(text)}": ports are whole numbers from 1 to 65535`;
    return { extFrom: port, extTo: port, intFrom: port, proto };
  }
  function parsePortItem(item) {
    const text = item.trim();
    if (text === "") return { ok: false, error: "empty port entry" };
    let proto = "tcp";
    let body = text;
    const slash = text.indexOf("/");
    if (slash >= 0) {
      const p = text.slice(slash + 1).toLowerCase();
      if (p !== "tcp" && p !== "udp" && p !== "both") return { ok: false, error: `"${escape(text)}": protocol must be tcp, udp or both` };
      proto = p;
      body = text.slice(0, slash);
    }
    const specs = [];
    for (const part of body.split(",")) {
      const spec = parseSpec(part.trim(), proto);
      if (typeof spec === "string") return { ok: false, error: spec };
      specs.push(spec);
    }
    return { ok: true, specs };
  }

  // src/luci/choices.ts
  function kindLabel(kind, _2) {
    if (kind === "map-e") return _2("MAP-E");
    if (kind === "ds-lite") return _2("DS-Lite");
    if (kind === "plain") return _2("plain IPoE");
    return _2("unknown");
  }
  function detectedText(a, _2) {
    if (!a.ok) return `${fmt(_2("Could not detect the IPoE WAN: %s"), failureText(a.failure, _2))} ${logHint(_2)}`;
    const d = a.value;
    const noNetifd = d.netifd === false;
    if (!d.interface) {
      return noNetifd ? _2("Could not ask netifd (the network service) for the devices: choose the device the ISP's line is on.") : _2("No IPoE WAN detected: choose the device the ISP's line is on.");
    }
    const found = fmt(_2("detected: %s — %s"), d.interface, kindLabel(d.kind, _2));
    return noNetifd ? `${found} ${_2("(from the network configuration: netifd did not answer, so the device list is incomplete)")}` : found;
  }
  function deviceChoices(d, _2) {
    var _a;
    const out = [];
    const seen = /* @__PURE__ */ new Set();
    const add = (dev, label) => {
      if (dev === "" || seen.has(dev)) return;
      seen.add(dev);
      out.push([dev, label]);
    };
    if (d == null ? void 0 : d.device) add(d.device, fmt(_2("%s (detected: %s — %s)"), d.device, (_a = d.interface) != null ? _a : "?", kindLabel(d.kind, _2)));
    for (const dev of Array.isArray(d == null ? void 0 : d.devices) ? d.devices : []) add(dev, dev);
    return out;
  }
  function ipKey(ip) {
    const p = ip.split(".").map((x) => Number(x));
    return p.length === 4 && p.every((n) => n >= 0 && n <= 255) ? ((p[0] * 256 + p[1]) * 256 + p[2]) * 256 + p[3] : Number.MAX_SAFE_INTEGER;
  }
  function cleanName(s) {
    if (s === void 0) return "";
    let out = "";
    for (const c of s) if (c >= "a" && c <= "z" || c >= "A" && c <= "Z" || c >= "0" && c <= "9" || c === "-" || c === "." || c === "_" || c === ":") out += c;
    return out.slice(0, 63);
  }
  function leaseChoices(leases) {
    const list2 = (Array.isArray(leases) ? leases : []).filter((l) => typeof l.ipaddr === "string" && ipKey(l.ipaddr) !== Number.MAX_SAFE_INTEGER);
    list2.sort((a, b) => ipKey(a.ipaddr) - ipKey(b.ipaddr));
    const out = [];
    for (const l of list2) {
      if (out.some((c) => c[0] === l.ipaddr)) continue;
      const name = cleanName(l.hostname && l.hostname !== "*" ? l.hostname : l.macaddr);
      out.push([l.ipaddr, name ? `${l.ipaddr} (${name})` : l.ipaddr]);
    }
    return out;
  }
  function validatePortItem(value, _2) {
    if (value === null || value === void 0 || value.trim() === "") return true;
    const r = parsePortItem(value);
    return r.ok ? true : translateMessage(r.error, _2);
  }
  function validateDeviceName(value, _2) {
    if (value === null || value === void 0 || value === "") return true;
    if (value.length > 15) return _2("A device name has at most 15 characters");
    for (let i = 0; i < value.length; i++) {
      const c = value.charAt(i);
      const ok = c >= "a" && c <= "z" || c >= "A" && c <= "Z" || c >= "0" && c <= "9" || c === "_" || c === "." || c === "@" || c === "-";
      if (!ok) return fmt(_2("A device name cannot contain “%s”"), c);
    }
    return true;
  }

  // src/luci/view.ts
  var OBJECT = "luci.splitwan";
  var POLL_SECONDS = 5;
  var callStatus = rpc.declare({ object: OBJECT, method: "status" });
  var callDetect = rpc.declare({ object: OBJECT, method: "detect" });
  var callValidate = rpc.declare({ object: OBJECT, method: "validate", params: ["sections"] });
  var callDdnsUpdate = rpc.declare({ object: OBJECT, method: "ddns_update", params: ["name", "force"] });
  var callReconnect = rpc.declare({ object: OBJECT, method: "reconnect" });
  var callApply = rpc.declare({ object: OBJECT, method: "apply" });
  var callDiagnose = rpc.declare({ object: OBJECT, method: "diagnose" });
  var isStatus = (v) => typeof v.pppoe === "object" && v.pppoe !== null;
  var isDetect = (v) => Array.isArray(v.devices) || typeof v.devices === "object";
  var isValidate = (v) => typeof v.valid === "boolean";
  var isAction = (v) => typeof v.ok === "boolean" && typeof v.message === "string";
  var isDiagnose = (v) => Array.isArray(v.checks);
  var CSS = `
#splitwan-status .alert-message ul, #splitwan-check .alert-message ul, #splitwan-drift ul, #splitwan-action-result ul { margin-left: 1.5em; list-style: disc outside; }
.splitwan-actions { display: flex; gap: .5em; flex-wrap: wrap; align-items: center; margin-bottom: .5em; }
.splitwan-state { width: 5em; }
`;
  function failureBox(id, what, f) {
    return E("div", { class: "alert-message error", id, "data-failure": f.failure.kind }, [
      E("p", {}, [E("strong", {}, [what]), " ", failureText(f.failure, _)]),
      E("p", {}, [logHint(_)])
    ]);
  }
  function stateCell(state) {
    const l = stateLabel(state, _);
    return E("td", { class: "td splitwan-state" }, l === void 0 ? [] : [E("span", { class: l.cls }, [l.text])]);
  }
  function rowsTable(id, rows) {
    return E(
      "table",
      { class: "table", id },
      rows.map(
        (r) => E("tr", { class: "tr", "data-key": r.key, "data-state": r.state }, [E("td", { class: "td left", width: "33%" }, [r.label]), stateCell(r.state), E("td", { class: "td" }, [r.value])])
      )
    );
  }
  function gridTable(id, head, rows, empty) {
    const table = E("table", { class: "table", id }, [E("tr", { class: "tr table-titles" }, [E("th", { class: "th" }, [])].concat(head.map((h) => E("th", { class: "th" }, [h]))))]);
    if (rows.length === 0) table.appendChild(E("tr", { class: "tr placeholder" }, E("td", { class: "td", colspan: String(head.length + 1) }, E("em", {}, [empty]))));
    for (const r of rows) table.appendChild(E("tr", { class: "tr", "data-state": r.state }, [stateCell(r.state)].concat(r.cells.map((c) => E("td", { class: "td" }, [c])))));
    return table;
  }
  function list(items) {
    return E("ul", {}, items.map((w) => E("li", {}, [w])));
  }
  function driftBox(st) {
    const d = driftText(st, _);
    if (d === void 0) return [];
    const btn = actionButton(_("Apply now"), "splitwan-apply", () => ask(callApply(), isAction), applyBox, applyResult);
    return [E("div", { class: "alert-message warning", id: "splitwan-drift" }, [E("p", {}, [d.text]), d.items.length > 0 ? list(d.items) : "", E("div", { class: "splitwan-actions" }, [btn])])];
  }
  function renderStatus(a) {
    if (!a.ok) return [failureBox("splitwan-status-error", _("Status unavailable."), a)];
    const st = a.value;
    const sum = summary(st, _);
    const out = [E("div", { class: alertClass(sum.state), id: "splitwan-summary", "data-state": sum.state }, [sum.text])];
    out.push(...driftBox(st));
    const warnings = warningTexts(st, _);
    if (warnings.length > 0) out.push(E("div", { class: "alert-message warning", id: "splitwan-warnings" }, [E("strong", {}, [_("Warnings")]), list(warnings)]));
    out.push(E("h4", {}, [_("PPPoE")]), rowsTable("splitwan-pppoe", pppoeRows(st, _)));
    out.push(E("h4", {}, [_("Routing and firewall")]), rowsTable("splitwan-routing", routingRows(st, _)));
    out.push(
      E("h4", {}, [_("Servers")]),
      gridTable(
        "splitwan-servers",
        [_("Name"), _("LAN address"), _("Routing mode"), _("Published")],
        serverRows(st, _).map((s) => ({ state: s.state, cells: [s.name, s.ipaddr, s.mode, s.published] })),
        _("No servers configured")
      )
    );
    out.push(
      E("h4", {}, [_("DDNS")]),
      gridTable(
        "splitwan-ddns",
        [_("Name"), _("Provider"), _("Last attempt"), _("Last success"), _("IP sent"), _("Provider's answer"), _("Next retry")],
        ddnsRows(st, _).map((d) => ({ state: d.state, cells: [d.name, d.provider, d.lastAttempt, d.lastSuccess, d.ipSent, d.answer, d.nextRetry] })),
        _("No DDNS configured")
      )
    );
    return out;
  }
  function sectionsForCheck() {
    return uci.sections("splitwan").map((s) => {
      const options = {};
      for (const k of Object.keys(s)) if (k.charAt(0) !== ".") options[k] = s[k];
      return { name: s[".name"], type: s[".type"], options };
    });
  }
  var routerErrors = [];
  var statusBox;
  var applyBox;
  var checkBox;
  var formRoot;
  function typeOf(sid) {
    var _a;
    return (_a = uci.get("splitwan", sid)) == null ? void 0 : _a[".type"];
  }
  function errorItems(errors) {
    const { fields, general } = groupErrors(errors);
    const items = fields.map((f) => `${describeField(f.section, f.option, typeOf(f.section), _)}: ${f.messages.map((m) => translateMessage(m, _)).join("; ")}`);
    for (const g of general) items.push(`${describeField(g.section, void 0, typeOf(g.section), _)}: ${translateMessage(g.message, _)}`);
    return items;
  }
  function showRouterErrors() {
    var _a;
    if (formRoot) formRoot.querySelectorAll(".splitwan-field-error").forEach((n) => {
      var _a2;
      return (_a2 = n.parentNode) == null ? void 0 : _a2.removeChild(n);
    });
    for (const f of groupErrors(routerErrors).fields) {
      const text = f.messages.map((m) => translateMessage(m, _)).join("; ");
      const row = formRoot == null ? void 0 : formRoot.querySelector(`[data-field="${f.field}"]`);
      const where = (_a = row == null ? void 0 : row.querySelector(".cbi-value-field")) != null ? _a : row;
      if (where) where.appendChild(E("div", { class: "alert-message error splitwan-field-error", "data-error-for": f.field }, [text]));
    }
    const items = errorItems(routerErrors);
    dom.content(checkBox, items.length === 0 ? null : E("div", { class: "alert-message error" }, [E("strong", {}, [_("The router rejects this configuration:")]), list(items)]));
  }
  function checkOnRouter(staged) {
    return ask(staged ? callValidate(sectionsForCheck()) : callValidate(), isValidate).then((a) => {
      if (!a.ok) {
        routerErrors = [];
        dom.content(checkBox, failureBox("splitwan-check-error", _("Could not check the configuration on the router."), a));
        return true;
      }
      routerErrors = asArray(a.value.errors);
      showRouterErrors();
      return routerErrors.length === 0;
    });
  }
  function refreshStatus() {
    return ask(callStatus(), isStatus).then((a) => {
      dom.content(statusBox, renderStatus(a));
    });
  }
  function actionResult(r) {
    return E("div", { class: r.ok ? "alert-message notice" : "alert-message error" }, [translateMessage(r.message, _)]);
  }
  function applyResult(r) {
    const a = r;
    if (a.ok) {
      const n = asArray(a.changes).length;
      return E("div", { class: "alert-message notice" }, [n === 0 ? _("Nothing to change: the router already runs the saved configuration.") : fmt(_("Applied %s change(s)."), n)]);
    }
    if (a.code === 1) return E("div", { class: "alert-message error" }, [E("p", {}, [_("The saved configuration is invalid; nothing was changed:")]), list(errorItems(asArray(a.errors)))]);
    if (a.code === 2) return E("div", { class: "alert-message error" }, [E("p", {}, [_("Nothing was changed: these sections were not created by Split WAN and are in the way:")]), list(asArray(a.conflicts).map((c) => translateMessage(c, _)))]);
    return E("div", { class: "alert-message error" }, [E("p", {}, [_("Applying failed; the previous files were put back.")]), E("p", {}, [logHint(_)])]);
  }
  function actionButton(label, id, run, result, show = actionResult) {
    const btn = E("button", { class: "cbi-button cbi-button-action", id }, [label]);
    btn.addEventListener("click", (ev) => {
      ev.preventDefault();
      btn.disabled = true;
      dom.content(result, E("em", { class: "spinning" }, [_("Working…")]));
      run().then((a) => dom.content(result, a.ok ? show(a.value) : failureBox(`${id}-error`, fmt(_("%s failed."), label), a))).then(() => refreshStatus()).then(() => {
        btn.disabled = false;
      });
    });
    return btn;
  }
  function zoneChoices(detect) {
    const out = detect.ok ? asArray(detect.value.zones).slice() : [];
    for (const s of uci.sections("splitwan", "server")) {
      const z = s.zone;
      if (typeof z === "string" && z !== "" && !out.includes(z)) out.push(z);
    }
    if (!out.includes("lan")) out.unshift("lan");
    return out;
  }
  function serverOptions(ss, detect) {
    ss.addremove = true;
    ss.anonymous = false;
    let o = ss.option(form.Flag, "enabled", optionLabel("server", "enabled", _));
    o.default = "1";
    o.rmempty = false;
    o = ss.option(form.Value, "ipaddr", optionLabel("server", "ipaddr", _));
    for (const [ip, label] of leaseChoices(detect.ok ? detect.value.leases : void 0)) o.value(ip, label);
    o.datatype = "ip4addr('nomask')";
    o.rmempty = false;
    o = ss.option(form.ListValue, "zone", optionLabel("server", "zone", _));
    for (const z of zoneChoices(detect)) o.value(z, z);
    o.default = "lan";
    o = ss.option(form.ListValue, "mode", optionLabel("server", "mode", _));
    o.value("source", modeLabel("source", _));
    o.value("reply-only", modeLabel("reply-only", _));
    o.default = "source";
    o.width = "11em";
    o = ss.option(form.Value, "ip6_suffix", optionLabel("server", "ip6_suffix", _));
    o.placeholder = "::5";
    o.datatype = "ip6addr";
    o = ss.option(form.DynamicList, "port", optionLabel("server", "port", _));
    o.placeholder = "80,443/tcp";
    o.validate = (_sid, v) => validatePortItem(v, _);
  }
  function ddnsOptions(ds) {
    ds.addremove = true;
    ds.anonymous = false;
    let o = ds.option(form.Flag, "enabled", optionLabel("ddns", "enabled", _));
    o.default = "1";
    o.rmempty = false;
    o = ds.option(form.ListValue, "provider", optionLabel("ddns", "provider", _));
    o.value("value-domain", "Value Domain");
    o.value("mydns", "MyDNS.JP");
    o.value("cloudflare", "Cloudflare");
    o = ds.option(form.Value, "domain", optionLabel("ddns", "domain", _), _("The domain (Value Domain) or the zone name (Cloudflare), like example.com"));
    o.datatype = "hostname";
    o.depends("provider", "value-domain");
    o.depends("provider", "cloudflare");
    o = ds.option(form.Value, "host", optionLabel("ddns", "host", _), _("Empty or @ for the domain itself, * for the wildcard, or a name like www"));
    o.depends("provider", "value-domain");
    o.depends("provider", "cloudflare");
    o = ds.option(form.Value, "username", optionLabel("ddns", "username", _), _("MyDNS.JP master ID"));
    o.depends("provider", "mydns");
    o = ds.option(form.Value, "password", optionLabel("ddns", "password", _));
    o.password = true;
    o.depends("provider", "value-domain");
    o.depends("provider", "mydns");
    o = ds.option(form.Value, "token", optionLabel("ddns", "token", _), _("Cloudflare API token with Zone.DNS Edit permission"));
    o.password = true;
    o.depends("provider", "cloudflare");
    o = ds.option(form.Value, "zone_id", optionLabel("ddns", "zone_id", _), _("Optional: without it the token also needs Zone.Zone Read to find the zone"));
    o.depends("provider", "cloudflare");
    o = ds.option(form.ListValue, "ip_version", optionLabel("ddns", "ip_version", _));
    o.value("4", "IPv4");
    o.value("6", "IPv6");
    o.default = "4";
    o.depends("provider", "mydns");
    o.depends("provider", "cloudflare");
    o = ds.option(form.ListValue, "server", optionLabel("ddns", "server", _), _("Publish this server's IPv6: the LAN's delegated prefix plus the server's IPv6 suffix, updated when the prefix changes"));
    o.value("", _("This router's own address"));
    for (const srv of uci.sections("splitwan", "server")) if (srv.ip6_suffix) o.value(srv[".name"], `${srv[".name"]} (${String(srv.ip6_suffix)})`);
    o.depends("ip_version", "6");
  }
  function buildMap(detect) {
    const m = new form.Map("splitwan");
    const s = m.section(form.NamedSection, "main", "splitwan");
    s.addremove = false;
    s.tab("pppoe", _("PPPoE"));
    s.tab("servers", _("Servers"), _("Each server's ports are published on the PPPoE address. Ports: 80,443/tcp, 19132/udp, 27015-27030/both, 2222:22/tcp (outside:inside)."));
    s.tab("ddns", _("DDNS"), _("Points a DNS name at the PPPoE address whenever it comes up or changes."));
    s.tab("advanced", _("Advanced settings"), _("The defaults suit most setups. The router checks these in full when you save."));
    let o = s.taboption("pppoe", form.Flag, "enabled", optionLabel("splitwan", "enabled", _), _("Splitwan removes everything it set up when disabled."));
    o.rmempty = false;
    o = s.taboption("pppoe", form.Value, "username", optionLabel("splitwan", "username", _));
    o.placeholder = "user@isp";
    o = s.taboption("pppoe", form.Value, "password", optionLabel("splitwan", "password", _));
    o.password = true;
    o = s.taboption("pppoe", form.Value, "device", optionLabel("splitwan", "device", _), detectedText(detect, _));
    for (const [dev, label] of deviceChoices(detect.ok ? detect.value : void 0, _)) o.value(dev, label);
    if (detect.ok && detect.value.device) o.default = detect.value.device;
    o.validate = (_sid, v) => validateDeviceName(v, _);
    o = s.taboption("pppoe", form.Value, "mtu", optionLabel("splitwan", "mtu", _), _("1454 for NTT FLET'S: its PPPoE path carries at most 1454 bytes, less than the usual 1492, and larger packets are lost. Use 1492 on other PPPoE lines."));
    o.datatype = "range(576,1492)";
    o.placeholder = "1454";
    o = s.taboption("servers", form.SectionValue, "_servers", form.TableSection, "server");
    serverOptions(o.subsection, detect);
    o = s.taboption("ddns", form.SectionValue, "_ddns", form.TypedSection, "ddns");
    ddnsOptions(o.subsection);
    const advanced = [
      ["interface", "wanppp", "uciname"],
      ["zone", "wan_pppoe", "uciname"],
      ["table", "300", "range(1,2147483647)"],
      ["table_name", "pppoe", null],
      ["priority", "30000", "range(1,32765)"],
      ["mark", "0x10000000", null]
    ];
    for (const [name, placeholder, datatype] of advanced) {
      o = s.taboption("advanced", form.Value, name, optionLabel("splitwan", name, _));
      o.placeholder = placeholder;
      if (datatype !== null) o.datatype = datatype;
    }
    return m;
  }
  var view_default = view.extend({
    load() {
      return Promise.all([ask(callDetect(), isDetect), ask(callStatus(), isStatus), uci.load("splitwan")]);
    },
    render(data) {
      const [detect, status] = data;
      applyBox = E("div", { id: "splitwan-apply-result" });
      statusBox = E("div", { id: "splitwan-status-body" }, renderStatus(status));
      checkBox = E("div", { id: "splitwan-check" });
      const result = E("div", { id: "splitwan-action-result" });
      const actions = E("div", { class: "splitwan-actions" }, [
        actionButton(_("Update DDNS now"), "splitwan-ddns-update", () => ask(callDdnsUpdate("", true), isAction), result),
        actionButton(_("Reconnect PPPoE"), "splitwan-reconnect", () => ask(callReconnect(), isAction), result)
      ]);
      const map = buildMap(detect);
      poll.add(() => refreshStatus(), POLL_SECONDS);
      document.addEventListener("uci-applied", () => {
        void refreshStatus();
        void checkOnRouter(false);
      });
      return map.render().then((mapEl) => {
        formRoot = mapEl;
        return E("div", {}, [
          E("style", {}, CSS),
          E("h2", {}, [_("Split WAN")]),
          E("div", { class: "cbi-map-descr" }, [_("Keeps a PPPoE session beside the IPoE (MAP-E / DS-Lite) uplink and publishes servers on its IPv4 address. Everyday traffic stays on IPoE.")]),
          E("div", { class: "cbi-section", id: "splitwan-status" }, [E("h3", {}, [_("Status")]), statusBox, applyBox, E("h4", {}, [_("Actions")]), actions, result, diagnosePanel(() => ask(callDiagnose(), isDiagnose), E, _)]),
          checkBox,
          mapEl
        ]);
      });
    },
    /** LuCI's Save & Apply, with the router's check between saving and applying: a
     * configuration the router refuses is not applied (browser test "does not apply"). */
    handleSaveApply(ev, mode) {
      return this.handleSave(ev).then(() => checkOnRouter(true)).then((valid) => {
        if (valid) ui.changes.apply(mode === "0");
      });
    }
  });
  return __toCommonJS(view_exports);
})();

return splitwanView.default;
