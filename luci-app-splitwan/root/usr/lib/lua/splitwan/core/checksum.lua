-- generated from src/core/checksum.ts by typescript-to-lua: edit the TypeScript, not this file
local ____lualib = require("splitwan.lualib_bundle")
local __TS__StringCharAt = ____lualib.__TS__StringCharAt
local __TS__StringCharCodeAt = ____lualib.__TS__StringCharCodeAt
local ____exports = {}
local P1 = 2147483647
local P2 = 2147483629
local function hex8(self, n)
	local s = ""
	local v = n
	do
		local i = 0
		while i < 8 do
			s = __TS__StringCharAt("0123456789abcdef", v % 16) .. s
			v = math.floor(v / 16)
			i = i + 1
		end
	end
	return s
end
function ____exports.checksum(self, text)
	local a = #text % P1
	local b = 7
	do
		local i = 0
		while i < #text do
			local c = __TS__StringCharCodeAt(text, i) + 1
			a = (a * 257 + c) % P1
			b = (b * 65599 + c) % P2
			i = i + 1
		end
	end
	return hex8(nil, a) .. hex8(nil, b)
end
return ____exports
