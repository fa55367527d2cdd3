-- generated from src/core/ddns/state.ts by typescript-to-lua: edit the TypeScript, not this file
local ____exports = {}
local ____json = require("splitwan.core.json")
local jsonDecode = ____json.jsonDecode
local jsonEncode = ____json.jsonEncode
____exports.DDNS_RUN_DIR = "/var/run/splitwan/ddns"
function ____exports.statePath(self, section)
	return ((____exports.DDNS_RUN_DIR .. "/") .. section) .. ".json"
end
function ____exports.lastRequestPath(self, provider)
	return (____exports.DDNS_RUN_DIR .. "/last-request.") .. provider
end
local NUMBERS = {"lastAttempt", "lastSuccess", "failures", "nextRetry"}
local STRINGS = {
	"target",
	"ipSent",
	"successIp",
	"result",
	"code",
	"message",
	"answer"
}
function ____exports.encodeState(self, s)
	return jsonEncode(nil, s) .. "\n"
end
function ____exports.decodeState(self, text)
	if text == nil or text == "" then
		return nil
	end
	local v
	do
		local function ____catch(_e)
			return true, nil
		end
		local ____try, ____hasReturned, ____returnValue = pcall(function()
			v = jsonDecode(nil, text)
		end)
		if not ____try then
			____hasReturned, ____returnValue = ____catch(____hasReturned)
		end
		if ____hasReturned then
			return ____returnValue
		end
	end
	if type(v) ~= "table" or v == nil then
		return nil
	end
	local o = v
	if type(o.target) ~= "string" then
		return nil
	end
	local out = {target = o.target, failures = 0}
	local w = out
	for ____, k in ipairs(NUMBERS) do
		if type(o[k]) == "number" then
			w[k] = o[k]
		end
	end
	for ____, k in ipairs(STRINGS) do
		if type(o[k]) == "string" then
			w[k] = o[k]
		end
	end
	if o.gaveUp == true then
		out.gaveUp = true
	end
	return out
end
return ____exports
