-- generated from src/router/platform.ts by typescript-to-lua: edit the TypeScript, not this file
local ____lualib = require("splitwan.lualib_bundle")
local __TS__New = ____lualib.__TS__New
local __TS__StringSplit = ____lualib.__TS__StringSplit
local __TS__StringTrim = ____lualib.__TS__StringTrim
local __TS__Number = ____lualib.__TS__Number
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__ArrayFilter = ____lualib.__TS__ArrayFilter
local __TS__ArraySetLength = ____lualib.__TS__ArraySetLength
local ____exports = {}
local ____errors = require("splitwan.core.errors")
local EXIT_SYSTEM = ____errors.EXIT_SYSTEM
local SplitwanError = ____errors.SplitwanError
local ____ubus = require("splitwan.core.ubus")
local ubusFailed = ____ubus.ubusFailed
local ____files = require("splitwan.router.files")
local luaFiles = ____files.luaFiles
local shellQuote = ____files.shellQuote
local ____lock = require("splitwan.router.lock")
local routerLock = ____lock.routerLock
local UBUS_TIMEOUT = 3
local function binding(self, name, pkg)
	local ok, mod = pcall(require, name)
	if not ok or mod == nil then
		error(
			__TS__New(SplitwanError, EXIT_SYSTEM, (("the Lua module '" .. name) .. "' is missing: install ") .. pkg),
			0
		)
	end
	return mod
end
local SAVE_DIR = "/var/run/splitwan/uci"
local function execShell(self, cmd)
	local h = io.popen(cmd .. "; echo \"__rc=$?\"", "r")
	if h == nil then
		return {code = 127, stdout = ""}
	end
	local out = h:read("*a") or ""
	h:close()
	local parts = __TS__StringSplit(out, "__rc=")
	if #parts < 2 then
		return {code = 127, stdout = out}
	end
	local code = table.remove(parts)
	return {
		code = __TS__Number(__TS__StringTrim(code)),
		stdout = table.concat(parts, "__rc=")
	}
end
function ____exports.routerPlatform(self)
	local envRoot = os.getenv("SPLITWAN_ROOT")
	local root = envRoot ~= nil and envRoot ~= "/" and envRoot or ""
	local files = luaFiles(nil)
	local function at(____, path)
		return root .. path
	end
	local logLines = {}
	local cursor
	local ubusConn
	local ubusDown
	local p = {
		root = root,
		dryRun = root ~= "",
		cursor = function(self)
			if cursor ~= nil then
				return cursor
			end
			local uci = binding(nil, "uci", "libuci-lua")
			files:mkdirp(at(nil, SAVE_DIR))
			cursor = uci.cursor(
				at(nil, "/etc/config"),
				at(nil, SAVE_DIR)
			)
			return cursor
		end,
		readFile = function(____, path) return files:read(at(nil, path)) end,
		writeFile = function(____, path, data, mode) return files:write(
			at(nil, path),
			data,
			mode
		) end,
		removeFile = function(____, path) return files:remove(at(nil, path)) end,
		sync = function(____, paths) return files:sync(__TS__ArrayMap(paths, at)) end,
		lock = function(____, waitSeconds) return routerLock(nil, files, root, waitSeconds) end,
		exec = function(self, argv, stdin)
			local cmd = table.concat(
				__TS__ArrayMap(argv, shellQuote),
				" "
			)
			local tmp
			if stdin ~= nil then
				tmp = os.tmpname()
				files:write(tmp, stdin, 384)
				cmd = (cmd .. " < ") .. shellQuote(nil, tmp)
			end
			local r = execShell(nil, cmd .. " 2>/dev/null")
			if tmp ~= nil then
				os.remove(tmp)
			end
			return r
		end,
		log = function(self, level, message)
			logLines[#logLines + 1] = {level, message}
		end,
		ubusCall = function(self, object, method, args)
			if ubusConn == nil and ubusDown == nil then
				local conn, code = binding(nil, "ubus", "libubus-lua").connect(
					root ~= "" and at(nil, "/var/run/ubus/ubus.sock") or nil,
					UBUS_TIMEOUT
				)
				if conn == nil then
					ubusDown = code or 0
				end
				ubusConn = conn
			end
			if ubusConn == nil then
				return ubusFailed(nil, ubusDown or 0, false)
			end
			local res, code = ubusConn:call(object, method, args or ({}))
			if res == nil and code ~= nil then
				return ubusFailed(nil, code, true)
			end
			return {ok = true, data = res or ({})}
		end,
		now = function() return os.time() end,
		print = function(____, text)
			io.stdout:write(text)
		end,
		printErr = function(____, text)
			io.stderr:write(text)
		end,
		flush = function(self)
			if #logLines == 0 then
				return
			end
			if root ~= "" then
				local old = files:read(at(nil, "/tmp/splitwan.log")) or ""
				files:write(
					at(nil, "/tmp/splitwan.log"),
					old .. table.concat(
						__TS__ArrayMap(
							logLines,
							function(____, ____bindingPattern0)
								local m
								local l
								l = ____bindingPattern0[1]
								m = ____bindingPattern0[2]
								return ((l .. ": ") .. m) .. "\n"
							end
						),
						""
					),
					384
				)
			else
				for ____, level in ipairs({"info", "warn", "err"}) do
					do
						local __continue33
						repeat
							local lines = __TS__ArrayMap(
								__TS__ArrayFilter(
									logLines,
									function(____, l) return l[1] == level end
								),
								function(____, l) return l[2] .. "\n" end
							)
							if #lines == 0 then
								__continue33 = true
								break
							end
							local h = io.popen("logger -t splitwan -p daemon." .. (level == "warn" and "warning" or level), "w")
							if h ~= nil then
								h:write(table.concat(lines, ""))
								h:close()
							end
							__continue33 = true
						until true
						if not __continue33 then
							break
						end
					end
				end
			end
			__TS__ArraySetLength(logLines, 0)
		end
	}
	return p
end
return ____exports
