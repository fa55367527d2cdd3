-- generated from src/core/diff.ts by typescript-to-lua: edit the TypeScript, not this file
local ____lualib = require("splitwan.lualib_bundle")
local __TS__ArrayEvery = ____lualib.__TS__ArrayEvery
local Set = ____lualib.Set
local __TS__New = ____lualib.__TS__New
local __TS__ArrayIncludes = ____lualib.__TS__ArrayIncludes
local __TS__ArraySome = ____lualib.__TS__ArraySome
local __TS__ArrayIsArray = ____lualib.__TS__ArrayIsArray
local __TS__StringStartsWith = ____lualib.__TS__StringStartsWith
local __TS__ObjectKeys = ____lualib.__TS__ObjectKeys
local __TS__ArrayFindIndex = ____lualib.__TS__ArrayFindIndex
local __TS__ArrayFind = ____lualib.__TS__ArrayFind
local __TS__StringTrim = ____lualib.__TS__StringTrim
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local ____exports = {}
local sameValue, optionValue, diffOptions, isRightAfter, findNameClashes, diffRtTables, HOW_TO_RESOLVE
local ____owned = require("splitwan.core.owned")
local ownsSection = ____owned.ownsSection
local ____rttables = require("splitwan.core.rttables")
local parseRtTables = ____rttables.parseRtTables
local ____text = require("splitwan.core.text")
local quote = ____text.quote
local ____uci = require("splitwan.core.uci")
local sectionOptions = ____uci.sectionOptions
local sectionsOf = ____uci.sectionsOf
function sameValue(self, a, b)
	if a == nil or b == nil then
		return a == b
	end
	if type(a) == "string" or type(b) == "string" then
		return a == b
	end
	return #a == #b and __TS__ArrayEvery(
		a,
		function(____, v, i) return v == b[i + 1] end
	)
end
function optionValue(self, live, option)
	local v = live[option]
	return (type(v) == "string" or __TS__ArrayIsArray(v)) and v or nil
end
function diffOptions(self, p, live, changes)
	local found = 0
	for ____, ____value in ipairs(p.options) do
		local option = ____value[1]
		local to = ____value[2]
		local from = optionValue(nil, live, option)
		if from ~= nil then
			found = found + 1
		end
		if not sameValue(nil, from, to) then
			changes[#changes + 1] = {
				kind = "set-option",
				config = p.config,
				name = p.name,
				option = option,
				from = from,
				to = to
			}
		end
	end
	local count = 0
	for ____, key in ipairs(__TS__ObjectKeys(live)) do
		if not __TS__StringStartsWith(key, ".") then
			count = count + 1
		end
	end
	if count == found then
		return
	end
	for ____, ____value in ipairs(sectionOptions(nil, live)) do
		local option = ____value[1]
		local from = ____value[2]
		local planned = false
		for ____, o in ipairs(p.options) do
			if o[1] == option then
				planned = true
			end
		end
		if not planned then
			changes[#changes + 1] = {
				kind = "delete-option",
				config = p.config,
				name = p.name,
				option = option,
				from = from
			}
		end
	end
end
function isRightAfter(self, cursor, config, name, after)
	local all = sectionsOf(nil, cursor, config)
	local i = __TS__ArrayFindIndex(
		all,
		function(____, s) return s[".name"] == after end
	)
	return i >= 0 and i + 1 < #all and all[i + 1 + 1][".name"] == name
