// The router's own configuration before splitwan touches it: OpenWrt 24.10's stock
// /etc/config/firewall and a network config for a MAP-E or DS-Lite line, plus a guest
// network (192.168.2.0/24) that the LAN may reach and one user rule opening a router
// service (2222/tcp) on the PPPoE zone. Device names are the bed's (lan1/lan2
// are the LAN bridge ports, eth1 the WAN, guest1 the guest bridge port).
export type IpoeKind = "map-e" | "ds-lite";

export const AFTR = "2001:db8:0:ffff::1";

export function baseNetwork(kind: IpoeKind): string {
  const wan = kind === "map-e"
    ? `config interface 'wan'
	option proto 'map'
	option maptype 'map-e'
	option peeraddr '${AFTR}'
	option ipaddr '192.0.2.0'
	option ip4prefixlen '24'
	option ip6prefix '2001:db8:100::'
	option ip6prefixlen '40'
	option ealen '16'
	option psidlen '8'
	option offset '4'
	option tunlink 'wan6'
	option mtu '1460'
`
    : `config interface 'wan'
	option proto 'dslite'
	option peeraddr '${AFTR}'
	option tunlink 'wan6'
	option mtu '1460'
`;
  return `config interface 'loopback'
	option device 'lo'
	option proto 'static'
	option ipaddr '127.0.0.1'
	option netmask '255.0.0.0'

config device
	option name 'br-lan'
	option type 'bridge'
	list ports 'lan1'
	list ports 'lan2'

config interface 'lan'
	option device 'br-lan'
	option proto 'static'
	option ipaddr '192.168.1.1'
	option netmask '255.255.255.0'
	option ip6assign '60'

config device
	option name 'br-guest'
	option type 'bridge'
	list ports 'guest1'

config interface 'guest'
	option device 'br-guest'
	option proto 'static'
	option ipaddr '192.168.2.1'
	option netmask '255.255.255.0'

config interface 'wan6'
	option device 'eth1'
	option proto 'dhcpv6'
	option reqaddress 'try'
	option reqprefix 'auto'

${wan}`;
}

export const BASE_FIREWALL = `config defaults
	option syn_flood	1
	option input		REJECT
	option output		ACCEPT
	option forward		REJECT

config zone
	option name		lan
	list   network		'lan'
	option input		ACCEPT
	option output		ACCEPT
	option forward		ACCEPT

config zone
	option name		wan
	list   network		'wan'
	list   network		'wan6'
	option input		REJECT
	option output		ACCEPT
	option forward		REJECT
	option masq		1
	option mtu_fix		1

config forwarding
	option src		lan
	option dest		wan

config rule
	option name		Allow-DHCP-Renew
	option src		wan
	option proto		udp
	option dest_port	68
	option target		ACCEPT
	option family		ipv4

config rule
	option name		Allow-Ping
	option src		wan
	option proto		icmp
	option icmp_type	echo-request
	option family		ipv4
	option target		ACCEPT

config rule
	option name		Allow-IGMP
	option src		wan
	option proto		igmp
	option family		ipv4
	option target		ACCEPT

config rule
	option name		Allow-DHCPv6
	option src		wan
	option proto		udp
	option dest_port	546
	option family		ipv6
	option target		ACCEPT

config rule
	option name		Allow-MLD
	option src		wan
	option proto		icmp
	option src_ip		fe80::/10
	list icmp_type		'130/0'
	list icmp_type		'131/0'
	list icmp_type		'132/0'
	list icmp_type		'143/0'
	option family		ipv6
	option target		ACCEPT

config rule
	option name		Allow-ICMPv6-Input
	option src		wan
	option proto	icmp
	list icmp_type		echo-request
	list icmp_type		echo-reply
	list icmp_type		destination-unreachable
	list icmp_type		packet-too-big
	list icmp_type		time-exceeded
	list icmp_type		bad-header
	list icmp_type		unknown-header-type
	list icmp_type		router-solicitation
	list icmp_type		neighbour-solicitation
	list icmp_type		router-advertisement
	list icmp_type		neighbour-advertisement
	option limit		1000/sec
	option family		ipv6
	option target		ACCEPT

config rule
	option name		Allow-ICMPv6-Forward
	option src		wan
	option dest		*
	option proto		icmp
	list icmp_type		echo-request
	list icmp_type		echo-reply
	list icmp_type		destination-unreachable
	list icmp_type		packet-too-big
	list icmp_type		time-exceeded
	list icmp_type		bad-header
	list icmp_type		unknown-header-type
	option limit		1000/sec
	option family		ipv6
	option target		ACCEPT

config rule
	option name		Allow-IPSec-ESP
	option src		wan
	option dest		lan
	option proto		esp
	option target		ACCEPT

config rule
	option name		Allow-ISAKMP
	option src		wan
	option dest		lan
	option dest_port	500
	option proto		udp
	option target		ACCEPT

config zone
	option name		guest
	list   network		'guest'
	option input		REJECT
	option output		ACCEPT
	option forward		REJECT

config forwarding
	option src		guest
	option dest		wan

config forwarding
	option src		lan
	option dest		guest

# the user's own: a router service opened on splitwan's PPPoE zone (skipped by fw4
# until that zone exists)
config rule
	option name		Allow-Router-Service-PPPoE
	option src		wan_pppoe
	option proto		tcp
	option dest_port	2222
	option target		ACCEPT
`;
