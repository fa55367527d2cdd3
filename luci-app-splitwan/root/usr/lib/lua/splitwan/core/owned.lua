-- generated from src/core/owned.ts by typescript-to-lua: edit the TypeScript, not this file
local ____lualib = require("splitwan.lualib_bundle")
local __TS__ArrayIncludes = ____lualib.__TS__ArrayIncludes
local __TS__ArrayEvery = ____lualib.__TS__ArrayEvery
local __TS__ArrayIsArray = ____lualib.__TS__ArrayIsArray
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__StringStartsWith = ____lualib.__TS__StringStartsWith
local __TS__ArrayFind = ____lualib.__TS__ArrayFind
local __TS__StringEndsWith = ____lualib.__TS__StringEndsWith
local __TS__StringSubstring = ____lualib.__TS__StringSubstring
local __TS__StringSplit = ____lualib.__TS__StringSplit
local __TS__Number = ____lualib.__TS__Number
local __TS__ArrayFindIndex = ____lualib.__TS__ArrayFindIndex
local __TS__ArrayFilter = ____lualib.__TS__ArrayFilter
local ____exports = {}
local creatable, creatableFile, isSum, decodeValue, pcallDecode, readV1Line, addRt, readV2Line, DROPIN_PREFIX, DROPIN_FILE
local ____addr = require("splitwan.core.addr")
local isDigits = ____addr.isDigits
local ____checksum = require("splitwan.core.checksum")
local checksum = ____checksum.checksum
local ____rttables = require("splitwan.core.rttables")
local RT_TABLES_PATH = ____rttables.RT_TABLES_PATH
local ____text = require("splitwan.core.text")
local isHexDigits = ____text.isHexDigits
local isName = ____text.isName
local quote = ____text.quote
local ____json = require("splitwan.core.json")
local jsonDecode = ____json.jsonDecode
local jsonEncode = ____json.jsonEncode
local ____uci = require("splitwan.core.uci")
local sectionOptions = ____uci.sectionOptions
function creatable(self, s, iface)
	if not isName(nil, s.name, "") then
		return false
	end
	local own = __TS__StringStartsWith(s.name, "splitwan_")
	if s.config == "network" then
		if s.type == "rule" then
			return own
		end
		if s.type ~= "interface" then
			return false
		end
		local ____opt_2 = s.options
		local ____opt_0 = ____opt_2 and __TS__ArrayFind(
			s.options,
			function(____, o) return o[1] == "proto" end
		)
		local proto = ____opt_0 and ____opt_0[2]
		return proto == "pppoe" or s.name == iface(nil)
	end
	if s.config ~= "firewall" or not own then
		return false
	end
	if s.name == "splitwan_zone" then
		return s.type == "zone"
	end
	if __TS__StringStartsWith(s.name, "splitwan_fwd_") then
		return s.type == "forwarding"
	end
	return s.type == "redirect" or s.type == "rule"
