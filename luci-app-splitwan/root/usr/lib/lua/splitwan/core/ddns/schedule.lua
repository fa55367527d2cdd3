-- generated from src/core/ddns/schedule.ts by typescript-to-lua: edit the TypeScript, not this file
local ____exports = {}
local ____value_2Ddomain = require("splitwan.core.ddns.value-domain")
local VALUE_DOMAIN_SPACING = ____value_2Ddomain.VALUE_DOMAIN_SPACING
____exports.BACKOFF = {
	60,
	120,
	300,
	600,
	1200
}
____exports.MAX_ATTEMPTS = #____exports.BACKOFF + 1
function ____exports.retryDelay(self, failures)
	return failures >= 1 and failures <= #____exports.BACKOFF and ____exports.BACKOFF[failures] or nil
end
function ____exports.spacing(self, provider)
	return provider == "value-domain" and VALUE_DOMAIN_SPACING or 0
end
function ____exports.targetOf(self, s)
	local name = s.host == "" and s.domain or (s.host .. ".") .. s.domain
	return (((((s.provider .. " ") .. s.username) .. " ") .. name) .. " ipv") .. tostring(s.ipVersion)
end
function ____exports.alreadySent(self, st, s, ip)
	return st ~= nil and st.target == ____exports.targetOf(nil, s) and st.successIp == ip
end
function ____exports.sendTime(self, now, provider, lastRequest, nextRetry)
	local t = now
	if lastRequest ~= nil and lastRequest + ____exports.spacing(nil, provider) > t then
		t = lastRequest + ____exports.spacing(nil, provider)
	end
	if nextRetry ~= nil and nextRetry > t then
		t = nextRetry
	end
	return t
end
____exports.LONGEST_DELAY = ____exports.BACKOFF[#____exports.BACKOFF]
return ____exports
