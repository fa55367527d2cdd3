// Our .apk packages (dist/, written by `npm run build`) read back with our reader (its
// output matches `apk adbdump` on the reference packages: apk-reader.test.ts), checked
// against the feed directory they come from and, for structure and fields, against
// ../shared/reference/apk/splitwan (the SDK's own build of this package at 0.1.0-r1).
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type ApkDir, type ApkRead, packageId, readApk } from "../../scripts/apk/adb-read.mjs";
import { buildApks } from "../../scripts/build-apk.mjs";
import { LUCI_POSTINST, packageMeta, parseMakefile, po2lmo } from "../../scripts/build-ipk.mjs";
import { TOP } from "../helpers/lua";
import { DIST, PKG_DIR, REF, builtApk } from "./apk";

const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");
const MK = parseMakefile(readFileSync(join(PKG_DIR, "Makefile"), "utf8")).vars;
const NAME = MK.get("PKG_NAME")!;
const VERSION = `${MK.get("PKG_VERSION")}-r${MK.get("PKG_RELEASE")}`;

/** path → file entry of a package, the paths tree flattened. */
const filesOf = (r: ApkRead) => new Map(r.pkg.paths.flatMap((d) => (d.files ?? []).map((f) => [d.name ? `${d.name}/${f.name}` : f.name, f] as const)));
const contentOf = (r: ApkRead) => {
  const out = new Map<string, Buffer>();
  for (const b of r.data) {
    const d = r.pkg.paths[b.path - 1];
    out.set((d.name ? d.name + "/" : "") + d.files![b.file - 1].name, b.content);
  }
  return out;
};

/** The feed tree walked on disk (not with the builder's code): htdocs → www, root → /. */
function feedTree(pkg: string): Map<string, { mode: number; data: Buffer }> {
  const out = new Map<string, { mode: number; data: Buffer }>();
  const walk = (dir: string, to: string) => {
    if (!existsSync(dir)) return;
    for (const n of readdirSync(dir)) {
      const p = join(dir, n);
      const rel = to ? `${to}/${n}` : n;
      if (statSync(p).isDirectory()) walk(p, rel);
      else out.set(rel, { mode: statSync(p).mode & 0o111 ? 0o755 : 0o644, data: readFileSync(p) });
    }
  };
  walk(join(pkg, "htdocs"), "www");
  walk(join(pkg, "root"), "");
  return out;
}

let app: ApkRead;
let appFile: string;
let ref: ApkRead;

beforeAll(() => {
  appFile = builtApk(NAME);
  app = readApk(readFileSync(appFile));
  ref = readApk(readFileSync(join(REF, "splitwan/luci-app-splitwan-0.1.0-r1.apk")));
});

