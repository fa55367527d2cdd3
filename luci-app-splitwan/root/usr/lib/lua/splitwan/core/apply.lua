-- generated from src/core/apply.ts by typescript-to-lua: edit the TypeScript, not this file
local ____lualib = require("splitwan.lualib_bundle")
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__New = ____lualib.__TS__New
local __TS__ArraySome = ____lualib.__TS__ArraySome
local __TS__ArrayIncludes = ____lualib.__TS__ArrayIncludes
local Error = ____lualib.Error
local RangeError = ____lualib.RangeError
local ReferenceError = ____lualib.ReferenceError
local SyntaxError = ____lualib.SyntaxError
local TypeError = ____lualib.TypeError
local URIError = ____lualib.URIError
local __TS__InstanceOf = ____lualib.__TS__InstanceOf
local __TS__ArrayFilter = ____lualib.__TS__ArrayFilter
local __TS__ArrayFindIndex = ____lualib.__TS__ArrayFindIndex
local ____exports = {}
local applyLocked, transaction, attempt, applyUci, placeAfter
local ____config = require("splitwan.core.config")
local readConfig = ____config.readConfig
local ____diff = require("splitwan.core.diff")
local describeChange = ____diff.describeChange
local diffPlan = ____diff.diffPlan
local ____errors = require("splitwan.core.errors")
local EXIT_CONFLICT = ____errors.EXIT_CONFLICT
local EXIT_INVALID = ____errors.EXIT_INVALID
local EXIT_SYSTEM = ____errors.EXIT_SYSTEM
local SplitwanError = ____errors.SplitwanError
local ____lock = require("splitwan.core.lock")
local withLock = ____lock.withLock
local ____owned = require("splitwan.core.owned")
local CONFIG_PATHS = ____owned.CONFIG_PATHS
local OWNED_PATH = ____owned.OWNED_PATH
local emptyOwned = ____owned.emptyOwned
local formatOwned = ____owned.formatOwned
local isEmpty = ____owned.isEmpty
local readRecord = ____owned.readRecord
local ____plan = require("splitwan.core.plan")
local buildPlan = ____plan.buildPlan
local emptyPlan = ____plan.emptyPlan
local ____rttables = require("splitwan.core.rttables")
local RT_TABLES_PATH = ____rttables.RT_TABLES_PATH
local addRtLine = ____rttables.addRtLine
local removeRtLine = ____rttables.removeRtLine
local ____system = require("splitwan.core.system")
local readSystem = ____system.readSystem
local ____uci = require("splitwan.core.uci")
local sectionsOf = ____uci.sectionsOf
local ____validate = require("splitwan.core.validate")
local formatError = ____validate.formatError
local validateConfig = ____validate.validateConfig
function ____exports.loadConfig(self, p, cursor)
	local v = validateConfig(
		nil,
		readConfig(
			nil,
			cursor,
			function(____, f) return p:readFile(f) end
		),
		readSystem(nil, cursor)
	)
	if v.config == nil then
		for ____, e in ipairs(v.errors) do
			p:log(
				"err",
				"invalid config: " .. formatError(nil, e)
			)
		end
		error(
			__TS__New(
				SplitwanError,
				EXIT_INVALID,
				"invalid configuration:\n" .. table.concat(
					__TS__ArrayMap(
						v.errors,
						function(____, e) return "  " .. formatError(nil, e) end
					),
					"\n"
				)
			),
			0
		)
	end
	return v.config
end
function ____exports.diffAgainstRouter(self, p, cursor, plan)
	local owned = readRecord(
		nil,
		p:readFile(OWNED_PATH),
		function() return readConfig(nil, cursor).main.interface end
	)
	if type(owned) == "string" then
		local why = ((OWNED_PATH .. " is damaged or names what splitwan never creates, ") .. owned) .. "; nothing is changed or deleted until it is fixed or moved away (without it splitwan takes nothing on the router as its own)"
		return {
			changes = {},
			conflicts = {why},
			left = {},
			owned = emptyOwned(nil),
			during = emptyOwned(nil)
		}
	end
	return diffPlan(
		nil,
		plan,
		owned,
		{
			cursor = cursor,
			rtTables = p:readFile(RT_TABLES_PATH) or "",
			readFile = function(____, f) return p:readFile(f) end
		}
	)
end
function ____exports.computeDiff(self, p, cursor, plan)
	local diff = ____exports.diffAgainstRouter(nil, p, cursor, plan)
	if #diff.conflicts > 0 then
		for ____, c in ipairs(diff.conflicts) do
			p:log("err", "conflict: " .. c)
		end
		error(
			__TS__New(
				SplitwanError,
				EXIT_CONFLICT,
				"nothing was changed; resolve first:\n" .. table.concat(
					__TS__ArrayMap(
						diff.conflicts,
						function(____, c) return "  " .. c end
					),
					"\n"
				)
			),
			0
		)
	end
	return diff
