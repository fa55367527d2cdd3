-- generated from src/core/ddns/mydns.ts by typescript-to-lua: edit the TypeScript, not this file
local ____exports = {}
local ____encode = require("splitwan.core.ddns.encode")
local formEncode = ____encode.formEncode
local scrub = ____encode.scrub
local ____outcome = require("splitwan.core.ddns.outcome")
local noAnswer = ____outcome.noAnswer
____exports.MYDNS_URL = "https://www.mydns.jp/directip.html"
function ____exports.mydnsRequest(self, s, ip)
	local query = formEncode(nil, {{"MID", s.username}, {"PWD", s.password}, {s.ipVersion == 6 and "IPV6ADDR" or "IPV4ADDR", ip}})
	return {
		method = "GET",
		url = (____exports.MYDNS_URL .. "?") .. query,
		secretUrl = true,
		headers = {},
		secrets = {s.password}
	}
end
function ____exports.mydnsOutcome(self, r, secrets)
	local answer = scrub(nil, r.body, secrets)
	if r.status == 0 then
		return noAnswer(
			nil,
			"MyDNS",
			r.error,
			r.fatal,
			secrets
		)
	end
	if r.status == 401 or r.status == 403 then
		return {
			kind = "permanent",
			code = "http " .. tostring(r.status),
			message = "MyDNS rejected the master ID or password: check username and password",
			answer = answer
		}
	end
	if r.status == 429 or r.status >= 500 then
		return {
			kind = "transient",
			code = "http " .. tostring(r.status),
			message = ("MyDNS busy or failing (HTTP " .. tostring(r.status)) .. ")",
			answer = answer
		}
	end
	if r.status ~= 200 then
		return {
			kind = "permanent",
			code = "http " .. tostring(r.status),
			message = ("unexpected HTTP " .. tostring(r.status)) .. " from MyDNS",
			answer = answer
		}
	end
	return {kind = "ok", code = "http 200", message = "accepted", answer = answer}
end
____exports.mydns = {update = function(self, s, ip, http)
	local req = ____exports.mydnsRequest(nil, s, ip)
	return ____exports.mydnsOutcome(
		nil,
		http(nil, req),
		req.secrets
	)
end}
return ____exports
