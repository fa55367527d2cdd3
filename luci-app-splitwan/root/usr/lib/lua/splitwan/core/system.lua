-- generated from src/core/system.ts by typescript-to-lua: edit the TypeScript, not this file
local ____lualib = require("splitwan.lualib_bundle")
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__ArrayIncludes = ____lualib.__TS__ArrayIncludes
local __TS__ArrayFind = ____lualib.__TS__ArrayFind
local ____exports = {}
local ____detect = require("splitwan.core.detect")
local detectWan = ____detect.detectWan
local ____uci = require("splitwan.core.uci")
local optList = ____uci.optList
local optString = ____uci.optString
local sectionsOf = ____uci.sectionsOf
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
	local interfaces = __TS__ArrayMap(
		sectionsOf(nil, cursor, "network", "interface"),
		function(____, s) return s[".name"] end
	)
	return {
		zones = ____exports.readZones(nil, cursor),
		interfaces = interfaces,
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
