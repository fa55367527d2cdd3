-- generated from src/core/ports.ts by typescript-to-lua: edit the TypeScript, not this file
local ____lualib = require("splitwan.lualib_bundle")
local __TS__StringStartsWith = ____lualib.__TS__StringStartsWith
local __TS__Number = ____lualib.__TS__Number
local __TS__StringSlice = ____lualib.__TS__StringSlice
local __TS__StringTrim = ____lualib.__TS__StringTrim
local __TS__StringSplit = ____lualib.__TS__StringSplit
local ____exports = {}
local ____addr = require("splitwan.core.addr")
local isDigits = ____addr.isDigits
local ____text = require("splitwan.core.text")
local escape = ____text.escape
local function parsePort(self, text)
	if not isDigits(nil, text) or #text > 5 then
		return nil
	end
	if #text > 1 and __TS__StringStartsWith(text, "0") then
		return nil
	end
	local n = __TS__Number(text)
	return n >= 1 and n <= 65535 and n or nil
end
local function parseSpec(self, text, proto)
	local colon = (string.find(text, ":", nil, true) or 0) - 1
	if colon >= 0 then
		local ext = parsePort(
			nil,
			__TS__StringSlice(text, 0, colon)
		)
		local int = parsePort(
			nil,
			__TS__StringSlice(text, colon + 1)
		)
		if (string.find(text, "-", nil, true) or 0) - 1 >= 0 then
			return ("\"" .. escape(nil, text)) .. "\": a range cannot be moved to other ports; publish it as the same range"
		end
		if ext == nil or int == nil then
			return ("\"" .. escape(nil, text)) .. "\": ports are whole numbers from 1 to 65535"
		end
		return {extFrom = ext, extTo = ext, intFrom = int, proto = proto}
	end
	local dash = (string.find(text, "-", nil, true) or 0) - 1
	if dash >= 0 then
		local from = parsePort(
			nil,
			__TS__StringSlice(text, 0, dash)
		)
		local to = parsePort(
			nil,
			__TS__StringSlice(text, dash + 1)
		)
		if from == nil or to == nil then
			return ("\"" .. escape(nil, text)) .. "\": ports are whole numbers from 1 to 65535"
		end
		if to <= from then
			return ("\"" .. escape(nil, text)) .. "\": a range goes from the lower port to the higher"
		end
		return {extFrom = from, extTo = to, intFrom = from, proto = proto}
	end
	local port = parsePort(nil, text)
	if port == nil then
		return ("\"" .. escape(nil, text)) .. "\": ports are whole numbers from 1 to 65535"
	end
	return {extFrom = port, extTo = port, intFrom = port, proto = proto}
end
function ____exports.parsePortItem(self, item)
	local text = __TS__StringTrim(item)
	if text == "" then
		return {ok = false, error = "empty port entry"}
	end
	local proto = "tcp"
	local body = text
	local slash = (string.find(text, "/", nil, true) or 0) - 1
	if slash >= 0 then
		local p = string.lower(__TS__StringSlice(text, slash + 1))
		if p ~= "tcp" and p ~= "udp" and p ~= "both" then
			return {
				ok = false,
				error = ("\"" .. escape(nil, text)) .. "\": protocol must be tcp, udp or both"
			}
		end
		proto = p
		body = __TS__StringSlice(text, 0, slash)
	end
	local specs = {}
	for ____, part in ipairs(__TS__StringSplit(body, ",")) do
		local spec = parseSpec(
			nil,
			__TS__StringTrim(part),
			proto
		)
		if type(spec) == "string" then
			return {ok = false, error = spec}
		end
		specs[#specs + 1] = spec
	end
	return {ok = true, specs = specs}
end
local function protoCovers(self, p, q)
	return p == "both" or p == q
end
function ____exports.portsOverlap(self, a, b)
	local sameProto = protoCovers(nil, a.proto, "tcp") and protoCovers(nil, b.proto, "tcp") or protoCovers(nil, a.proto, "udp") and protoCovers(nil, b.proto, "udp")
	return sameProto and a.extFrom <= b.extTo and b.extFrom <= a.extTo
end
function ____exports.extPorts(self, s)
	return s.extFrom == s.extTo and tostring(s.extFrom) or (tostring(s.extFrom) .. "-") .. tostring(s.extTo)
end
function ____exports.intPorts(self, s)
	local to = s.intFrom + (s.extTo - s.extFrom)
	return s.intFrom == to and tostring(s.intFrom) or (tostring(s.intFrom) .. "-") .. tostring(to)
end
function ____exports.formatSpec(self, s)
	local body = s.intFrom ~= s.extFrom and (tostring(s.extFrom) .. ":") .. tostring(s.intFrom) or ____exports.extPorts(nil, s)
	return (body .. "/") .. s.proto
end
return ____exports
