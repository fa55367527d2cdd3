-- generated from src/core/ddns/providers.ts by typescript-to-lua: edit the TypeScript, not this file
local ____exports = {}
local ____cloudflare = require("splitwan.core.ddns.cloudflare")
local cloudflare = ____cloudflare.cloudflare
local ____mydns = require("splitwan.core.ddns.mydns")
local mydns = ____mydns.mydns
local ____value_2Ddomain = require("splitwan.core.ddns.value-domain")
local valueDomain = ____value_2Ddomain.valueDomain
function ____exports.providerFor(self, name)
	return name == "value-domain" and valueDomain or (name == "mydns" and mydns or cloudflare)
end
return ____exports
