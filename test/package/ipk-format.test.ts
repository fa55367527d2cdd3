// The .ipk as opkg on OpenWrt 24.10 reads it: unpacked with the system's tar and gzip.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { TOP } from "../helpers/lua";
import { type Unpacked, builtIpk, controlFields, makefileVersion, unpack } from "./ipk";

let ipk: string;
let u: Unpacked;
let fields: Map<string, string>;

beforeAll(() => {
  ipk = builtIpk();
  u = unpack(ipk);
  fields = new Map(controlFields(u.ctrl.get("control") ?? ""));
});

const entry = (name: string) => u.data.find((e) => e.name === name);
const isExec = (mode: string) => mode[3] === "x" && mode[6] === "x" && mode[9] === "x";

describe("ipk container", () => {
  it("is a gzipped tar of debian-binary, data.tar.gz, control.tar.gz in ipkg-build's order", () => {
    const magic = readFileSync(ipk).subarray(0, 2);
    expect([...magic]).toEqual([0x1f, 0x8b]);
    expect(u.outer).toEqual(["./debian-binary", "./data.tar.gz", "./control.tar.gz"]);
    expect(readFileSync(join(u.dir, "debian-binary"), "utf8")).toBe("2.0\n");
    // gzip -n: no file name, no time stamp (reproducible)
    for (const f of [ipk, join(u.dir, "data.tar.gz"), join(u.dir, "control.tar.gz")]) {
      const h = readFileSync(f).subarray(0, 10);
      expect(h[3] & 0x08, `${basename(f)} carries a file name`).toBe(0);
      expect(h.readUInt32LE(4), `${basename(f)} carries a time`).toBe(0);
    }
  });

  it("is named <name>_<version>_<arch>.ipk after its control fields", () => {
    expect(basename(ipk)).toBe(`${fields.get("Package")}_${fields.get("Version")}_${fields.get("Architecture")}.ipk`);
  });

  it("owns every entry by root (uid/gid 0)", () => {
    for (const e of [...u.data, ...u.control]) expect(e.owner, e.name).toBe("0/0");
  });
});

