-- generated from src/cli/rpcd-main.ts by typescript-to-lua: edit the TypeScript, not this file
local ____exports = {}
local ____entry = require("splitwan.cli.entry")
local runEntry = ____entry.runEntry
local ____rpcd = require("splitwan.cli.rpcd")
local rpcdCommand = ____rpcd.rpcdCommand
runEntry(
	nil,
	function(____, p) return rpcdCommand(
		nil,
		p,
		{unpack(arg)}
	) end
)
return ____exports
