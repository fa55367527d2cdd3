// The data-plane benchmark (root only; `npm run bench` runs it after the size table):
// forwarding throughput and packets per second through the namespace bed's router with
// splitwan in source and reply-only mode, as ratios to plain routing, and the nft rules
// an established packet traverses because of splitwan. See test/e2e/bench-dataplane.ts.
//   node scripts/bench-dataplane.mjs [map-e|ds-lite]     (BENCH_DP_RUNS, BENCH_DP_SECONDS;
//   BENCH_DP_CLI: another build's root/usr/sbin/splitwan, to compare two versions)
// Needs `npm run build` first and iperf3 (make deps). Prints why and exits 0 when the bed
// cannot run here (not root, no namespaces, no iperf3).
import { build } from "esbuild";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const top = join(dirname(fileURLToPath(import.meta.url)), "..");
const e2e = join(top, "test/e2e");
const cli = process.env.BENCH_DP_CLI ?? join(top, "luci-app-splitwan/root/usr/sbin/splitwan");
if (!existsSync(cli)) {
  console.error(`${cli} missing: run npm run build first`);
  process.exit(2);
}

// inside the project, so the bundle finds typescript-to-lua (external) in node_modules
mkdirSync(join(top, "build"), { recursive: true });
const dir = mkdtempSync(join(top, "build", "bench-dp-"));
process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
const out = join(dir, "bench-dataplane.mjs");
let code = 1;
try {
  await build({
    entryPoints: [join(e2e, "bench-dataplane.ts")],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    outfile: out,
    logLevel: "error",
    external: ["typescript-to-lua", "typescript"],
    // the bed finds agent.mjs next to its sources, not next to the bundle
    define: { "import.meta.dirname": JSON.stringify(e2e) },
  });
  const { runBench } = await import(pathToFileURL(out).href);
  const kind = process.argv.includes("ds-lite") ? "ds-lite" : "map-e";
  const runs = Number(process.env.BENCH_DP_RUNS ?? 6);
  const seconds = Number(process.env.BENCH_DP_SECONDS ?? 2);
  code = await runBench(cli, { runs, seconds, kind }, (line) => console.log(line));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(code);
