-- generated from src/core/diagnose/verdicts.ts by typescript-to-lua: edit the TypeScript, not this file
local ____lualib = require("splitwan.lualib_bundle")
local __TS__ArrayPush = ____lualib.__TS__ArrayPush
local __TS__StringTrim = ____lualib.__TS__StringTrim
local __TS__StringCharAt = ____lualib.__TS__StringCharAt
local __TS__StringStartsWith = ____lualib.__TS__StringStartsWith
local __TS__StringEndsWith = ____lualib.__TS__StringEndsWith
local __TS__StringSlice = ____lualib.__TS__StringSlice
local __TS__StringSplit = ____lualib.__TS__StringSplit
local __TS__ArrayEvery = ____lualib.__TS__ArrayEvery
local __TS__ArraySome = ____lualib.__TS__ArraySome
local __TS__ArrayIncludes = ____lualib.__TS__ArrayIncludes
local __TS__Number = ____lualib.__TS__Number
local __TS__ArrayIndexOf = ____lualib.__TS__ArrayIndexOf
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__ArrayFilter = ____lualib.__TS__ArrayFilter
local __TS__ArrayConcat = ____lualib.__TS__ArrayConcat
local __TS__ArrayFind = ____lualib.__TS__ArrayFind
local ____exports = {}
local ____text = require("splitwan.core.text")
local hexDigits = ____text.hexDigits
local ____addr = require("splitwan.core.addr")
local ipv4InSubnet = ____addr.ipv4InSubnet
local parseIPv4 = ____addr.parseIPv4
local prefixLength = ____addr.prefixLength
local ____plan = require("splitwan.core.plan")
local CROSSES_NOTE = ____plan.CROSSES_NOTE
local GUARD_NOTE = ____plan.GUARD_NOTE
local hexMark = ____plan.hexMark
local MSS_NOTE = ____plan.MSS_NOTE
local ____ports = require("splitwan.core.ports")
local extPorts = ____ports.extPorts
local intPorts = ____ports.intPorts
local ____messages = require("splitwan.core.diagnose.messages")
local diagnoseText = ____messages.diagnoseText
function ____exports.hex(self, n)
	return "0x" .. hexDigits(nil, n, 1)
end
local function result(self, id, verdict, code, args)
	if args == nil then
		args = {}
	end
	return {
		id = id,
		verdict = verdict,
		code = code,
		args = args,
		text = diagnoseText(nil, code, args)
	}
