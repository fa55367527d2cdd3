-- generated from src/core/text.ts by typescript-to-lua: edit the TypeScript, not this file
local ____lualib = require("splitwan.lualib_bundle")
local __TS__StringCharCodeAt = ____lualib.__TS__StringCharCodeAt
local __TS__StringCharAt = ____lualib.__TS__StringCharAt
local __TS__ArrayReverse = ____lualib.__TS__ArrayReverse
local __TS__StringSubstring = ____lualib.__TS__StringSubstring
local ____exports = {}
local HEX_DIGITS = "0123456789abcdef"
function ____exports.isAlnum(self, c)
	return c >= 48 and c <= 57 or c >= 65 and c <= 90 or c >= 97 and c <= 122
end
function ____exports.isName(self, s, extra)
	if extra == nil then
		extra = ""
	end
	if #s == 0 then
		return false
	end
	do
		local i = 0
		while i < #s do
			local c = __TS__StringCharCodeAt(s, i)
			if not ____exports.isAlnum(nil, c) and c ~= 95 and (string.find(
				extra,
				__TS__StringCharAt(s, i),
				nil,
				true
			) or 0) - 1 < 0 then
				return false
			end
			i = i + 1
		end
	end
	return true
end
function ____exports.hasControl(self, s)
	do
		local i = 0
		while i < #s do
			local c = __TS__StringCharCodeAt(s, i)
			if c < 32 or c == 127 then
				return true
			end
			i = i + 1
		end
	end
	return false
end
function ____exports.hexDigitValue(self, ch)
	return #ch == 1 and (string.find(
		HEX_DIGITS,
		string.lower(ch),
		nil,
		true
	) or 0) - 1 or -1
end
function ____exports.isHexDigits(self, s)
	if #s == 0 then
		return false
	end
	do
		local i = 0
		while i < #s do
			if ____exports.hexDigitValue(
				nil,
				__TS__StringCharAt(s, i)
			) < 0 then
				return false
			end
			i = i + 1
		end
	end
	return true
end
function ____exports.hexDigits(self, n, width)
	local d = {}
	local v = math.floor(n)
	repeat
		do
			d[#d + 1] = __TS__StringCharAt(HEX_DIGITS, v % 16)
			v = math.floor(v / 16)
		end
	until not (v > 0)
	while #d < width do
		d[#d + 1] = "0"
	end
	return table.concat(
		__TS__ArrayReverse(d),
		""
	)
end
local ESCAPES = {
	[9] = "\\t",
	[10] = "\\n",
	[13] = "\\r",
	[34] = "\\\"",
	[39] = "\\'",
	[92] = "\\\\"
}
function ____exports.escape(self, s)
	local out = {}
	local from = 0
	do
		local i = 0
		while i < #s do
			do
				local __continue23
				repeat
					local c = __TS__StringCharCodeAt(s, i)
					if c >= 32 and c ~= 127 and c ~= 34 and c ~= 39 and c ~= 92 then
						__continue23 = true
						break
					end
					if i > from then
						out[#out + 1] = __TS__StringSubstring(s, from, i)
					end
					out[#out + 1] = ESCAPES[c] or "\\x" .. ____exports.hexDigits(nil, c, 2)
					from = i + 1
					__continue23 = true
				until true
				if not __continue23 then
					break
				end
			end
			i = i + 1
		end
	end
	if from == 0 then
		return s
	end
	if from < #s then
		out[#out + 1] = __TS__StringSubstring(s, from)
	end
	return table.concat(out, "")
end
function ____exports.quote(self, s)
	return ("'" .. ____exports.escape(nil, s)) .. "'"
end
return ____exports
