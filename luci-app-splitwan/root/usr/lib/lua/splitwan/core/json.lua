-- generated from src/core/json.ts by typescript-to-lua: edit the TypeScript, not this file
local ____lualib = require("splitwan.lualib_bundle")
local WeakSet = ____lualib.WeakSet
local __TS__New = ____lualib.__TS__New
local __TS__StringCharCodeAt = ____lualib.__TS__StringCharCodeAt
local __TS__StringSubstring = ____lualib.__TS__StringSubstring
local __TS__ArrayReverse = ____lualib.__TS__ArrayReverse
local __TS__StringCharAt = ____lualib.__TS__StringCharAt
local __TS__TypeOf = ____lualib.__TS__TypeOf
local __TS__ArrayIsArray = ____lualib.__TS__ArrayIsArray
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__ArraySort = ____lualib.__TS__ArraySort
local __TS__Class = ____lualib.__TS__Class
local __TS__Number = ____lualib.__TS__Number
local ____exports = {}
local ____errors = require("splitwan.core.errors")
local EXIT_SYSTEM = ____errors.EXIT_SYSTEM
local SplitwanError = ____errors.SplitwanError
local ____text = require("splitwan.core.text")
local hexDigitValue = ____text.hexDigitValue
local hexDigits = ____text.hexDigits
local emptyArrays = __TS__New(WeakSet)
function ____exports.jsonArray(self, a)
	emptyArrays:add(a)
	return a
end
local BYTE_STRINGS = #"é" == 2
local function isEmptyTable(self, t)
	for _ in pairs(t) do
		return false
	end
	return true
