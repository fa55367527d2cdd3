import { describe, expect, it } from "vitest";
import { luaHarness, runLuaFile } from "./helpers/lua";

describe("lua harness", () => {
  it("bundles a test entry and runs it under lua5.1", () => {
    const r = runLuaFile(luaHarness("smoke"), []);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("2 x\n");
  });
});
