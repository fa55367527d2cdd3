-- generated from src/core/detect.ts by typescript-to-lua: edit the TypeScript, not this file
local ____lualib = require("splitwan.lualib_bundle")
local __TS__ArrayFind = ____lualib.__TS__ArrayFind
local __TS__StringStartsWith = ____lualib.__TS__StringStartsWith
local __TS__StringSplit = ____lualib.__TS__StringSplit
local __TS__ArraySome = ____lualib.__TS__ArraySome
local ____exports = {}
local ____uci = require("splitwan.core.uci")
local optString = ____uci.optString
local sectionsOf = ____uci.sectionsOf
local function deviceOf(self, ifaces, name, depth)
	if depth == nil then
		depth = 0
	end
	local s = __TS__ArrayFind(
		ifaces,
		function(____, i) return i[".name"] == name end
	)
	if s == nil or depth > 4 then
		return nil
	end
	local dev = optString(nil, s, "device") or optString(nil, s, "ifname")
	if dev == nil or dev == "" then
		return nil
	end
	local ____dev_startsWith_result_0
	if __TS__StringStartsWith(dev, "@") then
		____dev_startsWith_result_0 = deviceOf(
			nil,
			ifaces,
			string.sub(dev, 2),
			depth + 1
		)
	else
		____dev_startsWith_result_0 = __TS__StringSplit(dev, " ")[1]
	end
	return ____dev_startsWith_result_0
end
function ____exports.detectWan(self, cursor)
	local ifaces = sectionsOf(nil, cursor, "network", "interface")
	local tunnel = __TS__ArrayFind(
		ifaces,
		function(____, s)
			local proto = optString(nil, s, "proto")
			return proto == "map" or proto == "dslite"
		end
	)
	if tunnel ~= nil then
		local kind = optString(nil, tunnel, "proto") == "map" and "map-e" or "ds-lite"
		local l2 = optString(nil, tunnel, "tunlink") or "wan6"
		local device = deviceOf(nil, ifaces, l2)
		if device ~= nil then
			return {ipv4Iface = tunnel[".name"], l2Iface = l2, device = device, kind = kind}
		end
	end
	for ____, name in ipairs({"wan6", "wan"}) do
		local device = deviceOf(nil, ifaces, name)
		if device ~= nil then
			local hasWan = __TS__ArraySome(
				ifaces,
				function(____, s) return s[".name"] == "wan" end
			)
			return {ipv4Iface = hasWan and "wan" or name, l2Iface = name, device = device, kind = "plain"}
		end
	end
	return nil
end
return ____exports