describe(`${NAME}: container and info`, () => {
  it("is dist/<name>-<version>.apk, deflated (ADBd), unsigned: one ADB block then data blocks", () => {
    expect(basename(appFile)).toBe(`${NAME}-${VERSION}.apk`);
    expect(readFileSync(appFile).subarray(0, 4).toString("latin1")).toBe("ADBd");
    expect(app.compressed).toBe(true);
    expect(app.blockTypes[0]).toBe(0);
    expect(app.blockTypes.slice(1).every((t) => t === 2)).toBe(true);
  });

  it("has the Makefile's fields the way package-pack.mk passes them", () => {
    const meta = packageMeta(PKG_DIR);
    const i = app.pkg.info;
    expect(i.name).toBe(NAME);
    expect(i.version).toBe(VERSION);
    expect(i.version).toBe("0.1.0-r1");
    expect(i.arch).toBe("noarch"); // PKGARCH all
    expect(i.description).toBe(MK.get("LUCI_DESCRIPTION")); // strip: one line, single spaces
    expect(i.license).toBe(MK.get("PKG_LICENSE"));
    expect(i.maintainer).toBe(MK.get("PKG_MAINTAINER"));
    expect(i.origin).toBe(`feeds/splitwan/${NAME}`);
    expect(i.url).toBe("https://github.com/openwrt/luci");
    expect(i.provides).toEqual([{ name: `${NAME}-any` }]);
    // libc (OpenWrt's default dependency) + LUCI_DEPENDS without '+', stored sorted
    const want = ["libc", ...MK.get("LUCI_DEPENDS")!.split(" ").map((d) => d.replace(/^\+/, ""))];
    expect((i.depends as { name: string }[]).map((d) => d.name)).toEqual([...want].sort());
    expect(meta.depends).toEqual(want);
  });

  it("has the same info fields as the SDK's build, with the same values where they come from the Makefile", () => {
    expect(Object.keys(app.pkg.info)).toEqual(Object.keys(ref.pkg.info));
    for (const k of ["name", "arch", "license", "origin", "maintainer", "url", "depends", "provides"]) expect(app.pkg.info[k], k).toEqual(ref.pkg.info[k]);
  });

  it("installed-size is the sum of the file sizes; the id is the hash of its ADB block", () => {
    const sum = [...filesOf(app).values()].reduce((n, f) => n + f.size, 0);
    expect(app.pkg.info["installed-size"]).toBe(sum);
    expect(app.pkg.info.hashes).toMatch(/^[0-9a-f]{40}$/);
    expect(packageId(app.adb)).toBe(app.pkg.info.hashes);
  });
});

describe(`${NAME}: paths`, () => {
  const SIDE = ["list", "conffiles", "conffiles_static"].map((e) => `lib/apk/packages/${NAME}.${e}`);

  it("holds every file of the feed tree (root/, htdocs/ → www/) and the three lib/apk/packages files, nothing else", () => {
    const feed = feedTree(PKG_DIR);
    expect([...filesOf(app).keys()].sort()).toEqual([...feed.keys(), ...SIDE].sort());
    const content = contentOf(app);
    for (const [p, f] of feed) {
      const e = filesOf(app).get(p)!;
      expect(e.acl, p).toEqual({ mode: f.mode, user: "root", group: "root" });
      expect(e.size, p).toBe(f.data.length);
      expect(e.hash, p).toBe(sha256(f.data));
      expect(content.get(p)!.equals(f.data), p).toBe(true);
    }
  });

  it("one entry per directory, sorted, root first; directories 0755 root:root; one mtime for all files", () => {
    const names = app.pkg.paths.map((d) => d.name ?? "");
    expect(names[0]).toBe("");
    expect(names).toEqual([...names].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))));
    for (const d of app.pkg.paths) expect(d.acl, d.name).toEqual({ mode: 0o755, user: "root", group: "root" });
    const parents = new Set([...filesOf(app).keys()].flatMap((p) => p.split("/").slice(0, -1).map((_, i, a) => a.slice(0, i + 1).join("/"))));
    expect(names.slice(1).sort()).toEqual([...parents].sort());
    expect(new Set([...filesOf(app).values()].map((f) => f.mtime)).size).toBe(1);
  });

  it("has the entry layout of the SDK's build (acl fields, file fields)", () => {
    const keys = (ds: ApkDir[]) => new Set(ds.flatMap((d) => [Object.keys(d).join(","), Object.keys(d.acl).join(","), ...(d.files ?? []).flatMap((f) => [Object.keys(f).join(","), Object.keys(f.acl).join(",")])]));
    expect(keys(app.pkg.paths)).toEqual(keys(ref.pkg.paths));
  });

  it("<pkg>.list: every other file as /path, sorted (made before the conffiles files)", () => {
    const list = contentOf(app).get(SIDE[0])!.toString();
    const others = [...filesOf(app).keys()].filter((p) => !SIDE.includes(p)).map((p) => "/" + p).sort();
    expect(list).toBe(others.map((p) => p + "\n").join(""));
    expect(list).toContain("/etc/config/splitwan\n");
  });

  it("<pkg>.conffiles is the conffiles define; .conffiles_static adds the shipped file's sha256", () => {
    const c = contentOf(app);
    expect(c.get(SIDE[1])!.toString()).toBe("/etc/config/splitwan\n");
    expect(c.get(SIDE[2])!.toString()).toBe(`/etc/config/splitwan ${sha256(c.get("etc/config/splitwan")!)}\n`);
    // the SDK's build: the same two files for the same default config
    const r = contentOf(ref);
    expect(r.get(SIDE[1])!.toString()).toBe(c.get(SIDE[1])!.toString());
    expect(r.get(SIDE[2])!.toString()).toBe(`/etc/config/splitwan ${sha256(r.get("etc/config/splitwan")!)}\n`);
  });
});

