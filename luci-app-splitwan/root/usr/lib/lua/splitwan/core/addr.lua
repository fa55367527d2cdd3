-- generated from src/core/addr.ts by typescript-to-lua: edit the TypeScript, not this file
local ____lualib = require("splitwan.lualib_bundle")
local __TS__StringCharCodeAt = ____lualib.__TS__StringCharCodeAt
local __TS__StringSplit = ____lualib.__TS__StringSplit
local __TS__StringStartsWith = ____lualib.__TS__StringStartsWith
local __TS__Number = ____lualib.__TS__Number
local __TS__StringSlice = ____lualib.__TS__StringSlice
local __TS__ArraySlice = ____lualib.__TS__ArraySlice
local __TS__StringCharAt = ____lualib.__TS__StringCharAt
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local ____exports = {}
local ____text = require("splitwan.core.text")
local isHexDigits = ____text.isHexDigits
function ____exports.isDigits(self, s)
	if #s == 0 then
		return false
	end
	do
		local i = 0
		while i < #s do
			local c = __TS__StringCharCodeAt(s, i)
			if c < 48 or c > 57 then
				return false
			end
			i = i + 1
		end
	end
	return true
end
function ____exports.parseIPv4(self, text)
	local parts = __TS__StringSplit(text, ".")
	if #parts ~= 4 then
		return nil
	end
	local out = {}
	for ____, p in ipairs(parts) do
		if not ____exports.isDigits(nil, p) or #p > 3 or #p > 1 and __TS__StringStartsWith(p, "0") then
			return nil
		end
		local n = __TS__Number(p)
		if n > 255 then
			return nil
		end
		out[#out + 1] = n
	end
	return out
end
function ____exports.ipv4ToNumber(self, o)
	return ((o[1] * 256 + o[2]) * 256 + o[3]) * 256 + o[4]
end
function ____exports.numberToIpv4(self, n)
	local o = {}
	do
		local i = 0
		while i < 4 do
			o[#o + 1] = n % 256
			n = math.floor(n / 256)
			i = i + 1
		end
	end
	return (((((tostring(o[4]) .. ".") .. tostring(o[3])) .. ".") .. tostring(o[2])) .. ".") .. tostring(o[1])
end
function ____exports.subnetBounds(self, addr, prefix)
	local size = 2 ^ (32 - prefix)
	local first = math.floor(____exports.ipv4ToNumber(nil, addr) / size) * size
	return {first, first + size - 1}
end
function ____exports.ipv4InSubnet(self, addr, net, prefix)
	local size = 2 ^ (32 - prefix)
	return math.floor(____exports.ipv4ToNumber(nil, addr) / size) == math.floor(____exports.ipv4ToNumber(nil, net) / size)
end
function ____exports.prefixLength(self, mask)
	if ____exports.isDigits(nil, mask) then
		local n = __TS__Number(mask)
		return n <= 32 and n or nil
	end
	local o = ____exports.parseIPv4(nil, mask)
	if o == nil then
		return nil
	end
	local n = ____exports.ipv4ToNumber(nil, o)
	local len = 0
	do
		local ____bit = 31
		while ____bit >= 0 do
			local v = 2 ^ ____bit
			if n >= v then
				n = n - v
				len = len + 1
			else
				break
			end
			____bit = ____bit - 1
		end
	end
	return n == 0 and len or nil
end
function ____exports.parseIPv6(self, text)
	if #text < 2 or #text > 39 then
		return nil
	end
	local dbl = (string.find(text, "::", nil, true) or 0) - 1
	if dbl >= 0 and (string.find(
		text,
		"::",
		math.max(dbl + 1 + 1, 1),
		true
	) or 0) - 1 >= 0 then
		return nil
	end
	local function groups(____, s)
		if s == "" then
			return {}
		end
		local out = {}
		for ____, g in ipairs(__TS__StringSplit(s, ":")) do
			if not isHexDigits(nil, g) or #g > 4 then
				return nil
			end
			out[#out + 1] = __TS__Number("0x" .. g)
		end
		return out
	end
	if dbl < 0 then
		local all = groups(nil, text)
		return all ~= nil and #all == 8 and all or nil
	end
	local head = groups(
		nil,
		__TS__StringSlice(text, 0, dbl)
	)
	local tail = groups(
		nil,
		__TS__StringSlice(text, dbl + 2)
	)
	if head == nil or tail == nil or #head + #tail > 7 then
		return nil
	end
	local out = __TS__ArraySlice(head)
	do
		local i = #head + #tail
		while i < 8 do
			out[#out + 1] = 0
			i = i + 1
		end
	end
	for ____, g in ipairs(tail) do
		out[#out + 1] = g
	end
	return out
end
local HEX = "0123456789abcdef"
local function hexGroup(self, n)
	local out = ""
	local v = n
	repeat
		do
			out = __TS__StringCharAt(HEX, v % 16) .. out
			v = math.floor(v / 16)
		end
	until not (v > 0)
	return out
end
function ____exports.formatIPv6(self, g)
	local bestAt = -1
	local bestLen = 1
	do
		local i = 0
		while i < 8 do
			local j = i
			while j < 8 and g[j + 1] == 0 do
				j = j + 1
			end
			if j - i > bestLen then
				bestAt = i
				bestLen = j - i
			end
			if j > i then
				i = j
			end
			i = i + 1
		end
	end
	local function part(____, from, to)
		return table.concat(
			__TS__ArrayMap(
				__TS__ArraySlice(g, from, to),
				hexGroup
			),
			":"
		)
	end
	if bestAt < 0 then
		return part(nil, 0, 8)
	end
	return (part(nil, 0, bestAt) .. "::") .. part(nil, bestAt + bestLen, 8)
end
function ____exports.withSuffix(self, prefix, suffix)
	return {
		prefix[1],
		prefix[2],
		prefix[3],
		prefix[4],
		suffix[5],
		suffix[6],
		suffix[7],
		suffix[8]
	}
end
function ____exports.isGlobalIPv6(self, g)
	return g[1] >= 8192 and g[1] <= 16383
end
return ____exports
