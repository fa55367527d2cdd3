// The English sentence of every message the router reports outside diagnose: validation
// errors, status warnings, DDNS results and the plugin's action answers. Each leaves the
// router as a code with its values (args, for the "%s" slots in order) plus this English
// text for the CLI and syslog; the LuCI page words the code itself
// (src/luci/messages.ts, a test holds the two tables to the same codes).
import type { Message } from "./rpc-types";
import { fillTemplate } from "./text";

export const MESSAGES: Record<string, string> = {
  // ---- validation: main section (validate.ts) and every section's start (section-check.ts)
  "value.bool": "must be 0 or 1",
  "value.control": "must not contain control characters",
  "section.name": "section names may hold only letters, digits and _",
  "username.required": "the PPPoE user name is required",
  "password.required": "the PPPoE password is required",
  "pppd.too_long": "too long: %s bytes, pppd takes at most %s",
  "device.no_wan": "no IPoE WAN found in /etc/config/network (no map/dslite interface, wan6 or wan): set the PPPoE device",
  "device.name": "not a network device name (letters, digits, . - _, at most 15 characters)",
  "mtu.range": "must be a whole number from 576 to %s, PPPoE's maximum (1454 for NTT FLET'S)",
  "interface.name": "must be letters, digits or _ and at most 9 characters (the device is pppoe-<name>)",
  "zone.name": "must be letters, digits or _ and at most 11 characters",
  "table.range": "must be a whole number from 1 to 2147483647, not 253, 254 or 255 (reserved)",
  "table_name.name": "must be letters, digits, - or _ and not main, local, default or unspec",
  "table_name.number": "must not be a number: ip and netifd would read it as a table number",
  "priority.range": "must be a whole number from 1 to %s",
  "priority.too_high": "too high for %s servers: the rules must stay below the main table (%s)",
  "mark.bit": "must be one bit in hex, like 0x10000000",
  "mark.foreign": "is inside the marks of %s: choose a bit outside, like 0x10000000",

  // ---- validation: servers
  "zone.unknown": "no such firewall zone",
  "zone.wan": "is the WAN zone: the server must be on the LAN side",
  "ipaddr.required": "the server's LAN IPv4 address is required",
  "ipaddr.syntax": "not an IPv4 address (write it without /32)",
  "ipaddr.not_host": "not a host address",
  "ipaddr.duplicate": "another server has the same address: put all its ports in one server",
  "ipaddr.no_subnet": "zone %s has no static IPv4 subnet in /etc/config/network to hold a server",
  "ipaddr.router": "is the router's own address on %s: publishing it would expose the router itself",
  "ipaddr.network": "is the network address of %s (%s), not a host",
  "ipaddr.broadcast": "is the broadcast address of %s (%s), not a host",
  "ipaddr.outside": "is outside every subnet of zone %s (%s)",
  "mode.value": "must be source or reply-only",
  "ip6_suffix.syntax": "not an IPv6 interface identifier (like ::5)",
  "ip6_suffix.prefix": "only the last 64 bits may be set (like ::5 or ::1234:5678:9abc:def0)",
  "ip6_suffix.zero": "must not be ::",

  // ---- validation: published ports (ports.ts; the value is quoted by the template)
  "port.empty": "empty port entry",
  "port.proto": '"%s": protocol must be tcp, udp or both',
  "port.number": '"%s": ports are whole numbers from 1 to 65535',
  "port.range_moved": '"%s": a range cannot be moved to other ports; publish it as the same range',
  "port.range_order": '"%s": a range goes from the lower port to the higher',
  "port.clash": "%s is already published by server %s (%s)",
  "port.clash_self": "%s is already published by this server (%s)",

  // ---- validation: DDNS sections (ddns/config.ts)
  "ddns.provider_required": "required: one of %s",
  "ddns.provider_unknown": "unknown provider: use one of %s",
  "ddns.ip_version": "must be 4 or 6",
  "ddns.vd_ipv4": "Value Domain updates are IPv4 only here",
  "ddns.ip6_interface": "not a network interface name",
  "ddns.server_v4": "only with ip_version 6: over IPv4 the PPPoE address is published, for every server",
  "ddns.server_unknown": "no such server section",
  "ddns.server_disabled": "this server is disabled: enable it or publish another one",
  "ddns.server_no_suffix": "this server has no ip6_suffix: set its IPv6 suffix (like ::5) first",
  "ddns.timeout": "must be a whole number of seconds from 1 to 300",
  "ddns.zone_required": "required: the zone name, like example.com",
  "ddns.domain_required": "required: the domain, like example.com",
  "ddns.domain": "not a domain name",
  "ddns.host": "must be empty or @ (the domain itself), * (wildcard) or a name like www",
  "ddns.mydns_host": "MyDNS updates every domain of the master ID: leave host empty",
  "ddns.vd_password": "required: the dynamic DNS password from Value Domain",
  "ddns.mydns_password": "required: the MyDNS password",
  "ddns.mydns_id_required": "required: the MyDNS master ID (like mydns123456)",
  "ddns.mydns_id": "not a MyDNS master ID",
  "ddns.token_required": "required: a Cloudflare API token with Zone.DNS Edit",
  "ddns.token": "not an API token (letters, digits, - _ .)",
  "ddns.zone_id": "not a Cloudflare zone id (32 hex digits)",
  "ddns.duplicate": "another ddns section updates the same record",

  // ---- status (status.ts): pending work and warnings
  "status.pending": "%s change(s) not applied: run splitwan apply",
  "status.conflict": "conflict: %s",

  // ---- what stops apply (diff.ts, apply.ts): each says how to resolve it
  "conflict.interface": "%s (%s) exists and was not created by splitwan: rename or delete it, or choose another option interface in /etc/config/splitwan",
  "conflict.zone": "%s (%s) exists and was not created by splitwan: rename or delete it, or choose another option zone in /etc/config/splitwan",
  "conflict.section": "%s (%s) exists and was not created by splitwan: rename or delete it",
  "conflict.changed": "%s (%s) was changed since splitwan wrote it (%s): undo that change, or delete the section and splitwan writes it anew",
  "conflict.zone_name": "firewall zone '%s' (section %s) exists and was not created by splitwan: rename or delete it, or choose another option zone in /etc/config/splitwan",
  "conflict.rt_tables": "/etc/iproute2/rt_tables already has \"%s\": choose another option table / table_name in /etc/config/splitwan",
  "conflict.file": "%s exists and was not written by splitwan: move it away",
  "conflict.file_changed": "%s was changed since splitwan wrote it: move it away, splitwan writes it anew",
  "conflict.record": "%s is damaged or names what splitwan never creates, %s; nothing is changed or deleted until it is fixed or moved away (without it splitwan takes nothing on the router as its own)",
  "status.reload": "%s not reloaded since splitwan wrote their configuration: run splitwan apply",
  "status.not_configured": "PPPoE interface %s not configured in netifd: nothing is published until the configuration is applied",
  "status.not_answering": "network service not answering (%s): PPPoE state unknown",
  "status.down": "PPPoE (%s) is down: nothing is published",
  "status.no_default": "PPPoE is up but table %s has no default route: check option defaultroute of network.%s",
  "status.device": "PPPoE runs on %s, expected %s",
  "status.no_forwards": "no port forwards are live in fw4 (chain dstnat_%s): run /etc/init.d/firewall reload",
  "status.rp_filter": "rp_filter is strict on %s: connections to reply-only servers over PPPoE are dropped; set net.ipv4.conf.%s.rp_filter to 2 (loose)",

  // ---- DDNS results (ddns/*): what an update did, as `ddns status` and the page show it
  "ddns.updated": "updated",
  "ddns.unreachable": "cannot reach %s: %s",
  "ddns.no_answer": "no answer from %s: %s",
  "ddns.netifd": "could not ask netifd for the %s address",
  "ddns.no_address": "%s has no address (interface down?)",
  "vd.bad_request": "bad request: check domain and host",
  "vd.bad_login": "bad domain or password: check domain and the DDNS password",
  "vd.refused_ip": "Value Domain refused the IP address",
  "vd.password": "password mismatch: use the dynamic DNS password from Value Domain's DDNS settings, not the login password",
  "vd.busy": "Value Domain database busy",
  "vd.no_record": "no such record: add the host to the domain's DNS records at Value Domain first",
  "vd.other": "Value Domain reported another error",
  "vd.unknown_status": "unknown Value Domain status %s",
  "vd.too_frequent": "too frequent: Value Domain wants about 60 s between requests",
  "vd.server_error": "Value Domain server error (HTTP %s)",
  "vd.http": "unexpected HTTP %s from Value Domain",
  "vd.empty": "Value Domain sent an empty answer",
  "vd.html": "Value Domain sent an HTML page instead of status=N",
  "vd.no_status": "Value Domain sent an answer without status=N",
  "mydns.accepted": "accepted",
  "mydns.rejected": "MyDNS rejected the master ID or password: check username and password",
  "mydns.busy": "MyDNS busy or failing (HTTP %s)",
  "mydns.http": "unexpected HTTP %s from MyDNS",
  "cf.rejected": "Cloudflare rejected the API token%s: it needs Zone.DNS Edit for the zone (and Zone.Zone Read without zone_id)",
  "cf.busy": "Cloudflare busy or failing (HTTP %s)%s",
  "cf.empty": "Cloudflare sent an empty answer (HTTP %s)",
  "cf.html": "Cloudflare sent an HTML page (HTTP %s)",
  "cf.not_json": "Cloudflare sent an answer that is not API JSON (HTTP %s)",
  "cf.refused": "Cloudflare refused the request%s",
  "cf.no_zone": "no Cloudflare zone named %s for this token: check domain (the zone name) or set zone_id",
  "cf.no_record": "no %s record named %s in the zone: create it in the Cloudflare dashboard first",
  "cf.several": "%s %s records are named %s: keep one",
  "cf.no_id": "Cloudflare record without an id",
  "cf.unchanged": "%s already points at %s",

  // ---- the plugin's actions (cli/rpcd.ts: reconnect, ddns_update)
  "reconnect.disabled": "Split WAN is disabled: nothing to reconnect",
  "reconnect.bad_name": "refused: interface %s is not a valid splitwan interface name",
  "reconnect.not_owned": "refused: interface %s was not created by splitwan: save and apply first",
  "reconnect.not_pppoe": "refused: interface %s is not a PPPoE interface",
  "reconnect.missing": "interface %s does not exist yet: save and apply first",
  "reconnect.no_netifd": "network service not answering",
  "reconnect.bad_status": "netifd gave no usable status for interface %s: nothing was done",
  "reconnect.proto": "refused: netifd runs interface %s as %s, not pppoe",
  "reconnect.failed": "could not reconnect %s: %s",
  "reconnect.ok": "PPPoE %s is reconnecting",
  "ddns_update.name": "name must be a string",
  "ddns_update.force": "force must be true or false",
  "ddns_update.none": "no DDNS section is enabled",
  "ddns_update.dry_run": "would run: %s",
  "ddns_update.started": "DDNS update started: the result appears in the status in a few seconds",
  "ddns_update.failed": "could not start the DDNS update (exit %s)",
};

/** The English sentence of a code with its values. */
export function messageText(code: string, args: string[]): string {
  return fillTemplate(MESSAGES[code], code, args);
}

/** The values of every message without any, one shared list (never mutated). Whoever
 * writes messages as JSON marks it once, jsonArray(NO_ARGS), so it is written [] (Lua
 * cannot tell [] from {}); not done here, so that validation (apply) loads no JSON code. */
export const NO_ARGS: string[] = [];

/** A message as data: its code, its values and its English sentence. */
export function said(code: string, args: string[] = NO_ARGS): Message {
  return { code, args: args.length === 0 ? NO_ARGS : args, text: messageText(code, args) };
}