describe(`${NAME}: scripts (package-pack.mk's wrappers)`, () => {
  const prerm = packageMeta(PKG_DIR).prerm!;
  const noShebang = (s: string) => s.split("\n").filter((l) => !/^\s*#!/.test(l)).join("\n");
  const wrapper = (s: string) => s.slice(0, s.indexOf(s.includes("default_prerm\n") ? "default_prerm\n" : "default_postinst\n") + 16);

  it("post-install, pre-deinstall, post-upgrade and nothing else, as in the SDK's build", () => {
    expect(Object.keys(app.pkg.scripts!)).toEqual(Object.keys(ref.pkg.scripts!));
    expect(Object.keys(app.pkg.scripts!)).toEqual(["post-install", "pre-deinstall", "post-upgrade"]);
  });

  it("post-install: the wrapper, then luci.mk's postinst (caches, rpcd) on a live system", () => {
    const s = app.pkg.scripts!["post-install"];
    expect(wrapper(s)).toBe(wrapper(ref.pkg.scripts!["post-install"]));
    expect(s).toBe(
      `#!/bin/sh\n[ "\${IPKG_NO_SCRIPT}" = "1" ] && exit 0\n[ -s \${IPKG_INSTROOT}/lib/functions.sh ] || exit 0\n. \${IPKG_INSTROOT}/lib/functions.sh\nexport root="\${IPKG_INSTROOT}"\nexport pkgname="${NAME}"\nadd_group_and_user\ndefault_postinst\n${LUCI_POSTINST}\n`,
    );
  });

  it("post-upgrade: export PKG_UPGRADE=1, then post-install without its #! line", () => {
    expect(app.pkg.scripts!["post-upgrade"]).toBe(`#!/bin/sh\nexport PKG_UPGRADE=1\n${noShebang(app.pkg.scripts!["post-install"])}`);
  });

  it("pre-deinstall: the wrapper with default_prerm, then the Makefile's prerm without #!", () => {
    const s = app.pkg.scripts!["pre-deinstall"];
    expect(wrapper(s)).toBe(wrapper(ref.pkg.scripts!["pre-deinstall"]));
    expect(s).toBe(
      `#!/bin/sh\n[ -s \${IPKG_INSTROOT}/lib/functions.sh ] || exit 0\n. \${IPKG_INSTROOT}/lib/functions.sh\nexport root="\${IPKG_INSTROOT}"\nexport pkgname="${NAME}"\ndefault_prerm\n${noShebang(prerm + "\n")}`,
    );
    expect(s).toContain("splitwan remove");
  });

  it("every script is valid POSIX sh", () => {
    for (const [k, s] of Object.entries(app.pkg.scripts!)) {
      const r = spawnSync("dash", ["-n"], { input: s, encoding: "utf8" });
      expect(r.status, `${k}: ${r.stderr}`).toBe(0);
    }
  });
});

describe("luci-i18n-splitwan-ja", () => {
  const name = "luci-i18n-splitwan-ja";
  let r: ApkRead;
  beforeAll(() => {
    r = readApk(readFileSync(builtApk(name)));
  });

  it("is its own package depending on the app, version PKG_PO_VERSION", () => {
    expect(basename(builtApk(name))).toBe(`${name}-${MK.get("PKG_PO_VERSION")}.apk`);
    const i = r.pkg.info;
    expect([i.name, i.version, i.arch, i.license, i.origin, i.url]).toEqual([name, "0.1.0-r1", "noarch", MK.get("PKG_LICENSE"), `feeds/splitwan/${NAME}`, "https://github.com/openwrt/luci"]);
    expect(i.description).toBe(`Translation for ${NAME} - 日本語 (Japanese)`);
    expect((i.depends as { name: string }[]).map((d) => d.name)).toEqual(["libc", NAME]);
    expect(i.provides).toEqual([{ name: `${name}-any` }]);
    expect(packageId(r.adb)).toBe(i.hashes);
  });

  it("ships the compiled catalogue, the language's uci-defaults and its .list; no conffiles", () => {
    const c = contentOf(r);
    expect([...c.keys()].sort()).toEqual([`etc/uci-defaults/${name}`, `lib/apk/packages/${name}.list`, "usr/lib/lua/luci/i18n/splitwan.ja.lmo"]);
    expect(c.get("usr/lib/lua/luci/i18n/splitwan.ja.lmo")!.equals(po2lmo(readFileSync(join(PKG_DIR, "po/ja/splitwan.po"), "utf8"))!)).toBe(true);
    expect(c.get(`etc/uci-defaults/${name}`)!.toString()).toBe("uci set luci.languages.ja='日本語 (Japanese)'; uci commit luci\n");
    expect(c.get(`lib/apk/packages/${name}.list`)!.toString()).toBe(`/etc/uci-defaults/${name}\n/usr/lib/lua/luci/i18n/splitwan.ja.lmo\n`);
  });

  it("post-install runs the language's uci-defaults on a live system; pre-deinstall only default_prerm", () => {
    expect(r.pkg.scripts!["post-install"]).toContain(`default_postinst\n\t[ -n "\${IPKG_INSTROOT}" ] || {\n\t\t(. /etc/uci-defaults/${name}) && rm -f /etc/uci-defaults/${name}\n`);
    expect(r.pkg.scripts!["pre-deinstall"].endsWith(`export pkgname="${name}"\ndefault_prerm\n`)).toBe(true);
  });
});

describe("the builder", () => {
  const copy = () => {
    const dir = mkdtempSync(join(tmpdir(), "splitwan-apk-"));
    cpSync(PKG_DIR, join(dir, "pkg"), { recursive: true });
    return dir;
  };
  const hashes = (dir: string) => new Map(readdirSync(dir).filter((f) => f.endsWith(".apk")).map((f) => [f, sha256(readFileSync(join(dir, f)))]));

  it("is reproducible: the same sha256 twice; times from SOURCE_DATE_EPOCH", () => {
    const a = mkdtempSync(join(tmpdir(), "splitwan-apk-"));
    const b = mkdtempSync(join(tmpdir(), "splitwan-apk-"));
    for (const top of [a, b]) {
      const r = spawnSync(process.execPath, ["-e", `import(${JSON.stringify(join(TOP, "scripts/build-apk.mjs"))}).then((m) => m.default({ top: ${JSON.stringify(top)}, pkg: ${JSON.stringify(PKG_DIR)} }))`], {
        encoding: "utf8",
        env: { ...process.env, SOURCE_DATE_EPOCH: "1700000000" },
      });
      expect(r.status, r.stderr).toBe(0);
    }
    expect(hashes(join(a, "dist")).size).toBe(2);
    expect(hashes(join(a, "dist"))).toEqual(hashes(join(b, "dist")));
    const r = readApk(readFileSync(builtApk(NAME, join(a, "dist"))));
    expect(new Set([...filesOf(r).values()].map((f) => f.mtime))).toEqual(new Set([1700000000]));
    // another epoch: other times, other bytes
    buildApks({ pkg: PKG_DIR, outDir: join(b, "dist"), epoch: 1700000001 });
    expect(hashes(join(b, "dist")).get(`${NAME}-${VERSION}.apk`)).not.toBe(hashes(join(a, "dist")).get(`${NAME}-${VERSION}.apk`));
  });

  it("this tree at SOURCE_DATE_EPOCH=1700000000 gives the SDK's bytes exactly when its files are the reference's", () => {
    // the reference is the SDK's build of this package: where our tree still has the
    // same files, our package inflates to the identical stream
    const out = mkdtempSync(join(tmpdir(), "splitwan-apk-"));
    buildApks({ pkg: PKG_DIR, outDir: out, epoch: 1700000000 });
    const mine = readApk(readFileSync(builtApk(NAME, out)));
    const same = [...filesOf(ref)].every(([p, f]) => filesOf(mine).get(p)?.hash === f.hash) && filesOf(mine).size === filesOf(ref).size;
    if (same) expect(mine.adb.equals(ref.adb)).toBe(true);
    else expect(mine.pkg.info.hashes).not.toBe(ref.pkg.info.hashes);
  });

  it("takes whatever the feed tree holds: a new Lua module and entry script are packaged and listed", () => {
    const dir = copy();
    const lua = "usr/lib/lua/splitwan/extra_module.lua";
    mkdirSync(join(dir, "pkg/root/usr/lib/lua/splitwan"), { recursive: true });
    writeFileSync(join(dir, "pkg/root", lua), "return {}\n");
    writeFileSync(join(dir, "pkg/root/usr/sbin/splitwan-extra"), "#!/usr/bin/lua\nrequire('splitwan.extra_module')\n", { mode: 0o755 });
    const [r] = buildApks({ pkg: join(dir, "pkg"), outDir: join(dir, "dist"), epoch: 1700000000 });
    const a = readApk(readFileSync(r.path));
    expect(filesOf(a).get(lua)?.acl.mode).toBe(0o644);
    expect(filesOf(a).get("usr/sbin/splitwan-extra")?.acl.mode).toBe(0o755);
    const list = contentOf(a).get(`lib/apk/packages/${NAME}.list`)!.toString();
    expect(list).toContain(`/${lua}\n`);
    expect(list).toContain("/usr/sbin/splitwan-extra\n");
  });

  it.each([
    ["PKG_VERSION:=0.1.0", "PKG_VERSION:=1.0-1", "Makefile: PKG_VERSION 1.0-1 is not valid for opkg and apk"],
    ["PKG_VERSION:=0.1.0", "PKG_VERSION:=1.0_foo", "apk: info field 'version' has invalid value '1.0_foo-r1'"],
    ["PKG_RELEASE:=1", "PKG_RELEASE:=1a", "Makefile: PKG_RELEASE must be an integer (apk)"],
    ["PKG_NAME:=luci-app-splitwan", "PKG_NAME:=luci-app-split@wan", "apk: info field 'name' has invalid value 'luci-app-split@wan'"],
  ])("refuses %s → %s before writing anything", (from, to, message) => {
    const dir = copy();
    const mk = join(dir, "pkg/Makefile");
    writeFileSync(mk, readFileSync(mk, "utf8").replace(from, to));
    expect(() => buildApks({ pkg: join(dir, "pkg"), outDir: join(dir, "dist"), epoch: 1700000000 })).toThrow(message);
    expect(existsSync(join(dir, "dist"))).toBe(false);
  });

  it("dist/ holds both formats after npm run build", () => {
    expect(readdirSync(DIST).filter((f) => /\.(apk|ipk)$/.test(f)).sort()).toEqual(
      [`${NAME}-${VERSION}.apk`, `${NAME}_${VERSION}_all.ipk`, `luci-i18n-splitwan-ja-${VERSION}.apk`, `luci-i18n-splitwan-ja_${VERSION}_all.ipk`].sort(),
    );
  });
});
