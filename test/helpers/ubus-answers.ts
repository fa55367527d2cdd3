// Recorded ubus answers in the layout the stand-in `ubus` module reads (test/standin/
// ubus.ts): <socket>/<object>/<method>.json; null is a method that answers no data.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** answers: "<object>.<method>" → data. The object is everything before the last dot. */
export function writeUbusAnswers(socket: string, answers: Record<string, Record<string, unknown> | null>): void {
  mkdirSync(socket, { recursive: true });
  for (const [key, data] of Object.entries(answers)) {
    const dot = key.lastIndexOf(".");
    const dir = join(socket, key.slice(0, dot));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${key.slice(dot + 1)}.json`), data === null ? "" : JSON.stringify(data));
  }
}

/** A router tree's own socket (SPLITWAN_ROOT runs connect to it, never the host's). */
export function treeSocket(root: string): string {
  return join(root, "var/run/ubus/ubus.sock");
}
