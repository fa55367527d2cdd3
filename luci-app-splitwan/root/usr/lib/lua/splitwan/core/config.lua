-- generated from src/core/config.ts by typescript-to-lua: edit the TypeScript, not this file
local ____lualib = require("splitwan.lualib_bundle")
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local ____exports = {}
local ____config = require("splitwan.core.ddns.config")
local readDdns = ____config.readDdns
local ____uci = require("splitwan.core.uci")
local optList = ____uci.optList
local optString = ____uci.optString
local sectionsOf = ____uci.sectionsOf
____exports.DEFAULTS = {
	enabled = "0",
	mtu = "1454",
	interface = "wanppp",
	zone = "wan_pppoe",
	table = "300",
	table_name = "pppoe",
	priority = "30000",
	mark = "0x10000000",
	server_zone = "lan",
	mode = "source",
	resolver = "1.1.1.1"
}
local function opt(self, s, name, fallback)
	local v = optString(nil, s, name)
	return (v == nil or v == "") and fallback or v
end
function ____exports.readConfig(self, cursor)
	local mainSection
	for ____, s in ipairs(sectionsOf(nil, cursor, "splitwan", "splitwan")) do
		if mainSection == nil or s[".name"] == "main" then
			mainSection = s
		end
	end
	local main = {
		section = mainSection ~= nil and mainSection[".name"] or "main",
		enabled = opt(nil, mainSection, "enabled", ____exports.DEFAULTS.enabled),
		username = opt(nil, mainSection, "username", ""),
		password = opt(nil, mainSection, "password", ""),
		device = opt(nil, mainSection, "device", ""),
		mtu = opt(nil, mainSection, "mtu", ____exports.DEFAULTS.mtu),
		interface = opt(nil, mainSection, "interface", ____exports.DEFAULTS.interface),
		zone = opt(nil, mainSection, "zone", ____exports.DEFAULTS.zone),
		table = opt(nil, mainSection, "table", ____exports.DEFAULTS.table),
		table_name = opt(nil, mainSection, "table_name", ____exports.DEFAULTS.table_name),
		priority = opt(nil, mainSection, "priority", ____exports.DEFAULTS.priority),
		mark = opt(nil, mainSection, "mark", ____exports.DEFAULTS.mark),
		resolver = opt(nil, mainSection, "resolver", ____exports.DEFAULTS.resolver)
	}
	local servers = __TS__ArrayMap(
		sectionsOf(nil, cursor, "splitwan", "server"),
		function(____, s) return {
			section = s[".name"],
			enabled = opt(nil, s, "enabled", "1"),
			ipaddr = opt(nil, s, "ipaddr", ""),
			zone = opt(nil, s, "zone", ____exports.DEFAULTS.server_zone),
			mode = opt(nil, s, "mode", ____exports.DEFAULTS.mode),
			ip6_suffix = opt(nil, s, "ip6_suffix", ""),
			ports = optList(nil, s, "port")
		} end
	)
	return {
		main = main,
		servers = servers,
		ddns = readDdns(nil, cursor)
	}
end
return ____exports
