-- generated from src/core/section-check.ts by typescript-to-lua: edit the TypeScript, not this file
local ____exports = {}
local ____text = require("splitwan.core.text")
local isName = ____text.isName
local ____uci = require("splitwan.core.uci")
local uciBool = ____uci.uciBool
function ____exports.checkSection(self, section, enabled, errors)
	local function err(____, option, value, message)
		errors[#errors + 1] = {section = section, option = option, value = value, message = message}
	end
	local on = uciBool(nil, enabled)
	if on == nil then
		err(nil, "enabled", enabled, "must be 0 or 1")
	end
	if on ~= true then
		return nil
	end
	if not isName(nil, section) then
		err(nil, nil, nil, "section names may hold only letters, digits and _")
	end
	return err
end
return ____exports
