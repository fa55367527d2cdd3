-- generated from src/cli/status.ts by typescript-to-lua: edit the TypeScript, not this file
local ____lualib = require("splitwan.lualib_bundle")
local __TS__ArrayIncludes = ____lualib.__TS__ArrayIncludes
local ____exports = {}
local ____errors = require("splitwan.core.errors")
local EXIT_OK = ____errors.EXIT_OK
local ____json = require("splitwan.core.json")
local jsonEncode = ____json.jsonEncode
local ____status = require("splitwan.core.status")
local collectStatus = ____status.collectStatus
local formatStatus = ____status.formatStatus
function ____exports.statusCommand(self, p, args)
	local s = collectStatus(nil, p)
	p:print(__TS__ArrayIncludes(args, "--json") and jsonEncode(nil, s, true) .. "\n" or formatStatus(nil, s))
	return EXIT_OK
end
return ____exports
