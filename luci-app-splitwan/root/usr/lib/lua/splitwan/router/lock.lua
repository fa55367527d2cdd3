-- generated from src/router/lock.ts by typescript-to-lua: edit the TypeScript, not this file
local ____lualib = require("splitwan.lualib_bundle")
local __TS__StringSplit = ____lualib.__TS__StringSplit
local __TS__New = ____lualib.__TS__New
local ____exports = {}
local ____errors = require("splitwan.core.errors")
local EXIT_SYSTEM = ____errors.EXIT_SYSTEM
local SplitwanError = ____errors.SplitwanError
local ____lock = require("splitwan.core.lock")
local LOCK_PATH = ____lock.LOCK_PATH
local acquireLock = ____lock.acquireLock
local ____owned = require("splitwan.core.owned")
local OWNED_PATH = ____owned.OWNED_PATH
local writtenPaths = ____owned.writtenPaths
local ____files = require("splitwan.router.files")
local luaPid = ____files.luaPid
local tempPath = ____files.tempPath
local function dirname(self, path)
	local parts = __TS__StringSplit(path, "/")
	table.remove(parts)
	return table.concat(parts, "/")
end
local function alive(self, pid)
	local h = io.open(("/proc/" .. pid) .. "/cmdline", "r")
	if h == nil then
		return false
	end
	local cmdline = h:read("*a") or ""
	h:close()
	return (string.find(cmdline, "splitwan", nil, true) or 0) - 1 >= 0
end
local function primitives(self, files, root)
	return {
		pid = luaPid(nil),
		create = function(self, path, data)
			local f, err = io.open(path, "wx")
			if f == nil then
				if files:read(path) ~= nil then
					return false
				end
				error(
					__TS__New(SplitwanError, EXIT_SYSTEM, (("cannot create the lock " .. path) .. ": ") .. err),
					0
				)
			end
			f:write(data)
			f:close()
			return true
		end,
		read = function(____, path) return files:read(path) end,
		rename = function(self, from, to)
			local ok = os.rename(from, to)
			return ok ~= nil
		end,
		remove = function(self, path)
			os.remove(path)
		end,
		alive = alive,
		now = function() return os.time() end,
		pause = function(self)
			os.execute("sleep 0.1 2>/dev/null || sleep 1")
		end,
		tookOver = function(self, pid)
			files:forgetWriter(pid)
			for ____, path in ipairs(writtenPaths(
				nil,
				files:read(root .. OWNED_PATH)
			)) do
				os.remove(tempPath(nil, root .. path, pid))
			end
		end
	}
end
function ____exports.routerLock(self, files, root, waitSeconds)
	local path = root .. LOCK_PATH
	files:mkdirp(dirname(nil, path))
	return acquireLock(
		nil,
		primitives(nil, files, root),
		path,
		waitSeconds
	)
end
return ____exports
