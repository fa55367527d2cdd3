-- generated from src/core/ddns/outcome.ts by typescript-to-lua: edit the TypeScript, not this file
local ____exports = {}
local ____encode = require("splitwan.core.ddns.encode")
local scrub = ____encode.scrub
function ____exports.noAnswer(self, service, ____error, fatal, secrets)
	local why = scrub(nil, ____error or "unknown error", secrets)
	if fatal == true then
		return {kind = "permanent", code = "client", message = (("cannot reach " .. service) .. ": ") .. why, answer = ""}
	end
	return {kind = "transient", code = "network", message = (("no answer from " .. service) .. ": ") .. why, answer = ""}
end
return ____exports
