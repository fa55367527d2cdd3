-- generated from src/core/diagnose/collect.ts by typescript-to-lua: edit the TypeScript, not this file
local ____lualib = require("splitwan.lualib_bundle")
local __TS__StringTrim = ____lualib.__TS__StringTrim
local __TS__StringSplit = ____lualib.__TS__StringSplit
local __TS__ArrayFilter = ____lualib.__TS__ArrayFilter
local __TS__ArrayIsArray = ____lualib.__TS__ArrayIsArray
local __TS__ArrayFind = ____lualib.__TS__ArrayFind
local __TS__Number = ____lualib.__TS__Number
local __TS__StringStartsWith = ____lualib.__TS__StringStartsWith
local __TS__StringSlice = ____lualib.__TS__StringSlice
local __TS__ArrayIncludes = ____lualib.__TS__ArrayIncludes
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local ____exports = {}
local ____config = require("splitwan.core.config")
local readConfig = ____config.readConfig
local ____state = require("splitwan.core.ddns.state")
local decodeState = ____state.decodeState
local statePath = ____state.statePath
local ____plan = require("splitwan.core.plan")
local buildPlan = ____plan.buildPlan
local pppoeDevice = ____plan.pppoeDevice
local ____ports = require("splitwan.core.ports")
local intPorts = ____ports.intPorts
local ____status = require("splitwan.core.status")
local rpFilterStrict = ____status.rpFilterStrict
local ____ubus = require("splitwan.core.ubus")
local describeUbusFailure = ____ubus.describeUbusFailure
local field = ____ubus.field
local notAnswering = ____ubus.notAnswering
local ubusData = ____ubus.ubusData
local ____system = require("splitwan.core.system")
local readSystem = ____system.readSystem
local ____uci = require("splitwan.core.uci")
local optList = ____uci.optList
local optString = ____uci.optString
local sectionsOf = ____uci.sectionsOf
local ____validate = require("splitwan.core.validate")
local formatError = ____validate.formatError
local validateConfig = ____validate.validateConfig
local ____verdicts = require("splitwan.core.diagnose.verdicts")
local hex = ____verdicts.hex
local inSubnets = ____verdicts.inSubnets
____exports.PROBE_BUDGET = 9
local function lines(self, text)
	return __TS__ArrayFilter(
		__TS__StringSplit(text, "\n"),
		function(____, l) return __TS__StringTrim(l) ~= "" end
	)