end
function creatableFile(self, path)
	if not __TS__StringStartsWith(path, DROPIN_PREFIX) or not __TS__StringEndsWith(path, DROPIN_FILE) then
		return false
	end
	local chain = __TS__StringSubstring(path, #DROPIN_PREFIX, #path - #DROPIN_FILE)
	return isName(nil, chain, "")
end
function isSum(self, s)
	return #s == 16 and isHexDigits(nil, s) and string.lower(s) == s
end
function decodeValue(self, text)
	if not __TS__StringStartsWith(text, "\"") then
		return nil
	end
	local ____end = #text - 1
	if ____end > 0 and (string.find(
		text,
		"\"",
		math.max(2, 1),
		true
	) or 0) - 1 == ____end and (string.find(text, "\\", nil, true) or 0) - 1 < 0 then
		return __TS__StringSubstring(text, 1, ____end)
	end
	local ok, v = unpack(
		pcallDecode(nil, text),
		1,
		2
	)
	return ok and type(v) == "string" and v or nil
end
function pcallDecode(self, text)
	do
		local function ____catch()
			return true, {false, nil}
		end
		local ____try, ____hasReturned, ____returnValue = pcall(function()
			return true, {
				true,
				jsonDecode(nil, text)
			}
		end)
		if not ____try then
			____hasReturned, ____returnValue = ____catch()
		end
		if ____hasReturned then
			return ____returnValue
		end
	end
end
function readV1Line(self, o, f, iface)
	if #f == 2 and f[1] == "version" and f[2] == "2" then
		return "#version"
	end
	if #f == 3 and (f[1] == "network" or f[1] == "firewall") then
		local s = {config = f[1], name = f[2], type = f[3], options = nil}
		if not creatable(nil, s, iface) then
			return "not a section splitwan creates"
		end
		local ____o_sections_5 = o.sections
		____o_sections_5[#____o_sections_5 + 1] = s
		return nil
	end
	if #f == 3 and f[1] == "rt_tables" then
		return addRt(nil, o, f[2], f[3])
	end
	if #f == 2 and f[1] == "file" then
		if not creatableFile(nil, f[2]) then
			return "not a file splitwan writes"
		end
		local ____o_files_6 = o.files
		____o_files_6[#____o_files_6 + 1] = {path = f[2], sum = nil}
		return nil
	end
	return "not part of an ownership record"
end
function addRt(self, o, num, name)
	local n = __TS__Number(num)
	if not isDigits(nil, num) or #num > 10 or n < 1 then
		return "not a routing table number"
	end
	if not isName(nil, name, "-.") then
		return "not a routing table name"
	end
	local ____o_rtTables_7 = o.rtTables
	____o_rtTables_7[#____o_rtTables_7 + 1] = {number = n, name = name}
	return nil
end
function readV2Line(self, o, f, line, iface, open, current)
	if #f == 1 and f[1] == "end" then
		local s = current(nil)
		if s ~= nil and not creatable(nil, s, iface) then
			return "not a section splitwan creates"
		end
		open(nil, nil)
		return "#end"
	end
	if f[1] == "option" or f[1] == "list" then
		local s = current(nil)
		if s == nil or s.options == nil or #f < 3 or not isName(nil, f[2], "") then
			return "an option outside a section"
		end
		local value = decodeValue(
			nil,
			__TS__StringSubstring(line, #f[1] + #f[2] + 2)
		)
		if value == nil then
			return "not a quoted value"
		end
		local at = __TS__ArrayFindIndex(
			s.options,
			function(____, x) return x[1] == f[2] end
		)
		if f[1] == "option" then
			if at >= 0 then
				return "option given twice"
			end
			local ____s_options_8 = s.options
			____s_options_8[#____s_options_8 + 1] = {f[2], value}
		elseif at < 0 then
			local ____s_options_9 = s.options
			____s_options_9[#____s_options_9 + 1] = {f[2], {value}}
		else
			local prev = s.options[at + 1][2]
			if type(prev) == "string" then
				return "option and list of the same name"
			end
			prev[#prev + 1] = value
		end
		return nil
	end
	local s = current(nil)
	if s ~= nil and not creatable(nil, s, iface) then
		return "the section before is not one splitwan creates"
	end
	open(nil, nil)
	if #f == 4 and f[1] == "section" and (f[2] == "network" or f[2] == "firewall") then
		local next = {config = f[2], name = f[3], type = f[4], options = {}}
		local ____o_sections_10 = o.sections
		____o_sections_10[#____o_sections_10 + 1] = next
		open(nil, next)
		local ____temp_11
		if isName(nil, f[3], "") and isName(nil, f[4], "") then
			____temp_11 = nil
		else
			____temp_11 = "not a section name and type"
		end
		return ____temp_11
	end
	if #f == 3 and f[1] == "rt_tables" then
		return addRt(nil, o, f[2], f[3])
	end
	if #f == 3 and f[1] == "file" then
		if not creatableFile(nil, f[2]) then
			return "not a file splitwan writes"
		end
		if not isSum(nil, f[3]) then
			return "not a checksum"
		end
		local ____o_files_12 = o.files
		____o_files_12[#____o_files_12 + 1] = {path = f[2], sum = f[3]}
		return nil
	end
	return "not part of an ownership record"
end
____exports.OWNED_PATH = "/etc/splitwan/owned"
____exports.CONFIG_PATHS = {network = "/etc/config/network", firewall = "/etc/config/firewall"}
local SECRET_OPTIONS = {"password"}
DROPIN_PREFIX = "/usr/share/nftables.d/chain-pre/"
DROPIN_FILE = "/10-splitwan.nft"
function ____exports.emptyOwned(self)
	return {sections = {}, rtTables = {}, files = {}}
end
function ____exports.isEmpty(self, o)
	return #o.sections == 0 and #o.rtTables == 0 and #o.files == 0
end
function ____exports.recordValue(self, option, v)
	return __TS__ArrayIncludes(SECRET_OPTIONS, option) and type(v) == "string" and "sum:" .. checksum(nil, v) or v
end
function ____exports.sameUci(self, a, b)
	local function none(____, v)
		return v == nil or v == "" or type(v) ~= "string" and #v == 0
	end
	if none(nil, a) or none(nil, b) then
		return none(nil, a) and none(nil, b)
	end
	if type(a) == "string" or type(b) == "string" then
		return a == b
	end
	local x = a
	local y = b
	return #x == #y and __TS__ArrayEvery(
		x,
		function(____, v, i) return v == y[i + 1] end
	)
end
local function liveValue(self, live, option)
	local v = live[option]
	if type(v) == "string" then
		return ____exports.recordValue(nil, option, v)
	end
	return __TS__ArrayIsArray(v) and v or nil
end
local function show(self, v)
	if v == nil then
		return "unset"
	end
	return type(v) == "string" and quote(nil, v) or ("[" .. table.concat(
		__TS__ArrayMap(v, quote),
		", "
	)) .. "]"
end
function ____exports.mismatch(self, version, live)
	if live[".type"] ~= version.type then
		return ((("its type is now '" .. live[".type"]) .. "', splitwan wrote '") .. version.type) .. "'"
	end
	if version.options == nil then
		return nil
	end
	for ____, ____value in ipairs(version.options) do
		local option = ____value[1]
		local v = ____value[2]
		do
			local __continue17
			repeat
				local now = liveValue(nil, live, option)
				if ____exports.sameUci(nil, now, v) then
					__continue17 = true
					break
				end
				local secret = __TS__ArrayIncludes(SECRET_OPTIONS, option)
				return secret and ("option " .. option) .. " was changed" or (((("option " .. option) .. " is ") .. show(nil, now)) .. ", splitwan wrote ") .. show(nil, v)
			until true
			if not __continue17 then
				break
			end
		end
	end
	return nil
end
function ____exports.provenVersion(self, versions, live)
	for ____, v in ipairs(versions) do
		do
			local __continue21
			repeat
				if ____exports.mismatch(nil, v, live) ~= nil then
					__continue21 = true
					break
				end
				if v.options ~= nil then
					return v
				end
				local options = __TS__ArrayMap(
					sectionOptions(nil, live),
					function(____, ____bindingPattern0)
						local x
						local o
						o = ____bindingPattern0[1]
						x = ____bindingPattern0[2]
						return {
							o,
							____exports.recordValue(nil, o, x)
						}
					end
				)
				return {config = v.config, name = v.name, type = v.type, options = options}
			until true
			if not __continue21 then
				break
			end
		end
	end
	return nil
end
function ____exports.provenFile(self, versions, content)
	local sum = checksum(nil, content)
	for ____, v in ipairs(versions) do
		if v.sum == nil or v.sum == sum then
			return {path = v.path, sum = sum}
		end
	end
	return nil
end
function ____exports.fileVersion(self, path, content)
	return {
		path = path,
		sum = checksum(nil, content)
	}
end
function ____exports.readRecord(self, text, iface)
	local o = ____exports.emptyOwned(nil)
	if text == nil then
		return o
	end
	local lines = __TS__StringSplit(text, "\n")
	local v2 = false
	local ended = false
	local current
	do
		local n = 0
		while n < #lines do
			do
				local __continue52
				repeat
					local line = lines[n + 1]
					local function bad(____, why)
						return (((("line " .. tostring(n + 1)) .. " (") .. quote(nil, line)) .. "): ") .. why
					end
					if line == "" or __TS__StringStartsWith(line, "#") then
						__continue52 = true
						break
					end
					if ended then
						return bad(nil, "text after the end line")
					end
					local f = __TS__StringSplit(line, " ")
					local ____v2_4
					if v2 then
						____v2_4 = readV2Line(
							nil,
							o,
							f,
							line,
							iface,
							function(____, s)
								current = s
								return current
							end,
							function() return current end
						)
					else
						____v2_4 = readV1Line(nil, o, f, iface)
					end
					local problem = ____v2_4
					if problem == "#version" then
						if n > 0 and not ____exports.isEmpty(nil, o) then
							return bad(nil, "the version line must come first")
						end
						v2 = true
						__continue52 = true
						break
					end
					if problem == "#end" then
						ended = true
						__continue52 = true
						break
					end
					if problem ~= nil then
						return bad(nil, problem)
					end
					__continue52 = true
				until true
				if not __continue52 then
					break
				end
			end
			n = n + 1
		end
	end
	if v2 and not ended then
		return "the record is cut short (no end line)"
	end
	return o
end
function ____exports.formatSection(self, s)
	local lines = {(((("section " .. s.config) .. " ") .. s.name) .. " ") .. s.type}
	for ____, ____value in ipairs(s.options or ({})) do
		local option = ____value[1]
		local v = ____value[2]
		if type(v) == "string" then
			lines[#lines + 1] = (("option " .. option) .. " ") .. jsonEncode(nil, v)
		else
			for ____, item in ipairs(v) do
				lines[#lines + 1] = (("list " .. option) .. " ") .. jsonEncode(nil, item)
			end
		end
	end
	return table.concat(lines, "\n")
end
function ____exports.formatOwned(self, o)
	local lines = {"# splitwan: what it wrote; a section or file is its own only while it still matches", "version 2"}
	for ____, s in ipairs(o.sections) do
		lines[#lines + 1] = ____exports.formatSection(nil, s)
	end
	for ____, r in ipairs(o.rtTables) do
		lines[#lines + 1] = (("rt_tables " .. tostring(r.number)) .. " ") .. r.name
	end
	for ____, f in ipairs(o.files) do
		lines[#lines + 1] = (("file " .. f.path) .. " ") .. (f.sum or "")
	end
	lines[#lines + 1] = "end"
	return table.concat(lines, "\n") .. "\n"
end
function ____exports.provesSection(self, text, live, config, iface)
	if live == nil then
		return false
	end
	local o = ____exports.readRecord(nil, text, iface)
	if type(o) == "string" then
		return false
	end
	local versions = __TS__ArrayFilter(
		o.sections,
		function(____, s) return s.config == config and s.name == live[".name"] end
	)
	return #versions > 0 and ____exports.provenVersion(nil, versions, live) ~= nil
end
function ____exports.writtenPaths(self, text)
	local paths = {____exports.OWNED_PATH, RT_TABLES_PATH, ____exports.CONFIG_PATHS.network, ____exports.CONFIG_PATHS.firewall}
	for ____, line in ipairs(__TS__StringSplit(text or "", "\n")) do
		local f = __TS__StringSplit(line, " ")
		if f[1] == "file" and #f >= 2 and creatableFile(nil, f[2]) then
			paths[#paths + 1] = f[2]
		end
	end
	return paths
end
return ____exports
