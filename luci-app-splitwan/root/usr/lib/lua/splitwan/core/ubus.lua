-- generated from src/core/ubus.ts by typescript-to-lua: edit the TypeScript, not this file
local ____exports = {}
____exports.UBUS_METHOD_NOT_FOUND = 3
____exports.UBUS_NOT_FOUND = 4
____exports.UBUS_TIMEOUT = 7
____exports.UBUS_CONNECTION_FAILED = 10
function ____exports.ubusFailed(self, code, connected)
	local failure = "error"
	if not connected or code == ____exports.UBUS_CONNECTION_FAILED then
		failure = "no-connection"
	elseif code == ____exports.UBUS_NOT_FOUND then
		failure = "not-found"
	elseif code == ____exports.UBUS_METHOD_NOT_FOUND then
		failure = "method-not-found"
	elseif code == ____exports.UBUS_TIMEOUT then
		failure = "timeout"
	end
	return {ok = false, failure = failure, code = code}
end
function ____exports.ubusData(self, r)
	return r.ok and r.data or nil
end
function ____exports.notAnswering(self, r)
	return not r.ok and r.failure ~= "not-found"
end
function ____exports.describeUbusFailure(self, object, r)
	if r.ok then
		return object .. ": answered"
	end
	repeat
		local ____switch11 = r.failure
		local ____cond11 = ____switch11 == "not-found"
		if ____cond11 then
			return object .. " does not exist"
		end
		____cond11 = ____cond11 or ____switch11 == "method-not-found"
		if ____cond11 then
			return object .. " has no such method"
		end
		____cond11 = ____cond11 or ____switch11 == "timeout"
		if ____cond11 then
			return object .. " did not answer in time"
		end
		____cond11 = ____cond11 or ____switch11 == "no-connection"
		if ____cond11 then
			return "cannot connect to ubus (is ubusd running?)"
		end
		do
			return (object .. ": ubus error ") .. tostring(r.code)
		end
	until true
end
function ____exports.field(self, obj, key)
	local ____temp_0
	if type(obj) == "table" and obj ~= nil then
		____temp_0 = obj[key]
	else
		____temp_0 = nil
	end
	return ____temp_0
end
return ____exports
