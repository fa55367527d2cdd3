-- generated from src/core/ddns/encode.ts by typescript-to-lua: edit the TypeScript, not this file
local ____lualib = require("splitwan.lualib_bundle")
local __TS__StringCharCodeAt = ____lualib.__TS__StringCharCodeAt
local __TS__ArrayPush = ____lualib.__TS__ArrayPush
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__ArraySort = ____lualib.__TS__ArraySort
local __TS__StringSlice = ____lualib.__TS__StringSlice
local __TS__StringCharAt = ____lualib.__TS__StringCharAt
local ____exports = {}
local ____text = require("splitwan.core.text")
local hexDigits = ____text.hexDigits
local BYTE_STRINGS = #"é" == 2
function ____exports.utf8Bytes(self, s)
	local out = {}
	do
		local i = 0
		while i < #s do
			do
				local __continue4
				repeat
					local c = __TS__StringCharCodeAt(s, i)
					if BYTE_STRINGS or c < 128 then
						out[#out + 1] = c
						__continue4 = true
						break
					end
					if c >= 55296 and c <= 56319 and i + 1 < #s then
						local lo = __TS__StringCharCodeAt(s, i + 1)
						if lo >= 56320 and lo <= 57343 then
							c = 65536 + (c - 55296) * 1024 + (lo - 56320)
							i = i + 1
						end
					end
					if c < 2048 then
						__TS__ArrayPush(
							out,
							192 + math.floor(c / 64),
							128 + c % 64
						)
					elseif c < 65536 then
						__TS__ArrayPush(
							out,
							224 + math.floor(c / 4096),
							128 + math.floor(c / 64) % 64,
							128 + c % 64
						)
					else
						__TS__ArrayPush(
							out,
							240 + math.floor(c / 262144),
							128 + math.floor(c / 4096) % 64,
							128 + math.floor(c / 64) % 64,
							128 + c % 64
						)
					end
					__continue4 = true
				until true
				if not __continue4 then
					break
				end
			end
			i = i + 1
		end
	end
	return out
end
local function unreserved(self, b)
	return b >= 48 and b <= 57 or b >= 65 and b <= 90 or b >= 97 and b <= 122 or b == 45 or b == 46 or b == 95 or b == 126
end
function ____exports.percentEncode(self, s)
	local parts = {}
	for ____, b in ipairs(____exports.utf8Bytes(nil, s)) do
		if unreserved(nil, b) then
			parts[#parts + 1] = string.char(b)
		else
			parts[#parts + 1] = "%" .. string.upper(hexDigits(nil, b, 2))
		end
	end
	return table.concat(parts, "")
end
function ____exports.formEncode(self, ____pairs)
	return table.concat(
		__TS__ArrayMap(
			____pairs,
			function(____, ____bindingPattern0)
				local v
				local k
				k = ____bindingPattern0[1]
				v = ____bindingPattern0[2]
				return (____exports.percentEncode(nil, k) .. "=") .. ____exports.percentEncode(nil, v)
			end
		),
		"&"
	)
end
function ____exports.scrub(self, text, secrets, max)
	if max == nil then
		max = 200
	end
	local t = text
	local forms = {}
	for ____, s in ipairs(secrets) do
		if s ~= "" then
			__TS__ArrayPush(
				forms,
				s,
				____exports.percentEncode(nil, s)
			)
		end
	end
	__TS__ArraySort(
		forms,
		function(____, a, b) return #b - #a end
	)
	do
		for ____, form in ipairs(forms) do
			local at = (string.find(t, form, nil, true) or 0) - 1
			while at >= 0 do
				t = (__TS__StringSlice(t, 0, at) .. "***") .. __TS__StringSlice(t, at + #form)
				at = (string.find(
					t,
					form,
					math.max(at + 3 + 1, 1),
					true
				) or 0) - 1
			end
		end
	end
	local flat = {}
	local space = false
	do
		local i = 0
		while i < #t do
			do
				local __continue29
				repeat
					local c = __TS__StringCharCodeAt(t, i)
					if c <= 32 or c == 127 then
						space = #flat > 0
						__continue29 = true
						break
					end
					if space then
						flat[#flat + 1] = " "
					end
					space = false
					flat[#flat + 1] = __TS__StringCharAt(t, i)
					__continue29 = true
				until true
				if not __continue29 then
					break
				end
			end
			i = i + 1
		end
	end
	local one = table.concat(flat, "")
	return #one > max and __TS__StringSlice(one, 0, max) .. "..." or one
end
return ____exports
