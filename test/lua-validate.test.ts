// Issue 11 through the shipped Lua CLI under lua5.1 (SPLITWAN_ROOT on fixture copies):
// exit codes and messages for a config libuci cannot parse, refused server addresses,
// escaped values, and a large config applied and planned through the same code.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sectionAtLine } from "../src/core/config";
// @ts-expect-error: plain ESM script without types
import { scaleConfig } from "../scripts/scale-config.mjs";
import { runCli } from "./helpers/lua";
import { routerTree } from "./helpers/node-platform";

const cli = (root: string, ...args: string[]) => runCli(args, { env: { SPLITWAN_ROOT: root } });
const read = (root: string, rel: string) => readFileSync(join(root, rel), "latin1");

function withSplitwan(text: string): string {
  const root = routerTree("dsa-mape");
  writeFileSync(join(root, "etc/config/splitwan"), text);
  return root;
}

describe("a syntax error in /etc/config/splitwan", () => {
  const broken = "\nconfig splitwan 'main'\n\toption enabled '1'\n\nconfig server 'web'\n\toption ipaddr '192.168.1.5'\n\tlist port 80/tcp'\n\nconfig server 'nas'\n";

  it("apply, plan and status exit 1 with file, line, section and libuci's reason; nothing written", () => {
    const root = withSplitwan("\nconfig splitwan 'main'\n\toption enabled '1'\n\nconfig server 'web'\n\toption ipaddr '192.168.1.5'\n\tport 80\n");
    const network = read(root, "etc/config/network");
    for (const cmd of ["apply", "plan", "status"]) {
      const r = cli(root, cmd);
      expect(r.code, cmd).toBe(1);
      expect(r.stderr, cmd).toBe("splitwan: /etc/config/splitwan line 7 (in config server 'web'): uci: Parse error (invalid command) at line 7, byte 1\n");
    }
    expect(read(root, "etc/config/network")).toBe(network);
  });

  it("an unterminated quote is reported where libuci gives up", () => {
    const r = cli(withSplitwan(broken), "apply");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^splitwan: \/etc\/config\/splitwan line 9 \(in config server 'nas'\): uci: Parse error \(EOF with unterminated '\) at line 9, byte \d+\n$/);
  });

  it("remove still works: it does not need the config", () => {
    const root = routerTree("dsa-mape");
    const network = read(root, "etc/config/network");
    expect(cli(root, "apply").code).toBe(0);
    writeFileSync(join(root, "etc/config/splitwan"), "config splitwan 'main'\n\tbogus\n");
    expect(cli(root, "apply").code).toBe(1);
    const r = cli(root, "remove");
    expect(r.code).toBe(0);
    expect(read(root, "etc/config/network")).toBe(network);
  });

  it("the section is the last config header before the line", () => {
    const text = "config a 'x'\n\toption o 'v'\nconfig b\n\toption p q\n";
    expect(sectionAtLine(text, 2)).toBe("a 'x'");
    expect(sectionAtLine(text, 4)).toBe("b (unnamed)");
    expect(sectionAtLine("\toption x y\n", 1)).toBeUndefined();
  });
});

describe("server addresses under lua5.1", () => {
  it.each([
    ["192.168.1.1", "is the router's own address on lan"],
    ["192.168.1.255", "is the broadcast address of 192.168.1.0/24 (lan), not a host"],
    ["8.8.8.8", "is outside every subnet of zone lan (192.168.1.0/24)"],
  ])("%s: exit 1, nothing written", (ip, message) => {
    const root = routerTree("dsa-mape");
    const cfg = join(root, "etc/config/splitwan");
    writeFileSync(cfg, read(root, "etc/config/splitwan").replace("option ipaddr '192.168.1.5'", `option ipaddr '${ip}'`));
    const firewall = read(root, "etc/config/firewall");
    const r = cli(root, "apply");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`splitwan.web.ipaddr='${ip}': ${message}`);
    expect(read(root, "etc/config/firewall")).toBe(firewall);
  });

  it("a control character in a value is echoed escaped, on one line", () => {
    const root = routerTree("dsa-mape");
    const cfg = join(root, "etc/config/splitwan");
    writeFileSync(cfg, read(root, "etc/config/splitwan").replace("option mode 'reply-only'", "option mode 'reply\nonly\u001b'"));
    const r = cli(root, "apply");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("splitwan.nas.mode='reply\\nonly\\x1b': must be source or reply-only\n");
  });
});

describe("a large config (200 servers, 2000 ports) under lua5.1", () => {
  it("applies every redirect, plans nothing after, and status reports them all", () => {
    const root = withSplitwan(scaleConfig(200, 2000) as string);
    const r = cli(root, "apply");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const firewall = read(root, "etc/config/firewall");
    expect(firewall.split("\nconfig redirect 'splitwan_").length - 1).toBe(2000);
    expect(cli(root, "plan").stdout).toBe("nothing to change\n");
    expect(cli(root, "apply").stdout).toBe("nothing to change\n");
    const st = cli(root, "status");
    expect(st.code).toBe(0);
    expect(st.stdout.split("\n").filter((l) => l.startsWith("server s")).length).toBe(200);
    expect(st.stdout).not.toContain("pending");
  });
});
