-- generated from typescript-to-lua's lualib by typescript-to-lua: edit the TypeScript, not this file
local function __TS__StringCharCodeAt(self, index)
	if index ~= index then
		index = 0
	end
	if index < 0 then
		return 0 / 0
	end
	return string.byte(self, index + 1) or 0 / 0
end

local function __TS__StringCharAt(self, pos)
	if pos ~= pos then
		pos = 0
	end
	if pos < 0 then
		return ""
	end
	return string.sub(self, pos + 1, pos + 1)
end

local function __TS__ArrayReverse(self)
	local i = 1
	local j = #self
	while i < j do
		local temp = self[j]
		self[j] = self[i]
		self[i] = temp
		i = i + 1
		j = j - 1
	end
	return self
end

local function __TS__StringSubstring(self, start, ____end)
	if ____end ~= ____end then
		____end = 0
	end
	if ____end ~= nil and start > ____end then
		start, ____end = ____end, start
	end
	if start >= 0 then
		start = start + 1
	else
		start = 1
	end
	if ____end ~= nil and ____end < 0 then
		____end = 0
	end
	return string.sub(self, start, ____end)
end

local __TS__StringSplit
do
	local sub = string.sub
	local find = string.find
	function __TS__StringSplit(source, separator, limit)
		if limit == nil then
			limit = 4294967295
		end
		if limit == 0 then
			return {}
		end
		local result = {}
		local resultIndex = 1
		if separator == nil or separator == "" then
			for i = 1, #source do
				result[resultIndex] = sub(source, i, i)
				resultIndex = resultIndex + 1
			end
		else
			local currentPos = 1
			while resultIndex <= limit do
				local startPos, endPos = find(source, separator, currentPos, true)
				if not startPos then
					break
				end
				result[resultIndex] = sub(source, currentPos, startPos - 1)
				resultIndex = resultIndex + 1
				currentPos = endPos + 1
			end
			if resultIndex <= limit then
				result[resultIndex] = sub(source, currentPos)
			end
		end
		return result
	end
end

