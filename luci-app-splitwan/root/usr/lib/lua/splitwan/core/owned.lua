-- generated from src/core/owned.ts by typescript-to-lua: edit the TypeScript, not this file
local ____lualib = require("splitwan.lualib_bundle")
local __TS__StringSplit = ____lualib.__TS__StringSplit
local __TS__Number = ____lualib.__TS__Number
local __TS__ArraySome = ____lualib.__TS__ArraySome
local ____exports = {}
____exports.OWNED_PATH = "/etc/splitwan/owned"
function ____exports.parseOwned(self, text)
	local owned = {sections = {}, rtTable = nil, files = {}}
	if text == nil then
		return owned
	end
	for ____, line in ipairs(__TS__StringSplit(text, "\n")) do
		local f = __TS__StringSplit(line, " ")
		if #f == 3 and (f[1] == "network" or f[1] == "firewall") then
			local ____owned_sections_0 = owned.sections
			____owned_sections_0[#____owned_sections_0 + 1] = {config = f[1], name = f[2], type = f[3]}
		elseif #f == 3 and f[1] == "rt_tables" then
			owned.rtTable = {
				number = __TS__Number(f[2]),
				name = f[3]
			}
		elseif #f == 2 and f[1] == "file" then
			local ____owned_files_1 = owned.files
			____owned_files_1[#____owned_files_1 + 1] = f[2]
		end
	end
	return owned
end
function ____exports.formatOwned(self, o)
	local lines = {"# splitwan: sections and files it created; it changes and removes only these"}
	for ____, s in ipairs(o.sections) do
		lines[#lines + 1] = (((s.config .. " ") .. s.name) .. " ") .. s.type
	end
	if o.rtTable ~= nil then
		lines[#lines + 1] = (("rt_tables " .. tostring(o.rtTable.number)) .. " ") .. o.rtTable.name
	end
	for ____, f in ipairs(o.files) do
		lines[#lines + 1] = "file " .. f
	end
	return table.concat(lines, "\n") .. "\n"
end
function ____exports.isEmpty(self, o)
	return #o.sections == 0 and o.rtTable == nil and #o.files == 0
end
function ____exports.ownsSection(self, o, config, name)
	return __TS__ArraySome(
		o.sections,
		function(____, s) return s.config == config and s.name == name end
	)
end
return ____exports
