-- generated from src/core/system.ts by typescript-to-lua: edit the TypeScript, not this file
local ____lualib = require("splitwan.lualib_bundle")
local __TS__StringSlice = ____lualib.__TS__StringSlice
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__ArrayIncludes = ____lualib.__TS__ArrayIncludes
local __TS__ArrayFind = ____lualib.__TS__ArrayFind
local ____exports = {}
local ____addr = require("splitwan.core.addr")
local parseIPv4 = ____addr.parseIPv4
local prefixLength = ____addr.prefixLength
local ____detect = require("splitwan.core.detect")
local detectWan = ____detect.detectWan
local ____uci = require("splitwan.core.uci")
local optList = ____uci.optList
local optString = ____uci.optString
local sectionsOf = ____uci.sectionsOf
local function staticSubnets(self, s)
	local out = {}
	if optString(nil, s, "proto") ~= "static" then
		return out
	end
	local mask = optString(nil, s, "netmask")
	for ____, item in ipairs(optList(nil, s, "ipaddr")) do
		local slash = (string.find(item, "/", nil, true) or 0) - 1
		local addr = parseIPv4(
			nil,
			slash < 0 and item or __TS__StringSlice(item, 0, slash)
		)
		local ____temp_1
		if slash >= 0 then
			____temp_1 = prefixLength(
				nil,
				__TS__StringSlice(item, slash + 1)
			)
		else
			local ____temp_0
			if mask ~= nil then
				____temp_0 = prefixLength(nil, mask)
			else
				____temp_0 = 32
			end
			____temp_1 = ____temp_0
		end
		local prefix = ____temp_1
		if addr ~= nil and prefix ~= nil then
			out[#out + 1] = {iface = s[".name"], addr = addr, prefix = prefix}
		end
	end
	return out
end
function ____exports.readZones(self, cursor)
	return __TS__ArrayMap(
		sectionsOf(nil, cursor, "firewall", "zone"),
		function(____, s) return {
			section = s[".name"],
			name = optString(nil, s, "name") or "",
			networks = optList(nil, s, "network")
		} end
	)
end
function ____exports.readSystem(self, cursor)
	local ifaces = sectionsOf(nil, cursor, "network", "interface")
	local subnets = {}
	for ____, s in ipairs(ifaces) do
		for ____, n in ipairs(staticSubnets(nil, s)) do
			subnets[#subnets + 1] = n
		end
	end
	return {
		zones = ____exports.readZones(nil, cursor),
		interfaces = __TS__ArrayMap(
			ifaces,
			function(____, s) return s[".name"] end
		),
		subnets = subnets,
		wan = detectWan(nil, cursor)
	}
end
function ____exports.zoneOfNetwork(self, sys, network)
	return __TS__ArrayFind(
		sys.zones,
		function(____, z) return __TS__ArrayIncludes(z.networks, network) end
	)
end
return ____exports
