// scripts/build-files.mjs on a scratch tree: root/ becomes exactly files/ plus the other
// build steps' outputs, with git's two modes.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import buildFiles, { listFiles } from "../../scripts/build-files.mjs";

function put(path: string, text: string, mode = 0o644) {
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, text);
  chmodSync(path, mode);
}

describe("build-files", () => {
  const top = mkdtempSync(join(tmpdir(), "splitwan-files-"));
  const pkg = join(top, "luci-app-splitwan");
  put(join(top, "files/etc/init.d/splitwan"), "#!/bin/sh /etc/rc.common\n", 0o700);
  put(join(top, "files/etc/config/splitwan"), "config splitwan 'main'\n", 0o600);
  put(join(top, "files/usr/share/luci/menu.d/x.json"), "{}\n", 0o664);
  put(join(pkg, "root/usr/sbin/splitwan"), "-- the Lua CLI, another step's output\n", 0o755);
  put(join(pkg, "root/etc/config/splitwan"), "stale content\n", 0o755);
  put(join(pkg, "root/etc/hotplug.d/iface/99-gone"), "removed from files/\n", 0o755);
  buildFiles({ top, pkg });

  it("leaves root/ as files/ plus the CLI", () => {
    expect(listFiles(join(pkg, "root"))).toEqual(["etc/config/splitwan", "etc/init.d/splitwan", "usr/sbin/splitwan", "usr/share/luci/menu.d/x.json"]);
    expect(readFileSync(join(pkg, "root/etc/config/splitwan"), "utf8")).toBe("config splitwan 'main'\n");
    expect(readFileSync(join(pkg, "root/usr/sbin/splitwan"), "utf8")).toBe("-- the Lua CLI, another step's output\n");
  });

  it("removes stale copies and the directories they leave empty", () => {
    expect(existsSync(join(pkg, "root/etc/hotplug.d"))).toBe(false);
  });

  it("normalises modes to 0755 (any x bit) or 0644", () => {
    const mode = (rel: string) => statSync(join(pkg, "root", rel)).mode & 0o777;
    expect(mode("etc/init.d/splitwan")).toBe(0o755);
    expect(mode("etc/config/splitwan")).toBe(0o644);
    expect(mode("usr/share/luci/menu.d/x.json")).toBe(0o644);
    expect(mode("usr/sbin/splitwan")).toBe(0o755);
  });

  it("is idempotent", () => {
    const before = listFiles(join(pkg, "root")).map((f) => readFileSync(join(pkg, "root", f), "utf8"));
    buildFiles({ top, pkg });
    expect(listFiles(join(pkg, "root")).map((f) => readFileSync(join(pkg, "root", f), "utf8"))).toEqual(before);
  });
});
