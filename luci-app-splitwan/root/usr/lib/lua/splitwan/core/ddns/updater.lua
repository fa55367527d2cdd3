-- generated from src/core/ddns/updater.ts by typescript-to-lua: edit the TypeScript, not this file
local ____lualib = require("splitwan.lualib_bundle")
local __TS__Number = ____lualib.__TS__Number
local __TS__ObjectAssign = ____lualib.__TS__ObjectAssign
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local ____exports = {}
local ____providers = require("splitwan.core.ddns.providers")
local providerFor = ____providers.providerFor
local ____schedule = require("splitwan.core.ddns.schedule")
local LONGEST_DELAY = ____schedule.LONGEST_DELAY
local MAX_ATTEMPTS = ____schedule.MAX_ATTEMPTS
local alreadySent = ____schedule.alreadySent
local retryDelay = ____schedule.retryDelay
local sendTime = ____schedule.sendTime
local targetOf = ____schedule.targetOf
local ____state = require("splitwan.core.ddns.state")
local decodeState = ____state.decodeState
local encodeState = ____state.encodeState
local lastRequestPath = ____state.lastRequestPath
local statePath = ____state.statePath
local SLEEP_SLICE = 2
local function sleepUntil(self, env, t)
	local now = env.clock:now()
	while now < t do
		if env:superseded() then
			return false
		end
		env.clock:sleep(math.min(SLEEP_SLICE, t - now))
		now = env.clock:now()
	end
	return not env:superseded()
end
local function describe(self, s)
	local name = s.provider == "mydns" and s.username or (s.host == "" and s.domain or (s.host .. ".") .. s.domain)
	return (((("ddns " .. s.name) .. ": ") .. s.provider) .. " ") .. name
end
local function record(self, st, o)
	st.result = o.kind
	st.code = o.code
	st.message = o.message
	st.answer = o.answer
end
local function startJob(self, s, env, fresh)
	local loaded = decodeState(
		nil,
		env:readFile(statePath(nil, s.name))
	)
	local target = targetOf(nil, s)
	local st = loaded ~= nil and loaded.target == target and loaded or ({target = target, failures = 0})
	if fresh then
		st.failures = 0
		st.gaveUp = nil
		st.nextRetry = nil
	end
	local ended = not fresh and st.nextRetry == nil
	return {
		s = s,
		st = st,
		who = describe(nil, s),
		done = ended
	}
end
local function save(self, env, job)
	env:writeFile(
		statePath(nil, job.s.name),
		encodeState(nil, job.st)
	)
end
local function lastRequest(self, env, job)
	local text = env:readFile(lastRequestPath(nil, job.s.provider))
	if text == nil or text == "" then
		return nil
	end
	local n = __TS__Number(text)
	if n ~= n then
		return nil
	end
	local now = env.clock:now()
	if n <= now then
		return n
	end
	env:writeFile(
		lastRequestPath(nil, job.s.provider),
		tostring(now) .. "\n"
	)
	return now
end
local function dueTime(self, env, job)
	local now = env.clock:now()
	if job.st.nextRetry ~= nil and job.st.nextRetry > now + LONGEST_DELAY then
		job.st.nextRetry = now + LONGEST_DELAY
	end
	return sendTime(
		nil,
		now,
		job.s.provider,
		lastRequest(nil, env, job),
		job.st.nextRetry
	)
end
local function check(self, job, env, force)
	local ____job_0 = job
	local s = ____job_0.s
	local st = ____job_0.st
	local found = env:address(s)
	local ip = found.ip
	if ip == nil and found.unreachable then
		local now = env.clock:now()
		if st.nextRetry ~= nil and now < st.nextRetry and st.result == "no-address" then
			return nil
		end
		st.failures = st.failures + 1
		local delay = retryDelay(nil, st.failures)
		st.result = "no-address"
		st.code = "netifd not answering"
		st.message = ("could not ask netifd for the " .. env:addressSource(s)) .. " address"
		st.answer = ""
		st.nextRetry = delay ~= nil and now + delay or nil
		local ____st_2 = st
		local ____temp_1
		if delay == nil then
			____temp_1 = true
		else
			____temp_1 = nil
		end
		____st_2.gaveUp = ____temp_1
		job.done = delay == nil
		save(nil, env, job)
		env:log(
			"warn",
			((job.who .. ": not sent: ") .. st.message) .. (delay ~= nil and ("; asking again in " .. tostring(delay)) .. " s" or "; gave up until the next event")
		)
		env:say((s.name .. ": not sent: ") .. st.message)
		return nil
	end
	if ip == nil then
		st.result = "no-address"
		st.code = "no address"
		st.message = env:addressSource(s) .. " has no address (interface down?)"
		st.answer = ""
		st.nextRetry = nil
		save(nil, env, job)
		env:log("warn", (job.who .. ": not sent: ") .. st.message)
		env:say((s.name .. ": not sent: ") .. st.message)
		job.done = true
		return nil
	end
	if not force and alreadySent(nil, st, s, ip) then
		if st.nextRetry ~= nil then
			st.nextRetry = nil
			save(nil, env, job)
		end
		env:log("info", ((job.who .. ": ") .. ip) .. " unchanged since the last success, not sent")
		env:say(((s.name .. ": ") .. ip) .. " already sent successfully; use --force to send again")
		job.done = true
		return nil
	end
	return ip
