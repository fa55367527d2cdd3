-- generated from src/core/lock.ts by typescript-to-lua: edit the TypeScript, not this file
local ____lualib = require("splitwan.lualib_bundle")
local __TS__StringTrim = ____lualib.__TS__StringTrim
local __TS__New = ____lualib.__TS__New
local ____exports = {}
local takeOver
local ____errors = require("splitwan.core.errors")
local EXIT_SYSTEM = ____errors.EXIT_SYSTEM
local SplitwanError = ____errors.SplitwanError
function takeOver(self, lp, path, stale)
	local dead = __TS__StringTrim(stale) == "" and "empty" or __TS__StringTrim(stale)
	local token = (path .. ".") .. dead
	if not lp:create(token, lp.pid .. "\n") then
		local owner = lp:read(token)
		if owner ~= nil and __TS__StringTrim(owner) ~= "" and not lp:alive(__TS__StringTrim(owner)) then
			lp:remove(token)
		end
		lp:pause()
		return
	end
	local aside = (path .. ".stale-") .. lp.pid
	if lp:rename(path, aside) then
		if lp:read(aside) == stale then
			lp:remove(aside)
			if lp.tookOver ~= nil and dead ~= "empty" then
				lp:tookOver(dead)
			end
		else
			lp:rename(aside, path)
		end
	end
	lp:remove(token)
end
____exports.LOCK_PATH = "/var/run/splitwan/lock"
____exports.LOCK_WAIT_SECONDS = 20
function ____exports.acquireLock(self, lp, path, waitSeconds)
	local mine = lp.pid .. "\n"
	local deadline = lp:now() + waitSeconds
	local emptySeen = 0
	do
		while true do
			if lp:create(path, mine) then
				return function()
					if lp:read(path) == mine then
						lp:remove(path)
					end
				end
			end
			local text = lp:read(path)
			local ____temp_0
			if text == nil then
				____temp_0 = nil
			else
				____temp_0 = __TS__StringTrim(text)
			end
			local holder = ____temp_0
			emptySeen = holder == "" and emptySeen + 1 or 0
			if holder ~= nil and (holder ~= "" and not lp:alive(holder) or emptySeen > 3) then
				takeOver(nil, lp, path, text)
			elseif holder ~= nil then
				if lp:now() >= deadline then
					error(
						__TS__New(SplitwanError, EXIT_SYSTEM, ("another splitwan is running (pid " .. (holder == "" and "unknown" or holder)) .. "); try again when it has finished"),
						0
					)
				end
				lp:pause()
			end
		end
	end
end
function ____exports.withLock(self, p, fn)
	local release = p:lock(____exports.LOCK_WAIT_SECONDS)
	do
		local ____try, ____hasReturned, ____returnValue = pcall(function()
			return true, fn(nil)
		end)
		do
			release(nil)
		end
		if not ____try then
			error(____hasReturned, 0)
		end
		if ____try and ____hasReturned then
			return ____returnValue
		end
	end
end
return ____exports
