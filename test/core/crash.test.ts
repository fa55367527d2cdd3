// A kill -9 at every step on disk of apply and remove (the test platform stops touching
// anything from that step on, as a killed process would; its lock stays behind). Whatever
// is left, the next run takes over the lock, and remove brings network, firewall and
// rt_tables back byte for byte; apply finishes the job, reloads included.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { applyConfig } from "../../src/core/apply";
import { routerTree, testPlatform } from "../helpers/node-platform";

const TRACKED = ["etc/config/network", "etc/config/firewall", "etc/iproute2/rt_tables"];

/** Every file of the tree but temporary files and the run directory (the lock). */
function tree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else {
        const rel = relative(root, path);
        if (!name.includes(".splitwan-") && !rel.startsWith("var/run/") && !rel.startsWith("tmp/")) out[rel] = readFileSync(path, "latin1");
      }
    }
  };
  walk(root);
  return out;
}

const tracked = (t: Record<string, string>) => Object.fromEntries(TRACKED.map((f) => [f, t[f]]));

/** Runs apply/remove with a crash before step k; true when it got that far (it crashed). */
function crashed(root: string, remove: boolean, k: number): boolean {
  try {
    applyConfig(testPlatform(root, { crashAt: k }), remove);
    return false;
  } catch (e) {
    expect(String(e)).toMatch(/killed before|crashed/);
    return true;
  }
}

function editConfig(root: string): void {
  const p = testPlatform(root);
  const c = p.cursor();
  c.delete("splitwan", "web");
  c.set("splitwan", "main", "mtu", "1440");
  c.set("splitwan", "main", "table", "301");
  c.commit("splitwan");
}

describe("kill -9 at every step", () => {
  const original = tree(routerTree("dsa-mape"));
  const appliedRoot = routerTree("dsa-mape");
  applyConfig(testPlatform(appliedRoot), false);
  const applied = tree(appliedRoot);
  const changedRoot = routerTree("dsa-mape");
  applyConfig(testPlatform(changedRoot), false);
  editConfig(changedRoot);
  applyConfig(testPlatform(changedRoot), false);
  const changed = tree(changedRoot);

  let points = 0;
  const scenarios: Array<{ name: string; setup: (root: string) => void; remove: boolean; done: Record<string, string>; from: Record<string, string> }> = [
    { name: "apply on a fresh router", setup: () => {}, remove: false, done: applied, from: original },
    { name: "remove", setup: (r) => applyConfig(testPlatform(r), false), remove: true, done: original, from: applied },
    {
      name: "apply of a changed config (a server, the MTU and the table)",
      setup: (r) => {
        applyConfig(testPlatform(r), false);
        editConfig(r);
      },
      remove: false, done: changed, from: applied,
    },
  ];

  for (const s of scenarios) {
    it(`${s.name}: each file is old or new, never cut; remove restores; apply completes`, () => {
      for (let k = 0; ; k++) {
        const root = routerTree("dsa-mape");
        s.setup(root);
        const config = tree(root)["etc/config/splitwan"];
        if (!crashed(root, s.remove, k)) {
          expect(tracked(tree(root))).toEqual(tracked(s.done));
          expect(k).toBeGreaterThan(3);
          break;
        }
        points++;
        // nothing is cut short: each config file is whole, before or after
        const t = tree(root);
        for (const f of TRACKED) expect([s.from[f], s.done[f]]).toContain(t[f]);
        expect(existsSync(join(root, "var/run/splitwan/lock"))).toBe(true); // the dead holder's

        // the same crash again, then the interrupted run's own command completes it
        const again = routerTree("dsa-mape");
        s.setup(again);
        crashed(again, s.remove, k);
        const completed = applyConfig(testPlatform(again), s.remove);
        expect(tree(again)).toEqual({ ...s.done, "etc/config/splitwan": config });
        // whatever the killed run wrote is reloaded by the run that completes it
        const reloaded = completed.reloads.map((a) => a.join(" "));
        if (s.from["etc/config/network"] !== s.done["etc/config/network"]) expect(reloaded, `killed at step ${k}`).toContain("ubus call network reload");
        if (s.from["etc/config/firewall"] !== s.done["etc/config/firewall"]) expect(reloaded, `killed at step ${k}`).toContain("/etc/init.d/firewall reload");
        expect(existsSync(join(again, "var/run/splitwan/reload"))).toBe(false);

        // and remove always gives back the originals
        applyConfig(testPlatform(root), true);
        expect(tracked(tree(root))).toEqual(tracked(original));
        expect(Object.keys(tree(root)).sort()).toEqual(Object.keys(original).sort());
      }
    });
  }

  it("covers enough points", () => {
    expect(points).toBeGreaterThan(20);
    console.log(`kill points in Node: ${points}`);
  });
});
