-- generated from src/core/rttables.ts by typescript-to-lua: edit the TypeScript, not this file
local ____lualib = require("splitwan.lualib_bundle")
local __TS__StringTrim = ____lualib.__TS__StringTrim
local __TS__StringStartsWith = ____lualib.__TS__StringStartsWith
local __TS__StringSplit = ____lualib.__TS__StringSplit
local __TS__ArrayFilter = ____lualib.__TS__ArrayFilter
local __TS__Number = ____lualib.__TS__Number
local __TS__StringEndsWith = ____lualib.__TS__StringEndsWith
local __TS__ArrayFindIndex = ____lualib.__TS__ArrayFindIndex
local __TS__ArraySplice = ____lualib.__TS__ArraySplice
local ____exports = {}
____exports.RT_TABLES_PATH = "/etc/iproute2/rt_tables"
function ____exports.parseRtTables(self, text)
	local out = {}
	for ____, line in ipairs(__TS__StringSplit(text, "\n")) do
		do
			local __continue3
			repeat
				local t = __TS__StringTrim(line)
				if t == "" or __TS__StringStartsWith(t, "#") then
					__continue3 = true
					break
				end
				local fields = __TS__ArrayFilter(
					__TS__StringSplit(
						table.concat(
							__TS__StringSplit(t, "\t"),
							" "
						),
						" "
					),
					function(____, f) return f ~= "" end
				)
				if #fields < 2 then
					__continue3 = true
					break
				end
				local n = __TS__Number(fields[1])
				if n ~= n then
					__continue3 = true
					break
				end
				out[#out + 1] = {number = n, name = fields[2], line = line}
				__continue3 = true
			until true
			if not __continue3 then
				break
			end
		end
	end
	return out
end
function ____exports.rtLine(self, number, name)
	return (tostring(number) .. "\t") .. name
end
function ____exports.addRtLine(self, text, number, name)
	local base = (text == "" or __TS__StringEndsWith(text, "\n")) and text or text .. "\n"
	return (base .. ____exports.rtLine(nil, number, name)) .. "\n"
end
function ____exports.removeRtLine(self, text, number, name)
	local lines = __TS__StringSplit(text, "\n")
	local idx = __TS__ArrayFindIndex(
		lines,
		function(____, l)
			local e = ____exports.parseRtTables(nil, l)
			return #e == 1 and e[1].number == number and e[1].name == name
		end
	)
	if idx < 0 then
		return text
	end
	__TS__ArraySplice(lines, idx, 1)
	return table.concat(lines, "\n")
end
return ____exports