describe("control", () => {
  it("has OpenWrt's fields in package-ipkg.mk's order", () => {
    expect(controlFields(u.ctrl.get("control")!).map(([k]) => k)).toEqual([
      "Package",
      "Version",
      "Depends",
      "Source",
      "License",
      "Section",
      "Maintainer",
      "Architecture",
      "Installed-Size",
      "Description",
    ]);
  });

  it("names the package and its version from the feed Makefile, valid for opkg and apk", () => {
    const { version, release } = makefileVersion();
    expect(fields.get("Package")).toBe("luci-app-splitwan");
    expect(fields.get("Version")).toBe(`${version}-r${release}`);
    // apk-tools version syntax (25.12 builds .apk from the same Makefile)
    expect(fields.get("Version")).toMatch(/^[0-9]+(\.[0-9]+)*[a-z]?(_(alpha|beta|pre|rc|p)[0-9]*)*-r[0-9]+$/);
    const pkgJson = JSON.parse(readFileSync(join(TOP, "package.json"), "utf8"));
    expect(pkgJson.version, "package.json version follows the Makefile's PKG_VERSION").toBe(version);
    expect(fields.get("License")).toBe(pkgJson.license);
  });

  it("depends on libc and what the Lua CLI needs", () => {
    const deps = fields.get("Depends")!.split(", ");
    expect(deps[0]).toBe("libc");
    for (const d of ["lua", "libuci-lua", "libubus-lua", "luci-base"]) expect(deps).toContain(d);
    expect(new Set(deps).size).toBe(deps.length);
  });

  it("is a LuCI package for every architecture, with maintainer and description", () => {
    expect(fields.get("Architecture")).toBe("all");
    expect(fields.get("Section")).toBe("luci");
    expect(fields.get("Source")).toBe("feeds/splitwan/luci-app-splitwan");
    expect(fields.get("Maintainer")).toMatch(/^.+ <[^@\s]+@[^@\s]+>$/);
    expect(u.ctrl.get("control")).toMatch(/\nDescription:  \S.{20,}\n$/);
  });

  it("gives Installed-Size as the bytes of the uncompressed data tar (ipkg-build's measure)", () => {
    const bytes = execFileSync("gzip", ["-dc", join(u.dir, "data.tar.gz")]).length;
    expect(Number(fields.get("Installed-Size"))).toBe(bytes);
  });

  it("lists /etc/config/splitwan as the only conffile, and ships it disabled", () => {
    expect(u.ctrl.get("conffiles")).toBe("/etc/config/splitwan\n");
    const conf = readFileSync(join(u.root, "etc/config/splitwan"), "utf8");
    expect(conf).toMatch(/config splitwan 'main'\n\toption enabled '0'\n/);
    expect(entry("./etc/config/splitwan")!.mode).toBe("-rw-r--r--");
  });

  it("has the postinst/prerm that package-ipkg.mk generates (default_postinst/default_prerm)", () => {
    expect(u.ctrl.get("postinst")).toBe('#!/bin/sh\n[ "${IPKG_NO_SCRIPT}" = "1" ] && exit 0\n. ${IPKG_INSTROOT}/lib/functions.sh\ndefault_postinst $0 $@\n');
    expect(u.ctrl.get("prerm")).toBe("#!/bin/sh\n. ${IPKG_INSTROOT}/lib/functions.sh\ndefault_prerm $0 $@\n");
    for (const s of ["postinst", "prerm", "postinst-pkg", "prerm-pkg"]) {
      expect(u.control.find((e) => e.name === `./${s}`)?.mode, s).toBe("-rwxr-xr-x");
    }
    for (const s of ["control", "conffiles"]) expect(u.control.find((e) => e.name === `./${s}`)?.mode, s).toBe("-rw-r--r--");
  });

  it("has luci.mk's postinst-pkg: uci-defaults, LuCI caches and rpcd only on a live system", () => {
    const p = u.ctrl.get("postinst-pkg")!;
    expect(p.startsWith('[ -n "${IPKG_INSTROOT}" ] || {\n')).toBe(true);
    expect(p).toContain("(. /etc/uci-defaults/80-splitwan) && rm -f /etc/uci-defaults/80-splitwan\n");
    expect(p).toContain("killall -HUP rpcd");
    expect(p).toContain("rm -rf /tmp/luci-modulecache/");
  });

  it("has a prerm-pkg that removes what splitwan owns, except on upgrade", () => {
    const p = u.ctrl.get("prerm-pkg")!;
    expect(p).toContain('[ "${PKG_UPGRADE}" = "1" ] && exit 0');
    expect(p).toContain("/usr/sbin/splitwan remove");
  });

  it("has scripts that parse under a POSIX shell", () => {
    for (const s of ["postinst", "prerm", "postinst-pkg", "prerm-pkg"]) {
      const r = spawnSync("dash", ["-n", join(u.dir, "control", s)], { encoding: "utf8" });
      expect(r.status, `${s}: ${r.stderr}`).toBe(0);
    }
  });
});

describe("data", () => {
  it("is laid out like luci.mk installs it: root/ at /, htdocs/ under /www", () => {
    expect(u.data[0].name).toBe("./");
    const names = u.data.map((e) => e.name);
    // every directory entry precedes its contents, names sorted inside each directory
    for (const n of names.slice(1)) {
      const parent = n.replace(/[^/]+\/?$/, "");
      expect(names.indexOf(parent), n).toBeLessThan(names.indexOf(n));
    }
    for (const f of ["./usr/sbin/splitwan", "./etc/init.d/splitwan", "./etc/config/splitwan", "./etc/uci-defaults/80-splitwan", "./lib/upgrade/keep.d/luci-app-splitwan"]) {
      expect(names, f).toContain(f);
    }
    const htdocs = join(TOP, "luci-app-splitwan/htdocs");
    if (existsSync(htdocs)) expect(names.some((n) => n.startsWith("./www/luci-static/resources/view/splitwan/"))).toBe(true);
    expect(names.some((n) => n.startsWith("./htdocs") || n.startsWith("./root"))).toBe(false);
  });

  it("marks the CLI, init script, hotplug scripts and rpcd plugins executable, and nothing else needs it", () => {
    const mustExec = (n: string) =>
      n === "./usr/sbin/splitwan" || n === "./etc/init.d/splitwan" || n.startsWith("./etc/hotplug.d/") || n.startsWith("./usr/libexec/rpcd/");
    for (const e of u.data) {
      if (e.mode.startsWith("d")) {
        expect(e.mode, e.name).toBe("drwxr-xr-x");
        continue;
      }
      expect(e.mode[0], `${e.name} is a regular file`).toBe("-");
      if (mustExec(e.name)) expect(isExec(e.mode), e.name).toBe(true);
      expect(["-rwxr-xr-x", "-rw-r--r--"], e.name).toContain(e.mode);
    }
  });

  it("keeps /etc/splitwan/ (the ownership record) across sysupgrade", () => {
    const keep = readFileSync(join(u.root, "lib/upgrade/keep.d/luci-app-splitwan"), "utf8");
    expect(keep.split("\n").filter(Boolean)).toEqual(["/etc/splitwan/"]);
  });

  it("matches the feed directory file for file (what the SDK would package)", () => {
    const pkgDir = join(TOP, "luci-app-splitwan");
    for (const e of u.data.filter((x) => !x.mode.startsWith("d"))) {
      const rel = e.name.slice(2);
      const src = rel.startsWith("www/") ? join(pkgDir, "htdocs", rel.slice(4)) : join(pkgDir, "root", rel);
      expect(readFileSync(join(u.root, rel)).equals(readFileSync(src)), rel).toBe(true);
      expect(isExec(e.mode), `${rel} mode`).toBe((statSync(src).mode & 0o111) !== 0);
    }
  });
});

