-- generated from src/core/ddns/address.ts by typescript-to-lua: edit the TypeScript, not this file
local ____lualib = require("splitwan.lualib_bundle")
local __TS__ArrayIsArray = ____lualib.__TS__ArrayIsArray
local __TS__ArrayFind = ____lualib.__TS__ArrayFind
local ____exports = {}
local first, addressOf
local ____addr = require("splitwan.core.addr")
local formatIPv6 = ____addr.formatIPv6
local isGlobalIPv6 = ____addr.isGlobalIPv6
local parseIPv4 = ____addr.parseIPv4
local parseIPv6 = ____addr.parseIPv6
local withSuffix = ____addr.withSuffix
local ____ubus = require("splitwan.core.ubus")
local notAnswering = ____ubus.notAnswering
local ubusData = ____ubus.ubusData
function first(self, list)
	return __TS__ArrayIsArray(list) and #list > 0 and type(list[1]) == "table" and list[1] or nil
end
function addressOf(self, st, version)
	if st == nil then
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
local function upStatus(self, p, iface)
	local reply = p:ubusCall("network.interface." .. iface, "status")
	local st = ubusData(nil, reply)
	return {
		up = st ~= nil and st.up == true and st or nil,
		unreachable = notAnswering(nil, reply)
	}
end
function ____exports.interfaceAddress(self, p, iface, version)
	return addressOf(
		nil,
		upStatus(nil, p, iface).up,
		version
	)
end
local function delegatedPrefix(self, st)
	local list = st["ipv6-prefix-assignment"]
	if not __TS__ArrayIsArray(list) then
		return nil
	end
	local deprecated
	for ____, a in ipairs(list) do
		do
			local __continue12
			repeat
				if type(a) ~= "table" or a == nil then
					__continue12 = true
					break
				end
				local entry = a
				local ____temp_3
				if type(entry.address) == "string" then
					____temp_3 = parseIPv6(nil, entry.address)
				else
					____temp_3 = nil
				end
				local g = ____temp_3
				if g == nil or type(entry.mask) ~= "number" or entry.mask > 64 or not isGlobalIPv6(nil, g) then
					__continue12 = true
					break
				end
				if entry.preferred ~= 0 then
					return g
				end
				if deprecated == nil then
					deprecated = g
				end
				__continue12 = true
			until true
			if not __continue12 then
				break
			end
		end
	end
	return deprecated
end
function ____exports.serverAddress(self, p, networks, suffix)
	local id = parseIPv6(nil, suffix)
	if id == nil then
		return {unreachable = false}
	end
	local unreachable = false
	for ____, net in ipairs(networks) do
		local st = upStatus(nil, p, net)
		unreachable = unreachable or st.unreachable
		local ____temp_4
		if st.up ~= nil then
			____temp_4 = delegatedPrefix(nil, st.up)
		else
			____temp_4 = nil
		end
		local prefix = ____temp_4
		if prefix ~= nil then
			return {
				ip = formatIPv6(
					nil,
					withSuffix(nil, prefix, id)
				),
				unreachable = false
			}
		end
	end
	return {unreachable = unreachable}
end
function ____exports.zoneNetworks(self, ctx, zone)
	local z = __TS__ArrayFind(
		ctx.zones,
		function(____, x) return x.name == zone end
	)
	return z ~= nil and z.networks or ({})
end
function ____exports.sectionAddress(self, p, s, ctx)
	if s.ipVersion == 6 and s.server ~= nil then
		return ____exports.serverAddress(
			nil,
			p,
			____exports.zoneNetworks(nil, ctx, s.server.zone),
			s.server.suffix
		)
	end
	local st = upStatus(nil, p, s.ipVersion == 6 and s.ip6Interface or ctx.pppoe)
	return {
		ip = addressOf(nil, st.up, s.ipVersion),
		unreachable = st.unreachable
	}
end
function ____exports.addressSource(self, s, ctx)
	if s.ipVersion == 6 and s.server ~= nil then
		local nets = ____exports.zoneNetworks(nil, ctx, s.server.zone)
		return ((((("server " .. s.server.name) .. " (prefix of ") .. (#nets > 0 and table.concat(nets, " or ") or "zone " .. s.server.zone)) .. " + ") .. s.server.suffix) .. ")"
	end
	return s.ipVersion == 6 and s.ip6Interface .. " IPv6" or ctx.pppoe .. " IPv4"
end
function ____exports.sectionInterfaces(self, s, ctx)
	if s.ipVersion == 4 then
		return {ctx.pppoe}
	end
	if s.server == nil then
		return {s.ip6Interface}
	end
	return {
		s.ip6Interface,
		unpack(____exports.zoneNetworks(nil, ctx, s.server.zone))
	}
end
return ____exports
