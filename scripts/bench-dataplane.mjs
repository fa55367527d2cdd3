// The data-plane benchmark (root only; `npm run bench` runs it after the size table):
// forwarding throughput and packets per second through the namespace bed's router with
// splitwan in source and reply-only mode, as ratios to plain routing, and the nft rules
// an established packet traverses because of splitwan. See test/e2e/bench-dataplane.ts.
//   node scripts/bench-dataplane.mjs [map-e|ds-lite]     (BENCH_DP_RUNS, BENCH_DP_SECONDS;
//   BENCH_DP_CLI: another build's root/usr/sbin/splitwan, to compare two versions)
// Needs `npm run build` first and iperf3 (make deps). Prints why and exits 0 when the bed
// cannot run here (not root, no namespaces, no iperf3).
import { existsSync } from "node:fs";
import { join } from "node:path";
import { e2e, top, withBedModule } from "./bed-module.mjs";

const cli = process.env.BENCH_DP_CLI ?? join(top, "luci-app-splitwan/root/usr/sbin/splitwan");
if (!existsSync(cli)) {
  console.error(`${cli} missing: run npm run build first`);
  process.exit(2);
}
const kind = process.argv.includes("ds-lite") ? "ds-lite" : "map-e";
const runs = Number(process.env.BENCH_DP_RUNS ?? 6);
const seconds = Number(process.env.BENCH_DP_SECONDS ?? 2);
const code = await withBedModule(join(e2e, "bench-dataplane.ts"), ({ runBench }) => runBench(cli, { runs, seconds, kind }, (line) => console.log(line)));
process.exit(code);