end
function findNameClashes(self, plan, owned, cursor, conflicts)
	local zone = __TS__ArrayFind(
		plan.sections,
		function(____, p) return p.config == "firewall" and p.type == "zone" end
	)
	if zone == nil then
		return
	end
	local ____opt_2 = __TS__ArrayFind(
		zone.options,
		function(____, o) return o[1] == "name" end
	)
	local zoneName = ____opt_2 and ____opt_2[2]
	for ____, s in ipairs(sectionsOf(nil, cursor, "firewall", "zone")) do
		do
			local __continue51
			repeat
				if s[".name"] == zone.name and ownsSection(nil, owned, "firewall", zone.name) then
					__continue51 = true
					break
				end
				if s.name == zoneName then
					conflicts[#conflicts + 1] = (((("firewall zone '" .. tostring(zoneName)) .. "' (section ") .. s[".name"]) .. ") exists and was not created by splitwan: ") .. HOW_TO_RESOLVE.zone
				end
				__continue51 = true
			until true
			if not __continue51 then
				break
			end
		end
	end
end
function diffRtTables(self, plan, owned, text, changes, conflicts, next)
	local want = plan.rtTable
	local had = owned.rtTable
	local entries = parseRtTables(nil, text)
	local function isOwnLine(____, n, name)
		return had ~= nil and had.number == n and had.name == name
	end
	if had ~= nil and (want == nil or want.number ~= had.number or want.name ~= had.name) then
		if __TS__ArraySome(
			entries,
			function(____, e) return e.number == had.number and e.name == had.name end
		) then
			changes[#changes + 1] = {kind = "delete-rt", number = had.number, name = had.name}
		end
	end
	if want == nil then
		return
	end
	local exact = __TS__ArrayFind(
		entries,
		function(____, e) return e.number == want.number and e.name == want.name end
	)
	if exact ~= nil then
		if isOwnLine(nil, want.number, want.name) then
			next.rtTable = want
		end
		return
	end
	local clash = __TS__ArrayFind(
		entries,
		function(____, e) return (e.number == want.number or e.name == want.name) and not isOwnLine(nil, e.number, e.name) end
	)
	if clash ~= nil then
		conflicts[#conflicts + 1] = ("/etc/iproute2/rt_tables already has \"" .. __TS__StringTrim(clash.line)) .. "\": choose another option table / table_name in /etc/config/splitwan"
		return
	end
	changes[#changes + 1] = {kind = "add-rt", number = want.number, name = want.name}
	next.rtTable = want
end
HOW_TO_RESOLVE = {interface = "rename or delete it, or choose another option interface in /etc/config/splitwan", zone = "rename or delete it, or choose another option zone in /etc/config/splitwan"}
function ____exports.diffPlan(self, plan, owned, cur)
	local changes = {}
	local conflicts = {}
	local next = {sections = {}, rtTable = nil, files = {}}
	local wanted = __TS__New(Set)
	for ____, p in ipairs(plan.sections) do
		wanted:add((p.config .. ".") .. p.name)
	end
	local ownedNames = __TS__New(Set)
	for ____, o in ipairs(owned.sections) do
		ownedNames:add((o.config .. ".") .. o.name)
	end
	for ____, o in ipairs(owned.sections) do
		do
			local __continue11
			repeat
				if wanted:has((o.config .. ".") .. o.name) then
					__continue11 = true
					break
				end
				local live = cur.cursor:get_all(o.config, o.name)
				if live ~= nil then
					changes[#changes + 1] = {kind = "delete-section", config = o.config, name = o.name, type = live[".type"]}
				end
				__continue11 = true
			until true
			if not __continue11 then
				break
			end
		end
	end
	for ____, p in ipairs(plan.sections) do
		do
			local __continue15
			repeat
				local live = cur.cursor:get_all(p.config, p.name)
				local ____next_sections_0 = next.sections
				____next_sections_0[#____next_sections_0 + 1] = {config = p.config, name = p.name, type = p.type}
				if live == nil then
					changes[#changes + 1] = {
						kind = "add-section",
						config = p.config,
						name = p.name,
						type = p.type,
						options = p.options,
						after = p.after
					}
					__continue15 = true
					break
				end
				if not ownedNames:has((p.config .. ".") .. p.name) then
					conflicts[#conflicts + 1] = (((((p.config .. ".") .. p.name) .. " (") .. live[".type"]) .. ") exists and was not created by splitwan: ") .. (HOW_TO_RESOLVE[p.type] or "rename or delete it")
					__continue15 = true
					break
				end
				if live[".type"] ~= p.type then
					changes[#changes + 1] = {kind = "delete-section", config = p.config, name = p.name, type = live[".type"]}
					changes[#changes + 1] = {
						kind = "add-section",
						config = p.config,
						name = p.name,
						type = p.type,
						options = p.options,
						after = p.after
					}
					__continue15 = true
					break
				end
				diffOptions(nil, p, live, changes)
				if p.after ~= nil and not isRightAfter(
					nil,
					cur.cursor,
					p.config,
					p.name,
					p.after
				) then
					changes[#changes + 1] = {kind = "move-section", config = p.config, name = p.name, after = p.after}
				end
				__continue15 = true
			until true
			if not __continue15 then
				break
			end
		end
	end
	findNameClashes(
		nil,
		plan,
		owned,
		cur.cursor,
		conflicts
	)
	diffRtTables(
		nil,
		plan,
		owned,
		cur.rtTables,
		changes,
		conflicts,
		next
	)
	for ____, f in ipairs(plan.files) do
		do
			local __continue21
			repeat
				local existing = cur:readFile(f.path)
				local ____next_files_1 = next.files
				____next_files_1[#____next_files_1 + 1] = f.path
				if existing == f.content then
					__continue21 = true
					break
				end
				if existing ~= nil and not __TS__ArrayIncludes(owned.files, f.path) then
					conflicts[#conflicts + 1] = f.path .. " exists and was not written by splitwan: move it away"
					__continue21 = true
					break
				end
				changes[#changes + 1] = {kind = "write-file", path = f.path, content = f.content, existed = existing ~= nil}
				__continue21 = true
			until true
			if not __continue21 then
				break
			end
		end
	end
	for ____, path in ipairs(owned.files) do
		if not __TS__ArraySome(
			plan.files,
			function(____, f) return f.path == path end
		) and cur:readFile(path) ~= nil then
			changes[#changes + 1] = {kind = "delete-file", path = path}
		end
	end
	return {changes = changes, conflicts = conflicts, owned = next}
end
function ____exports.describeChange(self, c)
	local function show(____, option, v)
		return v == nil and "(unset)" or (option == "password" and "'********'" or (type(v) == "string" and quote(nil, v) or ("[" .. table.concat(
			__TS__ArrayMap(v, quote),
			", "
		)) .. "]"))
	end
	repeat
		local ____switch68 = c.kind
		local ____cond68 = ____switch68 == "add-section"
		if ____cond68 then
			return (((((("+ " .. c.config) .. ".") .. c.name) .. " (") .. c.type) .. "): ") .. table.concat(
				__TS__ArrayMap(
					c.options,
					function(____, ____bindingPattern0)
						local v
						local o
						o = ____bindingPattern0[1]
						v = ____bindingPattern0[2]
						return (o .. "=") .. show(nil, o, v)
					end
				),
				" "
			)
		end
		____cond68 = ____cond68 or ____switch68 == "delete-section"
		if ____cond68 then
			return ((((("- " .. c.config) .. ".") .. c.name) .. " (") .. c.type) .. ")"
		end
		____cond68 = ____cond68 or ____switch68 == "set-option"
		if ____cond68 then
			return (((((((("~ " .. c.config) .. ".") .. c.name) .. ".") .. c.option) .. ": ") .. show(nil, c.option, c.from)) .. " -> ") .. show(nil, c.option, c.to)
		end
		____cond68 = ____cond68 or ____switch68 == "delete-option"
		if ____cond68 then
			return ((((((("~ " .. c.config) .. ".") .. c.name) .. ".") .. c.option) .. ": ") .. show(nil, c.option, c.from)) .. " -> (unset)"
		end
		____cond68 = ____cond68 or ____switch68 == "move-section"
		if ____cond68 then
			return (((("~ " .. c.config) .. ".") .. c.name) .. ": move after ") .. c.after
		end
		____cond68 = ____cond68 or ____switch68 == "add-rt"
		if ____cond68 then
			return (("+ rt_tables: " .. tostring(c.number)) .. " ") .. c.name
		end
		____cond68 = ____cond68 or ____switch68 == "delete-rt"
		if ____cond68 then
			return (("- rt_tables: " .. tostring(c.number)) .. " ") .. c.name
		end
		____cond68 = ____cond68 or ____switch68 == "write-file"
		if ____cond68 then
			return ((c.existed and "~" or "+") .. " file ") .. c.path
		end
		____cond68 = ____cond68 or ____switch68 == "delete-file"
		if ____cond68 then
			return "- file " .. c.path
		end
	until true
end
return ____exports
