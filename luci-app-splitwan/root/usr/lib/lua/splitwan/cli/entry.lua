-- generated from src/cli/entry.ts by typescript-to-lua: edit the TypeScript, not this file
local ____lualib = require("splitwan.lualib_bundle")
local __TS__InstanceOf = ____lualib.__TS__InstanceOf
local Error = ____lualib.Error
local RangeError = ____lualib.RangeError
local ReferenceError = ____lualib.ReferenceError
local SyntaxError = ____lualib.SyntaxError
local TypeError = ____lualib.TypeError
local URIError = ____lualib.URIError
local __TS__StringSplit = ____lualib.__TS__StringSplit
local ____exports = {}
local ____errors = require("splitwan.core.errors")
local EXIT_SYSTEM = ____errors.EXIT_SYSTEM
local SplitwanError = ____errors.SplitwanError
local ____platform = require("splitwan.router.platform")
local routerPlatform = ____platform.routerPlatform
function ____exports.runEntry(self, command)
	collectgarbage("setpause", 100)
	local p = routerPlatform(nil)
	local code = EXIT_SYSTEM
	local trace = ""
	local ok, err = xpcall(
		function()
			code = command(nil, p)
		end,
		function(e)
			if not __TS__InstanceOf(e, SplitwanError) then
				trace = debug.traceback(
					tostring(__TS__InstanceOf(e, Error) and e.message or e),
					2
				)
			end
			return e
		end
	)
	if not ok then
		local e = err
		if __TS__InstanceOf(e, SplitwanError) then
			code = e.code
			p:printErr(("splitwan: " .. e.message) .. "\n")
		else
			local text = __TS__InstanceOf(e, Error) and e.message or tostring(e)
			for ____, line in ipairs(__TS__StringSplit(trace, "\n")) do
				p:log("err", "internal error: " .. line)
			end
			p:printErr(("splitwan: internal error: " .. text) .. "\n")
			code = EXIT_SYSTEM
		end
	end
	p:flush()
	os.exit(code)
end
return ____exports
