// Runs a script of UciFileCursor calls and prints one JSON line per call. The same
// function runs in Node (test/uci-file.test.ts, fs files) and here under lua5.1 (files
// through src/router/files.ts), so both can be compared byte for byte.
//   lua5.1 uci_file.lua <confdir>  < script   (one JSON array per line: ["get","network","lan","proto"])
// Under Lua the script may also call the router's file adapter: ["file_write", path,
// data, mode?], ["file_read", path], ["file_remove", path], ["mkdirp", dir].
import { SplitwanError } from "../../src/core/errors";
import { jsonArray, jsonDecode, jsonEncode } from "../../src/core/json";
import type { UciSection, UciValue } from "../../src/core/uci";
import { UciFileCursor, type UciFiles } from "../standin/uci-file";
import { type LuaFiles, luaFiles } from "../../src/router/files";

function step(c: UciFileCursor, op: string[]): unknown {
  const [cmd, config] = [op[0], op[1]];
  const arg = (i: number): string | undefined => op[i];
  switch (cmd) {
    case "get":
      return c.get(config, op[2], arg(3));
    case "get_all":
      return c.get_all(config, op[2]);
    case "foreach": {
      // ["foreach", config, type or "*", stop after n calls?]
      const seen: UciSection[] = jsonArray([]);
      const stop = arg(3) !== undefined ? Number(arg(3)) : -1;
      const ran = c.foreach(config, op[2] === "*" ? undefined : op[2], (s) => {
        seen.push(s);
        if (seen.length === stop) return false;
      });
      return { ran, seen };
    }
    case "set":
      return op.length > 4 ? c.set(config, op[2], op[3], op[4]) : c.set(config, op[2], op[3]);
    case "set_list": {
      const items: UciValue = jsonArray(op.slice(4));
      return c.set(config, op[2], op[3], items);
    }
    case "add":
      return c.add(config, op[2]);
    case "delete":
      return c.delete(config, op[2], arg(3));
    case "reorder":
      return c.reorder(config, op[2], Number(op[3]));
    case "commit":
      return c.commit(config);
    case "revert":
      return c.revert(config);
    case "unload":
      return c.unload(config);
    case "load": {
      const [ok, error] = c.load(config);
      return { ok, error };
    }
    case "export":
      return c.exportText(config);
    case "changed":
      return c.changed(config);
  }
  return { error: `unknown command ${cmd}` };
}

function fileStep(files: LuaFiles, op: string[]): unknown {
  switch (op[0]) {
    case "file_write":
      files.write(op[1], op[2], op[3] !== undefined ? Number(op[3]) : undefined);
      return true;
    case "file_read":
      return files.read(op[1]);
    case "file_remove":
      files.remove(op[1]);
      return true;
    case "mkdirp":
      files.mkdirp(op[1]);
      return true;
  }
  return undefined;
}

/** Runs the script (newline-separated JSON arrays); returns the printed lines. */
export function runUciScript(files: UciFiles, confdir: string, script: string): string {
  const c = new UciFileCursor(files, confdir);
  const out: string[] = [];
  for (const line of script.split("\n")) {
    if (line.trim() === "") continue;
    const op = jsonDecode(line) as string[];
    let result: unknown;
    try {
      const isFileOp = op[0] === "mkdirp" || op[0].substring(0, 5) === "file_";
      result = isFileOp ? fileStep(files as LuaFiles, op) : step(c, op);
    } catch (e) {
      result = { error: e instanceof SplitwanError ? e.message : `${e}` };
    }
    out.push(jsonEncode(result) + "\n");
  }
  return out.join("");
}

// under lua5.1 only: Node imports runUciScript
if (typeof io !== "undefined") {
  io.write(runUciScript(luaFiles(), arg[0], io.read("*a") ?? ""));
}