end
local ESCAPES = {
	[8] = "\\b",
	[9] = "\\t",
	[10] = "\\n",
	[12] = "\\f",
	[13] = "\\r",
	[34] = "\\\"",
	[92] = "\\\\"
}
local function encodeString(self, s, out)
	out[#out + 1] = "\""
	local from = 0
	do
		local i = 0
		while i < #s do
			do
				local __continue8
				repeat
					local c = __TS__StringCharCodeAt(s, i)
					if c >= 32 and c ~= 34 and c ~= 92 then
						__continue8 = true
						break
					end
					if i > from then
						out[#out + 1] = __TS__StringSubstring(s, from, i)
					end
					local e = ESCAPES[c]
					out[#out + 1] = e ~= nil and e or "\\u" .. hexDigits(nil, c, 4)
					from = i + 1
					__continue8 = true
				until true
				if not __continue8 then
					break
				end
			end
			i = i + 1
		end
	end
	if from < #s then
		out[#out + 1] = from == 0 and s or __TS__StringSubstring(s, from)
	end
	out[#out + 1] = "\""
end
local function intDigits(self, n)
	if n == 0 then
		return "0"
	end
	local d = {}
	while n > 0 do
		local q = math.floor(n / 10)
		d[#d + 1] = tostring(n - q * 10)
		n = q
	end
	return table.concat(
		__TS__ArrayReverse(d),
		""
	)
end
local MAX_EXACT = 9007199254740992
local function encodeNumber(self, v)
	if v ~= v or v == math.huge or v == -math.huge then
		return "null"
	end
	local neg = v < 0
	local a = neg and -v or v
	if math.floor(a) == a and a < MAX_EXACT then
		return (neg and a ~= 0 and "-" or "") .. intDigits(nil, a)
	end
	local e = 0
	while a >= 1000000000000000 do
		a = a / 10
		e = e + 1
	end
	while a < 100000000000000 do
		a = a * 10
		e = e - 1
	end
	local m = math.floor(a + 0.5)
	if m >= 1000000000000000 then
		m = math.floor(m / 10)
		e = e + 1
	end
	local digits = intDigits(nil, m)
	while #digits > 1 and __TS__StringCharAt(digits, #digits - 1) == "0" do
		digits = __TS__StringSubstring(digits, 0, #digits - 1)
	end
	local x = e + 14
	local s
	if x >= 21 or x <= -7 then
		s = (((string.sub(digits, 1, 1) .. (#digits > 1 and "." .. __TS__StringSubstring(digits, 1) or "")) .. "e") .. (x < 0 and "-" or "+")) .. intDigits(nil, x < 0 and -x or x)
	elseif x < 0 then
		local zeros = ""
		do
			local i = -1
			while i > x do
				zeros = zeros .. "0"
				i = i - 1
			end
		end
		s = ("0." .. zeros) .. digits
	elseif #digits > x + 1 then
		s = (__TS__StringSubstring(digits, 0, x + 1) .. ".") .. __TS__StringSubstring(digits, x + 1)
	else
		s = digits
		while #s < x + 1 do
			s = s .. "0"
		end
	end
	return (neg and "-" or "") .. s
end
local function encodeValue(self, v, indent, depth, out)
	if v == nil or v == nil then
		out[#out + 1] = "null"
		return
	end
	local t = __TS__TypeOf(v)
	if t == "string" then
		return encodeString(nil, v, out)
	end
	if t == "number" then
		out[#out + 1] = encodeNumber(nil, v)
		return
	end
	if t == "boolean" then
		out[#out + 1] = v == true and "true" or "false"
		return
	end
	if t ~= "object" then
		error(
			__TS__New(SplitwanError, EXIT_SYSTEM, "JSON: cannot encode a " .. t),
			0
		)
	end
	local obj = v
	local inner = indent ~= nil and depth .. indent or depth
	local nl = indent ~= nil and "\n" or ""
	if isEmptyTable(nil, obj) then
		out[#out + 1] = emptyArrays:has(obj) and "[]" or "{}"
		return
	end
	if __TS__ArrayIsArray(obj) then
		out[#out + 1] = "["
		do
			local i = 0
			while i < #obj do
				out[#out + 1] = i > 0 and ("," .. nl) .. inner or nl .. inner
				encodeValue(
					nil,
					obj[i + 1],
					indent,
					inner,
					out
				)
				i = i + 1
			end
		end
		out[#out + 1] = (nl .. depth) .. "]"
		return
	end
	local record = obj
	local keys = {}
	for k in pairs(record) do
		if record[k] ~= nil and record[k] ~= nil then
			keys[#keys + 1] = k
		end
	end
	if #keys == 0 then
		out[#out + 1] = "{}"
		return
	end
	local names = __TS__ArrayMap(
		keys,
		function(____, k) return k end
	)
	local order = __TS__ArrayMap(
		names,
		function(____, _, i) return i end
	)
	__TS__ArraySort(
		order,
		function(____, x, y) return names[x + 1] < names[y + 1] and -1 or (names[x + 1] > names[y + 1] and 1 or 0) end
	)
	out[#out + 1] = "{"
	do
		local i = 0
		while i < #order do
			out[#out + 1] = i > 0 and ("," .. nl) .. inner or nl .. inner
			encodeString(nil, names[order[i + 1] + 1], out)
			out[#out + 1] = indent ~= nil and ": " or ":"
			encodeValue(
				nil,
				record[keys[order[i + 1] + 1]],
				indent,
				inner,
				out
			)
			i = i + 1
		end
	end
	out[#out + 1] = (nl .. depth) .. "}"
end
function ____exports.jsonEncode(self, value, pretty)
	local out = {}
	encodeValue(
		nil,
		value,
		pretty == true and "  " or nil,
		"",
		out
	)
	return table.concat(out, "")
end
local JsonReader = __TS__Class()
JsonReader.name = "JsonReader"
function JsonReader.prototype.____constructor(self, text)
	self.text = text
	self.pos = 0
end
function JsonReader.prototype.fail(self, message, at)
	error(
		__TS__New(
			SplitwanError,
			EXIT_SYSTEM,
			(("JSON: " .. message) .. " at position ") .. tostring(at or self.pos)
		),
		0
	)
end
function JsonReader.prototype.skipWs(self)
	while self.pos < #self.text do
		local c = __TS__StringCharCodeAt(self.text, self.pos)
		if c ~= 32 and c ~= 9 and c ~= 10 and c ~= 13 then
			return
		end
		self.pos = self.pos + 1
	end
end
function JsonReader.prototype.peek(self)
	return __TS__StringCharAt(self.text, self.pos)
end
function JsonReader.prototype.expectWord(self, word)
	if __TS__StringSubstring(self.text, self.pos, self.pos + #word) ~= word then
		self:fail("unexpected character")
	end
	self.pos = self.pos + #word
end
function JsonReader.prototype.value(self)
	self:skipWs()
	local c = self:peek()
	if c == "{" then
		return self:object()
	end
	if c == "[" then
		return self:array()
	end
	if c == "\"" then
		return self:string()
	end
	if c == "t" then
		self:expectWord("true")
		return true
	end
	if c == "f" then
		self:expectWord("false")
		return false
	end
	if c == "n" then
		self:expectWord("null")
		return nil
	end
	if c == "-" or c >= "0" and c <= "9" then
		return self:number()
	end
	if c == "" then
		self:fail("unexpected end")
	end
	return self:fail("unexpected character")
end
function JsonReader.prototype.object(self)
	self.pos = self.pos + 1
	local obj = {}
	self:skipWs()
	if self:peek() == "}" then
		self.pos = self.pos + 1
		return obj
	end
	while true do
		self:skipWs()
		if self:peek() ~= "\"" then
			self:fail("expected a string key")
		end
		local key = self:string()
		self:skipWs()
		if self:peek() ~= ":" then
			self:fail("expected ':'")
		end
		self.pos = self.pos + 1
		local v = self:value()
		if v ~= nil then
			obj[key] = v
		end
		self:skipWs()
		local c = self:peek()
		self.pos = self.pos + 1
		if c == "}" then
			return obj
		end
		if c ~= "," then
			self:fail("expected ',' or '}'", self.pos - 1)
		end
	end
end
function JsonReader.prototype.array(self)
	self.pos = self.pos + 1
	local arr = {}
	self:skipWs()
	if self:peek() == "]" then
		self.pos = self.pos + 1
		return ____exports.jsonArray(nil, arr)
	end
	while true do
		local at = self.pos
		local v = self:value()
		if v == nil then
			self:fail("null inside an array is not supported", at)
		end
		arr[#arr + 1] = v
		self:skipWs()
		local c = self:peek()
		self.pos = self.pos + 1
		if c == "]" then
			return arr
		end
		if c ~= "," then
			self:fail("expected ',' or ']'", self.pos - 1)
		end
	end
end
function JsonReader.prototype.hex4(self)
	local n = 0
	do
		local i = 0
		while i < 4 do
			local d = hexDigitValue(
				nil,
				__TS__StringCharAt(self.text, self.pos)
			)
			if d < 0 or self.pos >= #self.text then
				self:fail("bad \\u escape")
			end
			n = n * 16 + d
			self.pos = self.pos + 1
			i = i + 1
		end
	end
	return n
end
function JsonReader.prototype.codePoint(self, cp)
	if not BYTE_STRINGS then
		return string.char(cp)
	end
	if cp < 128 then
		return string.char(cp)
	end
	if cp < 2048 then
		return string.char(
			192 + math.floor(cp / 64),
			128 + cp % 64
		)
	end
	if cp < 65536 then
		return string.char(
			224 + math.floor(cp / 4096),
			128 + math.floor(cp / 64) % 64,
			128 + cp % 64
		)
	end
	return string.char(
		240 + math.floor(cp / 262144),
		128 + math.floor(cp / 4096) % 64,
		128 + math.floor(cp / 64) % 64,
		128 + cp % 64
	)
end
function JsonReader.prototype.unicodeEscape(self)
	local hi = self:hex4()
	if hi >= 55296 and hi <= 56319 and __TS__StringSubstring(self.text, self.pos, self.pos + 2) == "\\u" then
		local save = self.pos
		self.pos = self.pos + 2
		local lo = self:hex4()
		if lo >= 56320 and lo <= 57343 then
			if not BYTE_STRINGS then
				return string.char(hi, lo)
			end
			return self:codePoint(65536 + (hi - 55296) * 1024 + (lo - 56320))
		end
		self.pos = save
	end
	if hi >= 55296 and hi <= 57343 then
		return self:codePoint(65533)
	end
	return self:codePoint(hi)
end
function JsonReader.prototype.string(self)
	local start = self.pos
	self.pos = self.pos + 1
	local parts = {}
	local from = self.pos
	while true do
		if self.pos >= #self.text then
			self:fail("unterminated string", start)
		end
		local c = __TS__StringCharCodeAt(self.text, self.pos)
		if c == 34 then
			parts[#parts + 1] = __TS__StringSubstring(self.text, from, self.pos)
			self.pos = self.pos + 1
			return table.concat(parts, "")
		end
		if c < 32 then
			self:fail("control character in string")
		end
		if c ~= 92 then
			self.pos = self.pos + 1
		else
			parts[#parts + 1] = __TS__StringSubstring(self.text, from, self.pos)
			local e = __TS__StringCharAt(self.text, self.pos + 1)
			self.pos = self.pos + 2
			if e == "\"" then
				parts[#parts + 1] = "\""
			elseif e == "\\" then
				parts[#parts + 1] = "\\"
			elseif e == "/" then
				parts[#parts + 1] = "/"
			elseif e == "b" then
				parts[#parts + 1] = "\b"
			elseif e == "f" then
				parts[#parts + 1] = "\f"
			elseif e == "n" then
				parts[#parts + 1] = "\n"
			elseif e == "r" then
				parts[#parts + 1] = "\r"
			elseif e == "t" then
				parts[#parts + 1] = "\t"
			elseif e == "u" then
				parts[#parts + 1] = self:unicodeEscape()
			else
				self:fail("bad escape", self.pos - 2)
			end
			from = self.pos
		end
	end
end
function JsonReader.prototype.digits(self)
	local start = self.pos
	while self.pos < #self.text do
		local c = __TS__StringCharCodeAt(self.text, self.pos)
		if c < 48 or c > 57 then
			break
		end
		self.pos = self.pos + 1
	end
	return self.pos - start
end
function JsonReader.prototype.number(self)
	local start = self.pos
	if self:peek() == "-" then
		self.pos = self.pos + 1
	end
	if self:peek() == "0" then
		self.pos = self.pos + 1
	elseif self:digits() == 0 then
		self:fail("bad number", start)
	end
	if self:peek() == "." then
		self.pos = self.pos + 1
		if self:digits() == 0 then
			self:fail("bad number", start)
		end
	end
	if self:peek() == "e" or self:peek() == "E" then
		self.pos = self.pos + 1
		if self:peek() == "+" or self:peek() == "-" then
			self.pos = self.pos + 1
		end
		if self:digits() == 0 then
			self:fail("bad number", start)
		end
	end
	return __TS__Number(__TS__StringSubstring(self.text, start, self.pos))
end
function ____exports.jsonDecode(self, text)
	local r = __TS__New(JsonReader, text)
	local v = r:value()
	r:skipWs()
	if r.pos < #text then
		r:fail("trailing characters")
	end
	return v
end
return ____exports
