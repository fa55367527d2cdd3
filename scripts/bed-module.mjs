// The namespace bed (test/e2e) is TypeScript: the demo, the data-plane benchmark and the
// fixture recorder bundle a module of it with esbuild and import it. The bundle is
// written inside the project (build/), so typescript-to-lua, left external, is found in
// node_modules; the bed finds agent.mjs next to its sources, not next to the bundle.
import { build } from "esbuild";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const top = join(dirname(fileURLToPath(import.meta.url)), "..");
export const e2e = join(top, "test/e2e");

/** Bundles the entry (a file, or { contents } of a TypeScript module resolved in test/e2e),
 * imports it and runs use(module); the bundle is removed afterwards. */
export async function withBedModule(entry, use) {
  mkdirSync(join(top, "build"), { recursive: true });
  const dir = mkdtempSync(join(top, "build", "bed-"));
  const out = join(dir, "bundle.mjs");
  try {
    await build({
      ...(typeof entry === "string"
        ? { entryPoints: [entry] }
        : { stdin: { contents: entry.contents, resolveDir: e2e, loader: "ts", sourcefile: "entry.ts" } }),
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      outfile: out,
      logLevel: "error",
      external: ["typescript-to-lua", "typescript"],
      define: { "import.meta.dirname": JSON.stringify(e2e) },
    });
    return await use(await import(pathToFileURL(out).href));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
