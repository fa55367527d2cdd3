// A /etc/config/splitwan with many servers and ports, for the scale bench and tests.
// Servers sit in the fixture's LAN (192.168.1.0/24 of dsa-mape): at most 250 of them,
// one address each from .2 on; ports are spread over the servers, tcp, from 10000 up.

/** @param {number} servers @param {number} ports @returns {string} */
export function scaleConfig(servers, ports) {
  if (servers < 1 || servers > 250) throw new Error("1..250 servers fit the fixture LAN");
  const lines = [
    "",
    "config splitwan 'main'",
    "\toption enabled '1'",
    "\toption username 'user@example.jp'",
    "\toption password 'secret'",
    "\toption mtu '1454'",
    "",
  ];
  const perServer = Math.ceil(ports / servers);
  let port = 10000;
  let left = ports;
  for (let i = 0; i < servers; i++) {
    lines.push(`config server 's${i}'`, `\toption ipaddr '192.168.1.${i + 2}'`);
    if (i % 4 === 3) lines.push("\toption mode 'reply-only'");
    for (let k = 0; k < perServer && left > 0; k++, left--) lines.push(`\tlist port '${port++}/tcp'`);
    lines.push("");
  }
  return lines.join("\n");
}
