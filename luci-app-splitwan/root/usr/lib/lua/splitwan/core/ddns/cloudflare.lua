-- generated from src/core/ddns/cloudflare.ts by typescript-to-lua: edit the TypeScript, not this file
local ____lualib = require("splitwan.lualib_bundle")
local __TS__ArrayIsArray = ____lualib.__TS__ArrayIsArray
local ____exports = {}
local ____json = require("splitwan.core.json")
local jsonDecode = ____json.jsonDecode
local jsonEncode = ____json.jsonEncode
local ____encode = require("splitwan.core.ddns.encode")
local percentEncode = ____encode.percentEncode
local scrub = ____encode.scrub
local ____outcome = require("splitwan.core.ddns.outcome")
local noAnswer = ____outcome.noAnswer
____exports.CLOUDFLARE_API = "https://api.cloudflare.com/client/v4"
function ____exports.fqdn(self, s)
	return s.host == "" and s.domain or (s.host .. ".") .. s.domain
end
local function request(self, s, method, path, body)
	local req = {
		method = method,
		url = ____exports.CLOUDFLARE_API .. path,
		secretUrl = false,
		headers = {{"Authorization", "Bearer " .. s.token}},
		secrets = {s.token}
	}
	if body ~= nil then
		req.body = jsonEncode(nil, body)
		req.contentType = "application/json"
	end
	return req
end
function ____exports.zoneLookupRequest(self, s)
	return request(
		nil,
		s,
		"GET",
		"/zones?name=" .. percentEncode(nil, s.domain)
	)
end
function ____exports.recordLookupRequest(self, s, zoneId)
	local ____type = s.ipVersion == 6 and "AAAA" or "A"
	return request(
		nil,
		s,
		"GET",
		(((("/zones/" .. percentEncode(nil, zoneId)) .. "/dns_records?type=") .. ____type) .. "&name=") .. percentEncode(
			nil,
			____exports.fqdn(nil, s)
		)
	)
end
function ____exports.recordUpdateRequest(self, s, zoneId, recordId, ip)
	return request(
		nil,
		s,
		"PATCH",
		(("/zones/" .. percentEncode(nil, zoneId)) .. "/dns_records/") .. percentEncode(nil, recordId),
		{content = ip}
	)
end
local function field(self, o, key)
	local ____temp_0
	if type(o) == "table" and o ~= nil then
		____temp_0 = o[key]
	else
		____temp_0 = nil
	end
	return ____temp_0
end
local function parseAnswer(self, body)
	local v
	do
		local function ____catch(_e)
			return true, nil
		end
		local ____try, ____hasReturned, ____returnValue = pcall(function()
			v = jsonDecode(nil, body)
		end)
		if not ____try then
			____hasReturned, ____returnValue = ____catch(____hasReturned)
		end
		if ____hasReturned then
			return ____returnValue
		end
	end
	local success = field(nil, v, "success")
	if type(success) ~= "boolean" then
		return nil
	end
	local errors = {}
	local errs = field(nil, v, "errors")
	if __TS__ArrayIsArray(errs) then
		for ____, e in ipairs(errs) do
			local code = field(nil, e, "code")
			local message = field(nil, e, "message")
			errors[#errors + 1] = {
				code = code == nil and "" or tostring(code),
				message = type(message) == "string" and message or ""
			}
		end
	end
	return {
		success = success,
		errors = errors,
		result = field(nil, v, "result")
	}
end
local function judge(self, r, secrets)
	local answer = scrub(nil, r.body, secrets)
	if r.status == 0 then
		return {fail = noAnswer(
			nil,
			"Cloudflare",
			r.error,
			r.fatal,
			secrets
		)}
	end
	local parsed = parseAnswer(nil, r.body)
	local first = parsed ~= nil and #parsed.errors > 0 and parsed.errors[1] or nil
	local detail = first ~= nil and (((" (" .. first.code) .. " ") .. scrub(nil, first.message, secrets)) .. ")" or ""
	local code = first ~= nil and "cf " .. first.code or "http " .. tostring(r.status)
	if r.status == 401 or r.status == 403 then
		return {fail = {kind = "permanent", code = code, message = ("Cloudflare rejected the API token" .. detail) .. ": it needs Zone.DNS Edit for the zone (and Zone.Zone Read without zone_id)", answer = answer}}
	end
	if r.status == 429 or r.status >= 500 then
		return {fail = {
			kind = "transient",
			code = code,
			message = (("Cloudflare busy or failing (HTTP " .. tostring(r.status)) .. ")") .. detail,
			answer = answer
		}}
	end
	if parsed == nil then
		local what = r.body == "" and "an empty answer" or ((string.find(r.body, "<", nil, true) or 0) - 1 >= 0 and "an HTML page" or "an answer that is not API JSON")
		return {fail = {
			kind = r.status == 200 and "transient" or "permanent",
			code = "http " .. tostring(r.status),
			message = ((("Cloudflare sent " .. what) .. " (HTTP ") .. tostring(r.status)) .. ")",
			answer = answer
		}}
	end
	if r.status ~= 200 or not parsed.success then
		return {fail = {kind = "permanent", code = code, message = "Cloudflare refused the request" .. detail, answer = answer}}
	end
	return {answer = parsed}
