-- generated from src/core/uci.ts by typescript-to-lua: edit the TypeScript, not this file
local ____lualib = require("splitwan.lualib_bundle")
local __TS__StringStartsWith = ____lualib.__TS__StringStartsWith
local __TS__ObjectKeys = ____lualib.__TS__ObjectKeys
local __TS__ArraySort = ____lualib.__TS__ArraySort
local __TS__ArrayIsArray = ____lualib.__TS__ArrayIsArray
local __TS__ArraySlice = ____lualib.__TS__ArraySlice
local __TS__StringSplit = ____lualib.__TS__StringSplit
local __TS__ArrayFilter = ____lualib.__TS__ArrayFilter
local ____exports = {}
function ____exports.sectionOptions(self, s)
	local keys = {}
	for ____, key in ipairs(__TS__ObjectKeys(s)) do
		if not __TS__StringStartsWith(key, ".") then
			keys[#keys + 1] = key
		end
	end
	__TS__ArraySort(keys)
	local out = {}
	for ____, key in ipairs(keys) do
		local v = s[key]
		if type(v) == "string" then
			out[#out + 1] = {key, v}
		elseif __TS__ArrayIsArray(v) then
			out[#out + 1] = {
				key,
				__TS__ArraySlice(v)
			}
		end
	end
	return out
end
function ____exports.sectionsOf(self, cursor, config, ____type)
	local out = {}
	cursor:foreach(
		config,
		____type,
		function(s)
			out[#out + 1] = s
		end
	)
	local ordered = true
	do
		local i = 1
		while i < #out and ordered do
			ordered = (out[i][".index"] or 0) <= (out[i + 1][".index"] or 0)
			i = i + 1
		end
	end
	if not ordered then
		__TS__ArraySort(
			out,
			function(____, a, b) return (a[".index"] or 0) - (b[".index"] or 0) end
		)
	end
	return out
end
function ____exports.optString(self, s, option)
	if s == nil then
		return nil
	end
	local v = s[option]
	if type(v) == "string" then
		return v
	end
	if __TS__ArrayIsArray(v) then
		return table.concat(v, " ")
	end
	return nil
end
function ____exports.optList(self, s, option)
	if s == nil then
		return {}
	end
	local v = s[option]
	if type(v) == "string" then
		return v == "" and ({}) or __TS__ArrayFilter(
			__TS__StringSplit(v, " "),
			function(____, x) return x ~= "" end
		)
	end
	if __TS__ArrayIsArray(v) then
		return __TS__ArraySlice(v)
	end
	return {}
end
function ____exports.uciBool(self, v)
	local t = string.lower(v)
	if t == "1" or t == "on" or t == "true" or t == "yes" or t == "enabled" then
		return true
	end
	if t == "0" or t == "off" or t == "false" or t == "no" or t == "disabled" then
		return false
	end
	return nil
end
return ____exports
