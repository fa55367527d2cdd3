// Encodes / decodes the cases given on stdin and prints one line per case, so that
// test/json.test.ts can compare Node and lua5.1 byte for byte.
//   lua5.1 json.lua < cases   (one case per line: "E <json>" = decode then encode,
//                              "P <json>" = the same pretty, "D <json>" = decode only)
import { SplitwanError } from "../../src/core/errors";
import { jsonDecode, jsonEncode } from "../../src/core/json";

/** Runs the cases; a decode error prints "error: <message>". */
export function runJsonCases(input: string): string {
  const out: string[] = [];
  for (const line of input.split("\n")) {
    if (line === "") continue;
    const kind = line.substring(0, 1);
    const text = line.substring(2);
    let result: string;
    try {
      const v = jsonDecode(text);
      if (kind === "P") result = jsonEncode(v, true);
      else if (kind === "D") result = typeof v;
      else result = jsonEncode(v);
    } catch (e) {
      result = "error: " + (e instanceof SplitwanError ? e.message : `${e}`);
    }
    out.push(result + "\n");
  }
  return out.join("");
}

// under lua5.1 only: Node imports runJsonCases
if (typeof io !== "undefined") {
  io.write(runJsonCases(io.read("*a") ?? ""));
}
