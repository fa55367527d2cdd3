// Measures what a user waits for: from netifd invoking the hotplug script to the request
// reaching the provider (here the fake one on 127.0.0.1), plus how long the script holds
// hotplug-call. Run by scripts/bench-ddns.mjs; needs the built CLI.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DdnsBed, START, vdConfig } from "./bed";
import { FakeProvider, makeCerts } from "./fake-provider";

function stats(xs: number[]): string {
  const s = xs.slice().sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return `min ${s[0].toFixed(1)} ms, median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${s[s.length - 1].toFixed(1)} ms`;
}

export async function bench(rounds: number): Promise<void> {
  const certDir = mkdtempSync(join(tmpdir(), "splitwan-ddns-ca-"));
  const certs = makeCerts(certDir);
  const fp = await FakeProvider.start(certs.key, certs.cert);
  const bed = new DdnsBed(certs.ca, fp.port);
  bed.config(vdConfig([{ name: "home", host: "www", password: "bench-pw" }]));
  fp.script("dyn.value-domain.com", [{ status: 200, body: "status=0\nOK\n" }]);
  const latency: number[] = [];
  const hold: number[] = [];
  try {
    for (let i = 0; i < rounds; i++) {
      // a new address each round, and past Value Domain's spacing on the fake clock
      bed.iface("wanppp", `203.0.113.${10 + (i % 200)}`);
      bed.setClock(START + 1000 * (i + 1));
      const before = fp.received.length;
      const tWall = Date.now();
      const h = await bed.hotplug({ ACTION: "ifup", INTERFACE: "wanppp", DEVICE: "pppoe-wanppp" });
      hold.push(h.ms);
      await fp.waitFor(before + 1);
      latency.push(fp.received[before].arrived - tWall);
      await bed.idle();
    }
  } finally {
    await fp.close();
    bed.remove();
    rmSync(certDir, { recursive: true, force: true });
  }
  console.log(`ddns bench, ${rounds} ifup events (lua5.1 CLI, uclient-fetch stand-in over curl, HTTPS on 127.0.0.1):`);
  console.log(`  hotplug invocation -> request at the fake server: ${stats(latency)}`);
  console.log(`  hotplug script holds hotplug-call for:            ${stats(hold)}`);
}
