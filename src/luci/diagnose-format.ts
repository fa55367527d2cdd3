// The self-test's words from the rpcd `diagnose` reply: one row per check with its name,
// verdict and sentence (what is wrong and the fix) in the user's language. The router
// sends a message code and its values; the templates below are the same English as
// src/core/diagnose/messages.ts (a test holds them equal), written as _() calls so
// scripts/i18n.mjs collects them for the catalogs. Pure, so Node tests cover it.
import { asArray, type State } from "./status-format";
import { fmt, worded } from "./text";

export type Verdict = "ok" | "warning" | "fail" | "not-checked";

export interface DiagnoseCheck {
  id: string;
  verdict: Verdict;
  code: string;
  args: string[];
  text: string;
}

export interface DiagnoseReply {
  checks: DiagnoseCheck[];
  summary: { ok: number; warning: number; fail: number; not_checked: number };
  seconds: number;
}

/** The diagnose message templates by code, translated. */
export function diagnoseTemplates(): Record<string, string> {
  return {
    "config.ok": _("splitwan is enabled and its configuration is valid"),
    "config.disabled": _("splitwan is disabled: nothing is published — enable it and save"),
    "config.invalid": _("the configuration is invalid: %s — fix it on the setup form (or run splitwan plan)"),
    "skip.disabled": _("not checked: splitwan is disabled or its configuration is invalid"),
    "skip.pppoe_down": _("not checked: PPPoE is down"),
    "skip.time": _("not checked: the self-test ran out of time"),
    "pppoe.ok": _("PPPoE %s is up with the public IPv4 %s"),
    "pppoe.missing": _("netifd has no interface %s — run splitwan apply"),
    "netifd.down": _("not checked: could not ask netifd (%s)"),
    "pppoe.down": _("PPPoE %s is down%s — check the PPPoE username and password, and that the line is connected"),
    "pppoe.no_ipv4": _("PPPoE %s is up but has no IPv4 address — reconnect PPPoE; if it stays so, ask the ISP"),
    "pppoe.private": _("PPPoE %s has the private address %s, not a public one — nothing can reach it from the internet; ask the ISP for a public (global) IPv4"),
    "pppoe.shared": _("PPPoE %s has %s from the shared range 100.64.0.0/10 (carrier-grade NAT) — ask the ISP for a public IPv4"),
    "pppoe.cgn": _("PPPoE %s has %s, the shared MAP-E / DS-Lite address — the session is not the PPPoE one; check option device and the credentials"),
    "rules.ok": _("%s policy rules present at their priorities"),
    "rules.none": _("no servers: no policy rules are needed"),
    "rules.tool": _("not checked: ip rule show failed"),
    "rules.missing": _("ip rule %s (%s) is missing — run /etc/init.d/network reload, then splitwan apply"),
    "rules.wrong": _("ip rule at priority %s is %s, expected %s — another program uses this priority: change option priority"),
    "table.ok": _("table %s has a default route via %s"),
    "table.tool": _("not checked: ip route show table %s failed"),
    "table.no_default": _("table %s has no default route via %s — check option defaultroute and ip4table of network.%s (keep defaultroute on), then reconnect PPPoE"),
    "netifd_rule.ok": _("netifd's rule from %s lookup %s is present (the router's own replies leave via PPPoE)"),
    "netifd_rule.missing": _("netifd's rule from %s lookup %s is missing — check option ip4table of network.%s, then reconnect PPPoE"),
    "firewall.ok": _("fw4 ruleset loaded with splitwan's drop-ins: %s; MSS %s"),
    "firewall.tool": _("not checked: nft list ruleset failed"),
    "firewall.no_fw4": _("the fw4 ruleset is not loaded — run /etc/init.d/firewall restart and read its errors"),
    "firewall.no_zone": _("zone %s is not in the live ruleset — run /etc/init.d/firewall reload"),
    "firewall.dropin": _("splitwan's drop-ins missing from the live ruleset: %s — run splitwan apply, then /etc/init.d/firewall reload"),
    "firewall.mss": _("the MSS clamp in %s is %s, expected %s (MTU %s − 40) — run splitwan apply, then /etc/init.d/firewall reload"),
    "dnat.ok": _("%s published port(s) have their DNAT in the live ruleset"),
    "dnat.none": _("no published ports"),
    "dnat.missing": _("no DNAT for %s (server %s) in the live ruleset — run /etc/init.d/firewall reload; if it stays missing, splitwan apply"),
    "server.ok": _("server %s (%s) answers on %s"),
    "server.arp_only": _("server %s (%s) answers ARP on %s but not ping — fine if it drops ping; else check that it is on"),
    "server.unreachable": _("server %s (%s) does not answer on %s — check that it is on, its address, and its cable or Wi-Fi"),
    "server.outside": _("server %s (%s) is outside zone %s's subnets (%s) — correct its address or option zone"),
    "server.no_zone": _("zone %s of server %s has no live network — check option zone"),
    "server.tool": _("not checked: %s is not available"),
    "rp_filter.tool": _("not checked: /proc/sys/net/ipv4/conf/all/rp_filter cannot be read"),
    "rp_filter.ok": _("rp_filter is not strict (%s)"),
    "rp_filter.strict_ok": _("rp_filter is strict on %s; source-mode servers work with it"),
    "rp_filter.strict": _("rp_filter is strict on %s: connections to reply-only servers over PPPoE are dropped — set net.ipv4.conf.%s.rp_filter to 2 (loose)"),
    "dns.ok": _("PPPoE %s has peerdns 0 and the LAN's DNS does not use the PPPoE resolvers"),
    "dns.peerdns": _("network.%s has peerdns %s: the ISP's PPPoE resolvers are used and queried over IPoE — run splitwan apply (it sets peerdns 0)"),
    "dns.resolvers": _("the LAN's DNS (%s) uses the PPPoE resolver %s — set peerdns 0 on network.%s and remove it from the DHCP server list"),
    "ddns.ok": _("DDNS %s: %s resolves to %s, the PPPoE address"),
    "ddns.ok_ttl": _("DDNS %s: %s resolves to %s, the PPPoE address (TTL %s s)"),
    "ddns.ok_v6": _("DDNS %s: %s resolves to %s, the address last sent"),
    "ddns.never": _("DDNS %s: no successful update yet — run splitwan ddns update and read splitwan ddns status"),
    "ddns.stale": _("DDNS %s: the last address sent was %s, but PPPoE now has %s — run splitwan ddns update"),
    "ddns.wrong": _("DDNS %s: %s resolves to %s, not %s — wait for the TTL, else check the domain and host options and run splitwan ddns update --force"),
    "ddns.pending": _("DDNS %s: %s still resolves to %s; %s was sent %s s ago — wait for the old record to expire"),
    "ddns.no_answer": _("DDNS %s: %s does not resolve from %s — check the domain and host options and the provider's panel"),
    "ddns.tool": _("not checked: %s is not available"),
    "conflicts.ok": _("no mwan3, pbr or mwan4 installed"),
    "conflicts.clear": _("%s installed; marks, rule priorities and tables clear of splitwan's"),
    "conflicts.mark": _("%s uses mark mask %s, which includes splitwan's mark %s — change option mark to a free bit"),
    "conflicts.priority": _("%s puts its rules at priority %s, among splitwan's %s–%s — change option priority"),
    "conflicts.table": _("%s uses routing table %s, splitwan's table — change option table"),
    "conflicts.unknown": _("%s is installed: its marks, priorities and tables are not checked — make sure they stay clear of mark %s, priorities %s–%s and table %s"),
    "loopback.ok": _("NAT loopback: %s:%s is reflected to %s and the server accepts TCP on port %s"),
    "loopback.none": _("no published TCP ports: NAT loopback not needed"),
    "loopback.no_reflection": _("NAT loopback: no reflection rule for %s:%s in the live ruleset — LAN hosts cannot use the public address; run /etc/init.d/firewall reload"),
    "loopback.closed": _("NAT loopback: server %s does not accept TCP on %s:%s — start the service on the server or check its own firewall"),
    "loopback.tool": _("not checked: %s is not available"),
  };
}

