-- generated from src/core/diff.ts by typescript-to-lua: edit the TypeScript, not this file
local ____lualib = require("splitwan.lualib_bundle")
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__Class = ____lualib.__TS__Class
local Set = ____lualib.Set
local __TS__New = ____lualib.__TS__New
local Map = ____lualib.Map
local __TS__ArrayIsArray = ____lualib.__TS__ArrayIsArray
local __TS__ArrayFindIndex = ____lualib.__TS__ArrayFindIndex
local __TS__ArrayFind = ____lualib.__TS__ArrayFind
local __TS__ArraySome = ____lualib.__TS__ArraySome
local __TS__ArrayFilter = ____lualib.__TS__ArrayFilter
local __TS__StringTrim = ____lualib.__TS__StringTrim
local ____exports = {}
local diffOptions, isRightAfter, findNameClashes, diffRtTables, diffFiles, HOW_TO_RESOLVE
local ____owned = require("splitwan.core.owned")
local emptyOwned = ____owned.emptyOwned
local fileVersion = ____owned.fileVersion
local mismatch = ____owned.mismatch
local provenFile = ____owned.provenFile
local provenVersion = ____owned.provenVersion
local recordValue = ____owned.recordValue
local sameUci = ____owned.sameUci
local ____rttables = require("splitwan.core.rttables")
local parseRtTables = ____rttables.parseRtTables
local ____text = require("splitwan.core.text")
local quote = ____text.quote
local ____uci = require("splitwan.core.uci")
local sectionsOf = ____uci.sectionsOf
function diffOptions(self, p, proven, live, changes)
	local function value(____, option)
		local v = live[option]
		return (type(v) == "string" or __TS__ArrayIsArray(v)) and v or nil
	end
	local planned = __TS__New(Set)
	for ____, ____value in ipairs(p.options) do
		local option = ____value[1]
		local to = ____value[2]
		planned:add(option)
		local from = value(nil, option)
		if not sameUci(nil, from, to) then
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
	for ____, ____value in ipairs(proven.options or ({})) do
		local option = ____value[1]
		local from = value(nil, option)
		if not planned:has(option) and from ~= nil then
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
function findNameClashes(self, plan, proofs, cursor, conflicts)
	local zone = __TS__ArrayFind(
		plan.sections,
		function(____, p) return p.config == "firewall" and p.type == "zone" end
	)
	if zone == nil then
		return
	end
	local ____opt_3 = __TS__ArrayFind(
		zone.options,
		function(____, o) return o[1] == "name" end
	)
	local zoneName = ____opt_3 and ____opt_3[2]
	for ____, s in ipairs(sectionsOf(nil, cursor, "firewall", "zone")) do
		do
			local __continue55
			repeat
				if s[".name"] == zone.name and proofs:has("firewall." .. zone.name) then
					__continue55 = true
					break
				end
				if s.name == zoneName then
					conflicts[#conflicts + 1] = (((("firewall zone '" .. tostring(zoneName)) .. "' (section ") .. s[".name"]) .. ") exists and was not created by splitwan: ") .. HOW_TO_RESOLVE.zone
				end
				__continue55 = true
			until true
			if not __continue55 then
				break
			end
		end
	end
end
function diffRtTables(self, plan, owned, text, changes, conflicts, next, during)
	local want = plan.rtTable
	local entries = parseRtTables(nil, text)
	local function present(____, n, name)
		return __TS__ArraySome(
			entries,
			function(____, e) return e.number == n and e.name == name end
		)
	end
	local had = __TS__ArrayFilter(
		owned.rtTables,
		function(____, r) return present(nil, r.number, r.name) end
	)
	local function isOwnLine(____, n, name)
		return __TS__ArraySome(
			had,
			function(____, r) return r.number == n and r.name == name end
		)
	end
	for ____, h in ipairs(had) do
		during:rt(h.number, h.name)
		if want == nil or want.number ~= h.number or want.name ~= h.name then
			changes[#changes + 1] = {kind = "delete-rt", number = h.number, name = h.name}
		end
	end
	if want == nil then
		return
	end
	if present(nil, want.number, want.name) then
		if isOwnLine(nil, want.number, want.name) then
			next:rt(want.number, want.name)
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
	next:rt(want.number, want.name)
	during:rt(want.number, want.name)
end
function diffFiles(self, plan, owned, cur, changes, conflicts, left, next, during)
	local function recorded(____, path)
		return __TS__ArrayFilter(
			owned.files,
			function(____, f) return f.path == path end
		)
	end
	for ____, f in ipairs(plan.files) do
		do
			local __continue76
			repeat
				local existing = cur:readFile(f.path)
				local version = fileVersion(nil, f.path, f.content)
				next:file(version)
				during:file(version)
				if existing == f.content then
					__continue76 = true
					break
				end
				if existing ~= nil then
					local versions = recorded(nil, f.path)
					local proven = provenFile(nil, versions, existing)
					if proven == nil then
						conflicts[#conflicts + 1] = #versions == 0 and f.path .. " exists and was not written by splitwan: move it away" or f.path .. " was changed since splitwan wrote it: move it away, splitwan writes it anew"
						__continue76 = true
						break
					end
					during:file(proven)
				end
				changes[#changes + 1] = {kind = "write-file", path = f.path, content = f.content, existed = existing ~= nil}
				__continue76 = true
			until true
			if not __continue76 then
				break
			end
		end
	end
	local done = __TS__New(Set)
	for ____, f in ipairs(plan.files) do
		done:add(f.path)
	end
	for ____, o in ipairs(owned.files) do
		do
			local __continue83
			repeat
				if done:has(o.path) then
					__continue83 = true
					break
				end
				done:add(o.path)
				local existing = cur:readFile(o.path)
				if existing == nil then
					__continue83 = true
					break
				end
				local proven = provenFile(
					nil,
					recorded(nil, o.path),
					existing
				)
				if proven == nil then
					left[#left + 1] = o.path .. " was changed since splitwan wrote it: left in place, no longer splitwan's"
					__continue83 = true
					break
				end
				during:file(proven)
				changes[#changes + 1] = {kind = "delete-file", path = o.path}
				__continue83 = true
			until true
			if not __continue83 then
				break
			end
		end
	end
end
HOW_TO_RESOLVE = {interface = "rename or delete it, or choose another option interface in /etc/config/splitwan", zone = "rename or delete it, or choose another option zone in /etc/config/splitwan"}
local function versionKey(self, s)
	local parts = {s.config, s.name, s.type}
	for ____, ____value in ipairs(s.options or ({})) do
		local o = ____value[1]
		local v = ____value[2]
		parts[#parts + 1] = o
		if type(v) == "string" then
			parts[#parts + 1] = (("s" .. tostring(#v)) .. ":") .. v
		else
			parts[#parts + 1] = (("l" .. tostring(#v)) .. ":") .. table.concat(
				__TS__ArrayMap(
					v,
					function(____, x) return (tostring(#x) .. ":") .. x end
				),
				""
			)
		end
	end
	return table.concat(
		__TS__ArrayMap(
			parts,
			function(____, x) return (tostring(#x) .. ":") .. x end
		),
		""
	)
end
local RecordBuilder = __TS__Class()
RecordBuilder.name = "RecordBuilder"
function RecordBuilder.prototype.____constructor(self)
	self.o = emptyOwned(nil)
	self.seen = __TS__New(Set)
end
function RecordBuilder.prototype.once(self, key)
	if self.seen:has(key) then
		return false
	end
	self.seen:add(key)
	return true
end
function RecordBuilder.prototype.section(self, s)
	if self:once(versionKey(nil, s)) then
		local ____self_o_sections_0 = self.o.sections
		____self_o_sections_0[#____self_o_sections_0 + 1] = s
	end
end
function RecordBuilder.prototype.rt(self, number, name)
	if self:once((("rt " .. tostring(number)) .. " ") .. name) then
		local ____self_o_rtTables_1 = self.o.rtTables
		____self_o_rtTables_1[#____self_o_rtTables_1 + 1] = {number = number, name = name}
	end
end
function RecordBuilder.prototype.file(self, f)
	if self:once((("file " .. f.path) .. " ") .. tostring(f.sum)) then
		local ____self_o_files_2 = self.o.files
		____self_o_files_2[#____self_o_files_2 + 1] = f
	end
end
local function plannedVersion(self, p)
	return {
		config = p.config,
		name = p.name,
		type = p.type,
		options = __TS__ArrayMap(
			p.options,
			function(____, ____bindingPattern0)
				local v
				local o
				o = ____bindingPattern0[1]
				v = ____bindingPattern0[2]
				return {
					o,
					recordValue(nil, o, v)
				}
			end
		)
	}
end
function ____exports.diffPlan(self, plan, owned, cur)
	local changes = {}
	local conflicts = {}
	local left = {}
	local next = __TS__New(RecordBuilder)
	local during = __TS__New(RecordBuilder)
	local versions = __TS__New(Map)
	local keys = {}
	for ____, s in ipairs(owned.sections) do
		local key = (s.config .. ".") .. s.name
		local list = versions:get(key)
		if list ~= nil then
			list[#list + 1] = s
		else
			versions:set(key, {s})
			keys[#keys + 1] = key
		end
	end
	local proofs = __TS__New(Map)
	for ____, key in ipairs(keys) do
		do
			local __continue25
			repeat
				local list = versions:get(key)
				local live = cur.cursor:get_all(list[1].config, list[1].name)
				if live == nil then
					__continue25 = true
					break
				end
				local version = provenVersion(nil, list, live)
				proofs:set(
					key,
					{
						live = live,
						version = version,
						why = version == nil and (mismatch(nil, list[#list], live) or "") or ""
					}
				)
				__continue25 = true
			until true
			if not __continue25 then
				break
			end
		end
	end
	local wanted = __TS__New(Set)
	for ____, p in ipairs(plan.sections) do
		wanted:add((p.config .. ".") .. p.name)
	end
	for ____, key in ipairs(keys) do
		do
			local __continue30
			repeat
				local proof = proofs:get(key)
				if wanted:has(key) or proof == nil then
					__continue30 = true
					break
				end
				if proof.version == nil then
					left[#left + 1] = ((((key .. " (") .. proof.live[".type"]) .. ") was changed since splitwan wrote it (") .. proof.why) .. "): left in place, no longer splitwan's"
					__continue30 = true
					break
				end
				during:section(proof.version)
				changes[#changes + 1] = {kind = "delete-section", config = proof.version.config, name = proof.version.name, type = proof.live[".type"]}
				__continue30 = true
			until true
			if not __continue30 then
				break
			end
		end
	end
	for ____, p in ipairs(plan.sections) do
		do
			local __continue34
			repeat
				local key = (p.config .. ".") .. p.name
				local live = cur.cursor:get_all(p.config, p.name)
				local version = plannedVersion(nil, p)
				next:section(version)
				if live == nil then
					during:section(version)
					changes[#changes + 1] = {
						kind = "add-section",
						config = p.config,
						name = p.name,
						type = p.type,
						options = p.options,
						after = p.after
					}
					__continue34 = true
					break
				end
				local proof = proofs:get(key)
				if proof == nil then
					conflicts[#conflicts + 1] = (((key .. " (") .. live[".type"]) .. ") exists and was not created by splitwan: ") .. (HOW_TO_RESOLVE[p.type] or "rename or delete it")
					__continue34 = true
					break
				end
				if proof.version == nil then
					conflicts[#conflicts + 1] = ((((key .. " (") .. live[".type"]) .. ") was changed since splitwan wrote it (") .. proof.why) .. "): undo that change, or delete the section and splitwan writes it anew"
					__continue34 = true
					break
				end
				during:section(proof.version)
				during:section(version)
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
					__continue34 = true
					break
				end
				diffOptions(
					nil,
					p,
					proof.version,
					live,
					changes
				)
				if p.after ~= nil and not isRightAfter(
					nil,
					cur.cursor,
					p.config,
					p.name,
					p.after
				) then
					changes[#changes + 1] = {kind = "move-section", config = p.config, name = p.name, after = p.after}
				end
				__continue34 = true
			until true
			if not __continue34 then
				break
			end
		end
	end
	findNameClashes(
		nil,
		plan,
		proofs,
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
		next,
		during
	)
	diffFiles(
		nil,
		plan,
		owned,
		cur,
		changes,
		conflicts,
		left,
		next,
		during
	)
	return {
		changes = changes,
		conflicts = conflicts,
		left = left,
		owned = next.o,
		during = during.o
	}
end
function ____exports.describeChange(self, c)
	local function show(____, option, v)
		return v == nil and "(unset)" or (option == "password" and "'********'" or (type(v) == "string" and quote(nil, v) or ("[" .. table.concat(
			__TS__ArrayMap(v, quote),
			", "
		)) .. "]"))
	end
	repeat
		local ____switch90 = c.kind
		local ____cond90 = ____switch90 == "add-section"
		if ____cond90 then
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
		____cond90 = ____cond90 or ____switch90 == "delete-section"
		if ____cond90 then
			return ((((("- " .. c.config) .. ".") .. c.name) .. " (") .. c.type) .. ")"
		end
		____cond90 = ____cond90 or ____switch90 == "set-option"
		if ____cond90 then
			return (((((((("~ " .. c.config) .. ".") .. c.name) .. ".") .. c.option) .. ": ") .. show(nil, c.option, c.from)) .. " -> ") .. show(nil, c.option, c.to)
		end
		____cond90 = ____cond90 or ____switch90 == "delete-option"
		if ____cond90 then
			return ((((((("~ " .. c.config) .. ".") .. c.name) .. ".") .. c.option) .. ": ") .. show(nil, c.option, c.from)) .. " -> (unset)"
		end
		____cond90 = ____cond90 or ____switch90 == "move-section"
		if ____cond90 then
			return (((("~ " .. c.config) .. ".") .. c.name) .. ": move after ") .. c.after
		end
		____cond90 = ____cond90 or ____switch90 == "add-rt"
		if ____cond90 then
			return (("+ rt_tables: " .. tostring(c.number)) .. " ") .. c.name
		end
		____cond90 = ____cond90 or ____switch90 == "delete-rt"
		if ____cond90 then
			return (("- rt_tables: " .. tostring(c.number)) .. " ") .. c.name
		end
		____cond90 = ____cond90 or ____switch90 == "write-file"
		if ____cond90 then
			return ((c.existed and "~" or "+") .. " file ") .. c.path
		end
		____cond90 = ____cond90 or ____switch90 == "delete-file"
		if ____cond90 then
			return "- file " .. c.path
		end
	until true
end
return ____exports
