-- generated from src/core/ddns/address.ts by typescript-to-lua: edit the TypeScript, not this file
local ____lualib = require("splitwan.lualib_bundle")
local __TS__ArrayIsArray = ____lualib.__TS__ArrayIsArray
local ____exports = {}
local first, addressOf
local ____addr = require("splitwan.core.addr")
local parseIPv4 = ____addr.parseIPv4
local parseIPv6 = ____addr.parseIPv6
local ____ubus = require("splitwan.core.ubus")
local notAnswering = ____ubus.notAnswering
local ubusData = ____ubus.ubusData
function first(self, list)
	return __TS__ArrayIsArray(list) and #list > 0 and type(list[1]) == "table" and list[1] or nil
end
function addressOf(self, st, version)
	if st == nil or st.up ~= true then
		return nil
	end
	local entry = first(nil, st[version == 4 and "ipv4-address" or "ipv6-address"])
	if entry == nil and version == 6 then
		local assigned = first(nil, st["ipv6-prefix-assignment"])
		local ____temp_0
		if assigned ~= nil then
			____temp_0 = assigned["local-address"]
		else
			____temp_0 = nil
		end
		local ____local = ____temp_0
		if type(____local) == "table" and ____local ~= nil then
			entry = ____local
		end
	end
	local ____temp_1
	if entry ~= nil then
		____temp_1 = entry.address
	else
		____temp_1 = nil
	end
	local addr = ____temp_1
	if type(addr) ~= "string" then
		return nil
	end
	local ____temp_2
	if version == 4 then
		____temp_2 = parseIPv4(nil, addr) ~= nil
	else
		____temp_2 = parseIPv6(nil, addr) ~= nil
	end
	local valid = ____temp_2
	return valid and addr or nil
end
function ____exports.lookupAddress(self, p, iface, version)
	local reply = p:ubusCall("network.interface." .. iface, "status")
	return {
		ip = addressOf(
			nil,
			ubusData(nil, reply),
			version
		),
		unreachable = notAnswering(nil, reply)
	}
end
function ____exports.interfaceAddress(self, p, iface, version)
	return ____exports.lookupAddress(nil, p, iface, version).ip
end
return ____exports
