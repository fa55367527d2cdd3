-- generated from src/cli/main.ts by typescript-to-lua: edit the TypeScript, not this file
local ____lualib = require("splitwan.lualib_bundle")
local __TS__ArraySlice = ____lualib.__TS__ArraySlice
local ____exports = {}
local ____entry = require("splitwan.cli.entry")
local runEntry = ____entry.runEntry
local function command(self, module, name)
	return require(module)[name]
end
runEntry(
	nil,
	function(____, p)
		local args = {unpack(arg)}
		if args[1] == "ddns" then
			return command(nil, "splitwan.cli.ddns", "ddnsCommand")(
				nil,
				p,
				__TS__ArraySlice(args, 1)
			)
		end
		if args[1] == "diagnose" then
			return command(nil, "splitwan.cli.diagnose", "diagnoseCommand")(
				nil,
				p,
				__TS__ArraySlice(args, 1)
			)
		end
		return command(nil, "splitwan.cli.commands", "run")(nil, p, args)
	end
)
return ____exports
