-- generated from src/router/ddns-host.ts by typescript-to-lua: edit the TypeScript, not this file
local ____lualib = require("splitwan.lualib_bundle")
local __TS__StringSlice = ____lualib.__TS__StringSlice
local __TS__Class = ____lualib.__TS__Class
local __TS__StringTrim = ____lualib.__TS__StringTrim
local __TS__Number = ____lualib.__TS__Number
local ____exports = {}
local ____state = require("splitwan.core.ddns.state")
local DDNS_RUN_DIR = ____state.DDNS_RUN_DIR
____exports.LOCK_DIR = DDNS_RUN_DIR .. "/lock"
____exports.EVENT_FILE = DDNS_RUN_DIR .. "/event"
function ____exports.ownPid(self)
	local h = io.open("/proc/self/stat", "r")
	if h == nil then
		return "0"
	end
	local line = h:read("*l") or "0"
	h:close()
	local sp = (string.find(line, " ", nil, true) or 0) - 1
	return sp > 0 and __TS__StringSlice(line, 0, sp) or line
end
local function alive(self, pid)
	if pid == "" or pid == "0" then
		return false
	end
	local h = io.open(("/proc/" .. pid) .. "/cmdline", "r")
	if h == nil then
		return false
	end
	local cmdline = h:read("*a") or ""
	h:close()
	return (string.find(cmdline, "splitwan", nil, true) or 0) - 1 >= 0
end
____exports.DdnsLock = __TS__Class()
local DdnsLock = ____exports.DdnsLock
DdnsLock.name = "DdnsLock"
function DdnsLock.prototype.____constructor(self, p, pid)
	self.p = p
	self.pid = pid
	self.held = false
end
function DdnsLock.prototype.holder(self)
	local text = self.p:readFile(____exports.LOCK_DIR .. "/pid")
	local ____temp_0
	if text == nil then
		____temp_0 = nil
	else
		____temp_0 = __TS__StringTrim(text)
	end
	return ____temp_0
end
function DdnsLock.prototype.acquire(self)
	do
		local tries = 0
		while tries < 2 do
			if self.p:exec({"mkdir", self.p.root .. ____exports.LOCK_DIR}).code == 0 then
				self.p:writeFile(____exports.LOCK_DIR .. "/pid", self.pid .. "\n")
				self.held = true
				return true
			end
			local other = self:holder()
			if other == nil or alive(nil, other) then
				return false
			end
			self.p:exec({"rm", "-rf", self.p.root .. ____exports.LOCK_DIR})
			tries = tries + 1
		end
	end
	return false
end
function DdnsLock.prototype.release(self)
	if not self.held then
		return
	end
	self.held = false
	self.p:exec({"rm", "-rf", self.p.root .. ____exports.LOCK_DIR})
end
function ____exports.postEvent(self, p, pid, force, resume)
	local flags = (force and "f" or "") .. (resume and "r" or "")
	p:writeFile(
		____exports.EVENT_FILE,
		((((tostring(p:now()) .. ".") .. pid) .. " ") .. (flags == "" and "-" or flags)) .. "\n"
	)
end
function ____exports.readEvent(self, p)
	local text = p:readFile(____exports.EVENT_FILE) or ""
	local sp = (string.find(text, " ", nil, true) or 0) - 1
	local flags = sp >= 0 and __TS__StringSlice(text, sp + 1) or ""
	return {
		text = text,
		force = (string.find(flags, "f", nil, true) or 0) - 1 >= 0,
		resume = (string.find(flags, "r", nil, true) or 0) - 1 >= 0
	}
end
function ____exports.routerClock(self, p)
	local ____p_dryRun_1
	if p.dryRun then
		____p_dryRun_1 = os.getenv("SPLITWAN_TEST_CLOCK")
	else
		____p_dryRun_1 = nil
	end
	local fake = ____p_dryRun_1
	if fake ~= nil and fake ~= "" then
		local function read()
			local h = io.open(fake, "r")
			local t = h ~= nil and __TS__Number(h:read("*l")) or 0
			if h ~= nil then
				h:close()
			end
			return t
		end
		return {
			now = read,
			sleep = function(self, seconds)
				local t = read(nil) + seconds
				local h = io.open(fake, "w")
				if h ~= nil then
					h:write(tostring(t) .. "\n")
					h:close()
				end
			end
		}
	end
	return {
		now = function() return p:now() end,
		sleep = function(self, seconds)
			p:exec({
				"sleep",
				tostring(math.max(
					1,
					math.ceil(seconds)
				))
			})
		end
	}
end
return ____exports
