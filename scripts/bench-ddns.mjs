// `node scripts/bench-ddns.mjs [rounds]`: hotplug → provider latency of the DDNS updater.
// Bundles test/ddns/bench-run.ts with esbuild (packages stay external) and runs it.
// Needs `npm run build` first (it drives the built CLI).
import { build } from "esbuild";
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const top = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(top, "build/bench/bench-ddns.mjs");
mkdirSync(dirname(out), { recursive: true });
await build({
  entryPoints: [join(top, "test/ddns/bench-run.ts")],
  bundle: true,
  platform: "node",
  format: "esm",
  packages: "external",
  outfile: out,
  logLevel: "warning",
  // bed.ts finds the repository from this file's place; keep it pointing at the sources
  define: { "import.meta.dirname": JSON.stringify(join(top, "test/helpers")) },
});
const { bench } = await import(pathToFileURL(out).href);
await bench(Number(process.argv[2] ?? 20));
