-- generated from src/cli/ddns.ts by typescript-to-lua: edit the TypeScript, not this file
local ____lualib = require("splitwan.lualib_bundle")
local __TS__New = ____lualib.__TS__New
local __TS__ArrayIncludes = ____lualib.__TS__ArrayIncludes
local __TS__ArraySome = ____lualib.__TS__ArraySome
local __TS__ArraySlice = ____lualib.__TS__ArraySlice
local ____exports = {}
local read, failures
local ____lock = require("splitwan.core.lock")
local withLock = ____lock.withLock
local ____config = require("splitwan.core.config")
local readConfig = ____config.readConfig
local ____address = require("splitwan.core.ddns.address")
local addressSource = ____address.addressSource
local sectionAddress = ____address.sectionAddress
local sectionInterfaces = ____address.sectionInterfaces
local ____config = require("splitwan.core.ddns.config")
local checkDdns = ____config.checkDdns
local ____state = require("splitwan.core.ddns.state")
local DDNS_RUN_DIR = ____state.DDNS_RUN_DIR
local decodeState = ____state.decodeState
local statePath = ____state.statePath
local ____updater = require("splitwan.core.ddns.updater")
local runPass = ____updater.runPass
local ____errors = require("splitwan.core.errors")
local EXIT_INVALID = ____errors.EXIT_INVALID
local EXIT_OK = ____errors.EXIT_OK
local EXIT_SYSTEM = ____errors.EXIT_SYSTEM
local ____json = require("splitwan.core.json")
local jsonArray = ____json.jsonArray
local jsonEncode = ____json.jsonEncode
local ____system = require("splitwan.core.system")
local readZones = ____system.readZones
local ____validate = require("splitwan.core.validate")
local formatError = ____validate.formatError
local ____ddns_2Dhost = require("splitwan.router.ddns-host")
local DdnsLock = ____ddns_2Dhost.DdnsLock
local ownPid = ____ddns_2Dhost.ownPid
local postEvent = ____ddns_2Dhost.postEvent
local readEvent = ____ddns_2Dhost.readEvent
local routerClock = ____ddns_2Dhost.routerClock
local ____http = require("splitwan.router.http")
local routerHttp = ____http.routerHttp
function read(self, p, report)
	local cursor = p:cursor()
	cursor:unload("splitwan")
	local config = readConfig(nil, cursor)
	local checked = checkDdns(nil, config.ddns, config.servers)
	if #checked.errors > 0 then
		for ____, e in ipairs(checked.errors) do
			p:log(
				"err",
				"ddns: " .. formatError(nil, e)
			)
			if report then
				p:printErr(formatError(nil, e) .. "\n")
			end
		end
		return nil
	end
	return {
		ctx = {
			pppoe = config.main.interface,
			zones = readZones(nil, cursor)
		},
		sections = checked.sections
	}
end
function failures(self, p, sections)
	for ____, s in ipairs(sections) do
		local st = decodeState(
			nil,
			p:readFile(statePath(nil, s.name))
		)
		if st ~= nil and st.result ~= "ok" and st.result ~= "unchanged" then
			return EXIT_SYSTEM
		end
	end
	return EXIT_OK
end
local USAGE = "usage: splitwan ddns <update [--force] | status [--json] | hotplug>\n"
local function load(self, p, report)
	return withLock(
		nil,
		p,
		function() return read(nil, p, report) end
	)
end
local function makeEnv(self, p, loaded, pid, interactive, seen)
	return {
		clock = routerClock(nil, p),
		http = routerHttp(nil, p, {dir = DDNS_RUN_DIR, tag = pid, timeout = 30}),
		address = function(____, s) return sectionAddress(nil, p, s, loaded.ctx) end,
		addressSource = function(____, s) return addressSource(nil, s, loaded.ctx) end,
		readFile = function(____, path) return p:readFile(path) end,
		writeFile = function(____, path, data) return p:writeFile(path, data, 384) end,
		superseded = function() return readEvent(nil, p).text ~= seen(nil) end,
		log = function(self, level, message)
			p:log(level, message)
			p:flush()
		end,
		say = function(self, message)
			if interactive then
				p:print(message .. "\n")
			end
		end
	}
end
local function passes(self, p, lock, pid, interactive)
	do
		while true do
			do
				local __continue20
				repeat
					local event = readEvent(nil, p)
					local loaded = load(nil, p, interactive)
					if loaded == nil then
						return EXIT_INVALID
					end
					if #loaded.sections == 0 and interactive then
						p:print("no enabled ddns sections\n")
					end
					local env = makeEnv(
						nil,
						p,
						loaded,
						pid,
						interactive,
						function() return event.text end
					)
					local ____end = runPass(nil, loaded.sections, env, {force = event.force, fresh = not event.resume, maxWait = interactive and 0 or 1000000000})
					if ____end == "superseded" then
						__continue20 = true
						break
					end
					lock:release()
					if ____end == "deferred" then
						p:exec({"sh", "-c", "splitwan ddns resume </dev/null >/dev/null 2>&1 &"})
						return EXIT_OK
					end
					if readEvent(nil, p).text == event.text or not lock:acquire() then
						return interactive and failures(nil, p, loaded.sections) or EXIT_OK
					end
					__continue20 = true
				until true
				if not __continue20 then
					break
				end
			end
		end
	end