end
function ____exports.checkIds(self, f)
	local ids = {
		"pppoe",
		"rules",
		"table",
		"netifd_rule",
		"firewall",
		"dnat"
	}
	for ____, s in ipairs(f.servers) do
		ids[#ids + 1] = "server_" .. s.name
	end
	__TS__ArrayPush(ids, "rp_filter", "dns")
	for ____, d in ipairs(f.ddns) do
		ids[#ids + 1] = "ddns_" .. d.name
	end
	__TS__ArrayPush(ids, "conflicts", "loopback")
	return ids
end
function ____exports.fw4Chain(self, ruleset, chain)
	local stack = {}
	local found
	for ____, raw in ipairs(__TS__StringSplit(ruleset, "\n")) do
		local line = __TS__StringTrim(raw)
		local opens = 0
		local closes = 0
		do
			local i = 0
			while i < #line do
				local c = __TS__StringCharAt(line, i)
				if c == "{" then
					opens = opens + 1
				elseif c == "}" then
					closes = closes + 1
				end
				i = i + 1
			end
		end
		if #stack == 2 and stack[1] == "table inet fw4" and stack[2] == "chain " .. chain and opens == closes and line ~= "" then
			if found == nil then
				found = {}
			end
			if not __TS__StringStartsWith(line, "type ") and not __TS__StringStartsWith(line, "policy ") then
				found[#found + 1] = line
			end
		end
		if opens > closes then
			local name = __TS__StringEndsWith(line, "{") and __TS__StringTrim(__TS__StringSlice(line, 0, #line - 1)) or ""
			stack[#stack + 1] = name
			if #stack == 2 and stack[1] == "table inet fw4" and name == "chain " .. chain and found == nil then
				found = {}
			end
			do
				local k = 1
				while k < opens - closes do
					stack[#stack + 1] = ""
					k = k + 1
				end
			end
		else
			do
				local k = 0
				while k < closes - opens do
					table.remove(stack)
					k = k + 1
				end
			end
		end
	end
	return found
end
local function hasLine(self, lines, ...)
	local parts = {...}
	if lines == nil then
		return false
	end
	return __TS__ArraySome(
		lines,
		function(____, l) return __TS__ArrayEvery(
			parts,
			function(____, p) return (string.find(l, p, nil, true) or 0) - 1 >= 0 end
		) end
	)
end
local function fw4Lines(self, ruleset)
	local out = {}
	local inFw4 = false
	for ____, raw in ipairs(__TS__StringSplit(ruleset, "\n")) do
		local line = __TS__StringTrim(raw)
		if line == "table inet fw4 {" then
			inFw4 = true
		elseif __TS__StringStartsWith(raw, "}") then
			inFw4 = false
		elseif inFw4 then
			out[#out + 1] = line
		end
	end
	return out
end
local function isPrivate(self, o)
	local nets = {
		{"10.0.0.0", 8, "private"},
		{"172.16.0.0", 12, "private"},
		{"192.168.0.0", 16, "private"},
		{"100.64.0.0", 10, "shared"},
		{"192.0.0.0", 29, "private"},
		{"169.254.0.0", 16, "private"}
	}
	for ____, ____value in ipairs(nets) do
		local net = ____value[1]
		local len = ____value[2]
		local kind = ____value[3]
		if ipv4InSubnet(
			nil,
			o,
			parseIPv4(nil, net),
			len
		) then
			return kind
		end
	end
	return nil
end
local function checkPppoe(self, f)
	local p = f.pppoe
	if p == nil and f.netifdDown ~= nil then
		return result(
			nil,
			"pppoe",
			"not-checked",
			"netifd.down",
			{f.netifdDown}
		)
	end
	if p == nil then
		return result(
			nil,
			"pppoe",
			"fail",
			"pppoe.missing",
			{f.iface}
		)
	end
	if not p.up then
		return result(
			nil,
			"pppoe",
			"fail",
			"pppoe.down",
			{
				f.iface,
				#p.errors > 0 and (" (" .. table.concat(p.errors, ", ")) .. ")" or ""
			}
		)
	end
	local o = parseIPv4(nil, p.ipv4)
	if o == nil then
		return result(
			nil,
			"pppoe",
			"fail",
			"pppoe.no_ipv4",
			{f.iface}
		)
	end
	if __TS__ArrayIncludes(f.cgnAddrs, p.ipv4) then
		return result(
			nil,
			"pppoe",
			"fail",
			"pppoe.cgn",
			{f.iface, p.ipv4}
		)
	end
	local kind = isPrivate(nil, o)
	if kind == "shared" then
		return result(
			nil,
			"pppoe",
			"fail",
			"pppoe.shared",
			{f.iface, p.ipv4}
		)
	end
	if kind ~= nil then
		return result(
			nil,
			"pppoe",
			"fail",
			"pppoe.private",
			{f.iface, p.ipv4}
		)
	end
	return result(
		nil,
		"pppoe",
		"ok",
		"pppoe.ok",
		{f.iface, p.ipv4}
	)
end
local function parseRule(self, line)
	local colon = (string.find(line, ":", nil, true) or 0) - 1
	if colon <= 0 then
		return nil
	end
	local prio = __TS__Number(__TS__StringTrim(__TS__StringSlice(line, 0, colon)))
	if prio ~= prio then
		return nil
	end
	return {
		prio,
		__TS__StringTrim(table.concat(
			__TS__StringSplit(
				__TS__StringSlice(line, colon + 1),
				"\t"
			),
			" "
		))
	}
end
local function lookupMatches(self, text, ____table, f)
	local names = ____table == "main" and ({"main"}) or ({____table, f.tableName})
	local words = __TS__StringSplit(text, " ")
	local at = __TS__ArrayIndexOf(words, "lookup")
	return at >= 0 and __TS__ArrayIncludes(names, words[at + 1 + 1])
end
local function ruleText(self, r)
	return ((r.selector .. " lookup ") .. r.lookup) .. (r.suppress and " suppress_prefixlength 0" or "")
end
local function checkRules(self, f)
	if #f.expectedRules == 0 then
		return result(nil, "rules", "ok", "rules.none")
	end
	if f.ipRules == nil then
		return result(nil, "rules", "not-checked", "rules.tool")
	end
	local live = __TS__ArrayFilter(
		__TS__ArrayMap(f.ipRules, parseRule),
		function(____, x) return x ~= nil end
	)
	for ____, want in ipairs(f.expectedRules) do
		do
			local __continue56
			repeat
				local at = __TS__ArrayFilter(
					live,
					function(____, r) return r[1] == want.priority end
				)
				local ok = __TS__ArraySome(
					at,
					function(____, ____bindingPattern0)
						local text
						text = ____bindingPattern0[2]
						local sel = (string.find((" " .. text) .. " ", (" " .. want.selector) .. " ", nil, true) or 0) - 1 >= 0
						local sup = (string.find(text, "suppress_prefixlength 0", nil, true) or 0) - 1 >= 0 == want.suppress
						return sel and sup and lookupMatches(nil, text, want.lookup, f)
					end
				)
				if ok then
					__continue56 = true
					break
				end
				if #at > 0 then
					return result(
						nil,
						"rules",
						"fail",
						"rules.wrong",
						{
							tostring(want.priority),
							at[1][2],
							ruleText(nil, want)
						}
					)
				end
				return result(
					nil,
					"rules",
					"fail",
					"rules.missing",
					{
						tostring(want.priority),
						ruleText(nil, want)
					}
				)
			until true
			if not __continue56 then
				break
			end
		end
	end
	return result(
		nil,
		"rules",
		"ok",
		"rules.ok",
		{tostring(#f.expectedRules)}
	)
end
local function checkTable(self, f)
	if f.tableRoutes == nil then
		return result(
			nil,
			"table",
			"not-checked",
			"table.tool",
			{tostring(f.table)}
		)
	end
	local ok = __TS__ArraySome(
		f.tableRoutes,
		function(____, l) return __TS__StringStartsWith(l, "default") and (string.find(l .. " ", (" dev " .. f.pppoeDevice) .. " ", nil, true) or 0) - 1 >= 0 end
	)
	return ok and result(
		nil,
		"table",
		"ok",
		"table.ok",
		{
			tostring(f.table),
			f.pppoeDevice
		}
	) or result(
		nil,
		"table",
		"fail",
		"table.no_default",
		{
			tostring(f.table),
			f.pppoeDevice,
			f.iface
		}
	)
end
local function checkNetifdRule(self, f, ip)
	if f.ipRules == nil then
		return result(nil, "netifd_rule", "not-checked", "rules.tool")
	end
	local ok = __TS__ArraySome(
		f.ipRules,
		function(____, l)
			local r = parseRule(nil, l)
			return r ~= nil and (string.find(r[2] .. " ", ("from " .. ip) .. " ", nil, true) or 0) - 1 >= 0 and lookupMatches(
				nil,
				r[2],
				tostring(f.table),
				f
			)
		end
	)
	return ok and result(
		nil,
		"netifd_rule",
		"ok",
		"netifd_rule.ok",
		{
			ip,
			tostring(f.table)
		}
	) or result(
		nil,
		"netifd_rule",
		"fail",
		"netifd_rule.missing",
		{
			ip,
			tostring(f.table),
			f.iface
		}
	)
end
local function dropinParts(self, f)
	local dev = ("\"" .. f.pppoeDevice) .. "\""
	local m = hexMark(nil, f.mark)
	local crosses = {"ct mark set ct mark | " .. m, ("comment \"" .. CROSSES_NOTE) .. "\""}
	local clamp = {"tcp flags syn / ", "tcp option maxseg size set ", ("comment \"" .. MSS_NOTE) .. " ("}
	local marked = ((("ct mark & " .. m) .. " == ") .. m) .. " "
	local toPacket = ("meta mark set meta mark | " .. m) .. " "
	local dst = "dstnat_" .. f.zone
	local src = "srcnat_" .. f.zone
	local parts = {}
	if __TS__ArraySome(
		f.servers,
		function(____, s) return #s.ports > 0 end
	) then
		parts[#parts + 1] = {chain = dst, label = "DNAT guard", has = {("iifname != " .. dev) .. " ", " return ", ("comment \"" .. GUARD_NOTE) .. "\""}, clamp = false}
		parts[#parts + 1] = {chain = dst, label = "conntrack mark", has = crosses, clamp = false}
		parts[#parts + 1] = {chain = dst, label = "MSS clamp", has = clamp, clamp = true}
	end
	parts[#parts + 1] = {
		chain = src,
		label = "conntrack mark",
		first = ("oifname " .. dev) .. " ",
		has = crosses,
		clamp = false
	}
	parts[#parts + 1] = {
		chain = src,
		label = "MSS clamp",
		first = ("oifname " .. dev) .. " ",
		has = clamp,
		clamp = true
	}
	parts[#parts + 1] = {
		chain = "mangle_prerouting",
		label = "MSS clamp",
		first = marked,
		has = clamp,
		clamp = true
	}
	if __TS__ArraySome(
		f.servers,
		function(____, s) return s.mode == "reply-only" end
	) then
		parts[#parts + 1] = {
			chain = "mangle_prerouting",
			label = "reply-only mark",
			first = marked,
			has = __TS__ArrayConcat({toPacket}, clamp),
			clamp = false
		}
		parts[#parts + 1] = {
			chain = "mangle_output",
			label = "reply-only mark",
			first = marked .. toPacket,
			has = {},
			clamp = false
		}
		parts[#parts + 1] = {
			chain = "mangle_output",
			label = "MSS clamp",
			first = marked .. toPacket,
			has = clamp,
			clamp = true
		}
	end
	return parts
end
local function partLine(self, lines, part)
	if lines == nil then
		return nil
	end
	return __TS__ArrayFind(
		lines,
		function(____, l) return (part.first == nil or __TS__StringStartsWith(l, part.first)) and __TS__ArrayEvery(
			part.has,
			function(____, p) return (string.find(l, p, nil, true) or 0) - 1 >= 0 end
		) end
	)
end
local function wordAfter(self, line, phrase)
	local at = (string.find(line, phrase, nil, true) or 0) - 1
	return at < 0 and "?" or __TS__StringSplit(
		__TS__StringSlice(line, at + #phrase),
		" "
	)[1]
end
local function byChain(self, parts)
	local chains = {}
	for ____, p in ipairs(parts) do
		if not __TS__ArrayIncludes(chains, p.chain) then
			chains[#chains + 1] = p.chain
		end
	end
	return table.concat(
		__TS__ArrayMap(
			chains,
			function(____, c) return ((c .. " (") .. table.concat(
				__TS__ArrayMap(
					__TS__ArrayFilter(
						parts,
						function(____, p) return p.chain == c end
					),
					function(____, p) return p.label end
				),
				", "
			)) .. ")" end
		),
		", "
	)
end
local function checkFirewall(self, f)
	if f.ruleset == nil then
		return result(nil, "firewall", "not-checked", "firewall.tool")
	end
	if (string.find(f.ruleset, "table inet fw4 {", nil, true) or 0) - 1 < 0 then
		return result(nil, "firewall", "fail", "firewall.no_fw4")
	end
	if ____exports.fw4Chain(nil, f.ruleset, "input_" .. f.zone) == nil then
		return result(
			nil,
			"firewall",
			"fail",
			"firewall.no_zone",
			{f.zone}
		)
	end
	local parts = dropinParts(nil, f)
	local lines = __TS__ArrayMap(
		parts,
		function(____, p) return partLine(
			nil,
			____exports.fw4Chain(nil, f.ruleset, p.chain),
			p
		) end
	)
	local missing = __TS__ArrayFilter(
		parts,
		function(____, _, i) return lines[i + 1] == nil end
	)
	if #missing > 0 then
		return result(
			nil,
			"firewall",
			"fail",
			"firewall.dropin",
			{byChain(nil, missing)}
		)
	end
	local want = tostring(f.mtu - 40)
	do
		local i = 0
		while i < #parts do
			do
				local __continue93
				repeat
					local line = lines[i + 1]
					if not parts[i + 1].clamp then
						__continue93 = true
						break
					end
					local set = wordAfter(nil, line, "tcp option maxseg size set ")
					local above = wordAfter(nil, line, "tcp option maxseg size > ")
					local got = set ~= want and set or (above ~= want and "> " .. above or want)
					if got ~= want then
						return result(
							nil,
							"firewall",
							"fail",
							"firewall.mss",
							{
								parts[i + 1].chain,
								got,
								want,
								tostring(f.mtu)
							}
						)
					end
					__continue93 = true
				until true
				if not __continue93 then
					break
				end
			end
			i = i + 1
		end
	end
	return result(
		nil,
		"firewall",
		"ok",
		"firewall.ok",
		{
			byChain(nil, parts),
			want
		}
	)
end
local function redirectName(self, s, spec)
	return (((("splitwan " .. s.name) .. " ") .. extPorts(nil, spec)) .. "/") .. spec.proto
end
local function checkDnat(self, f)
	local all = {}
	for ____, s in ipairs(f.servers) do
		for ____, spec in ipairs(s.ports) do
			all[#all + 1] = {s, spec}
		end
	end
	if #all == 0 then
		return result(nil, "dnat", "ok", "dnat.none")
	end
	if f.ruleset == nil then
		return result(nil, "dnat", "not-checked", "firewall.tool")
	end
	local chain = ____exports.fw4Chain(nil, f.ruleset, "dstnat_" .. f.zone)
	for ____, ____value in ipairs(all) do
		local s = ____value[1]
		local spec = ____value[2]
		if not hasLine(
			nil,
			chain,
			" dnat ",
			("\"!fw4: " .. redirectName(nil, s, spec)) .. "\"",
			s.ipaddr
		) then
			return result(
				nil,
				"dnat",
				"fail",
				"dnat.missing",
				{
					(extPorts(nil, spec) .. "/") .. spec.proto,
					s.name
				}
			)
		end
	end
	return result(
		nil,
		"dnat",
		"ok",
		"dnat.ok",
		{tostring(#all)}
	)
end
local NEIGH_ALIVE = {
	"REACHABLE",
	"STALE",
	"DELAY",
	"PROBE",
	"PERMANENT",
	"NOARP"
}
function ____exports.inSubnets(self, ip, subnets)
	local o = parseIPv4(nil, ip)
	if o == nil then
		return false
	end
	return __TS__ArraySome(
		subnets,
		function(____, sn)
			local net, len = unpack(
				__TS__StringSplit(sn, "/"),
				1,
				2
			)
			local n = parseIPv4(nil, net)
			local l = prefixLength(nil, len or "32")
			return n ~= nil and l ~= nil and ipv4InSubnet(nil, o, n, l)
		end
	)
end
local function checkServer(self, s, netifdDown)
	local id = "server_" .. s.name
	if #s.devices == 0 and netifdDown ~= nil then
		return result(
			nil,
			id,
			"not-checked",
			"netifd.down",
			{netifdDown}
		)
	end
	if #s.devices == 0 then
		return result(
			nil,
			id,
			"fail",
			"server.no_zone",
			{s.zone, s.name}
		)
	end
	if #s.subnets > 0 and not ____exports.inSubnets(nil, s.ipaddr, s.subnets) then
		return result(
			nil,
			id,
			"fail",
			"server.outside",
			{
				s.name,
				s.ipaddr,
				s.zone,
				table.concat(s.subnets, ", ")
			}
		)
	end
	local dev = s.device or s.devices[1]
	if s.ping == true then
		return result(
			nil,
			id,
			"ok",
			"server.ok",
			{s.name, s.ipaddr, dev}
		)
	end
	if s.ping == nil then
		return result(
			nil,
			id,
			"not-checked",
			"server.tool",
			{s.toolError or "?"}
		)
	end
	if s.neigh ~= nil and __TS__ArrayIncludes(NEIGH_ALIVE, s.neigh) then
		return result(
			nil,
			id,
			"warning",
			"server.arp_only",
			{s.name, s.ipaddr, dev}
		)
	end
	return result(
		nil,
		id,
		"fail",
		"server.unreachable",
		{s.name, s.ipaddr, dev}
	)
end
local function checkRpFilter(self, f)
	if f.rpValues == nil then
		return result(nil, "rp_filter", "not-checked", "rp_filter.tool")
	end
	if f.rpStrict == "" then
		return result(
			nil,
			"rp_filter",
			"ok",
			"rp_filter.ok",
			{f.rpValues}
		)
	end
	local needsLoose = __TS__ArraySome(
		f.servers,
		function(____, s) return s.mode == "reply-only" and #s.ports > 0 end
	)
	return needsLoose and result(
		nil,
		"rp_filter",
		"fail",
		"rp_filter.strict",
		{f.rpStrict, f.rpStrict}
	) or result(
		nil,
		"rp_filter",
		"ok",
		"rp_filter.strict_ok",
		{f.rpStrict}
	)
end
local function checkDns(self, f)
	if f.peerdns ~= "0" then
		return result(
			nil,
			"dns",
			"fail",
			"dns.peerdns",
			{f.iface, f.peerdns == "" and "unset (1)" or f.peerdns}
		)
	end
	local pppDns = f.pppoe ~= nil and f.pppoe.dns or ({})
	local used = __TS__ArrayFind(
		pppDns,
		function(____, d) return __TS__ArrayIncludes(f.lanDns, d) end
	)
	if used ~= nil then
		return result(
			nil,
			"dns",
			"fail",
			"dns.resolvers",
			{
				table.concat(f.lanDns, ", "),
				used,
				f.iface
			}
		)
	end
	return result(
		nil,
		"dns",
		"ok",
		"dns.ok",
		{f.iface}
	)
end
local function checkDdns(self, f, d)
	local id = "ddns_" .. d.name
	if d.resolved == nil then
		return result(
			nil,
			id,
			"not-checked",
			"ddns.tool",
			{d.toolError or "?"}
		)
	end
	if d.successIp == nil then
		return result(
			nil,
			id,
			"warning",
			"ddns.never",
			{d.name}
		)
	end
	local pppIp = f.pppoe ~= nil and f.pppoe.up and f.pppoe.ipv4 or ""
	if d.ipVersion == "4" and pppIp ~= "" and d.successIp ~= pppIp then
		return result(
			nil,
			id,
			"fail",
			"ddns.stale",
			{d.name, d.successIp, pppIp}
		)
	end
	if #d.resolved == 0 then
		return result(
			nil,
			id,
			"fail",
			"ddns.no_answer",
			{d.name, d.host, d.resolver}
		)
	end
	local got = table.concat(d.resolved, ", ")
	if __TS__ArrayIncludes(d.resolved, d.successIp) then
		if d.ipVersion ~= "4" then
			return result(
				nil,
				id,
				"ok",
				"ddns.ok_v6",
				{d.name, d.host, got}
			)
		end
		return d.ttl ~= nil and result(
			nil,
			id,
			"ok",
			"ddns.ok_ttl",
			{
				d.name,
				d.host,
				got,
				tostring(d.ttl)
			}
		) or result(
			nil,
			id,
			"ok",
			"ddns.ok",
			{d.name, d.host, got}
		)
	end
	local age = d.lastSuccess ~= nil and f.now - d.lastSuccess or nil
	if age ~= nil and age >= 0 and age < (d.ttl or 600) then
		return result(
			nil,
			id,
			"warning",
			"ddns.pending",
			{
				d.name,
				d.host,
				got,
				d.successIp,
				tostring(age)
			}
		)
	end
	return result(
		nil,
		id,
		"fail",
		"ddns.wrong",
		{d.name, d.host, got, d.successIp}
	)
end
local function maskHasBit(self, mask, ____bit)
	return ____bit > 0 and math.floor(mask / ____bit) % 2 == 1
end
local function checkOther(self, f, o)
	local id = "conflicts_" .. o.name
	local last = f.priority + 10 * #f.servers + 1
	local markHex = ____exports.hex(nil, f.mark)
	if not o.known then
		return result(
			nil,
			id,
			"warning",
			"conflicts.unknown",
			{
				o.name,
				markHex,
				tostring(f.priority),
				tostring(last),
				tostring(f.table)
			}
		)
	end
	local mask = __TS__ArrayFind(
		o.masks,
		function(____, m) return maskHasBit(nil, m, f.mark) end
	)
	if mask ~= nil then
		return result(
			nil,
			id,
			"fail",
			"conflicts.mark",
			{
				o.name,
				____exports.hex(nil, mask),
				markHex
			}
		)
	end
	if o.priorities ~= nil and o.priorities[1] <= last and o.priorities[2] >= f.priority then
		return result(
			nil,
			id,
			"fail",
			"conflicts.priority",
			{
				o.name,
				(tostring(o.priorities[1]) .. "–") .. tostring(o.priorities[2]),
				tostring(f.priority),
				tostring(last)
			}
		)
	end
	if __TS__ArrayIncludes(o.tables, f.table) then
		return result(
			nil,
			id,
			"fail",
			"conflicts.table",
			{
				o.name,
				tostring(f.table)
			}
		)
	end
	return result(
		nil,
		id,
		"ok",
		"conflicts.clear",
		{o.name}
	)
end
local function checkLoopback(self, f, ip)
	local tcp = {}
	for ____, s in ipairs(f.servers) do
		local spec = __TS__ArrayFind(
			s.ports,
			function(____, x) return x.proto ~= "udp" end
		)
		if spec ~= nil then
			tcp[#tcp + 1] = {s, spec}
		end
	end
	if #tcp == 0 then
		return result(nil, "loopback", "ok", "loopback.none")
	end
	if f.ruleset == nil then
		return result(nil, "loopback", "not-checked", "firewall.tool")
	end
	local lines = fw4Lines(nil, f.ruleset)
	for ____, ____value in ipairs(tcp) do
		local s = ____value[1]
		local spec = ____value[2]
		local ext = extPorts(nil, spec)
		if not hasLine(
			nil,
			lines,
			("ip daddr " .. ip) .. " ",
			("\"!fw4: " .. redirectName(nil, s, spec)) .. " (reflection)\""
		) then
			return result(
				nil,
				"loopback",
				"fail",
				"loopback.no_reflection",
				{ip, ext}
			)
		end
	end
	for ____, ____value in ipairs(tcp) do
		local s = ____value[1]
		local spec = ____value[2]
		if s.tcp == nil then
			return result(
				nil,
				"loopback",
				"not-checked",
				"loopback.tool",
				{s.tcpError or "?"}
			)
		end
		if s.tcp == "closed" then
			return result(
				nil,
				"loopback",
				"fail",
				"loopback.closed",
				{
					s.name,
					s.ipaddr,
					__TS__StringSplit(
						intPorts(nil, spec),
						"-"
					)[1]
				}
			)
		end
	end
	local s0, spec0 = unpack(tcp[1], 1, 2)
	return result(
		nil,
		"loopback",
		"ok",
		"loopback.ok",
		{
			ip,
			extPorts(nil, spec0),
			s0.ipaddr,
			__TS__StringSplit(
				intPorts(nil, spec0),
				"-"
			)[1]
		}
	)
end
function ____exports.judge(self, f)
	local out = {}
	if #f.errors > 0 then
		out[#out + 1] = result(
			nil,
			"config",
			"fail",
			"config.invalid",
			{table.concat(f.errors, "; ")}
		)
	elseif not f.enabled then
		out[#out + 1] = result(nil, "config", "warning", "config.disabled")
	else
		out[#out + 1] = result(nil, "config", "ok", "config.ok")
	end
	if out[1].verdict ~= "ok" then
		for ____, id in ipairs(____exports.checkIds(nil, f)) do
			out[#out + 1] = result(nil, id, "not-checked", "skip.disabled")
		end
		return out
	end
	local pppoe = checkPppoe(nil, f)
	local up = f.pppoe ~= nil and f.pppoe.up and parseIPv4(nil, f.pppoe.ipv4) ~= nil
	local ip = up and f.pppoe ~= nil and f.pppoe.ipv4 or ""
	local function downSkip(____, id)
		return result(nil, id, "not-checked", "skip.pppoe_down")
	end
	local all = {
		pppoe,
		checkRules(nil, f),
		up and checkTable(nil, f) or downSkip(nil, "table"),
		up and checkNetifdRule(nil, f, ip) or downSkip(nil, "netifd_rule"),
		checkFirewall(nil, f),
		checkDnat(nil, f)
	}
	for ____, s in ipairs(f.servers) do
		all[#all + 1] = checkServer(nil, s, f.netifdDown)
	end
	__TS__ArrayPush(
		all,
		checkRpFilter(nil, f),
		checkDns(nil, f)
	)
	for ____, d in ipairs(f.ddns) do
		all[#all + 1] = checkDdns(nil, f, d)
	end
	if #f.others == 0 then
		all[#all + 1] = result(nil, "conflicts", "ok", "conflicts.ok")
	end
	for ____, o in ipairs(f.others) do
		all[#all + 1] = checkOther(nil, f, o)
	end
	all[#all + 1] = up and checkLoopback(nil, f, ip) or downSkip(nil, "loopback")
	for ____, r in ipairs(all) do
		out[#out + 1] = __TS__ArrayIncludes(f.outOfTime, r.id) and result(nil, r.id, "not-checked", "skip.time") or r
	end
	return out
end
return ____exports
