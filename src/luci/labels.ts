// Names of the form's fields, used by the form itself and by error messages that point
// at a field, so both always say the same thing.

export function sectionTypeLabel(type: string): string {
  if (type === "splitwan") return _("PPPoE");
  if (type === "server") return _("Server");
  if (type === "ddns") return _("DDNS");
  return type;
}

export function optionLabel(type: string, option: string): string {
  const common: Record<string, string> = {
    enabled: _("Enable"),
  };
  const byType: Record<string, Record<string, string>> = {
    splitwan: {
      username: _("PPPoE username"),
      password: _("PPPoE password"),
      device: _("PPPoE device"),
      mtu: _("MTU"),
      interface: _("Interface name"),
      zone: _("Firewall zone"),
      table: _("Routing table"),
      table_name: _("Routing table name"),
      priority: _("Rule priority"),
      mark: _("Firewall mark"),
    },
    server: {
      ipaddr: _("LAN address"),
      zone: _("Firewall zone"),
      mode: _("Routing mode"),
      port: _("Ports"),
      ip6_suffix: _("IPv6 suffix"),
    },
    ddns: {
      provider: _("Provider"),
      domain: _("Domain"),
      host: _("Host"),
      username: _("Username"),
      password: _("Password"),
      token: _("API token"),
      zone_id: _("Zone ID"),
      ip_version: _("IP version"),
      server: _("Publish the IPv6 of"),
    },
  };
  const t = byType[type];
  if (t !== undefined && Object.prototype.hasOwnProperty.call(t, option)) return t[option];
  if (Object.prototype.hasOwnProperty.call(common, option)) return common[option];
  return option;
}
