-- generated from src/cli/diagnose.ts by typescript-to-lua: edit the TypeScript, not this file
local ____lualib = require("splitwan.lualib_bundle")
local __TS__ObjectAssign = ____lualib.__TS__ObjectAssign
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__ArrayFilter = ____lualib.__TS__ArrayFilter
local __TS__ArrayIncludes = ____lualib.__TS__ArrayIncludes
local ____exports = {}
local ____json = require("splitwan.core.json")
local jsonArray = ____json.jsonArray
local jsonEncode = ____json.jsonEncode
local ____collect = require("splitwan.core.diagnose.collect")
local collectFacts = ____collect.collectFacts
local ____verdicts = require("splitwan.core.diagnose.verdicts")
local judge = ____verdicts.judge
function ____exports.runDiagnose(self, p)
	local start = p:now()
	local checks = __TS__ArrayMap(
		judge(
			nil,
			collectFacts(nil, p)
		),
		function(____, c) return __TS__ObjectAssign(
			{},
			c,
			{args = jsonArray(nil, c.args)}
		) end
	)
	local function count(____, v)
		return #__TS__ArrayFilter(
			checks,
			function(____, c) return c.verdict == v end
		)
	end
	return {
		checks = jsonArray(nil, checks),
		summary = {
			ok = count(nil, "ok"),
			warning = count(nil, "warning"),
			fail = count(nil, "fail"),
			not_checked = count(nil, "not-checked")
		},
		seconds = p:now() - start
	}
end
local LABEL = {ok = "ok", warning = "WARN", fail = "FAIL", ["not-checked"] = "--"}
local function pad(self, s, n)
	local out = s
	while #out < n do
		out = out .. " "
	end
	return out
end
function ____exports.formatDiagnose(self, r)
	local s = r.summary
	local out = {((((((((("splitwan diagnose: " .. tostring(s.ok)) .. " ok, ") .. tostring(s.warning)) .. " warning, ") .. tostring(s.fail)) .. " fail, ") .. tostring(s.not_checked)) .. " not checked (") .. tostring(r.seconds)) .. " s)"}
	for ____, c in ipairs(r.checks) do
		out[#out + 1] = (((pad(nil, LABEL[c.verdict], 5) .. " ") .. pad(nil, c.id, 14)) .. " ") .. c.text
	end
	return table.concat(out, "\n") .. "\n"
end
function ____exports.diagnoseCommand(self, p, args)
	local r = ____exports.runDiagnose(nil, p)
	p:print(__TS__ArrayIncludes(args, "--json") and jsonEncode(nil, r, true) .. "\n" or ____exports.formatDiagnose(nil, r))
	return 0
end
return ____exports