// Lua modules the CLI may load from the system, and the package that provides each.
const LUA_PROVIDERS: Record<string, string> = {
  uci: "libuci-lua",
  ubus: "libubus-lua",
  "luci.jsonc": "luci-lib-jsonc",
  nixio: "luci-lib-nixio",
};
// LuCI client modules from luci-base ('require <name>' directives in views).
const LUCI_BASE_JS = new Set(["baseclass", "dom", "form", "fs", "network", "poll", "request", "rpc", "uci", "ui", "view", "firewall", "validation", "tools.widgets", "tools.views"]);

describe("everything the code loads or runs is in the package", () => {
  it("every Lua require is a shipped module or a library from Depends", () => {
    const luaFiles = u.data.filter((e) => !e.mode.startsWith("d")).map((e) => e.name.slice(2)).filter((rel) => rel.endsWith(".lua") || readFileSync(join(u.root, rel)).subarray(0, 14).toString() === "#!/usr/bin/lua");
    expect(luaFiles).toContain("usr/sbin/splitwan");
    expect(luaFiles).toContain("usr/libexec/rpcd/luci.splitwan");
    const shipped = (mod: string) => existsSync(join(u.root, "usr/lib/lua", mod.split(".").join("/") + ".lua"));
    const deps = fields.get("Depends")!.split(", ");
    let ours = 0;
    for (const rel of luaFiles) {
      const text = readFileSync(join(u.root, rel), "utf8");
      const required = [...text.matchAll(/\brequire\s*\(?\s*"([^"]+)"|pcall\(\s*require\s*,\s*"([^"]+)"/g)].map((m) => m[1] ?? m[2]);
      // modules named for a later require(name): every "splitwan.x" string is one
      const named = [...text.matchAll(/"(splitwan\.[A-Za-z0-9_.-]+)"/g)].map((m) => m[1]);
      for (const mod of [...required, ...named]) {
        if (mod.startsWith("splitwan.")) {
          expect(shipped(mod), `${rel}: require "${mod}" is not shipped`).toBe(true);
          ours++;
          continue;
        }
        expect(Object.keys(LUA_PROVIDERS), `${rel}: require "${mod}" comes from no known package`).toContain(mod);
        expect(deps, `require "${mod}" needs ${LUA_PROVIDERS[mod]} in Depends`).toContain(LUA_PROVIDERS[mod]);
      }
    }
    expect(ours).toBeGreaterThan(20);
  });

  it("the test-only UCI file store is not shipped", () => {
    for (const e of u.data) {
      if (e.mode.startsWith("d")) continue;
      expect(readFileSync(join(u.root, e.name.slice(2)), "latin1"), e.name).not.toMatch(/UciFileCursor|parsePackage|STANDIN/);
    }
  });

  it("programs and files the CLI uses come from Depends", () => {
    const cli = u.data.filter((e) => e.name.endsWith(".lua")).map((e) => readFileSync(join(u.root, e.name.slice(2)), "utf8")).join("\n");
    const deps = fields.get("Depends")!.split(", ");
    const uses: [string, string][] = [
      ['"uclient-fetch"', "uclient-fetch"],
      ['"/etc/ssl/certs/ca-certificates.crt"', "ca-bundle"],
      ['"pppoe"', "ppp-mod-pppoe"],
      ['"/usr/share/nftables.d', "firewall4"],
    ];
    for (const [needle, pkg] of uses) if (cli.includes(needle)) expect(deps, `CLI uses ${needle}`).toContain(pkg);
  });

  it("every shipped Lua file loads under lua5.1 (syntax), readable: no line over 1000 characters (not minified)", () => {
    const files = u.data.filter((e) => e.name.endsWith(".lua")).map((e) => join(u.root, e.name.slice(2)));
    const r = spawnSync("luac5.1", ["-p", join(u.root, "usr/sbin/splitwan"), join(u.root, "usr/libexec/rpcd/luci.splitwan"), ...files], { encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    for (const f of files) for (const line of readFileSync(f, "utf8").split("\n")) expect(line.length, f).toBeLessThan(1000);
  });

  it("shell scripts run only package files or system tools", () => {
    const scripts = u.data
      .filter((e) => !e.mode.startsWith("d"))
      .map((e) => e.name.slice(2))
      .filter((rel) => readFileSync(join(u.root, rel), "utf8").startsWith("#!/bin/sh"));
    expect(scripts).toContain("etc/init.d/splitwan");
    const texts = [...scripts.map((rel) => readFileSync(join(u.root, rel), "utf8")), u.ctrl.get("prerm-pkg")!, u.ctrl.get("postinst-pkg")!];
    for (const text of texts) {
      // package paths a script names: anything with "splitwan" in it outside state dirs
      for (const m of text.matchAll(/(\/(?:usr|etc|lib|www)\/[A-Za-z0-9_./-]*splitwan[A-Za-z0-9_./-]*)/g)) {
        const p = m[1].replace(/[.,]+$/, ""); // sentence punctuation in comments
        if (p.startsWith("/etc/splitwan/") || p === "/etc/splitwan") continue; // runtime state
        expect(existsSync(join(u.root, p)), `${p} is referenced but not shipped`).toBe(true);
      }
      // bare `splitwan` command (uci-defaults) resolves to the shipped CLI via PATH
      if (/(^|[\s;&|])splitwan (apply|remove|plan|status)/m.test(text)) expect(existsSync(join(u.root, "usr/sbin/splitwan"))).toBe(true);
    }
    const init = readFileSync(join(u.root, "etc/init.d/splitwan"), "utf8");
    expect(init.startsWith("#!/bin/sh /etc/rc.common\n")).toBe(true);
  });

  it("LuCI menu entries, ACL ubus objects and view requires point at shipped files", () => {
    const files = u.data.map((e) => e.name.slice(2));
    for (const rel of files.filter((f) => f.startsWith("usr/share/luci/menu.d/") && f.endsWith(".json"))) {
      const menu = JSON.parse(readFileSync(join(u.root, rel), "utf8")) as Record<string, { action?: { type?: string; path?: string } }>;
      for (const [node, def] of Object.entries(menu)) {
        if (def.action?.type === "view") {
          expect(files, `${rel} ${node}`).toContain(`www/luci-static/resources/view/${def.action.path}.js`);
        }
      }
    }
    for (const rel of files.filter((f) => f.startsWith("usr/share/rpcd/acl.d/") && f.endsWith(".json"))) {
      const text = readFileSync(join(u.root, rel), "utf8");
      for (const m of text.matchAll(/"(luci\.splitwan[A-Za-z0-9_.-]*)"\s*:/g)) {
        const plugin = entry(`./usr/libexec/rpcd/${m[1]}`);
        expect(plugin, `${rel}: ubus object ${m[1]} has no rpcd plugin`).toBeDefined();
        expect(isExec(plugin!.mode)).toBe(true);
      }
    }
    for (const rel of files.filter((f) => f.startsWith("www/luci-static/resources/") && f.endsWith(".js"))) {
      const text = readFileSync(join(u.root, rel), "utf8");
      for (const m of text.matchAll(/^\s*['"]require ([A-Za-z0-9_.]+)(?: as [A-Za-z0-9_]+)?['"];?\s*$/gm)) {
        if (LUCI_BASE_JS.has(m[1])) continue;
        expect(files, `${rel}: 'require ${m[1]}'`).toContain(`www/luci-static/resources/${m[1].split(".").join("/")}.js`);
      }
    }
  });
});
