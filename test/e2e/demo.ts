// `npm run demo` / `make demo` (scripts/demo.mjs bundles this file): builds the namespace
// bed for a MAP-E and a DS-Lite router, applies splitwan in each routing mode, runs the
// checks of issue 6 with a one-line verdict each, and tears everything down.
import { standins } from "../helpers/lua";
import { Bed, bedUnavailable } from "./bed";
import { CHECKS, checkRemoved, type Mode, splitwanConfig } from "./checks";
import type { IpoeKind } from "./router-config";

export async function runDemo(cli: string, args: string[], print: (line: string) => void): Promise<number> {
  const why = bedUnavailable();
  if (why) {
    print(`demo needs root, iproute2 (ip netns), nftables and lua5.1: ${why}`);
    return 2;
  }
  standins(true); // the bed's Lua runs load the stand-in uci/ubus bindings
  const kinds = (["map-e", "ds-lite"] as IpoeKind[]).filter((k) => !args.some((a) => a === "map-e" || a === "ds-lite") || args.includes(k));
  const modes = (["source", "reply-only"] as Mode[]).filter((m) => !args.some((a) => a === "source" || a === "reply-only") || args.includes(m));
  let failed = 0, passed = 0;
  const t0 = Date.now();
  for (const kind of kinds) {
    const bed = new Bed(kind, cli);
    try {
      const tb = Date.now();
      await bed.build();
      print(`\n${kind === "map-e" ? "MAP-E" : "DS-Lite"} router (namespaces ${bed.ns.rt.replace(/-rt$/, "-*")}), bed built in ${Date.now() - tb} ms`);
      for (const mode of modes) {
        bed.applySplitwan(splitwanConfig(mode));
        print(`  splitwan apply, servers in mode ${mode}: PPPoE ${bed.netifd.isUp("wanppp") ? `up as ${bed.bras.addr}` : "DOWN"}`);
        const rules = bed.ip(["-4", "rule", "show"]).split("\n").filter((l) => / lookup (300|main suppress)/.test(l));
        for (const r of rules) print(`      ip rule ${r.replace(/\t/g, " ")}`);
        for (const c of CHECKS) {
          const tc = Date.now();
          try {
            const detail = await c.run(bed, mode);
            passed++;
            print(`  PASS ${c.id.padStart(2)}. ${c.title}\n          ${detail} (${Date.now() - tc} ms)`);
          } catch (e) {
            failed++;
            print(`  FAIL ${c.id.padStart(2)}. ${c.title}\n          ${(e as Error).message}`);
          }
        }
      }
      try {
        const detail = await checkRemoved(bed);
        passed++;
        print(`  PASS     splitwan remove: a plain IPoE router again\n          ${detail}`);
      } catch (e) {
        failed++;
        print(`  FAIL     splitwan remove: a plain IPoE router again\n          ${(e as Error).message}`);
      }
    } finally {
      bed.destroy();
    }
  }
  print(`\n${passed} passed, ${failed} failed in ${((Date.now() - t0) / 1000).toFixed(1)} s; namespaces removed`);
  return failed > 0 ? 1 : 0;
}
