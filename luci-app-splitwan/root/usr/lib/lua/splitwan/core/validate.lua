-- generated from src/core/validate.ts by typescript-to-lua: edit the TypeScript, not this file
local ____lualib = require("splitwan.lualib_bundle")
local __TS__Number = ____lualib.__TS__Number
local __TS__StringStartsWith = ____lualib.__TS__StringStartsWith
local __TS__ArrayIncludes = ____lualib.__TS__ArrayIncludes
local __TS__ArrayFilter = ____lualib.__TS__ArrayFilter
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__ArrayFind = ____lualib.__TS__ArrayFind
local ____exports = {}
local disabledConfig, protosOf, findClash, publish, cidr, checkZoneAddress, validateServers
local ____section_2Dcheck = require("splitwan.core.section-check")
local checkSection = ____section_2Dcheck.checkSection
local ____addr = require("splitwan.core.addr")
local ipv4ToNumber = ____addr.ipv4ToNumber
local isDigits = ____addr.isDigits
local numberToIpv4 = ____addr.numberToIpv4
local parseIPv4 = ____addr.parseIPv4
local parseIPv6 = ____addr.parseIPv6
local subnetBounds = ____addr.subnetBounds
local ____config = require("splitwan.core.ddns.config")
local validateDdns = ____config.validateDdns
local ____ports = require("splitwan.core.ports")
local formatSpec = ____ports.formatSpec
local parsePortItem = ____ports.parsePortItem
local portsOverlap = ____ports.portsOverlap
local ____text = require("splitwan.core.text")
local hasControl = ____text.hasControl
local isHexDigits = ____text.isHexDigits
local isName = ____text.isName
local quote = ____text.quote
local ____uci = require("splitwan.core.uci")
local uciBool = ____uci.uciBool
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
function protosOf(self, spec)
	return spec.proto == "both" and ({"tcp", "udp"}) or ({spec.proto})
end
function findClash(self, t, spec)
	for ____, r in ipairs(t.ranges) do
		if portsOverlap(nil, r.spec, spec) then
			return r
		end
	end
	do
		local port = spec.extFrom
		while port <= spec.extTo do
			for ____, proto in ipairs(protosOf(nil, spec)) do
				local hit = t.single[(proto .. "/") .. tostring(port)]
				if hit ~= nil then
					return hit
				end
			end
			port = port + 1
		end
	end
	return nil
