// esbuild strips types without checking them: type-check the view against LuCI's client
// API typings (@kuoruan/luci-types) and the DOM, with src/luci/tsconfig.json.
import { join } from "node:path";
import ts from "typescript";
import { expect, it } from "vitest";
import { TOP } from "../helpers/lua";

it("src/luci type-checks against the LuCI typings", () => {
  const configPath = join(TOP, "src/luci/tsconfig.json");
  const read = ts.readConfigFile(configPath, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, join(TOP, "src/luci"));
  const program = ts.createProgram(parsed.fileNames, parsed.options);
  const diags = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
  expect(diags).toEqual([]);
  expect(parsed.fileNames.some((f) => f.endsWith("src/luci/view.ts"))).toBe(true);
}, 60000);