end
function applyLocked(self, p, remove)
	local cursor = p:cursor()
	local plan = emptyPlan(nil)
	if not remove then
		local config = ____exports.loadConfig(nil, p, cursor)
		plan = buildPlan(
			nil,
			config,
			readSystem(nil, cursor)
		)
	end
	local diff = ____exports.computeDiff(nil, p, cursor, plan)
	for ____, l in ipairs(diff.left) do
		p:log("warn", l)
	end
	local ____isEmpty_result_0
	if isEmpty(nil, diff.owned) then
		____isEmpty_result_0 = nil
	else
		____isEmpty_result_0 = formatOwned(nil, diff.owned)
	end
	local recordText = ____isEmpty_result_0
	local recordChanged = recordText ~= p:readFile(OWNED_PATH)
	if #diff.changes == 0 and not recordChanged then
		p:log("info", "nothing to change")
		return {changes = {}, reloads = {}, left = diff.left}
	end
	transaction(
		nil,
		p,
		cursor,
		diff,
		recordText
	)
	for ____, c in ipairs(diff.changes) do
		p:log(
			"info",
			describeChange(nil, c)
		)
	end
	local reloads = {}
	local function touches(____, pred)
		return __TS__ArraySome(diff.changes, pred)
	end
	if touches(
		nil,
		function(____, c) return c.config ~= nil and c.config == "network" end
	) then
		reloads[#reloads + 1] = {"ubus", "call", "network", "reload"}
	end
	if touches(
		nil,
		function(____, c) return c.config ~= nil and c.config == "firewall" or c.kind == "write-file" or c.kind == "delete-file" end
	) then
		reloads[#reloads + 1] = {"/etc/init.d/firewall", "reload"}
	end
	for ____, argv in ipairs(reloads) do
		do
			local __continue31
			repeat
				if p.dryRun then
					p:print(("would run: " .. table.concat(argv, " ")) .. "\n")
					__continue31 = true
					break
				end
				local r = p:exec(argv)
				p:log(
					r.code == 0 and "info" or "err",
					(table.concat(argv, " ") .. ": exit ") .. tostring(r.code)
				)
				if r.code ~= 0 then
					error(
						__TS__New(
							SplitwanError,
							EXIT_SYSTEM,
							((table.concat(argv, " ") .. " failed (exit ") .. tostring(r.code)) .. "); the configuration was written"
						),
						0
					)
				end
				__continue31 = true
			until true
			if not __continue31 then
				break
			end
		end
	end
	return {changes = diff.changes, reloads = reloads, left = diff.left}
end
function transaction(self, p, cursor, diff, recordText)
	local configs = {}
	local files = {}
	for ____, c in ipairs(diff.changes) do
		if c.config ~= nil and not __TS__ArrayIncludes(configs, c.config) then
			configs[#configs + 1] = c.config
		end
		if (c.kind == "add-rt" or c.kind == "delete-rt") and not __TS__ArrayIncludes(files, RT_TABLES_PATH) then
			files[#files + 1] = RT_TABLES_PATH
		end
		if (c.kind == "write-file" or c.kind == "delete-file") and not __TS__ArrayIncludes(files, c.path) then
			files[#files + 1] = c.path
		end
	end
	for ____, config in ipairs(configs) do
		files[#files + 1] = CONFIG_PATHS[config]
	end
	local originals = __TS__ArrayMap(
		files,
		function(____, path) return {
			path = path,
			data = p:readFile(path)
		} end
	)
	local record = p:readFile(OWNED_PATH)
	local failure = attempt(
		nil,
		function()
			if #diff.changes > 0 then
				p:writeFile(
					OWNED_PATH,
					formatOwned(nil, diff.during),
					384
				)
				p:sync({OWNED_PATH})
				for ____, c in ipairs(diff.changes) do
					applyUci(nil, cursor, c)
				end
				for ____, config in ipairs(configs) do
					if not cursor:commit(config) then
						error(
							__TS__New(Error, ("uci commit " .. config) .. " failed"),
							0
						)
					end
				end
				local rt = p:readFile(RT_TABLES_PATH) or ""
				for ____, c in ipairs(diff.changes) do
					if c.kind == "delete-rt" then
						rt = removeRtLine(nil, rt, c.number, c.name)
					end
					if c.kind == "add-rt" then
						rt = addRtLine(nil, rt, c.number, c.name)
					end
					if c.kind == "write-file" then
						p:writeFile(c.path, c.content, 420)
					end
					if c.kind == "delete-file" then
						p:removeFile(c.path)
					end
				end
				if __TS__ArrayIncludes(files, RT_TABLES_PATH) then
					p:writeFile(RT_TABLES_PATH, rt)
				end
				p:sync(files)
			end
			if recordText == nil then
				p:removeFile(OWNED_PATH)
			else
				p:writeFile(OWNED_PATH, recordText, 384)
			end
		end
	)
	if failure == nil then
		return
	end
	for ____, c in ipairs(configs) do
		cursor:revert(c)
	end
	local failed = {}
	local changed = false
	for ____, o in ipairs(originals) do
		do
			local __continue63
			repeat
				if p:readFile(o.path) == o.data then
					__continue63 = true
					break
				end
				changed = true
				local restored = attempt(
					nil,
					function()
						local ____temp_1
						if o.data == nil then
							____temp_1 = p:removeFile(o.path)
						else
							____temp_1 = p:writeFile(o.path, o.data)
						end
						return ____temp_1
					end
				)
				if restored ~= nil then
					failed[#failed + 1] = o.path
				end
				__continue63 = true
			until true
			if not __continue63 then
				break
			end
		end
	end
	if #failed == 0 and p:readFile(OWNED_PATH) ~= record then
		attempt(
			nil,
			function()
				local ____temp_2
				if record == nil then
					____temp_2 = p:removeFile(OWNED_PATH)
				else
					____temp_2 = p:writeFile(OWNED_PATH, record, 384)
				end
				return ____temp_2
			end
		)
	end
	for ____, c in ipairs(configs) do
		cursor:unload(c)
	end
	if #failed > 0 then
		p:log(
			"err",
			(("apply failed: " .. failure) .. "; could not restore ") .. table.concat(failed, ", ")
		)
		error(
			__TS__New(
				SplitwanError,
				EXIT_SYSTEM,
				((((("writing failed: " .. failure) .. "; could not restore ") .. table.concat(failed, ", ")) .. ": ") .. OWNED_PATH) .. " still lists what splitwan wrote, run splitwan apply or remove again once the fault is fixed"
			),
			0
		)
	end
	p:log("err", (("apply failed, " .. (changed and "restored the previous files" or "nothing was written")) .. ": ") .. failure)
	error(
		__TS__New(SplitwanError, EXIT_SYSTEM, ("writing failed: " .. failure) .. "; nothing was changed"),
		0
	)
end
function attempt(self, fn)
	do
		local function ____catch(e)
			return true, __TS__InstanceOf(e, Error) and e.message or tostring(e)
		end
		local ____try, ____hasReturned, ____returnValue = pcall(function()
			fn(nil)
			return true, nil
		end)
		if not ____try then
			____hasReturned, ____returnValue = ____catch(____hasReturned)
		end
		if ____hasReturned then
			return ____returnValue
		end
	end
end
function applyUci(self, cursor, c)
	local function check(____, ok, what)
		if not ok then
			error(
				__TS__New(Error, ("uci " .. what) .. " failed"),
				0
			)
		end
	end
	repeat
		local ____switch79 = c.kind
		local ____cond79 = ____switch79 == "delete-section"
		if ____cond79 then
			check(
				nil,
				cursor:delete(c.config, c.name),
				(("delete " .. c.config) .. ".") .. c.name
			)
			break
		end
		____cond79 = ____cond79 or ____switch79 == "add-section"
		if ____cond79 then
			check(
				nil,
				cursor:set(c.config, c.name, c.type),
				(((("set " .. c.config) .. ".") .. c.name) .. "=") .. c.type
			)
			for ____, ____value in ipairs(c.options) do
				local option = ____value[1]
				local value = ____value[2]
				check(
					nil,
					cursor:set(c.config, c.name, option, value),
					(((("set " .. c.config) .. ".") .. c.name) .. ".") .. option
				)
			end
			if c.after ~= nil then
				placeAfter(
					nil,
					cursor,
					c.config,
					c.name,
					c.after
				)
			end
			break
		end
		____cond79 = ____cond79 or ____switch79 == "set-option"
		if ____cond79 then
			check(
				nil,
				cursor:set(c.config, c.name, c.option, c.to),
				(((("set " .. c.config) .. ".") .. c.name) .. ".") .. c.option
			)
			break
		end
		____cond79 = ____cond79 or ____switch79 == "delete-option"
		if ____cond79 then
			check(
				nil,
				cursor:delete(c.config, c.name, c.option),
				(((("delete " .. c.config) .. ".") .. c.name) .. ".") .. c.option
			)
			break
		end
		____cond79 = ____cond79 or ____switch79 == "move-section"
		if ____cond79 then
			placeAfter(
				nil,
				cursor,
				c.config,
				c.name,
				c.after
			)
			break
		end
	until true
end
function placeAfter(self, cursor, config, name, after)
	local others = __TS__ArrayFilter(
		sectionsOf(nil, cursor, config),
		function(____, s) return s[".name"] ~= name end
	)
	local i = __TS__ArrayFindIndex(
		others,
		function(____, s) return s[".name"] == after end
	)
	if i >= 0 and not cursor:reorder(config, name, i + 1) then
		error(
			__TS__New(Error, ((("uci reorder " .. config) .. ".") .. name) .. " failed"),
			0
		)
	end
end
function ____exports.applyConfig(self, p, remove)
	return withLock(
		nil,
		p,
		function() return applyLocked(nil, p, remove) end
	)
end
return ____exports
