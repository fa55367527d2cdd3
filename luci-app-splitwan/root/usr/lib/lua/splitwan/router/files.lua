-- generated from src/router/files.ts by typescript-to-lua: edit the TypeScript, not this file
local ____lualib = require("splitwan.lualib_bundle")
local __TS__StringSplit = ____lualib.__TS__StringSplit
local __TS__StringCharAt = ____lualib.__TS__StringCharAt
local __TS__StringSubstring = ____lualib.__TS__StringSubstring
local __TS__New = ____lualib.__TS__New
local __TS__StringSlice = ____lualib.__TS__StringSlice
local Set = ____lualib.Set
local __TS__ArrayIncludes = ____lualib.__TS__ArrayIncludes
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local ____exports = {}
local ____errors = require("splitwan.core.errors")
local EXIT_SYSTEM = ____errors.EXIT_SYSTEM
local SplitwanError = ____errors.SplitwanError
function ____exports.shellQuote(self, s)
	return ("'" .. table.concat(
		__TS__StringSplit(s, "'"),
		"'\\''"
	)) .. "'"
end
local function octal(self, mode)
	local s = ""
	repeat
		do
			s = tostring(mode % 8) .. s
			mode = math.floor(mode / 8)
		end
	until not (mode > 0)
	return s
end
local function dirname(self, path)
	local i = -1
	do
		local j = 0
		while j < #path do
			if __TS__StringCharAt(path, j) == "/" then
				i = j
			end
			j = j + 1
		end
	end
	if i < 0 then
		return "."
	end
	return i == 0 and "/" or __TS__StringSubstring(path, 0, i)
end
local function fail(self, what, path, err)
	error(
		__TS__New(SplitwanError, EXIT_SYSTEM, ((("cannot " .. what) .. " ") .. path) .. (err ~= nil and ": " .. err or "")),
		0
	)
end
function ____exports.luaPid(self)
	local h = io.open("/proc/self/stat", "r")
	if h == nil then
		return "0"
	end
	local line = h:read("*l") or "0"
	h:close()
	local sp = (string.find(line, " ", nil, true) or 0) - 1
	return sp > 0 and __TS__StringSlice(line, 0, sp) or line
end
local function writeChecked(self, tmp, data)
	local opened, err = io.open(tmp, "wb")
	if opened == nil then
		return err or "cannot open"
	end
	local f = opened
	local ____error
	local size = -1
	local w, werr = f:write(data)
	if w == nil then
		____error = werr or "write failed"
	end
	if ____error == nil then
		local ok, e = f:flush()
		if ok == nil then
			____error = e or "flush failed"
		end
	end
	if ____error == nil then
		local n, e = f:seek("end")
		if n == nil then
			____error = e or "seek failed"
		else
			size = n
		end
	end
	local closed, cerr = f:close()
	if ____error == nil and closed == nil then
		____error = cerr or "close failed"
	end
	if ____error == nil and size ~= #data then
		____error = ((("wrote " .. tostring(size)) .. " of ") .. tostring(#data)) .. " bytes"
	end
	return ____error
end
function ____exports.tempPath(self, path, writer)
	local dir = dirname(nil, path)
	return (((dir .. "/.") .. __TS__StringSubstring(path, #dir + 1)) .. ".splitwan-") .. writer
end
local dead = {}
function ____exports.luaFiles(self)
	local made = __TS__New(Set)
	local pid = ____exports.luaPid(nil)
	local function sweep(____, path)
		for ____, d in ipairs(dead) do
			os.remove(____exports.tempPath(nil, path, d))
		end
	end
	local function read(____, path)
		local f = io.open(path, "rb")
		if f == nil then
			return nil
		end
		local data = f:read("*a")
		f:close()
		return data or nil
	end
	local function exists(____, path)
		local f = io.open(path, "rb")
		if f == nil then
			return false
		end
		f:close()
		return true
	end
	local function mkdirp(____, dir)
		if made:has(dir) then
			return
		end
		if not exists(nil, dir) and os.execute(("mkdir -p " .. ____exports.shellQuote(nil, dir)) .. " 2>/dev/null") ~= 0 then
			fail(nil, "create directory", dir)
		end
		made:add(dir)
	end
	return {
		read = read,
		mkdirp = mkdirp,
		write = function(self, path, data, mode)
			local dir = dirname(nil, path)
			mkdirp(nil, dir)
			sweep(nil, path)
			local tmp = ____exports.tempPath(nil, path, pid)
			local werr = writeChecked(nil, tmp, data)
			if werr ~= nil then
				os.remove(tmp)
				fail(nil, "write", path, werr)
			end
			local perm = ""
			if mode ~= nil and mode ~= 420 then
				perm = octal(nil, mode)
			elseif mode == nil and exists(nil, path) then
				perm = ("\"$(stat -c %a " .. ____exports.shellQuote(nil, path)) .. ")\""
			end
			if perm ~= "" and os.execute(((("chmod " .. perm) .. " ") .. ____exports.shellQuote(nil, tmp)) .. " 2>/dev/null") ~= 0 then
				os.remove(tmp)
				fail(nil, "set the mode of", tmp)
			end
			local renamed, rerr = os.rename(tmp, path)
			if renamed == nil then
				os.remove(tmp)
				fail(nil, "replace", path, rerr)
			end
		end,
		sync = function(self, paths)
			local names = {}
			for ____, path in ipairs(paths) do
				local dir = dirname(nil, path)
				if exists(nil, path) and not __TS__ArrayIncludes(names, path) then
					names[#names + 1] = path
				end
				if not __TS__ArrayIncludes(names, dir) then
					names[#names + 1] = dir
				end
			end
			if #names > 0 then
				os.execute(("sync " .. table.concat(
					__TS__ArrayMap(names, ____exports.shellQuote),
					" "
				)) .. " 2>/dev/null")
			end
		end,
		forgetWriter = function(self, writer)
			if writer ~= pid and not __TS__ArrayIncludes(dead, writer) then
				dead[#dead + 1] = writer
			end
		end,
		remove = function(self, path)
			sweep(nil, path)
			local ok, err = os.remove(path)
			if ok == nil and read(nil, path) ~= nil then
				fail(nil, "remove", path, err)
			end
		end
	}
end
return ____exports