end
local function update(self, p, force, resume, interactive)
	local pid = ownPid(nil)
	postEvent(
		nil,
		p,
		pid,
		force,
		resume
	)
	local lock = __TS__New(DdnsLock, p, pid)
	if not lock:acquire() then
		local other = lock:holder() or "?"
		p:log("info", ("ddns: updater " .. other) .. " is running; it takes over this event")
		if interactive then
			p:print(("an update is already running (pid " .. other) .. "); it will pick this request up\n")
		end
		return EXIT_OK
	end
	local code = EXIT_OK
	local ok, err = pcall(function()
		code = passes(
			nil,
			p,
			lock,
			pid,
			interactive
		)
	end)
	lock:release()
	if not ok then
		error(err, 0)
	end
	return code
end
local function hotplug(self, p)
	local action = os.getenv("ACTION") or ""
	local iface = os.getenv("INTERFACE") or ""
	local changed = os.getenv("IFUPDATE_ADDRESSES") == "1" or os.getenv("IFUPDATE_PREFIXES") == "1"
	local relevantAction = action == "ifup" or action == "ifupdate" and changed
	if not relevantAction or iface == "" then
		return EXIT_OK
	end
	local loaded = load(nil, p, false)
	if loaded == nil then
		return EXIT_INVALID
	end
	local wanted = __TS__ArraySome(
		loaded.sections,
		function(____, s) return __TS__ArrayIncludes(
			sectionInterfaces(nil, s, loaded.ctx),
			iface
		) end
	)
	if not wanted then
		return EXIT_OK
	end
	p:log("info", (("ddns: " .. action) .. " of ") .. iface)
	return update(
		nil,
		p,
		false,
		false,
		false
	)
end
local function when(self, t)
	return t == nil and "-" or os.date("%Y-%m-%d %H:%M:%S", t)
end
local function status(self, p, json)
	local config = readConfig(
		nil,
		p:cursor()
	)
	local checked = checkDdns(nil, config.ddns, config.servers)
	local rows = {}
	for ____, s in ipairs(checked.sections) do
		local record = s.provider == "mydns" and s.username or (s.host == "" and s.domain or (s.host .. ".") .. s.domain)
		rows[#rows + 1] = {
			section = s.name,
			provider = s.provider,
			record = record,
			state = decodeState(
				nil,
				p:readFile(statePath(nil, s.name))
			)
		}
	end
	if json then
		p:print(jsonEncode(
			nil,
			{
				sections = jsonArray(nil, rows),
				errors = jsonArray(nil, checked.errors)
			},
			true
		) .. "\n")
		return EXIT_OK
	end
	for ____, e in ipairs(checked.errors) do
		p:print(("invalid: " .. formatError(nil, e)) .. "\n")
	end
	if #rows == 0 and #checked.errors == 0 then
		p:print("no enabled ddns sections\n")
	end
	for ____, r in ipairs(rows) do
		do
			local __continue49
			repeat
				local st = r.state
				p:print(((((r.section .. ": ") .. r.provider) .. " ") .. r.record) .. "\n")
				if st == nil then
					p:print("  never attempted\n")
					__continue49 = true
					break
				end
				p:print((("  last attempt: " .. when(nil, st.lastAttempt)) .. (st.ipSent ~= nil and (" (" .. st.ipSent) .. ")" or "")) .. "\n")
				p:print((("  last success: " .. when(nil, st.lastSuccess)) .. (st.successIp ~= nil and (" (" .. st.successIp) .. ")" or "")) .. "\n")
				p:print(((((("  result:       " .. (st.result or "-")) .. " ") .. (st.code or "")) .. ": ") .. (st.message or "")) .. "\n")
				if st.answer ~= nil and st.answer ~= "" then
					p:print(("  answer:       " .. st.answer) .. "\n")
				end
				local next = st.gaveUp == true and "gave up (next event or 'splitwan ddns update')" or when(nil, st.nextRetry)
				p:print(("  next retry:   " .. next) .. "\n")
				__continue49 = true
			until true
			if not __continue49 then
				break
			end
		end
	end
	return EXIT_OK
end
function ____exports.ddnsCommand(self, p, args)
	local ____args_0 = args
	local sub = ____args_0[1]
	local rest = __TS__ArraySlice(____args_0, 1)
	if sub == "update" then
		return update(
			nil,
			p,
			__TS__ArrayIncludes(rest, "--force"),
			false,
			true
		)
	end
	if sub == "resume" then
		return update(
			nil,
			p,
			false,
			true,
			false
		)
	end
	if sub == "status" then
		return status(
			nil,
			p,
			__TS__ArrayIncludes(rest, "--json")
		)
	end
	if sub == "hotplug" then
		return hotplug(nil, p)
	end
	p:printErr(USAGE)
	return EXIT_INVALID
end
return ____exports
