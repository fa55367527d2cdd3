-- generated from src/core/plan.ts by typescript-to-lua: edit the TypeScript, not this file
local ____lualib = require("splitwan.lualib_bundle")
local __TS__SparseArrayNew = ____lualib.__TS__SparseArrayNew
local __TS__SparseArrayPush = ____lualib.__TS__SparseArrayPush
local __TS__SparseArraySpread = ____lualib.__TS__SparseArraySpread
local __TS__ArrayFilter = ____lualib.__TS__ArrayFilter
local __TS__ArrayForEach = ____lualib.__TS__ArrayForEach
local __TS__ArrayFind = ____lualib.__TS__ArrayFind
local __TS__ArrayIncludes = ____lualib.__TS__ArrayIncludes
local __TS__ArraySome = ____lualib.__TS__ArraySome
local ____exports = {}
local protoName, protoKey, redirect, ipv6Rule
local ____ports = require("splitwan.core.ports")
local extPorts = ____ports.extPorts
local intPorts = ____ports.intPorts
local ____system = require("splitwan.core.system")
local zoneOfNetwork = ____system.zoneOfNetwork
local ____text = require("splitwan.core.text")
local hexDigits = ____text.hexDigits
function protoName(self, spec)
	return spec.proto == "both" and "tcp udp" or spec.proto
end
function protoKey(self, spec)
	return spec.proto == "both" and "tcpudp" or spec.proto
end
function redirect(self, c, s, spec)
	local ext = extPorts(nil, spec)
	return {
		config = "firewall",
		name = (((("splitwan_" .. s.name) .. "_") .. protoKey(nil, spec)) .. "_") .. tostring(spec.extFrom),
		type = "redirect",
		options = {
			{"name", (((("splitwan " .. s.name) .. " ") .. ext) .. "/") .. spec.proto},
			{"target", "DNAT"},
			{"src", c.zone},
			{"src_dport", ext},
			{"dest", s.zone},
			{"dest_ip", s.ipaddr},
			{
				"dest_port",
				intPorts(nil, spec)
			},
			{
				"proto",
				protoName(nil, spec)
			},
			{"family", "ipv4"},
			{"reflection", "1"}
		}
	}
end
function ipv6Rule(self, s, spec, wanZone)
	local ports = intPorts(nil, spec)
	return {
		config = "firewall",
		name = (((("splitwan_" .. s.name) .. "_v6") .. protoKey(nil, spec)) .. "_") .. tostring(spec.intFrom),
		type = "rule",
		options = {
			{"name", ((((("splitwan " .. s.name) .. " ") .. ports) .. "/") .. spec.proto) .. " IPv6"},
			{"src", wanZone},
			{"dest", s.zone},
			{
				"dest_ip",
				tostring(s.ip6Suffix) .. "/-64"
			},
			{"dest_port", ports},
			{
				"proto",
				protoName(nil, spec)
			},
			{"family", "ipv6"},
			{"target", "ACCEPT"}
		}
	}
end
____exports.NFT_DROPIN_DIR = "/usr/share/nftables.d"
____exports.DROPIN_NAME = "10-splitwan.nft"
function ____exports.pppoeDevice(self, iface)
	return "pppoe-" .. iface
end
function ____exports.hexMark(self, n)
	return "0x" .. hexDigits(nil, n, 8)
end
____exports.GUARD_NOTE = "splitwan: publish only via PPPoE"
____exports.CROSSES_NOTE = "splitwan: crosses PPPoE"
____exports.MSS_NOTE = "splitwan: MSS for the PPPoE MTU"
function ____exports.emptyPlan(self)
	return {sections = {}, rtTable = nil, files = {}}
