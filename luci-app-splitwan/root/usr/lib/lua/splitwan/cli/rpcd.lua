-- generated from src/cli/rpcd.ts by typescript-to-lua: edit the TypeScript, not this file
local ____lualib = require("splitwan.lualib_bundle")
local __TS__ArrayIsArray = ____lualib.__TS__ArrayIsArray
local __TS__ArrayEvery = ____lualib.__TS__ArrayEvery
local __TS__ArraySlice = ____lualib.__TS__ArraySlice
local __TS__ObjectKeys = ____lualib.__TS__ObjectKeys
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__ArrayFind = ____lualib.__TS__ArrayFind
local __TS__ArrayReduce = ____lualib.__TS__ArrayReduce
local __TS__StringSplit = ____lualib.__TS__StringSplit
local __TS__ArrayFilter = ____lualib.__TS__ArrayFilter
local __TS__StringStartsWith = ____lualib.__TS__StringStartsWith
local __TS__ArraySort = ____lualib.__TS__ArraySort
local __TS__ArrayIncludes = ____lualib.__TS__ArrayIncludes
local __TS__ArrayConcat = ____lualib.__TS__ArrayConcat
local __TS__InstanceOf = ____lualib.__TS__InstanceOf
local __TS__StringTrim = ____lualib.__TS__StringTrim
local Error = ____lualib.Error
local RangeError = ____lualib.RangeError
local ReferenceError = ____lualib.ReferenceError
local SyntaxError = ____lualib.SyntaxError
local TypeError = ____lualib.TypeError
local URIError = ____lualib.URIError
local ____exports = {}
local serverZones
local ____apply = require("splitwan.core.apply")
local applyConfig = ____apply.applyConfig
local diffAgainstRouter = ____apply.diffAgainstRouter
local ____config = require("splitwan.core.config")
local readConfig = ____config.readConfig
local ____config = require("splitwan.core.ddns.config")
local readDdns = ____config.readDdns
local ____state = require("splitwan.core.ddns.state")
local decodeState = ____state.decodeState
local statePath = ____state.statePath
local ____detect = require("splitwan.core.detect")
local detectWan = ____detect.detectWan
local ____diff = require("splitwan.core.diff")
local describeChange = ____diff.describeChange
local ____errors = require("splitwan.core.errors")
local EXIT_CONFLICT = ____errors.EXIT_CONFLICT
local EXIT_INVALID = ____errors.EXIT_INVALID
local EXIT_OK = ____errors.EXIT_OK
local EXIT_SYSTEM = ____errors.EXIT_SYSTEM
local SplitwanError = ____errors.SplitwanError
local ____plan = require("splitwan.core.plan")
local buildPlan = ____plan.buildPlan
local ____json = require("splitwan.core.json")
local jsonArray = ____json.jsonArray
local jsonDecode = ____json.jsonDecode
local jsonEncode = ____json.jsonEncode
local ____lock = require("splitwan.core.lock")
local withLock = ____lock.withLock
local ____owned = require("splitwan.core.owned")
local OWNED_PATH = ____owned.OWNED_PATH
local provesSection = ____owned.provesSection
local ____status = require("splitwan.core.status")
local collectStatus = ____status.collectStatus
local readStatusInput = ____status.readStatusInput
local ____ubus = require("splitwan.core.ubus")
local describeUbusFailure = ____ubus.describeUbusFailure
local field = ____ubus.field
local ubusData = ____ubus.ubusData
local ____system = require("splitwan.core.system")
local readSystem = ____system.readSystem
local ____uci = require("splitwan.core.uci")
local optString = ____uci.optString
local sectionsOf = ____uci.sectionsOf
local ____text = require("splitwan.core.text")
local quote = ____text.quote
local isName = ____text.isName
local ____validate = require("splitwan.core.validate")
local validateConfig = ____validate.validateConfig
local ____diagnose = require("splitwan.cli.diagnose")
local runDiagnose = ____diagnose.runDiagnose
function serverZones(self, cursor)
	local sys = readSystem(nil, cursor)
	local own = readConfig(nil, cursor).main.zone
	local wan = sys.wan
	local out = {}
	for ____, z in ipairs(sys.zones) do
		local isWan = wan ~= nil and (__TS__ArrayIncludes(z.networks, wan.l2Iface) or __TS__ArrayIncludes(z.networks, wan.ipv4Iface))
		if z.name ~= "" and z.name ~= own and not isWan and not __TS__ArrayIncludes(out, z.name) then
			out[#out + 1] = z.name
		end
	end
	return out
end
____exports.METHODS_JSON = "{\"status\":{},\"detect\":{},\"validate\":{\"sections\":[]},\"ddns_update\":{\"name\":\"home\",\"force\":true},\"reconnect\":{},\"diagnose\":{},\"apply\":{}}"
function ____exports.parseSections(self, v)
	if not __TS__ArrayIsArray(v) then
		return "sections must be a list of {name, type, options}"
	end
	local out = {}
	for ____, item in ipairs(v) do
		if type(item) ~= "table" or item == nil then
			return "sections must be a list of {name, type, options}"
		end
		local s = item
		if type(s.name) ~= "string" or not isName(nil, s.name) then
			return "invalid section name: " .. quote(
				nil,
				tostring(s.name)
			)
		end
		if type(s.type) ~= "string" or not isName(nil, s.type) then
			return "invalid section type: " .. quote(
				nil,
				tostring(s.type)
			)
		end
		local options = {}
		local raw = s.options == nil and ({}) or s.options
		if type(raw) ~= "table" or raw == nil or __TS__ArrayIsArray(raw) and #raw > 0 then
			return ("options of " .. quote(nil, s.name)) .. " must be an object"
		end
		for ____, key in ipairs(__TS__ObjectKeys(raw)) do
			local val = raw[key]
			if not isName(nil, key) then
				return "invalid option name: " .. quote(nil, key)
			end
			if type(val) == "string" then
				options[key] = val
			elseif __TS__ArrayIsArray(val) and __TS__ArrayEvery(
				val,
				function(____, x) return type(x) == "string" end
			) then
				options[key] = __TS__ArraySlice(val)
			elseif type(val) == "number" or type(val) == "boolean" then
				options[key] = tostring(val == true and 1 or (val == false and 0 or val))
			else
				return ((("option " .. s.name) .. ".") .. key) .. " must be a string or a list of strings"
			end
		end
		out[#out + 1] = {name = s.name, type = s.type, options = options}
	end
	return out
end
function ____exports.overlayCursor(self, base, config, sections)
	local list = __TS__ArrayMap(
		sections,
		function(____, s, i)
			local sec = {[".name"] = s.name, [".type"] = s.type, [".anonymous"] = false, [".index"] = i}
			for ____, k in ipairs(__TS__ObjectKeys(s.options)) do
				sec[k] = s.options[k]
			end
			return sec
		end
	)
	local function find(____, name)
		return __TS__ArrayFind(
			list,
			function(____, s) return s[".name"] == name end
		)
	end
	local function readOnly()
		return false
	end
	return {
		get = function(self, c, section, option)
			if c ~= config then
				return base:get(c, section, option)
			end
			local s = find(nil, section)
			if s == nil then
				return nil
			end
			if option == nil then
				return s[".type"]
			end
			local v = s[option]
			return (type(v) == "string" or __TS__ArrayIsArray(v)) and v or nil
		end,
		get_all = function(self, c, section)
			local ____temp_0
			if c == config then
				____temp_0 = find(nil, section)
			else
				____temp_0 = base:get_all(c, section)
			end
			return ____temp_0
		end,
		foreach = function(self, c, ____type, fn)
			if c ~= config then
				return base:foreach(c, ____type, fn)
			end
			for ____, s in ipairs(list) do
				if ____type == nil or s[".type"] == ____type then
					fn(s)
				end
			end
			return true
		end,
		set = readOnly,
		delete = readOnly,
		reorder = readOnly,
		commit = readOnly,
		revert = readOnly,
		load = function(self, c)
			if c ~= config then
				return base:load(c)
			end
			return true, nil
		end,
		unload = function(self, c)
			local ____temp_1
			if c == config then
				____temp_1 = true
			else
				____temp_1 = base:unload(c)
			end
			return ____temp_1
		end
	}
end
local function fieldErrors(self, cursor, list)
	local errors = {}
	for ____, e in ipairs(list) do
		local fe = {section = e.section, option = e.option or "", message = e.message}
		local ____type = cursor:get("splitwan", e.section)
		if type(____type) == "string" then
			fe.type = ____type
		end
		if e.value ~= nil then
			fe.value = e.value
		end
		errors[#errors + 1] = fe
	end
	return errors
end
function ____exports.validateWith(self, cursor)
	local errors = fieldErrors(
		nil,
		cursor,
		validateConfig(
			nil,
			readConfig(nil, cursor),
			readSystem(nil, cursor)
		).errors
	)
	return {valid = #errors == 0, errors = errors}
end
local function ddnsStates(self, p, raws)
	return __TS__ArrayMap(
		raws,
		function(____, r)
			local st = decodeState(
				nil,
				p:readFile(statePath(nil, r.section))
			)
			local d = {name = r.section, provider = r.provider, enabled = r.enabled == "1"}
			local host = (r.host == "" or r.host == "@") and r.domain or (r.host .. ".") .. r.domain
			if host ~= "" then
				d.host = host
			end
			if st ~= nil then
				if st.lastAttempt ~= nil then
					d.last_attempt = st.lastAttempt
				end
				if st.lastSuccess ~= nil then
					d.last_success = st.lastSuccess
				end
				if st.ipSent ~= nil then
					d.ip_sent = st.ipSent
				end
				local answer = st.message ~= nil and st.message ~= "" and st.message or st.answer
				if answer ~= nil and answer ~= "" then
					d.answer = answer
				end
				if st.nextRetry ~= nil and st.gaveUp ~= true then
					d.next_retry = st.nextRetry
				end
			end
			return d
		end
	)
end
function ____exports.statusReply(self, p)
	local input = readStatusInput(nil, p)
	local s = collectStatus(nil, p, input)
	local cursor = p:cursor()
	local main = input.raw.main
	local configured = s.enabled and s.valid
	local portCount = __TS__ArrayReduce(
		s.servers,
		function(____, n, sv) return n + #sv.ports end,
		0
	)
	return {
		now = p:now(),
		enabled = s.enabled,
		pppoe = {
			interface = s.interface,
			configured = configured,
			state = s.pppoe.state,
			up = s.pppoe.up,
			pending = s.pppoe.pending,
			uptime = s.pppoe.uptime,
			ipv4 = s.pppoe.ipv4 ~= "" and s.pppoe.ipv4 or nil,
			mtu = s.mtu,
			device = s.pppoe.l3_device ~= "" and s.pppoe.l3_device or s.device,
			errors = jsonArray(nil, configured and not s.pppoe.up and s.pppoe.errors or ({}))
		},
		table = {
			configured = configured,
			live = s.live.default_route,
			id = s.table,
			name = main.table_name,
			default_route = s.live.default_route
		},
		rules = {configured = configured, live = #s.live.rules > 0},
		zone = {configured = configured, live = s.live.zone, name = s.zone},
		forwards = {configured = configured and portCount > 0, live = s.live.forwards > 0},
		servers = __TS__ArrayMap(
			s.servers,
			function(____, sv) return {
				name = sv.name,
				enabled = true,
				ipaddr = sv.ipaddr,
				mode = sv.mode,
				ports = sv.ports,
				ip6_suffix = sv.ip6_suffix,
				live = s.live.forwards > 0
			} end
		),
		ddns = jsonArray(
			nil,
			ddnsStates(nil, p, input.raw.ddns)
		),
		errors = jsonArray(
			nil,
			s.valid and ({}) or fieldErrors(nil, cursor, input.validation.errors)
		),
		drift = s.drift,
		warnings = s.warnings
	}
end
function ____exports.parseLeases(self, text)
	local out = {}
	if text == nil then
		return out
	end
	for ____, line in ipairs(__TS__StringSplit(text, "\n")) do
		do
			local __continue58
			repeat
				local f = __TS__ArrayFilter(
					__TS__StringSplit(line, " "),
					function(____, x) return x ~= "" end
				)
				if #f < 4 or (string.find(f[3], ".", nil, true) or 0) - 1 < 0 then
					__continue58 = true
					break
				end
				local lease = {ipaddr = f[3], macaddr = f[2]}
				if f[4] ~= "*" then
					lease.hostname = f[4]
				end
				out[#out + 1] = lease
				__continue58 = true
			until true
			if not __continue58 then
				break
			end
		end
	end
	return out
end
local function candidateDevices(self, p)
	local devs = ubusData(
		nil,
		p:ubusCall("network.device", "status")
	)
	local out = {}
	if devs == nil then
		return nil
	end
	for ____, name in ipairs(__TS__ObjectKeys(devs)) do
		do
			local __continue65
			repeat
				if name == "lo" or __TS__StringStartsWith(name, "pppoe-") or __TS__StringStartsWith(name, "map-") or __TS__StringStartsWith(name, "ds-") then
					__continue65 = true
					break
				end
				out[#out + 1] = name
				__continue65 = true
			until true
			if not __continue65 then
				break
			end
		end
	end
	__TS__ArraySort(out)
	return out
end
function ____exports.detectReply(self, p)
	local cursor = p:cursor()
	local wan = detectWan(nil, cursor)
	local leaseFile = "/tmp/dhcp.leases"
	for ____, s in ipairs(sectionsOf(nil, cursor, "dhcp", "dnsmasq")) do
		local f = optString(nil, s, "leasefile")
		if f ~= nil and f ~= "" then
			leaseFile = f
		end
		break
	end
	local asked = candidateDevices(nil, p)
	local devices = asked or ({})
	local reply = {
		devices = jsonArray(
			nil,
			wan ~= nil and not __TS__ArrayIncludes(devices, wan.device) and __TS__ArrayConcat({wan.device}, devices) or devices
		),
		leases = jsonArray(
			nil,
			____exports.parseLeases(
				nil,
				p:readFile(leaseFile)
			)
		),
		netifd = asked ~= nil,
		zones = jsonArray(
			nil,
			serverZones(nil, cursor)
		)
	}
	if wan ~= nil then
		reply.interface = wan.ipv4Iface
		reply.device = wan.device
		reply.kind = wan.kind
	end
	return reply
end
local function apply(self, p)
	local reply = {
		ok = false,
		code = EXIT_SYSTEM,
		message = "",
		changes = jsonArray(nil, {}),
		errors = jsonArray(nil, {}),
		conflicts = jsonArray(nil, {})
	}
	local ____print = p.print
	p.print = function() return nil end
	do
		local function ____catch(e)
			if not __TS__InstanceOf(e, SplitwanError) then
				error(e, 0)
			end
			reply.code = e.code
			reply.message = e.message
			local cursor = p:cursor()
			if e.code == EXIT_INVALID then
				for ____, fe in ipairs(____exports.validateWith(nil, cursor).errors) do
					local ____reply_errors_3 = reply.errors
					____reply_errors_3[#____reply_errors_3 + 1] = fe
				end
			end
			if e.code == EXIT_CONFLICT then
				local sys = readSystem(nil, cursor)
				local config = validateConfig(
					nil,
					readConfig(nil, cursor),
					sys
				).config
				if config ~= nil then
					for ____, c in ipairs(diffAgainstRouter(
						nil,
						p,
						cursor,
						buildPlan(nil, config, sys)
					).conflicts) do
						local ____reply_conflicts_4 = reply.conflicts
						____reply_conflicts_4[#____reply_conflicts_4 + 1] = c
					end
				end
			end
		end
		local ____try, ____hasReturned = pcall(function()
			local out = applyConfig(nil, p, false)
			for ____, c in ipairs(out.changes) do
				local ____reply_changes_2 = reply.changes
				____reply_changes_2[#____reply_changes_2 + 1] = describeChange(nil, c)
			end
			reply.ok = true
			reply.code = EXIT_OK
			reply.message = #out.changes == 0 and "nothing to change" or ("applied " .. tostring(#out.changes)) .. " change(s)"
		end)
		local ____rethrow
		if not ____try then
			____try, ____rethrow = pcall(function()
				____catch(____hasReturned)
			end)
		end
		do
			p.print = ____print
		end
		if not ____try then
			error(____rethrow, 0)
		end
	end
	return reply
end
local function reconnect(self, p)
	local cursor = p:cursor()
	local main = readConfig(
		nil,
		cursor,
		function(____, f) return p:readFile(f) end
	).main
	if main.enabled ~= "1" then
		return {ok = false, message = "Split WAN is disabled: nothing to reconnect"}
	end
	local iface = main.interface
	if not isName(nil, iface) or #iface > 9 then
		return {
			ok = false,
			message = ("refused: interface " .. quote(nil, iface)) .. " is not a valid splitwan interface name"
		}
	end
	if not provesSection(
		nil,
		p:readFile(OWNED_PATH),
		cursor:get_all("network", iface),
		"network",
		function() return iface end
	) then
		return {ok = false, message = ("refused: interface " .. iface) .. " was not created by splitwan: save and apply first"}
	end
	if cursor:get("network", iface, "proto") ~= "pppoe" then
		return {ok = false, message = ("refused: interface " .. iface) .. " is not a PPPoE interface"}
	end
	local obj = "network.interface." .. iface
	local reply = p:ubusCall(obj, "status")
	if not reply.ok then
		return {ok = false, message = reply.failure == "not-found" and ("interface " .. iface) .. " does not exist yet: save and apply first" or "network service not answering"}
	end
	local st = reply.data
	if type(field(nil, st, "up")) ~= "boolean" then
		return {ok = false, message = ("netifd gave no usable status for interface " .. iface) .. ": nothing was done"}
	end
	local proto = field(nil, st, "proto")
	if proto ~= nil and proto ~= "pppoe" then
		return {
			ok = false,
			message = ((("refused: netifd runs interface " .. iface) .. " as ") .. quote(
				nil,
				tostring(proto)
			)) .. ", not pppoe"
		}
	end
	p:log("info", ("reconnecting " .. iface) .. " (requested in LuCI)")
	local down = p:ubusCall(obj, "down")
	local up = down.ok and p:ubusCall(obj, "up") or down
	if not up.ok then
		return {
			ok = false,
			message = (("could not reconnect " .. iface) .. ": ") .. describeUbusFailure(nil, obj, up)
		}
	end
	return {ok = true, message = ("PPPoE " .. main.interface) .. " is reconnecting"}
end
local function ddnsUpdate(self, p, args)
	if args.name ~= nil and type(args.name) ~= "string" then
		return {ok = false, message = "name must be a string"}
	end
	if args.force ~= nil and type(args.force) ~= "boolean" then
		return {ok = false, message = "force must be true or false"}
	end
	local sections = __TS__ArrayFilter(
		readDdns(
			nil,
			p:cursor()
		),
		function(____, r) return r.enabled == "1" end
	)
	if #sections == 0 then
		return {ok = false, message = "no DDNS section is enabled"}
	end
	local cmd = ("/usr/sbin/splitwan ddns update" .. (args.force == false and "" or " --force")) .. " >/dev/null 2>&1 </dev/null &"
	if p.dryRun then
		return {ok = true, message = "would run: " .. cmd}
	end
	local r = p:exec({"/bin/sh", "-c", cmd})
	return r.code == 0 and ({ok = true, message = "DDNS update started: the result appears in the status in a few seconds"}) or ({
		ok = false,
		message = ("could not start the DDNS update (exit " .. tostring(r.code)) .. ")"
	})
end
function ____exports.callMethod(self, p, method, args)
	repeat
		local ____switch110 = method
		local ____cond110 = ____switch110 == "status"
		if ____cond110 then
			return ____exports.statusReply(nil, p)
		end
		____cond110 = ____cond110 or ____switch110 == "detect"
		if ____cond110 then
			return ____exports.detectReply(nil, p)
		end
		____cond110 = ____cond110 or ____switch110 == "validate"
		if ____cond110 then
			do
				if args.sections == nil then
					return ____exports.validateWith(
						nil,
						p:cursor()
					)
				end
				local sections = ____exports.parseSections(nil, args.sections)
				if type(sections) == "string" then
					return {error = sections}
				end
				return ____exports.validateWith(
					nil,
					____exports.overlayCursor(
						nil,
						p:cursor(),
						"splitwan",
						sections
					)
				)
			end
		end
		____cond110 = ____cond110 or ____switch110 == "ddns_update"
		if ____cond110 then
			return ddnsUpdate(nil, p, args)
		end
		____cond110 = ____cond110 or ____switch110 == "reconnect"
		if ____cond110 then
			return withLock(
				nil,
				p,
				function() return reconnect(nil, p) end
			)
		end
		____cond110 = ____cond110 or ____switch110 == "diagnose"
		if ____cond110 then
			return runDiagnose(nil, p)
		end
		____cond110 = ____cond110 or ____switch110 == "apply"
		if ____cond110 then
			return apply(nil, p)
		end
		do
			return {error = "unknown method: " .. method}
		end
	until true
end
function ____exports.parseArgs(self, text)
	if __TS__StringTrim(text) == "" then
		return {}
	end
	local v
	do
		local function ____catch(_e)
			return true, "arguments are not valid JSON"
		end
		local ____try, ____hasReturned, ____returnValue = pcall(function()
			v = jsonDecode(nil, text)
		end)
		if not ____try then
			____hasReturned, ____returnValue = ____catch(____hasReturned)
		end
		if ____hasReturned then
			return ____returnValue
		end
	end
	if type(v) ~= "table" or v == nil or __TS__ArrayIsArray(v) and #v > 0 then
		return "arguments must be a JSON object"
	end
	return __TS__ArrayIsArray(v) and ({}) or v
end
function ____exports.answer(self, p, method, stdin)
	local out
	do
		local function ____catch(e)
			local text = __TS__InstanceOf(e, Error) and e.message or tostring(e)
			p:log("err", (("rpcd " .. method) .. ": ") .. text)
			out = {error = text}
		end
		local ____try, ____hasReturned = pcall(function()
			local args = ____exports.parseArgs(nil, stdin)
			out = type(args) == "string" and ({error = args}) or ____exports.callMethod(nil, p, method, args)
		end)
		if not ____try then
			____catch(____hasReturned)
		end
	end
	return jsonEncode(nil, out)
end
function ____exports.rpcdCommand(self, p, args)
	if args[1] == "list" then
		p:print(____exports.METHODS_JSON .. "\n")
		return 0
	end
	if args[1] == "call" and args[2] ~= nil then
		local lua = _G
		local stdin = lua.io.read("*a")
		p:print(____exports.answer(
			nil,
			p,
			args[2],
			type(stdin) == "string" and stdin or ""
		) .. "\n")
		return 0
	end
	p:printErr("usage: /usr/libexec/rpcd/luci.splitwan list | call <method>\n")
	return 1
end
return ____exports
