// `npm run demo` (root only): see splitwan work without a router. Builds the network
// namespace test bed of test/e2e (an internet, an IPoE ISP, a PPPoE ISP, the router, a
// server, a LAN client, a guest host), runs the built CLI (`npm run build` first), prints
// one verdict per check and removes every namespace again.
//   node scripts/demo.mjs [map-e|ds-lite] [source|reply-only]
// The bed is TypeScript: it is bundled with esbuild into a temporary file and imported.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { e2e, top, withBedModule } from "./bed-module.mjs";

const cli = join(top, "luci-app-splitwan/root/usr/sbin/splitwan");
if (!existsSync(cli)) {
  console.error(`${cli} missing: run npm run build first`);
  process.exit(2);
}
const code = await withBedModule(join(e2e, "demo.ts"), ({ runDemo }) => runDemo(cli, process.argv.slice(2), (line) => console.log(line)));
process.exit(code);
