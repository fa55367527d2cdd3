// The English sentence of every diagnose result, keyed by its code: what is wrong and,
// after " — ", the one-line fix. "%s" takes the result's args in order. The LuCI page
// keeps the same templates as _() strings (src/luci/diagnose-format.ts; a test holds the
// two tables equal) so it can show them in the user's language.
import { fillTemplate } from "../text";

export const DIAGNOSE_MESSAGES: Record<string, string> = {
  "config.ok": "splitwan is enabled and its configuration is valid",
  "config.disabled": "splitwan is disabled: nothing is published — enable it and save",
  "config.invalid": "the configuration is invalid: %s — fix it on the setup form (or run splitwan plan)",
  "skip.disabled": "not checked: splitwan is disabled or its configuration is invalid",
  "skip.pppoe_down": "not checked: PPPoE is down",
  "skip.time": "not checked: the self-test ran out of time",

  "pppoe.ok": "PPPoE %s is up with the public IPv4 %s",
  "pppoe.missing": "netifd has no interface %s — run splitwan apply",
  "netifd.down": "not checked: could not ask netifd (%s)",
  "pppoe.down": "PPPoE %s is down%s — check the PPPoE username and password, and that the line is connected",
  "pppoe.no_ipv4": "PPPoE %s is up but has no IPv4 address — reconnect PPPoE; if it stays so, ask the ISP",
  "pppoe.private": "PPPoE %s has the private address %s, not a public one — nothing can reach it from the internet; ask the ISP for a public (global) IPv4",
  "pppoe.shared": "PPPoE %s has %s from the shared range 100.64.0.0/10 (carrier-grade NAT) — ask the ISP for a public IPv4",
  "pppoe.cgn": "PPPoE %s has %s, the shared MAP-E / DS-Lite address — the session is not the PPPoE one; check option device and the credentials",

  "rules.ok": "%s policy rules present at their priorities",
  "rules.none": "no servers: no policy rules are needed",
  "rules.tool": "not checked: ip rule show failed",
  "rules.missing": "ip rule %s (%s) is missing — run /etc/init.d/network reload, then splitwan apply",
  "rules.wrong": "ip rule at priority %s is %s, expected %s — another program uses this priority: change option priority",

  "table.ok": "table %s has a default route via %s",
  "table.tool": "not checked: ip route show table %s failed",
  "table.no_default": "table %s has no default route via %s — check option defaultroute and ip4table of network.%s (keep defaultroute on), then reconnect PPPoE",

  "netifd_rule.ok": "netifd's rule from %s lookup %s is present (the router's own replies leave via PPPoE)",
  "netifd_rule.missing": "netifd's rule from %s lookup %s is missing — check option ip4table of network.%s, then reconnect PPPoE",

  "firewall.ok": "fw4 ruleset loaded with splitwan's drop-ins: %s; MSS %s",
  "firewall.tool": "not checked: nft list ruleset failed",
  "firewall.no_fw4": "the fw4 ruleset is not loaded — run /etc/init.d/firewall restart and read its errors",
  "firewall.no_zone": "zone %s is not in the live ruleset — run /etc/init.d/firewall reload",
  "firewall.dropin": "splitwan's drop-ins missing from the live ruleset: %s — run splitwan apply, then /etc/init.d/firewall reload",
  "firewall.mss": "the MSS clamp in %s is %s, expected %s (MTU %s − 40) — run splitwan apply, then /etc/init.d/firewall reload",

  "dnat.ok": "%s published port(s) have their DNAT in the live ruleset",
  "dnat.none": "no published ports",
  "dnat.missing": "no DNAT for %s (server %s) in the live ruleset — run /etc/init.d/firewall reload; if it stays missing, splitwan apply",

  "server.ok": "server %s (%s) answers on %s",
  "server.arp_only": "server %s (%s) answers ARP on %s but not ping — fine if it drops ping; else check that it is on",
  "server.unreachable": "server %s (%s) does not answer on %s — check that it is on, its address, and its cable or Wi-Fi",
  "server.outside": "server %s (%s) is outside zone %s's subnets (%s) — correct its address or option zone",
  "server.no_zone": "zone %s of server %s has no live network — check option zone",
  "server.tool": "not checked: %s is not available",

  "rp_filter.tool": "not checked: /proc/sys/net/ipv4/conf/all/rp_filter cannot be read",
  "rp_filter.ok": "rp_filter is not strict (%s)",
  "rp_filter.strict_ok": "rp_filter is strict on %s; source-mode servers work with it",
  "rp_filter.strict": "rp_filter is strict on %s: connections to reply-only servers over PPPoE are dropped — set net.ipv4.conf.%s.rp_filter to 2 (loose)",

  "dns.ok": "PPPoE %s has peerdns 0 and the LAN's DNS does not use the PPPoE resolvers",
  "dns.peerdns": "network.%s has peerdns %s: the ISP's PPPoE resolvers are used and queried over IPoE — run splitwan apply (it sets peerdns 0)",
  "dns.resolvers": "the LAN's DNS (%s) uses the PPPoE resolver %s — set peerdns 0 on network.%s and remove it from the DHCP server list",

  "ddns.ok": "DDNS %s: %s resolves to %s, the PPPoE address",
  "ddns.ok_ttl": "DDNS %s: %s resolves to %s, the PPPoE address (TTL %s s)",
  "ddns.ok_v6": "DDNS %s: %s resolves to %s, the address last sent",
  "ddns.never": "DDNS %s: no successful update yet — run splitwan ddns update and read splitwan ddns status",
  "ddns.stale": "DDNS %s: the last address sent was %s, but PPPoE now has %s — run splitwan ddns update",
  "ddns.wrong": "DDNS %s: %s resolves to %s, not %s — wait for the TTL, else check the domain and host options and run splitwan ddns update --force",
  "ddns.pending": "DDNS %s: %s still resolves to %s; %s was sent %s s ago — wait for the old record to expire",
  "ddns.no_answer": "DDNS %s: %s does not resolve from %s — check the domain and host options and the provider's panel",
  "ddns.tool": "not checked: %s is not available",

  "conflicts.ok": "no mwan3, pbr or mwan4 installed",
  "conflicts.clear": "%s installed; marks, rule priorities and tables clear of splitwan's",
  "conflicts.mark": "%s uses mark mask %s, which includes splitwan's mark %s — change option mark to a free bit",
  "conflicts.priority": "%s puts its rules at priority %s, among splitwan's %s–%s — change option priority",
  "conflicts.table": "%s uses routing table %s, splitwan's table — change option table",
  "conflicts.unknown": "%s is installed: its marks, priorities and tables are not checked — make sure they stay clear of mark %s, priorities %s–%s and table %s",

  "loopback.ok": "NAT loopback: %s:%s is reflected to %s and the server accepts TCP on port %s",
  "loopback.none": "no published TCP ports: NAT loopback not needed",
  "loopback.no_reflection": "NAT loopback: no reflection rule for %s:%s in the live ruleset — LAN hosts cannot use the public address; run /etc/init.d/firewall reload",
  "loopback.closed": "NAT loopback: server %s does not accept TCP on %s:%s — start the service on the server or check its own firewall",
  "loopback.tool": "not checked: %s is not available",
};

/** The message for code with its args filled in (the code itself when unknown). */
export function diagnoseText(code: string, args: string[]): string {
  return fillTemplate(DIAGNOSE_MESSAGES[code], code, args);
}