end
local function findZone(self, s, http)
	if s.zoneId ~= "" then
		return {zoneId = s.zoneId}
	end
	local req = ____exports.zoneLookupRequest(nil, s)
	local j = judge(
		nil,
		http(nil, req),
		req.secrets
	)
	if j.fail ~= nil then
		return {fail = j.fail}
	end
	local ____opt_1 = j.answer
	local result = ____opt_1 and ____opt_1.result
	local ____temp_3
	if __TS__ArrayIsArray(result) and #result > 0 then
		____temp_3 = result[1]
	else
		____temp_3 = nil
	end
	local first = ____temp_3
	local id = field(nil, first, "id")
	if type(id) ~= "string" then
		return {fail = {kind = "permanent", code = "no zone", message = ("no Cloudflare zone named " .. s.domain) .. " for this token: check domain (the zone name) or set zone_id", answer = ""}}
	end
	return {zoneId = id}
end
____exports.cloudflare = {update = function(self, s, ip, http)
	local zone = findZone(nil, s, http)
	if zone.zoneId == nil then
		return zone.fail
	end
	local ____type = s.ipVersion == 6 and "AAAA" or "A"
	local lookup = ____exports.recordLookupRequest(nil, s, zone.zoneId)
	local found = judge(
		nil,
		http(nil, lookup),
		lookup.secrets
	)
	if found.fail ~= nil then
		return found.fail
	end
	local ____opt_4 = found.answer
	local result = ____opt_4 and ____opt_4.result
	local records = __TS__ArrayIsArray(result) and result or ({})
	if #records == 0 then
		return {
			kind = "permanent",
			code = "no record",
			message = ((("no " .. ____type) .. " record named ") .. ____exports.fqdn(nil, s)) .. " in the zone: create it in the Cloudflare dashboard first",
			answer = ""
		}
	end
	if #records > 1 then
		return {
			kind = "permanent",
			code = "several records",
			message = ((((tostring(#records) .. " ") .. ____type) .. " records are named ") .. ____exports.fqdn(nil, s)) .. ": keep one",
			answer = ""
		}
	end
	local id = field(nil, records[1], "id")
	if type(id) ~= "string" then
		return {kind = "transient", code = "malformed", message = "Cloudflare record without an id", answer = ""}
	end
	if field(nil, records[1], "content") == ip then
		return {
			kind = "unchanged",
			code = "unchanged",
			message = (____exports.fqdn(nil, s) .. " already points at ") .. ip,
			answer = ""
		}
	end
	local upd = ____exports.recordUpdateRequest(
		nil,
		s,
		zone.zoneId,
		id,
		ip
	)
	local done = judge(
		nil,
		http(nil, upd),
		upd.secrets
	)
	if done.fail ~= nil then
		return done.fail
	end
	local ____scrub_14 = scrub
	local ____field_8 = field
	local ____opt_6 = done.answer
	local ____field_8_result_9 = ____field_8(nil, ____opt_6 and ____opt_6.result, "name")
	if ____field_8_result_9 == nil then
		____field_8_result_9 = ""
	end
	local ____field_12 = field
	local ____opt_10 = done.answer
	local ____field_12_result_13 = ____field_12(nil, ____opt_10 and ____opt_10.result, "content")
	if ____field_12_result_13 == nil then
		____field_12_result_13 = ""
	end
	return {
		kind = "ok",
		code = "updated",
		message = "updated",
		answer = ____scrub_14(
			nil,
			(tostring(____field_8_result_9) .. " ") .. tostring(____field_12_result_13),
			upd.secrets
		)
	}
end}
return ____exports
