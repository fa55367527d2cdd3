// Holds the fw4 stand-in (fw4.ts) to real firewall4 output: for each rendering in
// /work/shared/reference/fw4 (24.10's `fw4 print` on firewall.seed004[-device-zone] with
// the interface dump beside it), the stand-in's ruleset must have the same defines and,
// chain by chain, the same statements in the same order (whitespace-normalized). That
// covers the zone chains, DNAT, masquerade, MSS clamping, reflection and MAP-E SNAT rules.
// The renderings are copied unchanged into fw4-reference/ (from the project's shared
// reference directory) so CI checks them on a fresh clone.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderFw4, type IfStatus } from "./fw4";
import { parseNft } from "./nft-text";
import { parseUci } from "./uci";

const REF = join(import.meta.dirname, "fw4-reference");
const cases = [
  ["ruleset.seed004.pppoe-up.nft", "firewall.seed004", "ifdump.pppoe-up.json"],
  ["ruleset.seed004.pppoe-down.nft", "firewall.seed004", "ifdump.pppoe-down.json"],
  ["ruleset.seed004-device-zone.pppoe-up.nft", "firewall.seed004-device-zone", "ifdump.pppoe-up.json"],
  ["ruleset.seed004-device-zone.pppoe-down.nft", "firewall.seed004-device-zone", "ifdump.pppoe-down.json"],
  ["ruleset.seed004.mape.nft", "firewall.seed004", "ifdump.mape.json"],
  ["ruleset.seed004.dslite.nft", "firewall.seed004", "ifdump.dslite.json"],
];

describe("fw4 stand-in matches real fw4 renderings", () => {
  for (const [ruleset, fw, dump] of cases) {
    it(ruleset, () => {
      const want = parseNft(readFileSync(join(REF, ruleset), "utf8"));
      const ifs = (JSON.parse(readFileSync(join(REF, dump), "utf8")) as { interface: IfStatus[] }).interface;
      const got = parseNft(renderFw4({ firewall: parseUci(readFileSync(join(REF, fw), "utf8")), interfaces: ifs }));
      expect([...got.defines]).toEqual([...want.defines]);
      expect([...got.chains.keys()]).toEqual([...want.chains.keys()]);
      for (const [name, rules] of want.chains) expect({ chain: name, rules: got.chains.get(name) }).toEqual({ chain: name, rules });
    });
  }

  it("renders the whole file as fw4 does, byte for byte (MAP-E case)", () => {
    const ifs = (JSON.parse(readFileSync(join(REF, "ifdump.mape.json"), "utf8")) as { interface: IfStatus[] }).interface;
    const got = renderFw4({ firewall: parseUci(readFileSync(join(REF, "firewall.seed004"), "utf8")), interfaces: ifs });
    expect(got).toBe(readFileSync(join(REF, "ruleset.seed004.mape.nft"), "utf8"));
  });
});
