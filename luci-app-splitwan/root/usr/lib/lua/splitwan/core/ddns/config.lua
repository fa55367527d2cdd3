-- generated from src/core/ddns/config.ts by typescript-to-lua: edit the TypeScript, not this file
local ____lualib = require("splitwan.lualib_bundle")
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__StringStartsWith = ____lualib.__TS__StringStartsWith
local __TS__StringEndsWith = ____lualib.__TS__StringEndsWith
local __TS__StringCharCodeAt = ____lualib.__TS__StringCharCodeAt
local __TS__StringSplit = ____lualib.__TS__StringSplit
local __TS__ArrayFind = ____lualib.__TS__ArrayFind
local __TS__ArrayIncludes = ____lualib.__TS__ArrayIncludes
local __TS__Number = ____lualib.__TS__Number
local ____exports = {}
local ____section_2Dcheck = require("splitwan.core.section-check")
local checkSection = ____section_2Dcheck.checkSection
local ____addr = require("splitwan.core.addr")
local isDigits = ____addr.isDigits
local ____text = require("splitwan.core.text")
local hasControl = ____text.hasControl
local isAlnum = ____text.isAlnum
local isHexDigits = ____text.isHexDigits
local isName = ____text.isName
local ____uci = require("splitwan.core.uci")
local optString = ____uci.optString
local sectionsOf = ____uci.sectionsOf
local uciBool = ____uci.uciBool
____exports.DDNS_DEFAULTS = {enabled = "1", ip_version = "4", ip6_interface = "wan6", timeout = "30"}
____exports.PROVIDERS = {"value-domain", "mydns", "cloudflare"}
local function opt(self, s, name, fallback)
	local v = optString(nil, s, name)
	return (v == nil or v == "") and fallback or v
end
function ____exports.readDdns(self, cursor)
	return __TS__ArrayMap(
		sectionsOf(nil, cursor, "splitwan", "ddns"),
		function(____, s) return {
			section = s[".name"],
			enabled = opt(nil, s, "enabled", ____exports.DDNS_DEFAULTS.enabled),
			provider = opt(nil, s, "provider", ""),
			domain = opt(nil, s, "domain", ""),
			host = opt(nil, s, "host", ""),
			username = opt(nil, s, "username", ""),
			password = opt(nil, s, "password", ""),
			token = opt(nil, s, "token", ""),
			zone_id = opt(nil, s, "zone_id", ""),
			ip_version = opt(nil, s, "ip_version", ____exports.DDNS_DEFAULTS.ip_version),
			ip6_interface = opt(nil, s, "ip6_interface", ____exports.DDNS_DEFAULTS.ip6_interface),
			server = opt(nil, s, "server", ""),
			timeout = opt(nil, s, "timeout", ____exports.DDNS_DEFAULTS.timeout)
		} end
	)
end
local function isHostLabel(self, l)
	if #l == 0 or #l > 63 or __TS__StringStartsWith(l, "-") or __TS__StringEndsWith(l, "-") then
		return false
	end
	do
		local i = 0
		while i < #l do
			local c = __TS__StringCharCodeAt(l, i)
			if not isAlnum(nil, c) and c ~= 45 and c < 128 then
				return false
			end
			i = i + 1
		end
	end
	return true
end
local function isDnsName(self, s, host)
	if #s == 0 or #s > 253 then
		return false
	end
	local labels = __TS__StringSplit(s, ".")
	if not host and #labels < 2 then
		return false
	end
	do
		local i = 0
		while i < #labels do
			do
				local __continue14
				repeat
					if host and i == 0 and labels[i + 1] == "*" then
						__continue14 = true
						break
					end
					if not isHostLabel(nil, labels[i + 1]) then
						return false
					end
					__continue14 = true
				until true
				if not __continue14 then
					break
				end
			end
			i = i + 1
		end
	end
	return true
end
local function serverOf(self, r, ipVersion, servers, err)
	if r.server == "" then
		return nil
	end
	local found = __TS__ArrayFind(
		servers,
		function(____, x) return x.section == r.server end
	)
	if ipVersion == 4 then
		err(nil, "server", r.server, "only with ip_version 6: over IPv4 the PPPoE address is published, for every server")
	elseif found == nil then
		err(nil, "server", r.server, "no such server section")
	elseif uciBool(nil, found.enabled) ~= true then
		err(nil, "server", r.server, "this server is disabled: enable it or publish another one")
	elseif found.ip6_suffix == "" then
		err(nil, "server", r.server, "this server has no ip6_suffix: set its IPv6 suffix (like ::5) first")
	else
		return {name = found.section, zone = found.zone, suffix = found.ip6_suffix}
	end
	return nil
