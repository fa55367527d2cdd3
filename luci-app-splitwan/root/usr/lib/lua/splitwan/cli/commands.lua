-- generated from src/cli/commands.ts by typescript-to-lua: edit the TypeScript, not this file
local ____exports = {}
local ____apply = require("splitwan.core.apply")
local applyConfig = ____apply.applyConfig
local computeDiff = ____apply.computeDiff
local loadConfig = ____apply.loadConfig
local ____diff = require("splitwan.core.diff")
local describeChange = ____diff.describeChange
local ____errors = require("splitwan.core.errors")
local EXIT_OK = ____errors.EXIT_OK
local ____plan = require("splitwan.core.plan")
local buildPlan = ____plan.buildPlan
local ____system = require("splitwan.core.system")
local readSystem = ____system.readSystem
local USAGE = "usage: splitwan <command>\n  apply            write what /etc/config/splitwan asks for, reload what changed\n  plan             show what apply would change; change nothing\n  remove           take out everything splitwan created\n  status [--json]  configured and live state\n  diagnose [--json]  self-test: each check ok / warning / fail, with its fix\n  ddns <update [--force] | status>\nexit: 0 ok, 1 invalid config, 2 conflict, 3 system error\n"
local function plan(self, p)
	local cursor = p:cursor()
	local config = loadConfig(nil, p, cursor)
	local diff = computeDiff(
		nil,
		p,
		cursor,
		buildPlan(
			nil,
			config,
			readSystem(nil, cursor)
		)
	)
	for ____, l in ipairs(diff.left) do
		p:print(("! " .. l) .. "\n")
	end
	if #diff.changes == 0 then
		p:print("nothing to change\n")
	end
	for ____, c in ipairs(diff.changes) do
		p:print(describeChange(nil, c) .. "\n")
	end
	return EXIT_OK
end
local function apply(self, p, remove)
	local out = applyConfig(nil, p, remove)
	for ____, l in ipairs(out.left) do
		p:print(("! " .. l) .. "\n")
	end
	if #out.changes == 0 then
		p:print("nothing to change\n")
	end
	for ____, c in ipairs(out.changes) do
		p:print(describeChange(nil, c) .. "\n")
	end
	return EXIT_OK
end
function ____exports.run(self, p, args)
	local cmd = args[1]
	repeat
		local ____switch15 = cmd
		local ____cond15 = ____switch15 == "apply"
		if ____cond15 then
			return apply(nil, p, false)
		end
		____cond15 = ____cond15 or ____switch15 == "remove"
		if ____cond15 then
			return apply(nil, p, true)
		end
		____cond15 = ____cond15 or ____switch15 == "plan"
		if ____cond15 then
			return plan(nil, p)
		end
		do
			p:printErr(USAGE)
			return (cmd == "help" or cmd == "--help") and EXIT_OK or 1
		end
	until true
end
return ____exports
