-- generated from src/router/http.ts by typescript-to-lua: edit the TypeScript, not this file
local ____lualib = require("splitwan.lualib_bundle")
local __TS__StringCharCodeAt = ____lualib.__TS__StringCharCodeAt
local __TS__StringSlice = ____lualib.__TS__StringSlice
local __TS__Number = ____lualib.__TS__Number
local __TS__StringCharAt = ____lualib.__TS__StringCharAt
local __TS__StringTrim = ____lualib.__TS__StringTrim
local ____exports = {}
____exports.CA_FILE = "/etc/ssl/certs/ca-certificates.crt"
local function uclientError(self, code, stderr)
	if code == 8 then
		local at = (string.find(stderr, "HTTP error ", nil, true) or 0) - 1
		if at >= 0 then
			local ____end = at + 11
			while ____end < #stderr and __TS__StringCharCodeAt(stderr, ____end) >= 48 and __TS__StringCharCodeAt(stderr, ____end) <= 57 do
				____end = ____end + 1
			end
			local status = __TS__Number(__TS__StringSlice(stderr, at + 11, ____end))
			if status > 0 then
				return {status = status, body = ""}
			end
		end
		return {status = 0, body = "", error = "HTTP error without a status"}
	end
	if code == 4 then
		return {status = 0, body = "", error = "connection failed or timed out"}
	end
	if code == 5 then
		return {status = 0, body = "", error = "TLS certificate not valid for the server"}
	end
	if code == 127 then
		return {status = 0, body = "", error = "uclient-fetch is not installed", fatal = true}
	end
	return {
		status = 0,
		body = "",
		error = ("uclient-fetch failed (exit " .. tostring(code)) .. ")"
	}
end
local CURL_ERRORS = {
	[6] = "could not resolve the host",
	[7] = "connection failed",
	[28] = "timed out",
	[35] = "TLS handshake failed",
	[51] = "TLS certificate not valid for the server",
	[60] = "TLS certificate not trusted"
}
function ____exports.curlQuote(self, s)
	local out = ""
	do
		local i = 0
		while i < #s do
			local c = __TS__StringCharAt(s, i)
			if c == "\\" or c == "\"" then
				out = out .. "\\" .. c
			elseif c == "\n" then
				out = out .. "\\n"
			elseif c == "\r" then
				out = out .. "\\r"
			elseif c == "\t" then
				out = out .. "\\t"
			else
				out = out .. c
			end
			i = i + 1
		end
	end
	return ("\"" .. out) .. "\""
end
local STATUS_MARK = "\n__splitwan_http="
local function lastIndex(self, s, sub)
	local at = -1
	local next = (string.find(s, sub, nil, true) or 0) - 1
	while next >= 0 do
		at = next
		next = (string.find(
			s,
			sub,
			math.max(next + 1 + 1, 1),
			true
		) or 0) - 1
	end
	return at
end
function ____exports.routerHttp(self, p, opts)
	local function abs(____, path)
		return p.root .. path
	end
	local n = 0
	local ca = abs(nil, ____exports.CA_FILE)
	p:exec({
		"mkdir",
		"-p",
		abs(nil, opts.dir)
	})
	p:exec({
		"chmod",
		"700",
		abs(nil, opts.dir)
	})
	local function viaUclient(self, req, base)
		local err = base .. ".err"
		local argv = {
			"sh",
			"-c",
			"e=\"$1\"; shift; exec \"$@\" 2>\"$e\"",
			"sh",
			abs(nil, err),
			"uclient-fetch",
			"-O",
			"-",
			"--timeout=" .. tostring(req.timeout or opts.timeout),
			"--ca-certificate=" .. ca
		}
		local bodyFile
		if req.method == "POST" then
			bodyFile = base .. ".body"
			p:writeFile(bodyFile, req.body or "", 384)
			argv[#argv + 1] = "--post-file=" .. abs(nil, bodyFile)
		end
		argv[#argv + 1] = req.url
		local r = p:exec(argv)
		local stderr = p:readFile(err) or ""
		p:removeFile(err)
		if bodyFile ~= nil then
			p:removeFile(bodyFile)
		end
		if r.code == 0 then
			return {status = 200, body = r.stdout}
		end
		return uclientError(nil, r.code, stderr)
	end
	local function viaCurl(self, req, base)
		local conf = base .. ".curl"
		local lines = {
			"url = " .. ____exports.curlQuote(nil, req.url),
			"request = " .. ____exports.curlQuote(nil, req.method),
			"cacert = " .. ____exports.curlQuote(nil, ca),
			"max-time = " .. tostring(req.timeout or opts.timeout),
			"silent",
			"show-error",
			"write-out = " .. ____exports.curlQuote(nil, STATUS_MARK .. "%{http_code}")
		}
		for ____, ____value in ipairs(req.headers) do
			local name = ____value[1]
			local value = ____value[2]
			lines[#lines + 1] = "header = " .. ____exports.curlQuote(nil, (name .. ": ") .. value)
		end
		local bodyFile
		if req.body ~= nil then
			bodyFile = base .. ".body"
			p:writeFile(bodyFile, req.body, 384)
			lines[#lines + 1] = "header = " .. ____exports.curlQuote(nil, "Content-Type: " .. (req.contentType or "application/octet-stream"))
			lines[#lines + 1] = "data-binary = " .. ____exports.curlQuote(
				nil,
				"@" .. abs(nil, bodyFile)
			)
		end
		p:writeFile(
			conf,
			table.concat(lines, "\n") .. "\n",
			384
		)
		local r = p:exec({
			"curl",
			"-q",
			"-K",
			abs(nil, conf)
		})
		p:removeFile(conf)
		if bodyFile ~= nil then
			p:removeFile(bodyFile)
		end
		local at = lastIndex(nil, r.stdout, STATUS_MARK)
		local status = at >= 0 and __TS__Number(__TS__StringTrim(__TS__StringSlice(r.stdout, at + #STATUS_MARK))) or 0
		local body = at >= 0 and __TS__StringSlice(r.stdout, 0, at) or r.stdout
		if r.code == 127 then
			return {status = 0, body = "", error = "curl is not installed (opkg install curl)", fatal = true}
		end
		if r.code ~= 0 or not (status > 0) then
			local why = CURL_ERRORS[r.code] or ("curl failed (exit " .. tostring(r.code)) .. ")"
			return {status = 0, body = "", error = why}
		end
		return {status = status, body = body}
	end
	local caChecked = false
	return function(____, req)
		if not caChecked then
			if p:exec({"test", "-s", ca}).code ~= 0 then
				return {status = 0, body = "", error = ("CA bundle " .. ____exports.CA_FILE) .. " missing (opkg install ca-bundle)", fatal = true}
			end
			caChecked = true
		end
		n = n + 1
		local base = (((opts.dir .. "/req.") .. opts.tag) .. ".") .. tostring(n)
		local plain = #req.headers == 0 and not req.secretUrl and (req.method == "GET" or req.method == "POST")
		return plain and viaUclient(nil, req, base) or viaCurl(nil, req, base)
	end
end
return ____exports
