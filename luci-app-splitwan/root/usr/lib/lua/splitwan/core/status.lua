-- generated from src/core/status.ts by typescript-to-lua: edit the TypeScript, not this file
local ____lualib = require("splitwan.lualib_bundle")
local __TS__ArrayIsArray = ____lualib.__TS__ArrayIsArray
local __TS__Number = ____lualib.__TS__Number
local __TS__StringStartsWith = ____lualib.__TS__StringStartsWith
local __TS__StringSplit = ____lualib.__TS__StringSplit
local __TS__ArraySome = ____lualib.__TS__ArraySome
local __TS__StringTrim = ____lualib.__TS__StringTrim
local __TS__StringEndsWith = ____lualib.__TS__StringEndsWith
local __TS__ArrayFilter = ____lualib.__TS__ArrayFilter
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__ArrayReduce = ____lualib.__TS__ArrayReduce
local ____exports = {}
local ____config = require("splitwan.core.config")
local readConfig = ____config.readConfig
local ____apply = require("splitwan.core.apply")
local diffAgainstRouter = ____apply.diffAgainstRouter
local ____plan = require("splitwan.core.plan")
local buildPlan = ____plan.buildPlan
local pppoeDevice = ____plan.pppoeDevice
local ____ports = require("splitwan.core.ports")
local formatSpec = ____ports.formatSpec
local ____system = require("splitwan.core.system")
local readSystem = ____system.readSystem
local ____text = require("splitwan.core.text")
local escape = ____text.escape
local ____validate = require("splitwan.core.validate")
local formatError = ____validate.formatError
local validateConfig = ____validate.validateConfig
local ____json = require("splitwan.core.json")
local jsonArray = ____json.jsonArray
local ____ubus = require("splitwan.core.ubus")
local describeUbusFailure = ____ubus.describeUbusFailure
local field = ____ubus.field
local ubusData = ____ubus.ubusData
function ____exports.rpFilterStrict(self, p, device)
	local function read(____, conf)
		local v = p:readFile(("/proc/sys/net/ipv4/conf/" .. conf) .. "/rp_filter")
		return v ~= nil and __TS__Number(__TS__StringTrim(v)) or nil
	end
	local all = read(nil, "all") or 0
	local devConf = read(nil, device) ~= nil and device or "default"
	local dev = read(nil, devConf) or 0
	if math.max(all, dev) ~= 1 then
		return nil
	end
	return all == 1 and "all" or devConf
