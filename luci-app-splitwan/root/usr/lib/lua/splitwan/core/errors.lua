-- generated from src/core/errors.ts by typescript-to-lua: edit the TypeScript, not this file
local ____lualib = require("splitwan.lualib_bundle")
local __TS__Class = ____lualib.__TS__Class
local Error = ____lualib.Error
local RangeError = ____lualib.RangeError
local ReferenceError = ____lualib.ReferenceError
local SyntaxError = ____lualib.SyntaxError
local TypeError = ____lualib.TypeError
local URIError = ____lualib.URIError
local __TS__ClassExtends = ____lualib.__TS__ClassExtends
local ____exports = {}
____exports.EXIT_OK = 0
____exports.EXIT_INVALID = 1
____exports.EXIT_CONFLICT = 2
____exports.EXIT_SYSTEM = 3
____exports.SplitwanError = __TS__Class()
local SplitwanError = ____exports.SplitwanError
SplitwanError.name = "SplitwanError"
__TS__ClassExtends(SplitwanError, Error)
function SplitwanError.prototype.____constructor(self, code, message)
	Error.prototype.____constructor(self, message)
	self.code = code
end
return ____exports
