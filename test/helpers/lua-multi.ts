// tstl's $multi(...) is Lua's multiple return values; TypeScript types them as a tuple
// (LuaMultiReturn). In Node the same code runs with the tuple as an array, so that
// `const [ok, err] = cursor.load("x")` works in both runtimes. Loaded by vitest.config.ts.
(globalThis as unknown as { $multi: (...values: unknown[]) => unknown[] }).$multi = (...values) => values;
