// Issue 6: the data plane, end to end, in network namespaces (see bed.ts for the layout
// and docs/e2e.md for what stands in for what). For a MAP-E and a DS-Lite router, and for
// each routing mode, splitwan's real CLI writes the router's files, the netifd and fw4
// stand-ins put them into the router namespace, and the checks in checks.ts send real
// traffic. Needs root and `ip netns`; skipped loudly otherwise.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI } from "../helpers/lua";
import { Bed, bedUnavailable } from "./bed";
import { CHECKS, checkRemoved, type Mode, splitwanConfig } from "./checks";
import type { IpoeKind } from "./router-config";

const unavailable = bedUnavailable();
if (unavailable) {
  console.warn(`\n${"!".repeat(78)}\n!!! e2e data-plane tests SKIPPED: ${unavailable}. Run as root with iproute2 + nftables.\n${"!".repeat(78)}\n`);
}

const KINDS: IpoeKind[] = ["map-e", "ds-lite"];
const MODES: Mode[] = ["source", "reply-only"];

describe.skipIf(!!unavailable)("data plane in namespaces", () => {
  for (const kind of KINDS) {
    describe(kind, () => {
      let bed: Bed;
      let t0 = 0;
      beforeAll(async () => {
        t0 = Date.now();
        if (!existsSync(CLI)) throw new Error(`${CLI} missing: run npm run build`);
        bed = new Bed(kind, CLI);
        await bed.build();
      }, 60000);
      afterAll(() => {
        bed?.destroy();
        console.log(`e2e ${kind}: bed up, checks and teardown in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      });

      for (const mode of MODES) {
        it(`${mode}: splitwan apply writes the router's state`, () => {
          const out = bed.applySplitwan(splitwanConfig(mode));
          expect(out).toContain("would run: ubus call network reload");
          expect(bed.netifd.isUp("wanppp")).toBe(true);
          expect(bed.ip(["-4", "route", "show", "table", "300"])).toContain("default via 203.0.113.1 dev pppoe-wanppp");
          if (mode === "source") {
            // the package's own hotplug scripts ran (as shipped) on the PPPoE ifup
            for (const script of bed.hotplugScripts()) {
              expect(bed.hotplugLog).toContain(`${basename(script)} ifup wanppp: exit 0`);
            }
          }
        });
        for (const c of CHECKS) {
          it(`${mode}: ${c.id}. ${c.title}`, async () => {
            const detail = await c.run(bed, mode);
            console.log(`[${kind} ${mode}] ${c.id}: ${detail}`);
          }, 120000);
        }
        if (mode === "source") {
          // The bed can fail: a rule src without /32 (what netifd 24.10 reads as "from all")
          // sends the whole LAN to PPPoE, and check 3 must notice.
          it("control: a bare src address in a netifd rule is caught", async () => {
            const path = join(bed.root, "etc/config/network");
            const orig = readFileSync(path, "utf8");
            const broken = orig.replace(/option src '([0-9.]+)\/32'/g, "option src '$1'");
            expect(broken).not.toBe(orig);
            writeFileSync(path, broken);
            bed.netifd.reload();
            try {
              await expect(CHECKS.find((c) => c.id === "3")!.run(bed, mode)).rejects.toThrow(/LAN client → remote/);
            } finally {
              writeFileSync(path, orig);
              bed.netifd.reload();
            }
            await CHECKS.find((c) => c.id === "3")!.run(bed, mode);
          });
        }
      }
      it("splitwan remove: a plain IPoE router again", async () => {
        console.log(`[${kind}] remove: ${await checkRemoved(bed)}`);
      });
    });
  }
});