local function __TS__StringStartsWith(self, searchString, position)
	if position == nil or position < 0 then
		position = 0
	end
	return string.sub(self, position + 1, #searchString + position) == searchString
end

local function __TS__Number(value)
	local valueType = type(value)
	if valueType == "number" then
		return value
	elseif valueType == "string" then
		local numberValue = tonumber(value)
		if numberValue then
			return numberValue
		end
		if value == "Infinity" then
			return math.huge
		end
		if value == "-Infinity" then
			return -math.huge
		end
		local stringWithoutSpaces = string.gsub(value, "%s", "")
		if stringWithoutSpaces == "" then
			return 0
		end
		return 0 / 0
	elseif valueType == "boolean" then
		return value and 1 or 0
	else
		return 0 / 0
	end
end

local function __TS__StringSlice(self, start, ____end)
	if start == nil or start ~= start then
		start = 0
	end
	if ____end ~= ____end then
		____end = 0
	end
	if start >= 0 then
		start = start + 1
	end
	if ____end ~= nil and ____end < 0 then
		____end = ____end - 1
	end
	return string.sub(self, start, ____end)
end

local function __TS__ArraySlice(self, first, last)
	local len = #self
	first = first or 0
	if first < 0 then
		first = len + first
		if first < 0 then
			first = 0
		end
	else
		if first > len then
			first = len
		end
	end
	last = last or len
	if last < 0 then
		last = len + last
		if last < 0 then
			last = 0
		end
	else
		if last > len then
			last = len
		end
	end
	local out = {}
	first = first + 1
	last = last + 1
	local n = 1
	while first < last do
		out[n] = self[first]
		first = first + 1
		n = n + 1
	end
	return out
end

local function __TS__ArrayMap(self, callbackfn, thisArg)
	local result = {}
	for i = 1, #self do
		result[i] = callbackfn(thisArg, self[i], i - 1, self)
	end
	return result
end

local function __TS__ObjectKeys(obj)
	local result = {}
	local len = 0
	for key in pairs(obj) do
		len = len + 1
		result[len] = key
	end
	return result
end

local function __TS__ArraySort(self, compareFn)
	if compareFn ~= nil then
		table.sort(
			self,
			function(a, b) return compareFn(nil, a, b) < 0 end
		)
	else
		table.sort(self)
	end
	return self
end

local function __TS__ArrayIsArray(value)
	return type(value) == "table" and (value[1] ~= nil or next(value) == nil)
end

local function __TS__ArrayFilter(self, callbackfn, thisArg)
	local result = {}
	local len = 0
	for i = 1, #self do
		if callbackfn(thisArg, self[i], i - 1, self) then
			len = len + 1
			result[len] = self[i]
		end
	end
	return result
end

local function __TS__ArrayFind(self, predicate, thisArg)
	for i = 1, #self do
		local elem = self[i]
		if predicate(thisArg, elem, i - 1, self) then
			return elem
		end
	end
	return nil
end

local function __TS__ArraySome(self, callbackfn, thisArg)
	for i = 1, #self do
		if callbackfn(thisArg, self[i], i - 1, self) then
			return true
		end
	end
	return false
end

local function __TS__StringTrim(self)
	local result = string.gsub(self, "^[%s ﻿]*(.-)[%s ﻿]*$", "%1")
	return result
end

local function __TS__ArrayIncludes(self, searchElement, fromIndex)
	if fromIndex == nil then
		fromIndex = 0
	end
	local len = #self
	local k = fromIndex
	if fromIndex < 0 then
		k = len + fromIndex
	end
	if k < 0 then
		k = 0
	end
	for i = k + 1, len do
		if self[i] == searchElement then
			return true
		end
	end
	return false
end

local function __TS__StringEndsWith(self, searchString, endPosition)
	if endPosition == nil or endPosition > #self then
		endPosition = #self
	end
	return string.sub(self, endPosition - #searchString + 1, endPosition) == searchString
end

local function __TS__Class(self)
	local c = {prototype = {}}
	c.prototype.__index = c.prototype
	c.prototype.constructor = c
	return c
end

local function __TS__StringIncludes(self, searchString, position)
	if not position then
		position = 1
	else
		position = position + 1
	end
	local index = string.find(self, searchString, position, true)
	return index ~= nil
end

local function __TS__New(target, ...)
	local instance = setmetatable({}, target.prototype)
	instance:____constructor(...)
	return instance
end

local function __TS__ClassExtends(target, base)
	target.____super = base
	local staticMetatable = setmetatable({__index = base}, base)
	setmetatable(target, staticMetatable)
	local baseMetatable = getmetatable(base)
	if baseMetatable then
		if type(baseMetatable.__index) == "function" then
			staticMetatable.__index = baseMetatable.__index
		end
		if type(baseMetatable.__newindex) == "function" then
			staticMetatable.__newindex = baseMetatable.__newindex
		end
	end
	setmetatable(target.prototype, base.prototype)
	if type(base.prototype.__index) == "function" then
		target.prototype.__index = base.prototype.__index
	end
	if type(base.prototype.__newindex) == "function" then
		target.prototype.__newindex = base.prototype.__newindex
	end
	if type(base.prototype.__tostring) == "function" then
		target.prototype.__tostring = base.prototype.__tostring
	end
end

local Error, RangeError, ReferenceError, SyntaxError, TypeError, URIError
do
	local function getErrorStack(self, constructor)
		if debug == nil then
			return nil
		end
		local level = 1
		while true do
			local info = debug.getinfo(level, "f")
			level = level + 1
			if not info then
				level = 1
				break
			elseif info.func == constructor then
				break
			end
		end
		if __TS__StringIncludes(_VERSION, "Lua 5.0") then
			return debug.traceback(("[Level " .. tostring(level)) .. "]")
		elseif _VERSION == "Lua 5.1" then
			return string.sub(
				debug.traceback("", level),
				2
			)
		else
			return debug.traceback(nil, level)
		end
	end
	local function wrapErrorToString(self, getDescription)
		return function(self)
			local description = getDescription(self)
			local caller = debug.getinfo(3, "f")
			local isClassicLua = __TS__StringIncludes(_VERSION, "Lua 5.0")
			if isClassicLua or caller and caller.func ~= error then
				return description
			else
				return (description .. "\n") .. tostring(self.stack)
			end
		end
	end
	local function initErrorClass(self, Type, name)
		Type.name = name
		return setmetatable(
			Type,
			{__call = function(____, _self, message) return __TS__New(Type, message) end}
		)
	end
	local ____initErrorClass_1 = initErrorClass
	local ____class_0 = __TS__Class()
	____class_0.name = ""
	function ____class_0.prototype.____constructor(self, message)
		if message == nil then
			message = ""
		end
		self.message = message
		self.name = "Error"
		self.stack = getErrorStack(nil, __TS__New)
		local metatable = getmetatable(self)
		if metatable and not metatable.__errorToStringPatched then
			metatable.__errorToStringPatched = true
			metatable.__tostring = wrapErrorToString(nil, metatable.__tostring)
		end
	end
	function ____class_0.prototype.__tostring(self)
		return self.message ~= "" and (self.name .. ": ") .. self.message or self.name
	end
	Error = ____initErrorClass_1(nil, ____class_0, "Error")
	local function createErrorClass(self, name)
		local ____initErrorClass_3 = initErrorClass
		local ____class_2 = __TS__Class()
		____class_2.name = ____class_2.name
		__TS__ClassExtends(____class_2, Error)
		function ____class_2.prototype.____constructor(self, ...)
			____class_2.____super.prototype.____constructor(self, ...)
			self.name = name
		end
		return ____initErrorClass_3(nil, ____class_2, name)
	end
	RangeError = createErrorClass(nil, "RangeError")
	ReferenceError = createErrorClass(nil, "ReferenceError")
	SyntaxError = createErrorClass(nil, "SyntaxError")
	TypeError = createErrorClass(nil, "TypeError")
	URIError = createErrorClass(nil, "URIError")
end

local function __TS__ArrayFindIndex(self, callbackFn, thisArg)
	for i = 1, #self do
		if callbackFn(thisArg, self[i], i - 1, self) then
			return i - 1
		end
	end
	return -1
end

local function __TS__CountVarargs(...)
	return select("#", ...)
end

local function __TS__ArraySplice(self, ...)
	local args = {...}
	local len = #self
	local actualArgumentCount = __TS__CountVarargs(...)
	local start = args[1]
	local deleteCount = args[2]
	if start < 0 then
		start = len + start
		if start < 0 then
			start = 0
		end
	elseif start > len then
		start = len
	end
	local itemCount = actualArgumentCount - 2
	if itemCount < 0 then
		itemCount = 0
	end
	local actualDeleteCount
	if actualArgumentCount == 0 then
		actualDeleteCount = 0
	elseif actualArgumentCount == 1 then
		actualDeleteCount = len - start
	else
		actualDeleteCount = deleteCount or 0
		if actualDeleteCount < 0 then
			actualDeleteCount = 0
		end
		if actualDeleteCount > len - start then
			actualDeleteCount = len - start
		end
	end
	local out = {}
	for k = 1, actualDeleteCount do
		local from = start + k
		if self[from] ~= nil then
			out[k] = self[from]
		end
	end
	if itemCount < actualDeleteCount then
		for k = start + 1, len - actualDeleteCount do
			local from = k + actualDeleteCount
			local to = k + itemCount
			if self[from] then
				self[to] = self[from]
			else
				self[to] = nil
			end
		end
		for k = len - actualDeleteCount + itemCount + 1, len do
			self[k] = nil
		end
	elseif itemCount > actualDeleteCount then
		for k = len - actualDeleteCount, start + 1, -1 do
			local from = k + actualDeleteCount
			local to = k + itemCount
			if self[from] then
				self[to] = self[from]
			else
				self[to] = nil
			end
		end
	end
	local j = start + 1
	for i = 3, actualArgumentCount do
		self[j] = args[i]
		j = j + 1
	end
	for k = #self, len - actualDeleteCount + itemCount + 1, -1 do
		self[k] = nil
	end
	return out
end

local function __TS__TypeOf(value)
	local luaType = type(value)
	if luaType == "table" then
		return "object"
	elseif luaType == "nil" then
		return "undefined"
	else
		return luaType
	end
end

local function __TS__ArrayEvery(self, callbackfn, thisArg)
	for i = 1, #self do
		if not callbackfn(thisArg, self[i], i - 1, self) then
			return false
		end
	end
	return true
end

local function __TS__SparseArrayNew(...)
	local sparseArray = {...}
	sparseArray.sparseLength = __TS__CountVarargs(...)
	return sparseArray
end

local function __TS__SparseArrayPush(sparseArray, ...)
	local args = {...}
	local argsLen = __TS__CountVarargs(...)
	local listLen = sparseArray.sparseLength
	for i = 1, argsLen do
		sparseArray[listLen + i] = args[i]
	end
	sparseArray.sparseLength = listLen + argsLen
end

local function __TS__SparseArraySpread(sparseArray)
	local _unpack = unpack or table.unpack
	return _unpack(sparseArray, 1, sparseArray.sparseLength)
end

local function __TS__ArrayForEach(self, callbackFn, thisArg)
	for i = 1, #self do
		callbackFn(thisArg, self[i], i - 1, self)
	end
end

local __TS__Symbol, Symbol
do
	local symbolMetatable = {__tostring = function(self)
		return ("Symbol(" .. (self.description or "")) .. ")"
	end}
	function __TS__Symbol(description)
		return setmetatable({description = description}, symbolMetatable)
	end
	Symbol = {
		asyncDispose = __TS__Symbol("Symbol.asyncDispose"),
		dispose = __TS__Symbol("Symbol.dispose"),
		iterator = __TS__Symbol("Symbol.iterator"),
		hasInstance = __TS__Symbol("Symbol.hasInstance"),
		species = __TS__Symbol("Symbol.species"),
		toStringTag = __TS__Symbol("Symbol.toStringTag")
	}
end

local __TS__Iterator
do
	local function iteratorGeneratorStep(self)
		local co = self.____coroutine
		local status, value = coroutine.resume(co)
		if not status then
			error(value, 0)
		end
		if coroutine.status(co) == "dead" then
			return
		end
		return true, value
	end
	local function iteratorIteratorStep(self)
		local result = self:next()
		if result.done then
			return
		end
		return true, result.value
	end
	local function iteratorStringStep(self, index)
		index = index + 1
		if index > #self then
			return
		end
		return index, string.sub(self, index, index)
	end
	function __TS__Iterator(iterable)
		if type(iterable) == "string" then
			return iteratorStringStep, iterable, 0
		elseif iterable.____coroutine ~= nil then
			return iteratorGeneratorStep, iterable
		elseif iterable[Symbol.iterator] then
			local iterator = iterable[Symbol.iterator](iterable)
			return iteratorIteratorStep, iterator
		else
			return ipairs(iterable)
		end
	end
end

local Set
do
	Set = __TS__Class()
	Set.name = "Set"
	function Set.prototype.____constructor(self, values)
		self[Symbol.toStringTag] = "Set"
		self.size = 0
		self.nextKey = {}
		self.previousKey = {}
		if values == nil then
			return
		end
		local iterable = values
		if iterable[Symbol.iterator] then
			local iterator = iterable[Symbol.iterator](iterable)
			while true do
				local result = iterator:next()
				if result.done then
					break
				end
				self:add(result.value)
			end
		else
			local array = values
			for ____, value in ipairs(array) do
				self:add(value)
			end
		end
	end
	function Set.prototype.add(self, value)
		local isNewValue = not self:has(value)
		if isNewValue then
			self.size = self.size + 1
		end
		if self.firstKey == nil then
			self.firstKey = value
			self.lastKey = value
		elseif isNewValue then
			self.nextKey[self.lastKey] = value
			self.previousKey[value] = self.lastKey
			self.lastKey = value
		end
		return self
	end
	function Set.prototype.clear(self)
		self.nextKey = {}
		self.previousKey = {}
		self.firstKey = nil
		self.lastKey = nil
		self.size = 0
	end
	function Set.prototype.delete(self, value)
		local contains = self:has(value)
		if contains then
			self.size = self.size - 1
			local next = self.nextKey[value]
			local previous = self.previousKey[value]
			if next ~= nil and previous ~= nil then
				self.nextKey[previous] = next
				self.previousKey[next] = previous
			elseif next ~= nil then
				self.firstKey = next
				self.previousKey[next] = nil
			elseif previous ~= nil then
				self.lastKey = previous
				self.nextKey[previous] = nil
			else
				self.firstKey = nil
				self.lastKey = nil
			end
			self.nextKey[value] = nil
			self.previousKey[value] = nil
		end
		return contains
	end
	function Set.prototype.forEach(self, callback)
		for ____, key in __TS__Iterator(self:keys()) do
			callback(nil, key, key, self)
		end
	end
	function Set.prototype.has(self, value)
		return self.nextKey[value] ~= nil or self.lastKey == value
	end
	Set.prototype[Symbol.iterator] = function(self)
		return self:values()
	end
	function Set.prototype.entries(self)
		local function getFirstKey()
			return self.firstKey
		end
		local nextKey = self.nextKey
		local key
		local started = false
		return {
			[Symbol.iterator] = function(self)
				return self
			end,
			next = function(self)
				if not started then
					started = true
					key = getFirstKey(nil)
				else
					key = nextKey[key]
				end
				return {done = not key, value = {key, key}}
			end
		}
	end
	function Set.prototype.keys(self)
		local function getFirstKey()
			return self.firstKey
		end
		local nextKey = self.nextKey
		local key
		local started = false
		return {
			[Symbol.iterator] = function(self)
				return self
			end,
			next = function(self)
				if not started then
					started = true
					key = getFirstKey(nil)
				else
					key = nextKey[key]
				end
				return {done = not key, value = key}
			end
		}
	end
	function Set.prototype.values(self)
		local function getFirstKey()
			return self.firstKey
		end
		local nextKey = self.nextKey
		local key
		local started = false
		return {
			[Symbol.iterator] = function(self)
				return self
			end,
			next = function(self)
				if not started then
					started = true
					key = getFirstKey(nil)
				else
					key = nextKey[key]
				end
				return {done = not key, value = key}
			end
		}
	end
	function Set.prototype.union(self, other)
		local result = __TS__New(Set, self)
		for ____, item in __TS__Iterator(other) do
			result:add(item)
		end
		return result
	end
	function Set.prototype.intersection(self, other)
		local result = __TS__New(Set)
		for ____, item in __TS__Iterator(self) do
			if other:has(item) then
				result:add(item)
			end
		end
		return result
	end
	function Set.prototype.difference(self, other)
		local result = __TS__New(Set, self)
		for ____, item in __TS__Iterator(other) do
			result:delete(item)
		end
		return result
	end
	function Set.prototype.symmetricDifference(self, other)
		local result = __TS__New(Set, self)
		for ____, item in __TS__Iterator(other) do
			if self:has(item) then
				result:delete(item)
			else
				result:add(item)
			end
		end
		return result
	end
	function Set.prototype.isSubsetOf(self, other)
		for ____, item in __TS__Iterator(self) do
			if not other:has(item) then
				return false
			end
		end
		return true
	end
	function Set.prototype.isSupersetOf(self, other)
		for ____, item in __TS__Iterator(other) do
			if not self:has(item) then
				return false
			end
		end
		return true
	end
	function Set.prototype.isDisjointFrom(self, other)
		for ____, item in __TS__Iterator(self) do
			if other:has(item) then
				return false
			end
		end
		return true
	end
	Set[Symbol.species] = Set
end

local Map
do
	Map = __TS__Class()
	Map.name = "Map"
	function Map.prototype.____constructor(self, entries)
		self[Symbol.toStringTag] = "Map"
		self.items = {}
		self.size = 0
		self.nextKey = {}
		self.previousKey = {}
		if entries == nil then
			return
		end
		local iterable = entries
		if iterable[Symbol.iterator] then
			local iterator = iterable[Symbol.iterator](iterable)
			while true do
				local result = iterator:next()
				if result.done then
					break
				end
				local value = result.value
				self:set(value[1], value[2])
			end
		else
			local array = entries
			for ____, kvp in ipairs(array) do
				self:set(kvp[1], kvp[2])
			end
		end
	end
	function Map.prototype.clear(self)
		self.items = {}
		self.nextKey = {}
		self.previousKey = {}
		self.firstKey = nil
		self.lastKey = nil
		self.size = 0
	end
	function Map.prototype.delete(self, key)
		local contains = self:has(key)
		if contains then
			self.size = self.size - 1
			local next = self.nextKey[key]
			local previous = self.previousKey[key]
			if next ~= nil and previous ~= nil then
				self.nextKey[previous] = next
				self.previousKey[next] = previous
			elseif next ~= nil then
				self.firstKey = next
				self.previousKey[next] = nil
			elseif previous ~= nil then
				self.lastKey = previous
				self.nextKey[previous] = nil
			else
				self.firstKey = nil
				self.lastKey = nil
			end
			self.nextKey[key] = nil
			self.previousKey[key] = nil
		end
		self.items[key] = nil
		return contains
	end
	function Map.prototype.forEach(self, callback)
		for ____, key in __TS__Iterator(self:keys()) do
			callback(nil, self.items[key], key, self)
		end
	end
	function Map.prototype.get(self, key)
		return self.items[key]
	end
	function Map.prototype.has(self, key)
		return self.nextKey[key] ~= nil or self.lastKey == key
	end
	function Map.prototype.set(self, key, value)
		local isNewValue = not self:has(key)
		if isNewValue then
			self.size = self.size + 1
		end
		self.items[key] = value
		if self.firstKey == nil then
			self.firstKey = key
			self.lastKey = key
		elseif isNewValue then
			self.nextKey[self.lastKey] = key
			self.previousKey[key] = self.lastKey
			self.lastKey = key
		end
		return self
	end
	Map.prototype[Symbol.iterator] = function(self)
		return self:entries()
	end
	function Map.prototype.entries(self)
		local function getFirstKey()
			return self.firstKey
		end
		local items = self.items
		local nextKey = self.nextKey
		local key
		local started = false
		return {
			[Symbol.iterator] = function(self)
				return self
			end,
			next = function(self)
				if not started then
					started = true
					key = getFirstKey(nil)
				else
					key = nextKey[key]
				end
				return {done = not key, value = {key, items[key]}}
			end
		}
	end
	function Map.prototype.keys(self)
		local function getFirstKey()
			return self.firstKey
		end
		local nextKey = self.nextKey
		local key
		local started = false
		return {
			[Symbol.iterator] = function(self)
				return self
			end,
			next = function(self)
				if not started then
					started = true
					key = getFirstKey(nil)
				else
					key = nextKey[key]
				end
				return {done = not key, value = key}
			end
		}
	end
	function Map.prototype.values(self)
		local function getFirstKey()
			return self.firstKey
		end
		local items = self.items
		local nextKey = self.nextKey
		local key
		local started = false
		return {
			[Symbol.iterator] = function(self)
				return self
			end,
			next = function(self)
				if not started then
					started = true
					key = getFirstKey(nil)
				else
					key = nextKey[key]
				end
				return {done = not key, value = items[key]}
			end
		}
	end
	Map[Symbol.species] = Map
end

local function __TS__InstanceOf(obj, classTbl)
	if type(classTbl) ~= "table" then
		error("Right-hand side of 'instanceof' is not an object", 0)
	end
	if classTbl[Symbol.hasInstance] ~= nil then
		return not not classTbl[Symbol.hasInstance](classTbl, obj)
	end
	if type(obj) == "table" then
		local luaClass = obj.constructor
		while luaClass ~= nil do
			if luaClass == classTbl then
				return true
			end
			luaClass = luaClass.____super
		end
	end
	return false
end

local function __TS__ArrayReduce(self, callbackFn, ...)
	local len = #self
	local k = 0
	local accumulator = nil
	if __TS__CountVarargs(...) ~= 0 then
		accumulator = ...
	elseif len > 0 then
		accumulator = self[1]
		k = 1
	else
		error("Reduce of empty array with no initial value", 0)
	end
	for i = k + 1, len do
		accumulator = callbackFn(
			nil,
			accumulator,
			self[i],
			i - 1,
			self
		)
	end
	return accumulator
end

local function __TS__ArrayPush(self, ...)
	local items = {...}
	local len = #self
	for i = 1, #items do
		len = len + 1
		self[len] = items[i]
	end
	return len
end

local function __TS__ObjectAssign(target, ...)
	local sources = {...}
	for i = 1, #sources do
		local source = sources[i]
		if type(source) == "table" then
			for key in pairs(source) do
				target[key] = source[key]
			end
		end
	end
	return target
end

local function __TS__ArrayConcat(self, ...)
	local items = {...}
	local result = {}
	local len = 0
	for i = 1, #self do
		len = len + 1
		result[len] = self[i]
	end
	for i = 1, #items do
		local item = items[i]
		if __TS__ArrayIsArray(item) then
			for j = 1, #item do
				len = len + 1
				result[len] = item[j]
			end
		else
			len = len + 1
			result[len] = item
		end
	end
	return result
end

local function __TS__ArrayIndexOf(self, searchElement, fromIndex)
	if fromIndex == nil then
		fromIndex = 0
	end
	local len = #self
	if len == 0 then
		return -1
	end
	if fromIndex >= len then
		return -1
	end
	if fromIndex < 0 then
		fromIndex = len + fromIndex
		if fromIndex < 0 then
			fromIndex = 0
		end
	end
	for i = fromIndex + 1, len do
		if self[i] == searchElement then
			return i - 1
		end
	end
	return -1
end

local function __TS__ArraySetLength(self, length)
	if length < 0 or length ~= length or length == math.huge or math.floor(length) ~= length then
		error(
			"invalid array length: " .. tostring(length),
			0
		)
	end
	for i = length + 1, #self do
		self[i] = nil
	end
	return length
end

return {
  __TS__StringCharCodeAt = __TS__StringCharCodeAt,
  __TS__StringCharAt = __TS__StringCharAt,
  __TS__ArrayReverse = __TS__ArrayReverse,
  __TS__StringSubstring = __TS__StringSubstring,
  __TS__StringSplit = __TS__StringSplit,
  __TS__StringStartsWith = __TS__StringStartsWith,
  __TS__Number = __TS__Number,
  __TS__StringSlice = __TS__StringSlice,
  __TS__ArraySlice = __TS__ArraySlice,
  __TS__ArrayMap = __TS__ArrayMap,
  __TS__ObjectKeys = __TS__ObjectKeys,
  __TS__ArraySort = __TS__ArraySort,
  __TS__ArrayIsArray = __TS__ArrayIsArray,
  __TS__ArrayFilter = __TS__ArrayFilter,
  __TS__ArrayFind = __TS__ArrayFind,
  __TS__ArraySome = __TS__ArraySome,
  __TS__StringTrim = __TS__StringTrim,
  __TS__ArrayIncludes = __TS__ArrayIncludes,
  __TS__StringEndsWith = __TS__StringEndsWith,
  __TS__Class = __TS__Class,
  Error = Error,
  RangeError = RangeError,
  ReferenceError = ReferenceError,
  SyntaxError = SyntaxError,
  TypeError = TypeError,
  URIError = URIError,
  __TS__ClassExtends = __TS__ClassExtends,
  __TS__New = __TS__New,
  __TS__ArrayFindIndex = __TS__ArrayFindIndex,
  __TS__ArraySplice = __TS__ArraySplice,
  __TS__TypeOf = __TS__TypeOf,
  __TS__ArrayEvery = __TS__ArrayEvery,
  __TS__SparseArrayNew = __TS__SparseArrayNew,
  __TS__SparseArrayPush = __TS__SparseArrayPush,
  __TS__SparseArraySpread = __TS__SparseArraySpread,
  __TS__ArrayForEach = __TS__ArrayForEach,
  Set = Set,
  Map = Map,
  __TS__InstanceOf = __TS__InstanceOf,
  __TS__ArrayReduce = __TS__ArrayReduce,
  __TS__ArrayPush = __TS__ArrayPush,
  __TS__ObjectAssign = __TS__ObjectAssign,
  __TS__ArrayConcat = __TS__ArrayConcat,
  __TS__ArrayIndexOf = __TS__ArrayIndexOf,
  __TS__ArraySetLength = __TS__ArraySetLength
}