/** The check's name: fixed ids, and server_/ddns_/conflicts_ followed by a section. */
export function checkLabel(id: string): string {
  const fixed: Record<string, string> = {
    config: _("Configuration"),
    pppoe: _("PPPoE session"),
    rules: _("Policy rules"),
    table: _("Routing table"),
    netifd_rule: _("Router's own replies"),
    firewall: _("Firewall"),
    dnat: _("Port forwards"),
    rp_filter: _("rp_filter"),
    dns: _("DNS"),
    conflicts: _("Other routing packages"),
    loopback: _("NAT loopback"),
  };
  if (fixed[id] !== undefined) return fixed[id];
  const prefixed: Array<[string, string]> = [["server_", _("Server %s")], ["ddns_", _("DDNS %s")], ["conflicts_", _("Conflicts with %s")]];
  for (const [prefix, template] of prefixed) if (id.startsWith(prefix)) return fmt(template, id.slice(prefix.length));
  return id;
}

export function verdictLabel(v: Verdict): string {
  return v === "ok" ? _("OK") : v === "warning" ? _("Warning") : v === "fail" ? _("Fail") : _("Not checked");
}

const STATE: Record<Verdict, State> = { ok: "ok", warning: "warn", fail: "error", "not-checked": "off" };

export interface DiagnoseRow {
  id: string;
  state: State;
  cells: [string, string, string];
}

/** One row per check: its name, verdict, and sentence (translated by code; the router's
 * English when the page does not know the code). */
export function diagnoseRows(reply: DiagnoseReply): DiagnoseRow[] {
  const templates = diagnoseTemplates();
  return asArray(reply.checks).map((c) => {
    return { id: c.id, state: STATE[c.verdict] ?? "off", cells: [checkLabel(c.id), verdictLabel(c.verdict), worded(templates, c)] };
  });
}

export function diagnoseSummary(reply: DiagnoseReply): string {
  const s = reply.summary;
  return fmt(_("%s ok, %s warnings, %s failed, %s not checked (%s s)"), s.ok, s.warning, s.fail, s.not_checked, reply.seconds);
}

