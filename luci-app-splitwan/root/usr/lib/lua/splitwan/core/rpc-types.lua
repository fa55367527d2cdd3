-- generated from src/core/rpc-types.ts by typescript-to-lua: edit the TypeScript, not this file
local ____exports = {}
return ____exports
