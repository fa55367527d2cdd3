// `npm run demo` (root only): see splitwan work without a router. Builds the network
// namespace test bed of test/e2e (an internet, an IPoE ISP, a PPPoE ISP, the router, a
// server, a LAN client, a guest host), runs the built CLI (`npm run build` first), prints
// one verdict per check and removes every namespace again.
//   node scripts/demo.mjs [map-e|ds-lite] [source|reply-only]
// The bed is TypeScript: it is bundled with esbuild into a temporary file and imported.
import { build } from "esbuild";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const top = join(dirname(fileURLToPath(import.meta.url)), "..");
const e2e = join(top, "test/e2e");
const cli = join(top, "luci-app-splitwan/root/usr/sbin/splitwan");
if (!existsSync(cli)) {
  console.error(`${cli} missing: run npm run build first`);
  process.exit(2);
}

// inside the project, so the bundle finds typescript-to-lua (external) in node_modules
mkdirSync(join(top, "build"), { recursive: true });
const dir = mkdtempSync(join(top, "build", "demo-"));
process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
const out = join(dir, "demo.mjs");
let code = 1;
try {
  await build({
    entryPoints: [join(e2e, "demo.ts")],
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
  const { runDemo } = await import(pathToFileURL(out).href);
  code = await runDemo(cli, process.argv.slice(2), (line) => console.log(line));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(code);