end
function ____exports.checkDdns(self, raws, servers)
	local errors = {}
	local sections = {}
	local targets = {}
	for ____, r in ipairs(raws) do
		do
			local __continue26
			repeat
				local before = #errors
				local err = checkSection(nil, r.section, r.enabled, errors)
				if err == nil then
					__continue26 = true
					break
				end
				local provider = r.provider
				if r.provider == "" then
					err(
						nil,
						"provider",
						nil,
						"required: one of " .. table.concat(____exports.PROVIDERS, ", ")
					)
				elseif not __TS__ArrayIncludes(____exports.PROVIDERS, provider) then
					err(
						nil,
						"provider",
						r.provider,
						"unknown provider: use one of " .. table.concat(____exports.PROVIDERS, ", ")
					)
				end
				local ipVersion = r.ip_version == "4" and 4 or (r.ip_version == "6" and 6 or nil)
				if ipVersion == nil then
					err(nil, "ip_version", r.ip_version, "must be 4 or 6")
				elseif ipVersion == 6 and provider == "value-domain" then
					err(nil, "ip_version", r.ip_version, "Value Domain updates are IPv4 only here")
				end
				if not isName(nil, r.ip6_interface) then
					err(nil, "ip6_interface", r.ip6_interface, "not a network interface name")
				end
				local server = serverOf(
					nil,
					r,
					ipVersion,
					servers,
					err
				)
				local timeout = isDigits(nil, r.timeout) and #r.timeout <= 3 and __TS__Number(r.timeout) or nil
				if timeout == nil or timeout < 1 or timeout > 300 then
					err(nil, "timeout", r.timeout, "must be a whole number of seconds from 1 to 300")
				end
				local needsDomain = provider == "value-domain" or provider == "cloudflare"
				if needsDomain and r.domain == "" then
					err(nil, "domain", nil, provider == "cloudflare" and "required: the zone name, like example.com" or "required: the domain, like example.com")
				elseif r.domain ~= "" and not isDnsName(nil, r.domain, false) then
					err(nil, "domain", r.domain, "not a domain name")
				end
				local host = r.host == "@" and "" or r.host
				if needsDomain and host ~= "" and not isDnsName(nil, host, true) then
					err(nil, "host", r.host, "must be empty or @ (the domain itself), * (wildcard) or a name like www")
				end
				if provider == "mydns" and host ~= "" then
					err(nil, "host", r.host, "MyDNS updates every domain of the master ID: leave host empty")
				end
				if provider == "value-domain" or provider == "mydns" then
					if r.password == "" then
						err(nil, "password", nil, provider == "mydns" and "required: the MyDNS password" or "required: the dynamic DNS password from Value Domain")
					elseif hasControl(nil, r.password) then
						err(nil, "password", nil, "must not contain control characters")
					end
				end
				if provider == "mydns" then
					if r.username == "" then
						err(nil, "username", nil, "required: the MyDNS master ID (like mydns123456)")
					elseif not isName(nil, r.username, "-") then
						err(nil, "username", r.username, "not a MyDNS master ID")
					end
				end
				if provider == "cloudflare" then
					if r.token == "" then
						err(nil, "token", nil, "required: a Cloudflare API token with Zone.DNS Edit")
					elseif not isName(nil, r.token, "-.") then
						err(nil, "token", nil, "not an API token (letters, digits, - _ .)")
					end
					if r.zone_id ~= "" and (#r.zone_id ~= 32 or not isHexDigits(nil, r.zone_id)) then
						err(nil, "zone_id", r.zone_id, "not a Cloudflare zone id (32 hex digits)")
					end
				end
				local target = ((((((r.provider .. " ") .. r.username) .. " ") .. (host == "" and "" or host .. ".")) .. r.domain) .. " ") .. r.ip_version
				if #errors == before and __TS__ArrayIncludes(targets, target) then
					err(nil, nil, nil, "another ddns section updates the same record")
				end
				targets[#targets + 1] = target
				if #errors > before then
					__continue26 = true
					break
				end
				sections[#sections + 1] = {
					name = r.section,
					provider = provider,
					domain = r.domain,
					host = host,
					username = r.username,
					password = r.password,
					token = r.token,
					zoneId = r.zone_id,
					ipVersion = ipVersion,
					ip6Interface = r.ip6_interface,
					server = server,
					timeout = timeout
				}
				__continue26 = true
			until true
			if not __continue26 then
				break
			end
		end
	end
	return {sections = sections, errors = errors}
end
function ____exports.validateDdns(self, raws, servers)
	return ____exports.checkDdns(nil, raws, servers).errors
end
return ____exports
