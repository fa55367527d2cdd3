-- generated from src/core/ddns/value-domain.ts by typescript-to-lua: edit the TypeScript, not this file
local ____lualib = require("splitwan.lualib_bundle")
local __TS__StringCharAt = ____lualib.__TS__StringCharAt
local __TS__StringCharCodeAt = ____lualib.__TS__StringCharCodeAt
local __TS__StringSlice = ____lualib.__TS__StringSlice
local __TS__Number = ____lualib.__TS__Number
local ____exports = {}
local ____encode = require("splitwan.core.ddns.encode")
local formEncode = ____encode.formEncode
local scrub = ____encode.scrub
local ____outcome = require("splitwan.core.ddns.outcome")
local noAnswer = ____outcome.noAnswer
____exports.VALUE_DOMAIN_URL = "https://dyn.value-domain.com/cgi-bin/dyn.fcg"
____exports.VALUE_DOMAIN_SPACING = 61
function ____exports.valueDomainRequest(self, s, ip)
	return {
		method = "POST",
		url = ____exports.VALUE_DOMAIN_URL,
		secretUrl = false,
		headers = {},
		contentType = "application/x-www-form-urlencoded",
		body = formEncode(nil, {{"d", s.domain}, {"p", s.password}, {"h", s.host}, {"i", ip}}),
		secrets = {s.password}
	}
end
local STATUS = {
	[0] = {"ok", "updated"},
	[1] = {"permanent", "bad request: check domain and host"},
	[2] = {"permanent", "bad domain or password: check domain and the DDNS password"},
	[3] = {"permanent", "Value Domain refused the IP address"},
	[4] = {"permanent", "password mismatch: use the dynamic DNS password from Value Domain's DDNS settings, not the login password"},
	[5] = {"transient", "Value Domain database busy"},
	[8] = {"permanent", "no such record: add the host to the domain's DNS records at Value Domain first"},
	[9] = {"transient", "Value Domain reported another error"}
}
function ____exports.valueDomainStatus(self, body)
	local at = (string.find(body, "status=", nil, true) or 0) - 1
	while at >= 0 do
		local prev = at == 0 and "\n" or __TS__StringCharAt(body, at - 1)
		if prev == "\n" or prev == "\r" or prev == " " or prev == ">" then
			local ____end = at + 7
			while ____end < #body and __TS__StringCharCodeAt(body, ____end) >= 48 and __TS__StringCharCodeAt(body, ____end) <= 57 do
				____end = ____end + 1
			end
			if ____end > at + 7 and ____end - at - 7 <= 3 then
				return __TS__Number(__TS__StringSlice(body, at + 7, ____end))
			end
		end
		at = (string.find(
			body,
			"status=",
			math.max(at + 7 + 1, 1),
			true
		) or 0) - 1
	end
	return nil
end
function ____exports.valueDomainOutcome(self, r, secrets)
	local answer = scrub(nil, r.body, secrets)
	if r.status == 0 then
		return noAnswer(
			nil,
			"Value Domain",
			r.error,
			r.fatal,
			secrets
		)
	end
	if r.status == 503 then
		return {kind = "transient", code = "http 503", message = "too frequent: Value Domain wants about 60 s between requests", answer = answer}
	end
	if r.status >= 500 then
		return {
			kind = "transient",
			code = "http " .. tostring(r.status),
			message = ("Value Domain server error (HTTP " .. tostring(r.status)) .. ")",
			answer = answer
		}
	end
	if r.status ~= 200 then
		return {
			kind = "permanent",
			code = "http " .. tostring(r.status),
			message = ("unexpected HTTP " .. tostring(r.status)) .. " from Value Domain",
			answer = answer
		}
	end
	local n = ____exports.valueDomainStatus(nil, r.body)
	if n == nil then
		local html = (string.find(r.body, "<", nil, true) or 0) - 1 >= 0
		local what = r.body == "" and "an empty answer" or (html and "an HTML page instead of status=N" or "an answer without status=N")
		return {kind = "transient", code = "malformed", message = "Value Domain sent " .. what, answer = answer}
	end
	local known = STATUS[n]
	if known == nil then
		return {
			kind = "transient",
			code = "status=" .. tostring(n),
			message = "unknown Value Domain status " .. tostring(n),
			answer = answer
		}
	end
	return {
		kind = known[1],
		code = "status=" .. tostring(n),
		message = known[2],
		answer = answer
	}
end
____exports.valueDomain = {update = function(self, s, ip, http)
	local req = ____exports.valueDomainRequest(nil, s, ip)
	return ____exports.valueDomainOutcome(
		nil,
		http(nil, req),
		req.secrets
	)
end}
return ____exports