end
function ____exports.buildPlan(self, c, sys)
	if not c.enabled then
		return ____exports.emptyPlan(nil)
	end
	local sections = {}
	local ____table = tostring(c.table)
	local mark = ____exports.hexMark(nil, c.mark)
	local dev = ____exports.pppoeDevice(nil, c.iface)
	sections[#sections + 1] = {
		config = "network",
		name = c.iface,
		type = "interface",
		options = {
			{"proto", "pppoe"},
			{"device", c.device},
			{"username", c.username},
			{"password", c.password},
			{
				"mtu",
				tostring(c.mtu)
			},
			{"ipv6", "0"},
			{"peerdns", "0"},
			{"ip4table", ____table}
		}
	}
	local function rulePair(____, key, match, priority)
		local ____temp_1 = ("splitwan_" .. key) .. "_main"
		local ____array_0 = __TS__SparseArrayNew(unpack(match))
		__TS__SparseArrayPush(
			____array_0,
			{"lookup", "main"},
			{"suppress_prefixlength", "0"},
			{
				"priority",
				tostring(priority)
			}
		)
		sections[#sections + 1] = {
			config = "network",
			name = ____temp_1,
			type = "rule",
			options = {__TS__SparseArraySpread(____array_0)}
		}
		local ____temp_3 = ("splitwan_" .. key) .. "_pppoe"
		local ____array_2 = __TS__SparseArrayNew(unpack(match))
		__TS__SparseArrayPush(
			____array_2,
			{"lookup", ____table},
			{
				"priority",
				tostring(priority + 1)
			}
		)
		sections[#sections + 1] = {
			config = "network",
			name = ____temp_3,
			type = "rule",
			options = {__TS__SparseArraySpread(____array_2)}
		}
	end
	local replyOnly = __TS__ArrayFilter(
		c.servers,
		function(____, s) return s.mode == "reply-only" end
	)
	if #replyOnly > 0 then
		rulePair(nil, "reply", {{"mark", (mark .. "/") .. mark}}, c.priority)
	end
	__TS__ArrayForEach(
		c.servers,
		function(____, s, i)
			if s.mode == "source" then
				rulePair(nil, s.name, {{"src", s.ipaddr .. "/32"}}, c.priority + 10 * (i + 1))
			end
		end
	)
	local ____temp_4
	if sys.wan ~= nil then
		____temp_4 = zoneOfNetwork(nil, sys, sys.wan.ipv4Iface) or zoneOfNetwork(nil, sys, sys.wan.l2Iface)
	else
		____temp_4 = nil
	end
	local wanZone = ____temp_4
	local afterZone = __TS__ArrayFind(
		sys.zones,
		function(____, z) return z.name == "wan" end
	) or wanZone
	sections[#sections + 1] = {
		config = "firewall",
		name = "splitwan_zone",
		type = "zone",
		options = {
			{"name", c.zone},
			{"network", {c.iface}},
			{"family", "ipv4"},
			{"input", "REJECT"},
			{"output", "ACCEPT"},
			{"forward", "REJECT"},
			{"masq", "1"},
			{"mtu_fix", "0"}
		},
		after = afterZone and afterZone.section
	}
	local srcZones = {}
	for ____, s in ipairs(c.servers) do
		if s.mode == "source" and not __TS__ArrayIncludes(srcZones, s.zone) then
			srcZones[#srcZones + 1] = s.zone
		end
	end
	for ____, z in ipairs(srcZones) do
		sections[#sections + 1] = {config = "firewall", name = "splitwan_fwd_" .. z, type = "forwarding", options = {{"src", z}, {"dest", c.zone}}}
	end
	for ____, s in ipairs(c.servers) do
		for ____, spec in ipairs(s.ports) do
			sections[#sections + 1] = redirect(nil, c, s, spec)
		end
	end
	if wanZone ~= nil then
		for ____, s in ipairs(c.servers) do
			do
				local __continue25
				repeat
					if s.ip6Suffix == nil then
						__continue25 = true
						break
					end
					for ____, spec in ipairs(s.ports) do
						sections[#sections + 1] = ipv6Rule(nil, s, spec, wanZone.name)
					end
					__continue25 = true
				until true
				if not __continue25 then
					break
				end
			end
		end
	end
	local mss = c.mtu - 40
	local clamp = (("tcp flags syn / syn,fin,rst tcp option maxseg size > " .. tostring(mss)) .. " tcp option maxseg size set ") .. tostring(mss)
	local mssNote = ((("comment \"" .. ____exports.MSS_NOTE) .. " (") .. tostring(c.mtu)) .. ")\""
	local crosses = ((("ct mark set ct mark | " .. mark) .. " comment \"") .. ____exports.CROSSES_NOTE) .. "\""
	local marked = (("ct mark & " .. mark) .. " == ") .. mark
	local toPacket = #replyOnly > 0 and " meta mark set meta mark | " .. mark or ""
	local files = {{path = (((____exports.NFT_DROPIN_DIR .. "/chain-pre/srcnat_") .. c.zone) .. "/") .. ____exports.DROPIN_NAME, content = (("# Written by splitwan: the first packet of each connection that leaves over PPPoE\n" .. "# (a nat chain sees no other).\n") .. ((("oifname \"" .. dev) .. "\" ") .. crosses) .. "\n") .. ((((("oifname \"" .. dev) .. "\" ") .. clamp) .. " ") .. mssNote) .. "\n"}, {path = (____exports.NFT_DROPIN_DIR .. "/chain-pre/mangle_prerouting/") .. ____exports.DROPIN_NAME, content = ((("# Written by splitwan: every packet entering the router passes here; other traffic\n" .. "# stops at the first test. Connections over PPPoE: the MSS of the SYN/ACK") .. (toPacket ~= "" and ", and the\n# mark that sends the answers of reply-only servers back via PPPoE (fwmark rules)" or "")) .. ".\n") .. (((((marked .. toPacket) .. " ") .. clamp) .. " ") .. mssNote) .. "\n"}}
	if __TS__ArraySome(
		c.servers,
		function(____, s) return #s.ports > 0 end
	) then
		files[#files + 1] = {path = (((____exports.NFT_DROPIN_DIR .. "/chain-pre/dstnat_") .. c.zone) .. "/") .. ____exports.DROPIN_NAME, content = (((("# Written by splitwan: the first packet of each connection that arrives for the zone\n" .. "# (a nat chain sees no other). fw4 binds the zone to the WAN's physical device while\n") .. "# PPPoE is down: publish only what really arrives on the PPPoE device.\n") .. ((("iifname != \"" .. dev) .. "\" counter return comment \"") .. ____exports.GUARD_NOTE) .. "\"\n") .. crosses .. "\n") .. ((clamp .. " ") .. mssNote) .. "\n"}
	end
	if #replyOnly > 0 then
		files[#files + 1] = {path = (____exports.NFT_DROPIN_DIR .. "/chain-pre/mangle_output/") .. ____exports.DROPIN_NAME, content = ("# Written by splitwan: the router's own answers to connections that came in over PPPoE\n" .. "# (a DNAT to the router itself) leave via PPPoE, with the MSS of the PPPoE MTU.\n") .. ((((((marked .. " meta mark set meta mark | ") .. mark) .. " ") .. clamp) .. " ") .. mssNote) .. "\n"}
	end
	return {sections = sections, rtTable = {number = c.table, name = c.tableName}, files = files}
end
return ____exports
