-- generated from src/core/config.ts by typescript-to-lua: edit the TypeScript, not this file
local ____lualib = require("splitwan.lualib_bundle")
local __TS__StringSlice = ____lualib.__TS__StringSlice
local __TS__StringSplit = ____lualib.__TS__StringSplit
local __TS__Number = ____lualib.__TS__Number
local __TS__ArrayFilter = ____lualib.__TS__ArrayFilter
local __TS__StringStartsWith = ____lualib.__TS__StringStartsWith
local __TS__StringEndsWith = ____lualib.__TS__StringEndsWith
local __TS__New = ____lualib.__TS__New
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local ____exports = {}
local ____config = require("splitwan.core.ddns.config")
local readDdns = ____config.readDdns
local ____errors = require("splitwan.core.errors")
local EXIT_INVALID = ____errors.EXIT_INVALID
local SplitwanError = ____errors.SplitwanError
local ____addr = require("splitwan.core.addr")
local isDigits = ____addr.isDigits
local ____text = require("splitwan.core.text")
local quote = ____text.quote
local ____uci = require("splitwan.core.uci")
local optList = ____uci.optList
local optString = ____uci.optString
local sectionsOf = ____uci.sectionsOf
____exports.CONFIG_FILE = "/etc/config/splitwan"
____exports.DEFAULTS = {
	enabled = "0",
	mtu = "1454",
	interface = "wanppp",
	zone = "wan_pppoe",
	table = "300",
	table_name = "pppoe",
	priority = "30000",
	mark = "0x10000000",
	server_zone = "lan",
	mode = "source",
	resolver = "1.1.1.1"
}
local function opt(self, s, name, fallback)
	local v = optString(nil, s, name)
	return (v == nil or v == "") and fallback or v
end
local function errorLine(self, message)
	local at = (string.find(message, " at line ", nil, true) or 0) - 1
	if at < 0 then
		return nil
	end
	local digits = __TS__StringSplit(
		__TS__StringSlice(message, at + 9),
		","
	)[1]
	return isDigits(nil, digits) and __TS__Number(digits) or nil
end
function ____exports.sectionAtLine(self, text, line)
	local lines = __TS__StringSplit(text, "\n")
	do
		local i = math.min(line, #lines) - 1
		while i >= 0 do
			do
				local __continue7
				repeat
					local words = __TS__ArrayFilter(
						__TS__StringSplit(
							table.concat(
								__TS__StringSplit(lines[i + 1], "\t"),
								" "
							),
							" "
						),
						function(____, w) return w ~= "" end
					)
					if #words < 2 or words[1] ~= "config" and words[1] ~= "c" then
						__continue7 = true
						break
					end
					local function unquote(____, w)
						return #w >= 2 and (__TS__StringStartsWith(w, "'") or __TS__StringStartsWith(w, "\"")) and __TS__StringEndsWith(
							w,
							string.sub(w, 1, 1)
						) and __TS__StringSlice(w, 1, #w - 1) or w
					end
					return #words >= 3 and (unquote(nil, words[2]) .. " ") .. quote(
						nil,
						unquote(nil, words[3])
					) or unquote(nil, words[2]) .. " (unnamed)"
				until true
				if not __continue7 then
					break
				end
			end
			i = i - 1
		end
	end
	return nil
end
local function refuseUnparsable(self, cursor, readFile)
	local ok, err = cursor:load("splitwan")
	if ok or err == nil or (string.find(err, "Parse error", nil, true) or 0) - 1 < 0 then
		return
	end
	local line = errorLine(nil, err)
	local ____temp_0
	if readFile ~= nil then
		____temp_0 = readFile(nil, ____exports.CONFIG_FILE)
	else
		____temp_0 = nil
	end
	local text = ____temp_0
	local ____temp_1
	if line ~= nil and text ~= nil then
		____temp_1 = ____exports.sectionAtLine(nil, text, line)
	else
		____temp_1 = nil
	end
	local section = ____temp_1
	local where = (____exports.CONFIG_FILE .. (line ~= nil and " line " .. tostring(line) or "")) .. (section ~= nil and (" (in config " .. section) .. ")" or "")
	error(
		__TS__New(SplitwanError, EXIT_INVALID, (where .. ": ") .. err),
		0
	)
end
function ____exports.readConfig(self, cursor, readFile)
	if not cursor:foreach(
		"splitwan",
		nil,
		function() return false end
	) then
		refuseUnparsable(nil, cursor, readFile)
	end
	local mainSection
	for ____, s in ipairs(sectionsOf(nil, cursor, "splitwan", "splitwan")) do
		if mainSection == nil or s[".name"] == "main" then
			mainSection = s
		end
	end
	local main = {
		section = mainSection ~= nil and mainSection[".name"] or "main",
		enabled = opt(nil, mainSection, "enabled", ____exports.DEFAULTS.enabled),
		username = opt(nil, mainSection, "username", ""),
		password = opt(nil, mainSection, "password", ""),
		device = opt(nil, mainSection, "device", ""),
		mtu = opt(nil, mainSection, "mtu", ____exports.DEFAULTS.mtu),
		interface = opt(nil, mainSection, "interface", ____exports.DEFAULTS.interface),
		zone = opt(nil, mainSection, "zone", ____exports.DEFAULTS.zone),
		table = opt(nil, mainSection, "table", ____exports.DEFAULTS.table),
		table_name = opt(nil, mainSection, "table_name", ____exports.DEFAULTS.table_name),
		priority = opt(nil, mainSection, "priority", ____exports.DEFAULTS.priority),
		mark = opt(nil, mainSection, "mark", ____exports.DEFAULTS.mark),
		resolver = opt(nil, mainSection, "resolver", ____exports.DEFAULTS.resolver)
	}
	local servers = __TS__ArrayMap(
		sectionsOf(nil, cursor, "splitwan", "server"),
		function(____, s) return {
			section = s[".name"],
			enabled = opt(nil, s, "enabled", "1"),
			ipaddr = opt(nil, s, "ipaddr", ""),
			zone = opt(nil, s, "zone", ____exports.DEFAULTS.server_zone),
			mode = opt(nil, s, "mode", ____exports.DEFAULTS.mode),
			ip6_suffix = opt(nil, s, "ip6_suffix", ""),
			ports = optList(nil, s, "port")
		} end
	)
	return {
		main = main,
		servers = servers,
		ddns = readDdns(nil, cursor)
	}
end
return ____exports
