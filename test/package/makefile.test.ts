// The feed Makefile as GNU make reads it. rules.mk and luci.mk are stand-ins (the SDK is
// not here): the stand-in luci.mk writes out the variables and defines the real one
// consumes. scripts/build-ipk.mjs reads the same file with its own small parser; both
// readings must agree, so the .ipk carries what an SDK build would.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { packageMeta } from "../../scripts/build-ipk.mjs";
import { TOP } from "../helpers/lua";

const PKG = join(TOP, "luci-app-splitwan");
const VARS = ["PKG_NAME", "PKG_VERSION", "PKG_RELEASE", "PKG_PO_VERSION", "PKG_LICENSE", "PKG_MAINTAINER", "LUCI_TITLE", "LUCI_DESCRIPTION", "LUCI_DEPENDS", "LUCI_PKGARCH", "LUCI_MAINTAINER"];
const DEFINES = ["conffiles", "prerm", "postinst"];

let out: string;
let made: { status: number | null; stderr: string };

beforeAll(() => {
  const top = mkdtempSync(join(tmpdir(), "splitwan-topdir-"));
  out = join(top, "out");
  mkdirSync(out);
  mkdirSync(join(top, "feeds/luci"), { recursive: true });
  mkdirSync(join(top, "feeds/splitwan"), { recursive: true });
  cpSync(PKG, join(top, "feeds/splitwan/luci-app-splitwan"), { recursive: true });
  writeFileSync(join(top, "rules.mk"), "# stand-in for OpenWrt's rules.mk\n");
  const luciMk = [
    "# stand-in for feeds/luci/luci.mk: dump what the real one reads",
    ...VARS.map((v) => `$(file >${out}/var.${v},$(strip $(${v})))`),
    ...DEFINES.map((d) => `$(if $(Package/$(PKG_NAME)/${d}),$(file >${out}/define.${d},$(Package/$(PKG_NAME)/${d})))`),
    "all: ;",
    "",
  ].join("\n");
  writeFileSync(join(top, "feeds/luci/luci.mk"), luciMk);
  const r = spawnSync("make", ["-s", `TOPDIR=${top}`], { cwd: join(top, "feeds/splitwan/luci-app-splitwan"), encoding: "utf8" });
  made = { status: r.status, stderr: r.stderr };
});

const value = (kind: string, name: string) => {
  const f = join(out, `${kind}.${name}`);
  // $(file >f,text) writes text plus a newline
  return existsSync(f) ? readFileSync(f, "utf8").replace(/\n$/, "") : undefined;
};

describe("luci-app-splitwan/Makefile", () => {
  it("parses with GNU make and includes luci.mk from the luci feed", () => {
    expect(made.status, made.stderr).toBe(0);
    expect(value("var", "PKG_NAME")).toBe("luci-app-splitwan");
  });

  it("agrees with the .ipk builder's reading", () => {
    const meta = packageMeta(PKG);
    expect(`${value("var", "PKG_VERSION")}-r${value("var", "PKG_RELEASE")}`).toBe(meta.version);
    expect(value("var", "PKG_PO_VERSION")).toBe(meta.poVersion);
    expect(value("var", "PKG_LICENSE")).toBe(meta.license);
    expect(value("var", "LUCI_MAINTAINER")).toBe(meta.maintainer);
    expect(value("var", "LUCI_TITLE")).toBe(meta.title);
    expect(value("var", "LUCI_DESCRIPTION")).toBe(meta.description);
    expect(value("var", "LUCI_PKGARCH")).toBe(meta.arch);
    // package-ipkg.mk: Depends = libc (PKG_DEFAULT_DEPENDS) + LUCI_DEPENDS without '+'
    expect(["libc", ...value("var", "LUCI_DEPENDS")!.split(/\s+/).map((d) => d.replace(/^\+/, ""))]).toEqual(meta.depends);
    expect(value("define", "conffiles")!.split("\n").filter(Boolean)).toEqual(meta.conffiles);
    expect(value("define", "prerm")).toBe(meta.prerm);
    expect(value("define", "postinst")).toBe(meta.postinst);
  });

  it("has a version apk accepts: no '-' in PKG_VERSION, integer PKG_RELEASE", () => {
    expect(value("var", "PKG_VERSION")).toMatch(/^[0-9]+(\.[0-9]+)*$/);
    expect(value("var", "PKG_RELEASE")).toMatch(/^[0-9]+$/);
  });

  it("ends with the BuildPackage signature the feed scan looks for", () => {
    expect(readFileSync(join(PKG, "Makefile"), "utf8")).toMatch(/\n# call BuildPackage - OpenWrt buildroot signature\n$/);
  });
});
