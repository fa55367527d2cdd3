// The module boundaries docs/DESIGN.md describes, checked on the imports of src/: the
// pure core never reaches the platform (router/, cli/) or the view (luci/); router code
// never imports the view; and no two modules need each other (tstl's require order would
// hand one of them a half-built module).
import { readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { TOP } from "./helpers/lua";

const SRC = join(TOP, "src");

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sources(p));
    else if (name.endsWith(".ts") && !name.endsWith(".d.ts")) out.push(relative(SRC, p).split("\\").join("/").replace(/\.ts$/, ""));
  }
  return out;
}

/** The src-relative modules a file imports (types included: a cycle of types is still a knot). */
function importsOf(mod: string, known: Set<string>): string[] {
  const text = readFileSync(join(SRC, `${mod}.ts`), "utf8");
  const out: string[] = [];
  for (const m of text.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+"(\.[^"]+)"/gms)) {
    const target = join(dirname(mod), m[1]).split("\\").join("/");
    if (known.has(target)) out.push(target);
    else if (known.has(`${target}/index`)) out.push(`${target}/index`);
    else throw new Error(`${mod}: import "${m[1]}" is not a module of src/`);
  }
  return out;
}

const modules = sources(SRC);
const known = new Set(modules);
const graph = new Map(modules.map((m) => [m, importsOf(m, known)]));
const area = (m: string) => m.split("/")[0];

describe("module boundaries in src/", () => {
  it("reads a real import graph", () => {
    expect(modules.length).toBeGreaterThan(40);
    expect(graph.get("core/apply")).toContain("core/diff");
  });

  it("core/ imports only core/", () => {
    const bad = modules.filter((m) => area(m) === "core").flatMap((m) => graph.get(m)!.filter((t) => area(t) !== "core").map((t) => `${m} -> ${t}`));
    expect(bad).toEqual([]);
  });

  it("router code (core, router, cli) never imports the view", () => {
    const bad = modules.filter((m) => area(m) !== "luci").flatMap((m) => graph.get(m)!.filter((t) => area(t) === "luci").map((t) => `${m} -> ${t}`));
    expect(bad).toEqual([]);
  });

  it("has no import cycle", () => {
    const cycles: string[] = [];
    const state = new Map<string, "open" | "done">();
    const stack: string[] = [];
    const visit = (m: string) => {
      state.set(m, "open");
      stack.push(m);
      for (const t of graph.get(m)!) {
        if (state.get(t) === "open") cycles.push([...stack.slice(stack.indexOf(t)), t].join(" -> "));
        else if (!state.has(t)) visit(t);
      }
      stack.pop();
      state.set(m, "done");
    };
    for (const m of modules) if (!state.has(m)) visit(m);
    expect(cycles).toEqual([]);
  });
});