end
local function errorCodes(self, list)
	local out = {}
	if __TS__ArrayIsArray(list) then
		for ____, e in ipairs(list) do
			if type(field(nil, e, "code")) == "string" then
				out[#out + 1] = field(nil, e, "code")
			end
		end
	end
	return out
end
function ____exports.readStatusInput(self, p)
	local cursor = p:cursor()
	local raw = readConfig(
		nil,
		cursor,
		function(____, f) return p:readFile(f) end
	)
	local sys = readSystem(nil, cursor)
	return {
		raw = raw,
		sys = sys,
		validation = validateConfig(nil, raw, sys)
	}
end
function ____exports.collectStatus(self, p, input)
	if input == nil then
		input = ____exports.readStatusInput(nil, p)
	end
	local cursor = p:cursor()
	local ____input_0 = input
	local raw = ____input_0.raw
	local sys = ____input_0.sys
	local v = ____input_0.validation
	local c = v.config
	local iface = raw.main.interface
	local ____table = __TS__Number(raw.main.table)
	local warnings = jsonArray(nil, {})
	local pending = jsonArray(nil, {})
	local drift = {
		changes = 0,
		conflicts = jsonArray(nil, {})
	}
	if c ~= nil then
		local d = diffAgainstRouter(
			nil,
			p,
			cursor,
			buildPlan(nil, c, sys)
		)
		drift.changes = #d.changes
		for ____, x in ipairs(d.conflicts) do
			local ____drift_conflicts_1 = drift.conflicts
			____drift_conflicts_1[#____drift_conflicts_1 + 1] = x
		end
		if #d.conflicts > 0 then
			for ____, x in ipairs(d.conflicts) do
				pending[#pending + 1] = "conflict: " .. x
			end
		elseif #d.changes > 0 then
			pending[#pending + 1] = tostring(#d.changes) .. " change(s) not applied: run splitwan apply"
		end
	end
	local reply = p:ubusCall("network.interface." .. iface, "status")
	local ifst = ubusData(nil, reply)
	local addrs = field(nil, ifst, "ipv4-address")
	local ____temp_2
	if __TS__ArrayIsArray(addrs) and #addrs > 0 then
		____temp_2 = addrs[1]
	else
		____temp_2 = nil
	end
	local first = ____temp_2
	local ____temp_4 = reply.ok and "answered" or (reply.failure == "not-found" and "not-configured" or "not-answering")
	local ____reply_ok_3
	if reply.ok then
		____reply_ok_3 = nil
	else
		____reply_ok_3 = reply.failure
	end
	local pppoe = {
		state = ____temp_4,
		failure = ____reply_ok_3,
		up = field(nil, ifst, "up") == true,
		pending = field(nil, ifst, "pending") == true,
		uptime = type(field(nil, ifst, "uptime")) == "number" and field(nil, ifst, "uptime") or 0,
		ipv4 = type(field(nil, first, "address")) == "string" and field(nil, first, "address") or "",
		l3_device = type(field(nil, ifst, "l3_device")) == "string" and field(nil, ifst, "l3_device") or "",
		errors = jsonArray(
			nil,
			errorCodes(
				nil,
				field(nil, ifst, "errors")
			)
		)
	}
	local routes = p:exec({
		"ip",
		"-4",
		"route",
		"show",
		"table",
		tostring(____table)
	})
	local defaultRoute = routes.code == 0 and __TS__ArraySome(
		__TS__StringSplit(routes.stdout, "\n"),
		function(____, l) return __TS__StringStartsWith(l, "default") end
	)
	local ruleOut = p:exec({"ip", "-4", "rule", "show"})
	local tableName = raw.main.table_name
	local rules = jsonArray(
		nil,
		ruleOut.code ~= 0 and ({}) or __TS__ArrayMap(
			__TS__ArrayFilter(
				__TS__StringSplit(ruleOut.stdout, "\n"),
				function(____, l)
					local t = table.concat(
						__TS__StringSplit(l, "\t"),
						" "
					)
					return (string.find(
						t,
						("lookup " .. tostring(____table)) .. " ",
						nil,
						true
					) or 0) - 1 >= 0 or __TS__StringEndsWith(
						t,
						"lookup " .. tostring(____table)
					) or (string.find(t, "lookup " .. tableName, nil, true) or 0) - 1 >= 0
				end
			),
			function(____, l) return __TS__StringTrim(l) end
		)
	)
	local chain = p:exec({
		"nft",
		"list",
		"chain",
		"inet",
		"fw4",
		"dstnat_" .. raw.main.zone
	})
	local forwards = chain.code == 0 and #__TS__ArrayFilter(
		__TS__StringSplit(chain.stdout, "\n"),
		function(____, l) return (string.find(l, " dnat ", nil, true) or 0) - 1 >= 0 end
	) or 0
	local zoneLive = p:exec({
		"nft",
		"list",
		"chain",
		"inet",
		"fw4",
		"input_" .. raw.main.zone
	}).code == 0
	local ____temp_5
	if c ~= nil then
		____temp_5 = c.enabled
	else
		____temp_5 = raw.main.enabled == "1"
	end
	local enabled = ____temp_5
	if enabled and c ~= nil then
		if pppoe.state == "not-configured" then
			warnings[#warnings + 1] = ("PPPoE interface " .. iface) .. " not configured in netifd: nothing is published until the configuration is applied"
		elseif pppoe.state == "not-answering" then
			warnings[#warnings + 1] = ("network service not answering (" .. describeUbusFailure(nil, "network.interface." .. iface, reply)) .. "): PPPoE state unknown"
		elseif not pppoe.up then
			warnings[#warnings + 1] = ("PPPoE (" .. iface) .. ") is down: nothing is published"
		end
		if pppoe.up and not defaultRoute then
			warnings[#warnings + 1] = (("PPPoE is up but table " .. tostring(____table)) .. " has no default route: check option defaultroute of network.") .. iface
		end
		if pppoe.up and pppoe.l3_device ~= "" and pppoe.l3_device ~= pppoeDevice(nil, iface) then
			warnings[#warnings + 1] = (("PPPoE runs on " .. pppoe.l3_device) .. ", expected ") .. pppoeDevice(nil, iface)
		end
		local portCount = __TS__ArrayReduce(
			c.servers,
			function(____, n, s) return n + #s.ports end,
			0
		)
		if pppoe.up and portCount > 0 and forwards == 0 then
			warnings[#warnings + 1] = ("no port forwards are live in fw4 (chain dstnat_" .. c.zone) .. "): run /etc/init.d/firewall reload"
		end
		local strict = ____exports.rpFilterStrict(
			nil,
			p,
			pppoeDevice(nil, c.iface)
		)
		if strict ~= nil and __TS__ArraySome(
			c.servers,
			function(____, s) return s.mode == "reply-only" and #s.ports > 0 end
		) then
			warnings[#warnings + 1] = ((("rp_filter is strict on " .. strict) .. ": connections to reply-only servers over PPPoE are dropped; set net.ipv4.conf.") .. strict) .. ".rp_filter to 2 (loose)"
		end
	end
	return {
		enabled = enabled,
		valid = c ~= nil,
		errors = jsonArray(
			nil,
			__TS__ArrayMap(v.errors, formatError)
		),
		pending = pending,
		drift = drift,
		interface = iface,
		device = c ~= nil and c.device or raw.main.device,
		wan_kind = sys.wan ~= nil and sys.wan.kind or "",
		table = ____table,
		zone = raw.main.zone,
		mtu = __TS__Number(raw.main.mtu),
		servers = jsonArray(
			nil,
			__TS__ArrayMap(
				c ~= nil and c.servers or ({}),
				function(____, s) return {
					name = s.name,
					ipaddr = s.ipaddr,
					mode = s.mode,
					ports = jsonArray(
						nil,
						__TS__ArrayMap(s.ports, formatSpec)
					),
					ip6_suffix = s.ip6Suffix or ""
				} end
			)
		),
		pppoe = pppoe,
		live = {default_route = defaultRoute, rules = rules, zone = zoneLive, forwards = forwards},
		warnings = warnings
	}
end
local function yes(self, b)
	return b and "yes" or "no"
end
function ____exports.formatStatus(self, s)
	local lines = {}
	lines[#lines + 1] = ("splitwan: " .. (s.enabled and "enabled" or "disabled")) .. (s.valid and "" or " (configuration invalid)")
	for ____, e in ipairs(s.errors) do
		lines[#lines + 1] = "  error: " .. e
	end
	for ____, x in ipairs(s.pending) do
		lines[#lines + 1] = "  pending: " .. x
	end
	lines[#lines + 1] = ((((("PPPoE " .. escape(nil, s.interface)) .. " on ") .. (escape(nil, s.device) or "?")) .. (s.wan_kind ~= "" and (" (IPoE WAN: " .. s.wan_kind) .. ")" or "")) .. ", MTU ") .. tostring(s.mtu)
	if s.pppoe.state ~= "answered" then
		lines[#lines + 1] = "  " .. (s.pppoe.state == "not-configured" and "PPPoE interface not configured" or "network service not answering")
	else
		lines[#lines + 1] = ("  up: " .. yes(nil, s.pppoe.up)) .. (s.pppoe.up and ((((", " .. (s.pppoe.ipv4 or "no IPv4")) .. ", uptime ") .. tostring(s.pppoe.uptime)) .. "s, device ") .. s.pppoe.l3_device or "")
	end
	lines[#lines + 1] = (("table " .. tostring(s.table)) .. ": default route ") .. yes(nil, s.live.default_route)
	lines[#lines + 1] = "rules: " .. (#s.live.rules == 0 and "none" or "")
	for ____, r in ipairs(s.live.rules) do
		lines[#lines + 1] = "  " .. r
	end
	lines[#lines + 1] = (((("zone " .. s.zone) .. ": ") .. (s.live.zone and "live" or "not loaded")) .. ", port forwards live: ") .. tostring(s.live.forwards)
	for ____, sv in ipairs(s.servers) do
		lines[#lines + 1] = ((((((("server " .. sv.name) .. " ") .. sv.ipaddr) .. " (") .. sv.mode) .. "): ") .. (#sv.ports > 0 and table.concat(sv.ports, " ") or "no published ports")) .. (sv.ip6_suffix ~= "" and ", IPv6 " .. sv.ip6_suffix or "")
	end
	for ____, w in ipairs(s.warnings) do
		lines[#lines + 1] = "warning: " .. w
	end
	return table.concat(lines, "\n") .. "\n"
end
return ____exports