end
local function strings(self, v)
	local out = {}
	if __TS__ArrayIsArray(v) then
		for ____, x in ipairs(v) do
			if type(x) == "string" then
				out[#out + 1] = x
			end
		end
	end
	return out
end
local function ipv4Addrs(self, st)
	local out = {}
	local list = field(nil, st, "ipv4-address")
	if __TS__ArrayIsArray(list) then
		for ____, a in ipairs(list) do
			local addr = field(nil, a, "address")
			if type(addr) == "string" then
				local ____temp_0
				if type(field(nil, a, "mask")) == "number" then
					____temp_0 = field(nil, a, "mask")
				else
					____temp_0 = 32
				end
				out[#out + 1] = (addr .. "/") .. tostring(____temp_0)
			end
		end
	end
	return out
end
local function output(self, p, argv)
	local r = p:exec(argv)
	return r.code == 0 and r.stdout or nil
end
local function missingTool(self, code)
	return code == 126 or code == 127
end
local function whichMissing(self, p, tool)
	return missingTool(
		nil,
		p:exec({"timeout", "1", "true"}).code
	) and "timeout" or tool
end
local function expectedRules(self, c, sys)
	local out = {}
	local mark = hex(nil, c.mark)
	for ____, s in ipairs(buildPlan(nil, c, sys).sections) do
		do
			local __continue18
			repeat
				if s.config ~= "network" or s.type ~= "rule" then
					__continue18 = true
					break
				end
				local function opt(____, k)
					local kv = __TS__ArrayFind(
						s.options,
						function(____, o) return o[1] == k end
					)
					return kv ~= nil and type(kv[2]) == "string" and kv[2] or nil
				end
				local src = opt(nil, "src")
				local selector = src ~= nil and "from " .. __TS__StringSplit(src, "/")[1] or (("fwmark " .. mark) .. "/") .. mark
				out[#out + 1] = {
					priority = __TS__Number(opt(nil, "priority")),
					selector = selector,
					lookup = opt(nil, "lookup") or "",
					suppress = opt(nil, "suppress_prefixlength") == "0"
				}
				__continue18 = true
			until true
			if not __continue18 then
				break
			end
		end
	end
	return out
end
local function nameservers(self, text)
	local out = {}
	if text == nil then
		return out
	end
	for ____, l in ipairs(__TS__StringSplit(text, "\n")) do
		local w = __TS__ArrayFilter(
			__TS__StringSplit(
				__TS__StringTrim(l),
				" "
			),
			function(____, x) return x ~= "" end
		)
		if w[1] == "nameserver" and w[2] ~= nil then
			out[#out + 1] = w[2]
		end
	end
	return out
end
local function probeServer(self, p, s, tcpPort)
	if s.device == nil then
		return
	end
	local ping = p:exec({
		"timeout",
		"2",
		"ping",
		"-c",
		"1",
		"-W",
		"1",
		"-I",
		s.device,
		s.ipaddr
	})
	if missingTool(nil, ping.code) then
		s.toolError = whichMissing(nil, p, "ping")
	else
		s.ping = ping.code == 0
	end
	local neigh = output(nil, p, {
		"ip",
		"-4",
		"neigh",
		"show",
		s.ipaddr,
		"dev",
		s.device
	})
	local words = neigh ~= nil and __TS__ArrayFilter(
		__TS__StringSplit(
			__TS__StringTrim(neigh),
			" "
		),
		function(____, x) return x ~= "" end
	) or ({})
	s.neigh = #words > 0 and words[#words] or ""
	if tcpPort == nil then
		return
	end
	local nc = p:exec(
		{
			"timeout",
			"2",
			"nc",
			"-w",
			"1",
			s.ipaddr,
			tostring(tcpPort)
		},
		""
	)
	if missingTool(nil, nc.code) then
		s.tcpError = whichMissing(nil, p, "nc")
	else
		s.tcp = (nc.code == 0 or nc.code == 124) and "open" or "closed"
	end
end
function ____exports.parseNslookup(self, text)
	local addrs = {}
	local ttl
	local named = false
	for ____, raw in ipairs(__TS__StringSplit(text, "\n")) do
		local l = __TS__StringTrim(raw)
		if __TS__StringStartsWith(l, "Name:") then
			named = true
		elseif named and __TS__StringStartsWith(l, "Address") then
			local colon = (string.find(l, ":", nil, true) or 0) - 1
			local rest = __TS__StringSplit(
				__TS__StringTrim(__TS__StringSlice(l, colon + 1)),
				" "
			)[1]
			if rest ~= "" and not __TS__ArrayIncludes(addrs, rest) then
				addrs[#addrs + 1] = rest
			end
		end
		local t = (string.find(l, "ttl = ", nil, true) or 0) - 1
		if t >= 0 then
			local n = __TS__Number(__TS__StringSplit(
				__TS__StringTrim(__TS__StringSlice(l, t + 6)),
				" "
			)[1])
			if n == n and ttl == nil then
				ttl = n
			end
		end
	end
	return ttl ~= nil and ({addrs = addrs, ttl = ttl}) or ({addrs = addrs})
end
local function lookupDdns(self, p, d)
	local r = p:exec({
		"timeout",
		"3",
		"nslookup",
		d.ipVersion == "6" and "-type=aaaa" or "-type=a",
		d.host,
		d.resolver
	})
	if missingTool(nil, r.code) then
		d.toolError = whichMissing(nil, p, "nslookup")
		return
	end
	local parsed = ____exports.parseNslookup(nil, r.stdout)
	d.resolved = parsed.addrs
	if parsed.ttl ~= nil then
		d.ttl = parsed.ttl
	end
end
local function otherRouting(self, p, cursor)
	local out = {}
	if p:readFile("/etc/config/mwan3") ~= nil then
		local n = #sectionsOf(nil, cursor, "mwan3", "interface")
		local mask = __TS__Number(optString(
			nil,
			cursor:get_all("mwan3", "globals"),
			"mmx_mask"
		) or "0x3F00")
		local tables = {}
		do
			local i = 1
			while i <= n do
				tables[#tables + 1] = i
				i = i + 1
			end
		end
		out[#out + 1] = {
			name = "mwan3",
			masks = mask == mask and ({mask}) or ({}),
			priorities = {
				1001,
				3000 + math.max(n, 1)
			},
			tables = tables,
			known = mask == mask
		}
	end
	if p:readFile("/etc/config/pbr") ~= nil then
		local sec = sectionsOf(nil, cursor, "pbr", "pbr")[1]
		local maskText = optString(nil, sec, "fw_mask") or "00ff0000"
		local mask = __TS__Number(__TS__StringStartsWith(maskText, "0x") and maskText or "0x" .. maskText)
		local prio = __TS__Number(optString(nil, sec, "uplink_ip_rules_priority") or "30000")
		local tables = {}
		for ____, l in ipairs(__TS__StringSplit(
			p:readFile("/etc/iproute2/rt_tables") or "",
			"\n"
		)) do
			local w = __TS__ArrayFilter(
				__TS__StringSplit(
					__TS__StringTrim(table.concat(
						__TS__StringSplit(l, "\t"),
						" "
					)),
					" "
				),
				function(____, x) return x ~= "" end
			)
			if #w >= 2 and __TS__StringStartsWith(w[2], "pbr_") then
				tables[#tables + 1] = __TS__Number(w[1])
			end
		end
		local n = math.max(#tables, 1)
		out[#out + 1] = {
			name = "pbr",
			masks = mask == mask and ({mask}) or ({}),
			priorities = {prio - 2 * n, prio},
			tables = tables,
			known = mask == mask and prio == prio
		}
	end
	if p:readFile("/etc/config/mwan4") ~= nil then
		out[#out + 1] = {name = "mwan4", masks = {}, tables = {}, known = false}
	end
	return out
end
function ____exports.collectFacts(self, p)
	local start = p:now()
	local cursor = p:cursor()
	local raw = readConfig(nil, cursor)
	local sys = readSystem(nil, cursor)
	local v = validateConfig(nil, raw, sys)
	local c = v.config
	local iface = raw.main.interface
	local dev = pppoeDevice(nil, iface)
	local ____temp_1
	if c ~= nil then
		____temp_1 = c.enabled
	else
		____temp_1 = raw.main.enabled == "1"
	end
	local f = {
		now = start,
		enabled = ____temp_1,
		errors = __TS__ArrayMap(v.errors, formatError),
		iface = iface,
		pppoeDevice = dev,
		table = __TS__Number(raw.main.table),
		tableName = raw.main.table_name,
		priority = __TS__Number(raw.main.priority),
		mark = c ~= nil and c.mark or 0,
		mtu = __TS__Number(raw.main.mtu),
		zone = raw.main.zone,
		expectedRules = {},
		cgnAddrs = {},
		rpStrict = "",
		peerdns = "",
		lanDns = {},
		servers = {},
		ddns = {},
		others = {},
		outOfTime = {}
	}
	if c == nil or not c.enabled then
		return f
	end
	f.expectedRules = expectedRules(nil, c, sys)
	local reply = p:ubusCall("network.interface." .. iface, "status")
	if notAnswering(nil, reply) then
		f.netifdDown = describeUbusFailure(nil, "network.interface." .. iface, reply)
	end
	local st = ubusData(nil, reply)
	if st ~= nil then
		local errs = {}
		local list = field(nil, st, "errors")
		if __TS__ArrayIsArray(list) then
			for ____, e in ipairs(list) do
				if type(field(nil, e, "code")) == "string" then
					errs[#errs + 1] = field(nil, e, "code")
				end
			end
		end
		local v4 = ipv4Addrs(nil, st)
		f.pppoe = {
			up = field(nil, st, "up") == true,
			ipv4 = #v4 > 0 and __TS__StringSplit(v4[1], "/")[1] or "",
			errors = errs,
			dns = strings(
				nil,
				field(nil, st, "dns-server")
			)
		}
	end
	if sys.wan ~= nil and sys.wan.kind ~= "plain" then
		f.cgnAddrs = __TS__ArrayMap(
			ipv4Addrs(
				nil,
				ubusData(
					nil,
					p:ubusCall("network.interface." .. sys.wan.ipv4Iface, "status")
				)
			),
			function(____, a) return __TS__StringSplit(a, "/")[1] end
		)
	end
	local rules = output(nil, p, {"ip", "-4", "rule", "show"})
	if rules ~= nil then
		f.ipRules = lines(nil, rules)
	end
	local routes = output(
		nil,
		p,
		{
			"ip",
			"-4",
			"route",
			"show",
			"table",
			tostring(c.table)
		}
	)
	if routes ~= nil then
		f.tableRoutes = lines(nil, routes)
	end
	f.ruleset = output(nil, p, {"nft", "list", "ruleset"})
	local strict = rpFilterStrict(nil, p, dev)
	f.rpStrict = strict or ""
	local function rp(____, conf)
		local t = p:readFile(("/proc/sys/net/ipv4/conf/" .. conf) .. "/rp_filter")
		return t ~= nil and (conf .. "=") .. __TS__StringTrim(t) or conf .. "=?"
	end
	if p:readFile("/proc/sys/net/ipv4/conf/all/rp_filter") ~= nil then
		f.rpValues = table.concat(
			{
				rp(nil, "all"),
				rp(
					nil,
					p:readFile(("/proc/sys/net/ipv4/conf/" .. dev) .. "/rp_filter") ~= nil and dev or "default"
				)
			},
			", "
		)
	end
	f.peerdns = optString(
		nil,
		cursor:get_all("network", iface),
		"peerdns"
	) or ""
	f.lanDns = nameservers(
		nil,
		p:readFile("/tmp/resolv.conf.d/resolv.conf.auto") or p:readFile("/tmp/resolv.conf.auto")
	)
	for ____, s in ipairs(sectionsOf(nil, cursor, "dhcp", "dnsmasq")) do
		for ____, x in ipairs(optList(nil, s, "server")) do
			if not __TS__ArrayIncludes(f.lanDns, x) then
				local ____f_lanDns_2 = f.lanDns
				____f_lanDns_2[#____f_lanDns_2 + 1] = x
			end
		end
	end
	for ____, s in ipairs(c.servers) do
		local zone = __TS__ArrayFind(
			sys.zones,
			function(____, z) return z.name == s.zone end
		)
		local sf = {
			name = s.name,
			ipaddr = s.ipaddr,
			zone = s.zone,
			mode = s.mode,
			ports = s.ports,
			devices = {},
			subnets = {}
		}
		for ____, net in ipairs(zone ~= nil and zone.networks or ({})) do
			do
				local __continue79
				repeat
					local ns = ubusData(
						nil,
						p:ubusCall("network.interface." .. net, "status")
					)
					local l3 = field(nil, ns, "l3_device")
					if field(nil, ns, "up") ~= true or type(l3) ~= "string" then
						__continue79 = true
						break
					end
					local ____sf_devices_3 = sf.devices
					____sf_devices_3[#____sf_devices_3 + 1] = l3
					for ____, a in ipairs(ipv4Addrs(nil, ns)) do
						local ____sf_subnets_4 = sf.subnets
						____sf_subnets_4[#____sf_subnets_4 + 1] = a
						if sf.device == nil and inSubnets(nil, s.ipaddr, {a}) then
							sf.device = l3
						end
					end
					__continue79 = true
				until true
				if not __continue79 then
					break
				end
			end
		end
		if sf.device == nil and #sf.devices > 0 then
			sf.device = sf.devices[1]
		end
		local ____f_servers_5 = f.servers
		____f_servers_5[#____f_servers_5 + 1] = sf
	end
	for ____, sf in ipairs(f.servers) do
		do
			local __continue87
			repeat
				if p:now() - start > ____exports.PROBE_BUDGET then
					local ____f_outOfTime_6 = f.outOfTime
					____f_outOfTime_6[#____f_outOfTime_6 + 1] = "server_" .. sf.name
					__continue87 = true
					break
				end
				local tcp = __TS__ArrayFind(
					sf.ports,
					function(____, x) return x.proto ~= "udp" end
				)
				probeServer(
					nil,
					p,
					sf,
					tcp ~= nil and __TS__Number(__TS__StringSplit(
						intPorts(nil, tcp),
						"-"
					)[1]) or nil
				)
				__continue87 = true
			until true
			if not __continue87 then
				break
			end
		end
	end
	for ____, r in ipairs(raw.ddns) do
		do
			local __continue91
			repeat
				if r.enabled ~= "1" then
					__continue91 = true
					break
				end
				local host = (r.host == "" or r.host == "@") and r.domain or (r.host == "*" and "splitwan-selftest." .. r.domain or (r.host .. ".") .. r.domain)
				local state = decodeState(
					nil,
					p:readFile(statePath(nil, r.section))
				)
				local d = {name = r.section, host = host, ipVersion = r.ip_version, resolver = raw.main.resolver}
				if state ~= nil and state.successIp ~= nil then
					d.successIp = state.successIp
				end
				if state ~= nil and state.lastSuccess ~= nil then
					d.lastSuccess = state.lastSuccess
				end
				if p:now() - start > ____exports.PROBE_BUDGET then
					local ____f_outOfTime_7 = f.outOfTime
					____f_outOfTime_7[#____f_outOfTime_7 + 1] = "ddns_" .. r.section
				else
					lookupDdns(nil, p, d)
				end
				local ____f_ddns_8 = f.ddns
				____f_ddns_8[#____f_ddns_8 + 1] = d
				__continue91 = true
			until true
			if not __continue91 then
				break
			end
		end
	end
	f.others = otherRouting(nil, p, cursor)
	return f
end
return ____exports
