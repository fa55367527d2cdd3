-- generated from src/core/validate.ts by typescript-to-lua: edit the TypeScript, not this file
local ____lualib = require("splitwan.lualib_bundle")
local __TS__StringCharCodeAt = ____lualib.__TS__StringCharCodeAt
local __TS__StringCharAt = ____lualib.__TS__StringCharAt
local __TS__Number = ____lualib.__TS__Number
local __TS__StringStartsWith = ____lualib.__TS__StringStartsWith
local __TS__ArrayIncludes = ____lualib.__TS__ArrayIncludes
local __TS__ArrayFind = ____lualib.__TS__ArrayFind
local ____exports = {}
local isName, disabledConfig, validateServers
local ____addr = require("splitwan.core.addr")
local isDigits = ____addr.isDigits
local parseIPv4 = ____addr.parseIPv4
local parseIPv6 = ____addr.parseIPv6
local ____config = require("splitwan.core.ddns.config")
local validateDdns = ____config.validateDdns
local ____ports = require("splitwan.core.ports")
local formatSpec = ____ports.formatSpec
local parsePortItem = ____ports.parsePortItem
local portsOverlap = ____ports.portsOverlap
local ____uci = require("splitwan.core.uci")
local uciBool = ____uci.uciBool
function isName(self, s, extra)
	if #s == 0 then
		return false
	end
	do
		local i = 0
		while i < #s do
			local c = __TS__StringCharCodeAt(s, i)
			local alnum = c >= 48 and c <= 57 or c >= 65 and c <= 90 or c >= 97 and c <= 122 or c == 95
			if not alnum and (string.find(
				extra,
				__TS__StringCharAt(s, i),
				nil,
				true
			) or 0) - 1 < 0 then
				return false
			end
			i = i + 1
		end
	end
	return true
end
function disabledConfig(self)
	return {
		enabled = false,
		username = "",
		password = "",
		device = "",
		wan = nil,
		mtu = 0,
		iface = "",
		zone = "",
		table = 0,
		tableName = "",
		priority = 0,
		mark = 0,
		servers = {}
	}
