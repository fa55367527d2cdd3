// The router files of the LuCI page: menu entry, ACL, rpcd plugin wrapper, view file shape.
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { METHODS_JSON } from "../../src/cli/rpcd";
import { TOP } from "../helpers/lua";
import { VIEW_PATH } from "./server";

const json = (path: string) => JSON.parse(readFileSync(join(TOP, path), "utf8")) as Record<string, Record<string, unknown>>;

describe("LuCI page files", () => {
  it("menu: Services → Split WAN opens the built view, behind the ACL and the config", () => {
    const menu = json("files/usr/share/luci/menu.d/luci-app-splitwan.json");
    expect(Object.keys(menu)).toEqual(["admin/services/splitwan"]);
    const entry = menu["admin/services/splitwan"] as { action: { type: string; path: string }; depends: unknown; title: string };
    expect(entry.title).toBe("Split WAN");
    expect(entry.action).toEqual({ type: "view", path: "splitwan/overview" });
    expect(VIEW_PATH.endsWith(`/view/${entry.action.path}.js`)).toBe(true);
    expect(statSync(VIEW_PATH).isFile()).toBe(true);
    expect(entry.depends).toEqual({ acl: ["luci-app-splitwan"], uci: { splitwan: true } });
  });

  it("ACL: the splitwan config and the plugin's methods, nothing else", () => {
    const acl = json("files/usr/share/rpcd/acl.d/luci-app-splitwan.json");
    expect(Object.keys(acl)).toEqual(["luci-app-splitwan"]);
    const grant = acl["luci-app-splitwan"] as { read: Record<string, unknown>; write: Record<string, unknown> };
    expect(Object.keys(grant).sort()).toEqual(["description", "read", "write"]);
    for (const part of [grant.read, grant.write]) {
      expect(Object.keys(part).sort()).toEqual(["ubus", "uci"]);
      expect(part.uci).toEqual(["splitwan"]);
      expect(Object.keys(part.ubus as object)).toEqual(["luci.splitwan"]);
    }
    const read = (grant.read.ubus as Record<string, string[]>)["luci.splitwan"];
    const write = (grant.write.ubus as Record<string, string[]>)["luci.splitwan"];
    expect(read).toEqual(["status", "detect", "validate", "diagnose"]); // no side effects (diagnose only reads and probes)
    expect(write).toEqual(["ddns_update", "reconnect", "apply"]); // act on the router
    expect([...read, ...write].sort()).toEqual(Object.keys(JSON.parse(METHODS_JSON)).sort());
  });

  it("rpcd plugin: an executable Lua entry that loads the rpcd module", () => {
    const path = join(TOP, "luci-app-splitwan/root/usr/libexec/rpcd/luci.splitwan");
    expect(statSync(path).mode & 0o777).toBe(0o755);
    const text = readFileSync(path, "utf8");
    expect(text.startsWith("#!/usr/bin/lua\n")).toBe(true);
    expect(text.trim().endsWith('require("splitwan.cli.rpcd-main")')).toBe(true);
  });

  it("view: the theme owns every colour (no colours in the view's own CSS or markup)", () => {
    const src = readFileSync(join(TOP, "src/luci/view.ts"), "utf8");
    const css = /const CSS = `([^`]*)`/.exec(src)?.[1];
    expect(css).toBeDefined();
    expect(css).not.toMatch(/#[0-9a-f]{3,8}\b|rgba?\(|hsla?\(|color|background|border/i);
    expect(src).not.toMatch(/style: *"[^"]*(color|background)/i);
  });

  it("view file: LuCI's directives first, an IIFE body, the class returned", () => {
    const text = readFileSync(VIEW_PATH, "utf8");
    const head = text.split("\n").slice(0, 8);
    expect(head).toEqual(["'use strict';", "'require view';", "'require form';", "'require rpc';", "'require uci';", "'require ui';", "'require poll';", "'require dom';"]);
    expect(text).not.toMatch(/^\s*(import|export)\s/m); // no ESM: LuCI evaluates the body as a function
    expect(text.trimEnd().endsWith("return splitwanView.default;")).toBe(true);
    // the body compiles as LuCI wraps it
    expect(() => new Function("window", "document", "L", "view", "form", "rpc", "uci", "ui", "poll", "dom", text)).not.toThrow();
  });
});