end
function publish(self, t, p)
	if p.spec.extFrom ~= p.spec.extTo then
		local ____t_ranges_2 = t.ranges
		____t_ranges_2[#____t_ranges_2 + 1] = p
	else
		for ____, proto in ipairs(protosOf(nil, p.spec)) do
			t.single[(proto .. "/") .. tostring(p.spec.extFrom)] = p
		end
	end
end
function cidr(self, n)
	return (numberToIpv4(
		nil,
		subnetBounds(nil, n.addr, n.prefix)[1]
	) .. "/") .. tostring(n.prefix)
end
function checkZoneAddress(self, r, ip, zone, sys, err)
	local subnets = __TS__ArrayFilter(
		sys.subnets,
		function(____, n) return __TS__ArrayIncludes(zone.networks, n.iface) end
	)
	if #subnets == 0 then
		return err(nil, "ipaddr", r.ipaddr, ("zone " .. zone.name) .. " has no static IPv4 subnet in /etc/config/network to hold a server")
	end
	local n = ipv4ToNumber(nil, ip)
	local inside = false
	for ____, sub in ipairs(subnets) do
		do
			local __continue59
			repeat
				if ipv4ToNumber(nil, sub.addr) == n then
					return err(nil, "ipaddr", r.ipaddr, ("is the router's own address on " .. sub.iface) .. ": publishing it would expose the router itself")
				end
				local first, last = unpack(
					subnetBounds(nil, sub.addr, sub.prefix),
					1,
					2
				)
				if n < first or n > last then
					__continue59 = true
					break
				end
				if sub.prefix <= 30 and n == first then
					return err(
						nil,
						"ipaddr",
						r.ipaddr,
						((("is the network address of " .. cidr(nil, sub)) .. " (") .. sub.iface) .. "), not a host"
					)
				end
				if sub.prefix <= 30 and n == last then
					return err(
						nil,
						"ipaddr",
						r.ipaddr,
						((("is the broadcast address of " .. cidr(nil, sub)) .. " (") .. sub.iface) .. "), not a host"
					)
				end
				inside = true
				__continue59 = true
			until true
			if not __continue59 then
				break
			end
		end
	end
	if not inside then
		err(
			nil,
			"ipaddr",
			r.ipaddr,
			((("is outside every subnet of zone " .. zone.name) .. " (") .. table.concat(
				__TS__ArrayMap(subnets, cidr),
				", "
			)) .. ")"
		)
	end
end
function validateServers(self, raws, sys, errors)
	local servers = {}
	local published = {single = {}, ranges = {}}
	local seenAddr = {}
	for ____, r in ipairs(raws) do
		do
			local __continue67
			repeat
				local err = checkSection(nil, r.section, r.enabled, errors)
				if err == nil then
					__continue67 = true
					break
				end
				local zone = __TS__ArrayFind(
					sys.zones,
					function(____, z) return z.name == r.zone end
				)
				local wanZone = zone ~= nil and sys.wan ~= nil and (__TS__ArrayIncludes(zone.networks, sys.wan.l2Iface) or __TS__ArrayIncludes(zone.networks, sys.wan.ipv4Iface))
				if zone == nil then
					err(nil, "zone", r.zone, "no such firewall zone")
				elseif wanZone then
					err(nil, "zone", r.zone, "is the WAN zone: the server must be on the LAN side")
				end
				local ip = parseIPv4(nil, r.ipaddr)
				if r.ipaddr == "" then
					err(nil, "ipaddr", nil, "the server's LAN IPv4 address is required")
				elseif ip == nil then
					err(nil, "ipaddr", r.ipaddr, "not an IPv4 address (write it without /32)")
				elseif ip[1] == 0 or ip[1] == 127 or ip[1] >= 224 then
					err(nil, "ipaddr", r.ipaddr, "not a host address")
				elseif seenAddr[r.ipaddr] then
					err(nil, "ipaddr", r.ipaddr, "another server has the same address: put all its ports in one server")
				elseif zone ~= nil and not wanZone then
					checkZoneAddress(
						nil,
						r,
						ip,
						zone,
						sys,
						err
					)
				end
				seenAddr[r.ipaddr] = true
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
						local __continue83
						repeat
							local parsed = parsePortItem(nil, item)
							if not parsed.ok then
								err(nil, "port", item, parsed.error)
								__continue83 = true
								break
							end
							for ____, spec in ipairs(parsed.specs) do
								local clash = findClash(nil, published, spec)
								if clash ~= nil then
									err(
										nil,
										"port",
										item,
										((((formatSpec(nil, spec) .. " is already published by ") .. (clash.server == r.section and "this server" or "server " .. clash.server)) .. " (") .. formatSpec(nil, clash.spec)) .. ")"
									)
								else
									publish(nil, published, {server = r.section, spec = spec})
									ports[#ports + 1] = spec
								end
							end
							__continue83 = true
						until true
						if not __continue83 then
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
				__continue67 = true
			until true
			if not __continue67 then
				break
			end
		end
	end
	return servers
end
function ____exports.formatError(self, e)
	local where = e.option ~= nil and (("splitwan." .. e.section) .. ".") .. e.option or "splitwan." .. e.section
	local value = e.value ~= nil and "=" .. quote(nil, e.value) or ""
	return ((where .. value) .. ": ") .. e.message
end
local MAIN_RULE_PRIORITY = 32766
local RESERVED_TABLES = {0, 253, 254, 255}
local RESERVED_TABLE_NAMES = {"unspec", "default", "main", "local"}
local function integer(self, s, min, max)
	if not isDigits(nil, s) or #s > 10 then
		return nil
	end
	local n = __TS__Number(s)
	return n >= min and n <= max and n or nil
end
local PPPD_MAX_BYTES = 255
local PPPOE_MAX_MTU = 1492
local FOREIGN_MARKS = {{16128, 256, "mwan3 (0x3f00)"}, {16711680, 65536, "pbr (0x00ff0000)"}}
local function singleBitMark(self, s)
	if not __TS__StringStartsWith(s, "0x") or #s < 3 or #s > 10 then
		return nil
	end
	local hex = string.sub(s, 3)
	if not isHexDigits(nil, hex) then
		return nil
	end
	local n = __TS__Number("0x" .. string.lower(hex))
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
	elseif #m.username > PPPD_MAX_BYTES then
		err(
			nil,
			"username",
			nil,
			(("too long: " .. tostring(#m.username)) .. " bytes, pppd takes at most ") .. tostring(PPPD_MAX_BYTES)
		)
	end
	if m.password == "" then
		err(nil, "password", nil, "the PPPoE password is required")
	elseif hasControl(nil, m.password) then
		err(nil, "password", nil, "must not contain control characters")
	elseif #m.password > PPPD_MAX_BYTES then
		err(
			nil,
			"password",
			nil,
			(("too long: " .. tostring(#m.password)) .. " bytes, pppd takes at most ") .. tostring(PPPD_MAX_BYTES)
		)
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
	local mtu = integer(nil, m.mtu, 576, PPPOE_MAX_MTU)
	if mtu == nil then
		err(
			nil,
			"mtu",
			m.mtu,
			("must be a whole number from 576 to " .. tostring(PPPOE_MAX_MTU)) .. ", PPPoE's maximum (1454 for NTT FLET'S)"
		)
	end
	if not isName(nil, m.interface) or #m.interface > 9 then
		err(nil, "interface", m.interface, "must be letters, digits or _ and at most 9 characters (the device is pppoe-<name>)")
	end
	if not isName(nil, m.zone) or #m.zone > 11 then
		err(nil, "zone", m.zone, "must be letters, digits or _ and at most 11 characters")
	end
	local ____table = integer(nil, m.table, 1, 2147483647)
	if ____table == nil or __TS__ArrayIncludes(RESERVED_TABLES, ____table) then
		err(nil, "table", m.table, "must be a whole number from 1 to 2147483647, not 253, 254 or 255 (reserved)")
	end
	if not isName(nil, m.table_name, "-") or __TS__ArrayIncludes(RESERVED_TABLE_NAMES, m.table_name) then
		err(nil, "table_name", m.table_name, "must be letters, digits, - or _ and not main, local, default or unspec")
	elseif isDigits(nil, m.table_name) then
		err(nil, "table_name", m.table_name, "must not be a number: ip and netifd would read it as a table number")
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
	else
		for ____, ____value in ipairs(FOREIGN_MARKS) do
			local mask = ____value[1]
			local low = ____value[2]
			local owner = ____value[3]
			if mark >= low and mark <= mask then
				err(nil, "mark", m.mark, ("is inside the marks of " .. owner) .. ": choose a bit outside, like 0x10000000")
			end
		end
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