end
function validateServers(self, raws, sys, errors)
	local servers = {}
	local published = {}
	local seenAddr = {}
	for ____, r in ipairs(raws) do
		do
			local __continue45
			repeat
				local function err(____, option, value, message)
					local ____temp_2 = #errors + 1
					errors[____temp_2] = {section = r.section, option = option, value = value, message = message}
					return ____temp_2
				end
				local on = uciBool(nil, r.enabled)
				if on == nil then
					err(nil, "enabled", r.enabled, "must be 0 or 1")
				end
				if on ~= true then
					__continue45 = true
					break
				end
				if not isName(nil, r.section, "") then
					err(nil, nil, nil, "section names may hold only letters, digits and _")
				end
				local ip = parseIPv4(nil, r.ipaddr)
				if r.ipaddr == "" then
					err(nil, "ipaddr", nil, "the server's LAN IPv4 address is required")
				elseif ip == nil then
					err(nil, "ipaddr", r.ipaddr, "not an IPv4 address (write it without /32)")
				elseif ip[1] == 0 or ip[1] == 127 or ip[1] >= 224 then
					err(nil, "ipaddr", r.ipaddr, "not a host address")
				elseif __TS__ArrayIncludes(seenAddr, r.ipaddr) then
					err(nil, "ipaddr", r.ipaddr, "another server has the same address: put all its ports in one server")
				end
				seenAddr[#seenAddr + 1] = r.ipaddr
				local zone = __TS__ArrayFind(
					sys.zones,
					function(____, z) return z.name == r.zone end
				)
				if zone == nil then
					err(nil, "zone", r.zone, "no such firewall zone")
				elseif sys.wan ~= nil and (__TS__ArrayIncludes(zone.networks, sys.wan.l2Iface) or __TS__ArrayIncludes(zone.networks, sys.wan.ipv4Iface)) then
					err(nil, "zone", r.zone, "is the WAN zone: the server must be on the LAN side")
				end
				if r.mode ~= "source" and r.mode ~= "reply-only" then
					err(nil, "mode", r.mode, "must be source or reply-only")
				end
				local ip6Suffix
				if r.ip6_suffix ~= "" then
					local g = parseIPv6(nil, r.ip6_suffix)
					if g == nil then
						err(nil, "ip6_suffix", r.ip6_suffix, "not an IPv6 interface identifier (like ::5)")
					elseif g[1] ~= 0 or g[2] ~= 0 or g[3] ~= 0 or g[4] ~= 0 then
						err(nil, "ip6_suffix", r.ip6_suffix, "only the last 64 bits may be set (like ::5 or ::1234:5678:9abc:def0)")
					elseif g[5] == 0 and g[6] == 0 and g[7] == 0 and g[8] == 0 then
						err(nil, "ip6_suffix", r.ip6_suffix, "must not be ::")
					else
						ip6Suffix = r.ip6_suffix
					end
				end
				local ports = {}
				for ____, item in ipairs(r.ports) do
					do
						local __continue63
						repeat
							local parsed = parsePortItem(nil, item)
							if not parsed.ok then
								err(nil, "port", item, parsed.error)
								__continue63 = true
								break
							end
							for ____, spec in ipairs(parsed.specs) do
								local clash = __TS__ArrayFind(
									published,
									function(____, p) return portsOverlap(nil, p.spec, spec) end
								)
								if clash ~= nil then
									err(
										nil,
										"port",
										item,
										((((formatSpec(nil, spec) .. " is already published by ") .. (clash.server == r.section and "this server" or "server " .. clash.server)) .. " (") .. formatSpec(nil, clash.spec)) .. ")"
									)
								else
									published[#published + 1] = {server = r.section, spec = spec}
									ports[#ports + 1] = spec
								end
							end
							__continue63 = true
						until true
						if not __continue63 then
							break
						end
					end
				end
				servers[#servers + 1] = {
					name = r.section,
					ipaddr = r.ipaddr,
					zone = r.zone,
					mode = r.mode,
					ip6Suffix = ip6Suffix,
					ports = ports
				}
				__continue45 = true
			until true
			if not __continue45 then
				break
			end
		end
	end
	return servers
end
function ____exports.formatError(self, e)
	local where = e.option ~= nil and (("splitwan." .. e.section) .. ".") .. e.option or "splitwan." .. e.section
	local value = e.value ~= nil and ("='" .. e.value) .. "'" or ""
	return ((where .. value) .. ": ") .. e.message
end
local MAIN_RULE_PRIORITY = 32766
local RESERVED_TABLES = {0, 253, 254, 255}
local RESERVED_TABLE_NAMES = {"unspec", "default", "main", "local"}
local function hasControl(self, s)
	do
		local i = 0
		while i < #s do
			if __TS__StringCharCodeAt(s, i) < 32 or __TS__StringCharCodeAt(s, i) == 127 then
				return true
			end
			i = i + 1
		end
	end
	return false
end
local function integer(self, s, min, max)
	if not isDigits(nil, s) or #s > 10 then
		return nil
	end
	local n = __TS__Number(s)
	return n >= min and n <= max and n or nil
end
local function singleBitMark(self, s)
	if not __TS__StringStartsWith(s, "0x") or #s < 3 or #s > 10 then
		return nil
	end
	local hex = string.lower(string.sub(s, 3))
	do
		local i = 0
		while i < #hex do
			if (string.find(
				"0123456789abcdef",
				__TS__StringCharAt(hex, i),
				nil,
				true
			) or 0) - 1 < 0 then
				return nil
			end
			i = i + 1
		end
	end
	local n = __TS__Number("0x" .. hex)
	local v = n
	while v > 1 and v % 2 == 0 do
		v = v / 2
	end
	return n > 0 and v == 1 and n or nil
end
function ____exports.validateConfig(self, raw, sys)
	local errors = {}
	local m = raw.main
	local function err(____, option, value, message)
		local ____temp_0 = #errors + 1
		errors[____temp_0] = {section = m.section, option = option, value = value, message = message}
		return ____temp_0
	end
	local enabled = uciBool(nil, m.enabled)
	if enabled == nil then
		err(nil, "enabled", m.enabled, "must be 0 or 1")
	end
	if enabled ~= true then
		local ____temp_1
		if #errors > 0 then
			____temp_1 = nil
		else
			____temp_1 = disabledConfig(nil)
		end
		return {config = ____temp_1, errors = errors}
	end
	if m.username == "" then
		err(nil, "username", nil, "the PPPoE user name is required")
	elseif hasControl(nil, m.username) then
		err(nil, "username", nil, "must not contain control characters")
	end
	if m.password == "" then
		err(nil, "password", nil, "the PPPoE password is required")
	elseif hasControl(nil, m.password) then
		err(nil, "password", nil, "must not contain control characters")
	end
	local device = m.device
	local wan
	if device == "" then
		wan = sys.wan
		if wan == nil then
			err(nil, "device", "", "no IPoE WAN found in /etc/config/network (no map/dslite interface, wan6 or wan): set the PPPoE device")
		else
			device = wan.device
		end
	elseif not isName(nil, device, ".-@:") or #device > 15 then
		err(nil, "device", device, "not a network device name (letters, digits, . - _, at most 15 characters)")
	end
	local mtu = integer(nil, m.mtu, 576, 1500)
	if mtu == nil then
		err(nil, "mtu", m.mtu, "must be a whole number from 576 to 1500 (1454 for NTT FLET'S)")
	end
	if not isName(nil, m.interface, "") or #m.interface > 9 then
		err(nil, "interface", m.interface, "must be letters, digits or _ and at most 9 characters (the device is pppoe-<name>)")
	end
	if not isName(nil, m.zone, "") or #m.zone > 11 then
		err(nil, "zone", m.zone, "must be letters, digits or _ and at most 11 characters")
	end
	local ____table = integer(nil, m.table, 1, 2147483647)
	if ____table == nil or __TS__ArrayIncludes(RESERVED_TABLES, ____table) then
		err(nil, "table", m.table, "must be a whole number from 1 to 2147483647, not 253, 254 or 255 (reserved)")
	end
	if not isName(nil, m.table_name, "-") or __TS__ArrayIncludes(RESERVED_TABLE_NAMES, m.table_name) then
		err(nil, "table_name", m.table_name, "must be letters, digits, - or _ and not main, local, default or unspec")
	end
	local priority = integer(nil, m.priority, 1, MAIN_RULE_PRIORITY - 1)
	if priority == nil then
		err(
			nil,
			"priority",
			m.priority,
			"must be a whole number from 1 to " .. tostring(MAIN_RULE_PRIORITY - 1)
		)
	end
	local mark = singleBitMark(nil, m.mark)
	if mark == nil then
		err(nil, "mark", m.mark, "must be one bit in hex, like 0x10000000")
	end
	local servers = validateServers(nil, raw.servers, sys, errors)
	for ____, e in ipairs(validateDdns(nil, raw.ddns, raw.servers)) do
		errors[#errors + 1] = e
	end
	if priority ~= nil and priority + 10 * (#servers + 1) >= MAIN_RULE_PRIORITY then
		err(
			nil,
			"priority",
			m.priority,
			((("too high for " .. tostring(#servers)) .. " servers: the rules must stay below the main table (") .. tostring(MAIN_RULE_PRIORITY)) .. ")"
		)
	end
	if #errors > 0 then
		return {config = nil, errors = errors}
	end
	return {config = {
		enabled = true,
		username = m.username,
		password = m.password,
		device = device,
		wan = wan,
		mtu = mtu,
		iface = m.interface,
		zone = m.zone,
		table = ____table,
		tableName = m.table_name,
		priority = priority,
		mark = mark,
		servers = servers
	}, errors = errors}
end
return ____exports