end
local function attempt(self, job, ip, env)
	local ____job_3 = job
	local s = ____job_3.s
	local st = ____job_3.st
	local now = env.clock:now()
	st.lastAttempt = now
	st.ipSent = ip
	st.nextRetry = nil
	save(nil, env, job)
	env:writeFile(
		lastRequestPath(nil, s.provider),
		tostring(now) .. "\n"
	)
	local o = providerFor(nil, s.provider):update(
		s,
		ip,
		function(____, req) return env:http(__TS__ObjectAssign({}, req, {timeout = s.timeout})) end
	)
	record(nil, st, o)
	local line = (((((((job.who .. " <- ") .. ip) .. ": ") .. o.kind) .. " (") .. o.code) .. ") ") .. o.message
	job.done = true
	if o.kind == "ok" or o.kind == "unchanged" then
		st.lastSuccess = env.clock:now()
		st.successIp = ip
		st.failures = 0
		env:log("info", line)
		env:say((((s.name .. ": ") .. ip) .. " sent: ") .. o.message)
	elseif o.kind == "permanent" then
		env:log("err", line .. "; not retried until the config is fixed")
		env:say(((((s.name .. ": failed: ") .. o.message) .. " (") .. o.code) .. ")")
	else
		st.failures = st.failures + 1
		local delay = retryDelay(nil, st.failures)
		if delay == nil then
			st.gaveUp = true
			env:log(
				"err",
				((line .. "; gave up after ") .. tostring(MAX_ATTEMPTS)) .. " attempts until the next event or 'splitwan ddns update'"
			)
			env:say((((s.name .. ": gave up after ") .. tostring(MAX_ATTEMPTS)) .. " attempts: ") .. o.message)
		else
			st.nextRetry = env.clock:now() + delay
			job.done = false
			env:log(
				"warn",
				((((((line .. "; attempt ") .. tostring(st.failures + 1)) .. "/") .. tostring(MAX_ATTEMPTS)) .. " in ") .. tostring(delay)) .. " s"
			)
			env:say(((((((s.name .. ": ") .. o.message) .. " (") .. o.code) .. "); retrying in ") .. tostring(delay)) .. " s")
		end
	end
	save(nil, env, job)
end
function ____exports.runPass(self, sections, env, opts)
	local force = opts.force
	local jobs = __TS__ArrayMap(
		sections,
		function(____, s) return startJob(nil, s, env, opts.fresh) end
	)
	do
		while true do
			do
				local __continue32
				repeat
					if env:superseded() then
						return "superseded"
					end
					local next
					local nextIp = ""
					local nextAt = 0
					for ____, job in ipairs(jobs) do
						do
							local __continue34
							repeat
								if job.done then
									__continue34 = true
									break
								end
								local ip = check(nil, job, env, force)
								if ip == nil and job.done then
									__continue34 = true
									break
								end
								local at = ip == nil and job.st.nextRetry or dueTime(nil, env, job)
								if next == nil or at < nextAt then
									next = job
									nextIp = ip or ""
									nextAt = at
								end
								__continue34 = true
							until true
							if not __continue34 then
								break
							end
						end
					end
					if next == nil then
						return "done"
					end
					if nextAt > env.clock:now() + opts.maxWait then
						for ____, job in ipairs(jobs) do
							do
								local __continue41
								repeat
									if job.done then
										__continue41 = true
										break
									end
									job.st.nextRetry = dueTime(nil, env, job)
									save(nil, env, job)
									__continue41 = true
								until true
								if not __continue41 then
									break
								end
							end
						end
						env:say(((next.s.name .. ": next attempt in ") .. tostring(math.ceil(nextAt - env.clock:now()))) .. " s, continued in the background ('splitwan ddns status' shows it)")
						return "deferred"
					end
					if nextAt > env.clock:now() then
						env:say(((next.s.name .. ": waiting ") .. tostring(math.ceil(nextAt - env.clock:now()))) .. " s before sending")
						if not sleepUntil(nil, env, nextAt) then
							return "superseded"
						end
						__continue32 = true
						break
					end
					if nextIp == "" then
						__continue32 = true
						break
					end
					attempt(nil, next, nextIp, env)
					__continue32 = true
				until true
				if not __continue32 then
					break
				end
			end
		end
	end
end
return ____exports
