// Install, upgrade and remove the built .apk in a scratch root holding a fixture router's
// configs, the way OpenWrt 25.12's apk does it offline (--force-no-chroot --preserve-env,
// IPKG_INSTROOT=<root>: the style the SDK and ImageBuilder use), with the scripts run.
//
// There is no apk binary here, so FakeApk below does what the real one did in
// ../shared/reference/apk/install/transcript.txt and splitwan/install-transcript.txt:
//   add:     extract (directories, files with their stored mode and mtime), then
//            post-install <version>;
//   upgrade: (pre-upgrade <new> <old> when the package has one), extract: a file under
//            /etc that the user changed stays and the new one is written as FILE.apk-new,
//            files the new version no longer has go; then only the NEW package's
//            post-upgrade <new> <old>. The old package's pre-deinstall does NOT run;
//   del:     pre-deinstall <version>; the package is removed even if it fails (apk says
//            ERROR and exits 0); a changed /etc file stays, its .apk-new goes.
// Scripts get PATH, APK_SCRIPT, APK_PACKAGE and the preserved IPKG_INSTROOT.
// /lib/functions.sh is stubs/functions.sh (records calls, enables/disables init scripts
// the way base-files does with IPKG_INSTROOT set); the CLI runs under lua5.1.
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type ApkRead, readApk } from "../../scripts/apk/adb-read.mjs";
import { buildApks } from "../../scripts/build-apk.mjs";
import { parseUciText } from "../standin/uci-file";
import { STANDIN_LUA, TOP } from "../helpers/lua";
import { PKG_DIR, builtApk } from "./apk";

const ROUTER_FILES = ["etc/config/network", "etc/config/firewall", "etc/iproute2/rt_tables"];
const PKG = "luci-app-splitwan";
const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");

interface Installed {
  version: string;
  files: Map<string, string>; // path → sha256 as shipped
  dirs: string[];
  scripts: Record<string, string>;
}

/** apk's order of operations on a root (see the header). */
class FakeApk {
  db = new Map<string, Installed>();
  log: string[] = [];
  constructor(readonly root: string) {}

  private run(name: string, version: string, script: string | undefined, kind: string, args: string[]) {
    if (script === undefined) return 0;
    const f = join(mkdtempSync(join(tmpdir(), "apk-exec-")), `${name}-${version}.${kind}`);
    writeFileSync(f, script, { mode: 0o755 });
    const r = spawnSync("sh", [f, ...args], {
      encoding: "utf8",
      // a build host with libuci-lua: the stand-in binding (the scripts add the root's modules)
      env: { PATH: process.env.PATH ?? "/usr/bin:/bin", APK_SCRIPT: kind, APK_PACKAGE: name, IPKG_INSTROOT: this.root, LUA_PATH: `${STANDIN_LUA}/?.lua;;` },
    });
    this.log.push(`${kind} ${args.join(" ")} → ${r.status}${r.stderr ? `: ${r.stderr.trim()}` : ""}`);
    return r.status ?? 1;
  }

  private protectedPath = (p: string) => p.startsWith("etc/");
  private onDisk = (p: string) => (existsSync(join(this.root, p)) ? sha256(readFileSync(join(this.root, p))) : undefined);

  /** `apk add --allow-untrusted FILE`: exit status as apk's (1 when a script failed). */
  add(file: string): number {
    const pkg: ApkRead = readApk(readFileSync(file));
    const { name, version } = pkg.pkg.info;
    const old = this.db.get(name);
    const scripts = pkg.pkg.scripts ?? {};
    let status = 0;
    if (old && this.run(name, version, scripts["pre-upgrade"], "pre-upgrade", [version, old.version])) status = 1;
    const files = new Map<string, string>();
    const content = new Map<string, Buffer>();
    for (const b of pkg.data) {
      const d = pkg.pkg.paths[b.path - 1];
      content.set((d.name ? d.name + "/" : "") + d.files![b.file - 1].name, b.content);
    }
    for (const d of pkg.pkg.paths) {
      mkdirSync(join(this.root, d.name ?? ""), { recursive: true, mode: d.acl.mode });
      for (const f of d.files ?? []) {
        const p = d.name ? `${d.name}/${f.name}` : f.name;
        files.set(p, f.hash);
        const disk = this.onDisk(p);
        // a changed protected file stays; the new default goes beside it
        const keep = this.protectedPath(p) && disk !== undefined && disk !== f.hash && disk !== old?.files.get(p);
        const target = join(this.root, keep ? `${p}.apk-new` : p);
        writeFileSync(target, content.get(p) ?? Buffer.alloc(0));
        chmodSync(target, f.acl.mode);
        utimesSync(target, f.mtime, f.mtime);
      }
    }
    for (const p of old?.files.keys() ?? []) if (!files.has(p)) rmSync(join(this.root, p), { force: true });
    this.db.set(name, { version, files, dirs: pkg.pkg.paths.map((d) => d.name ?? ""), scripts });
    const r = old ? this.run(name, version, scripts["post-upgrade"], "post-upgrade", [version, old.version]) : this.run(name, version, scripts["post-install"], "post-install", [version]);
    return r ? 1 : status;
  }

  /** `apk del NAME`: exit 0 even when pre-deinstall fails (the package goes anyway). */
  del(name: string): number {
    const pkg = this.db.get(name)!;
    this.run(name, pkg.version, pkg.scripts["pre-deinstall"], "pre-deinstall", [pkg.version]);
    for (const [p, hash] of pkg.files) {
      if (this.protectedPath(p)) rmSync(join(this.root, `${p}.apk-new`), { force: true });
      if (this.protectedPath(p) && this.onDisk(p) !== hash) continue;
      rmSync(join(this.root, p), { force: true });
    }
    for (const d of [...pkg.dirs].reverse()) {
      if (d && existsSync(join(this.root, d)) && readdirSync(join(this.root, d)).length === 0) rmdirSync(join(this.root, d));
    }
    this.db.delete(name);
    this.run(name, pkg.version, pkg.scripts["post-deinstall"], "post-deinstall", [pkg.version]);
    return 0;
  }
}

/** A newer build (release +1): its default config gains a line, its view changes. */
function newerApk(): string {
  const dir = mkdtempSync(join(tmpdir(), "splitwan-apk-r2-"));
  cpSync(PKG_DIR, join(dir, "pkg"), { recursive: true });
  const mk = join(dir, "pkg/Makefile");
  writeFileSync(mk, readFileSync(mk, "utf8").replace(/^PKG_RELEASE:=(\d+)$/m, (_, n) => `PKG_RELEASE:=${Number(n) + 1}`));
  writeFileSync(join(dir, "pkg/root/etc/config/splitwan"), readFileSync(join(dir, "pkg/root/etc/config/splitwan"), "utf8") + "\toption mtu '1454'\n");
  writeFileSync(join(dir, "pkg/htdocs/luci-static/resources/view/splitwan/overview.js"), "// r2\n", { flag: "a" });
  const built = buildApks({ pkg: join(dir, "pkg"), outDir: join(dir, "dist"), epoch: 1700000000 });
  return built.find((b) => b.name === PKG)!.path;
}

for (const fixture of ["dsa-mape", "eth1-dslite"]) {
  describe(`apk add, enable, upgrade, del in a scratch root (${fixture})`, () => {
    const FIXTURE = join(TOP, "test/fixtures/routers", fixture);
    let root: string;
    let apk: FakeApk;
    let r2: string;
    const before = new Map<string, string>();
    const read = (rel: string) => readFileSync(join(root, rel), "utf8");
    const log = () => (existsSync(join(root, "functions.log")) ? read("functions.log") : "");
    const cli = (args: string[]) =>
      spawnSync("lua5.1", [join(root, "usr/sbin/splitwan"), ...args], {
        encoding: "utf8",
        env: { PATH: process.env.PATH ?? "/usr/bin:/bin", SPLITWAN_ROOT: root, LUA_PATH: `${root}/usr/lib/lua/?.lua;${STANDIN_LUA}/?.lua;;` },
      });
    const snapshot = () => new Map([...before.keys()].map((rel) => [rel, read(rel)]));

    beforeAll(() => {
      r2 = newerApk();
      root = mkdtempSync(join(tmpdir(), "splitwan-apkroot-"));
      for (const rel of ROUTER_FILES) {
        mkdirSync(join(root, rel, ".."), { recursive: true });
        cpSync(join(FIXTURE, rel), join(root, rel));
        before.set(rel, read(rel));
      }
      mkdirSync(join(root, "lib"));
      cpSync(join(TOP, "test/package/stubs/functions.sh"), join(root, "lib/functions.sh"));
      apk = new FakeApk(root);
    });

    it("add: files with their modes, post-install → add_group_and_user, default_postinst, init script enabled; network untouched", () => {
      expect(apk.add(builtApk(PKG)), apk.log.join("\n")).toBe(0);
      expect(apk.log).toEqual(["post-install 0.1.0-r1 → 0"]);
      expect(log()).toBe(`add_group_and_user ${PKG}\ndefault_postinst\nrc.common ${root}/etc/init.d/splitwan enable\n`);
      for (const [rel, text] of before) expect(read(rel), rel).toBe(text);
      expect(read("etc/config/splitwan")).toContain("option enabled '0'");
      expect(execFileSync("stat", ["-c", "%a", join(root, "usr/sbin/splitwan")], { encoding: "utf8" }).trim()).toBe("755");
      expect(read(`lib/apk/packages/${PKG}.list`)).toContain("/usr/sbin/splitwan\n");
    });

    it("IPKG_NO_SCRIPT=1 makes post-install do nothing", () => {
      const script = apk.db.get(PKG)!.scripts["post-install"];
      const r = spawnSync("sh", ["-c", script], { encoding: "utf8", env: { PATH: process.env.PATH ?? "", IPKG_INSTROOT: root, IPKG_NO_SCRIPT: "1" } });
      expect(r.status).toBe(0);
      expect(log().split("\n").filter((l) => l === "default_postinst").length).toBe(1);
    });

    it("disabled, the installed CLI changes nothing; enabled, apply adds the interface, zone and rt_tables line", () => {
      let r = cli(["apply"]);
      expect(r.status, r.stderr + r.stdout).toBe(0);
      for (const [rel, text] of before) expect(read(rel), rel).toBe(text);
      cpSync(join(FIXTURE, "etc/config/splitwan"), join(root, "etc/config/splitwan"));
      r = cli(["apply"]);
      expect(r.status, r.stderr + r.stdout).toBe(0);
      expect(read("etc/config/network")).toContain("config interface 'wanppp'");
      expect(read("etc/iproute2/rt_tables")).toMatch(/^300\tpppoe$/m);
      expect(existsSync(join(root, "etc/splitwan/owned"))).toBe(true);
    });

    it("upgrade: only the new post-upgrade runs (no pre-deinstall, no splitwan remove); the user's config stays, the new default is .apk-new", () => {
      const conf = read("etc/config/splitwan");
      const applied = snapshot();
      const owned = read("etc/splitwan/owned");
      apk.log = [];
      writeFileSync(join(root, "functions.log"), "");
      expect(apk.add(r2), apk.log.join("\n")).toBe(0);
      expect(apk.log).toEqual(["post-upgrade 0.1.0-r2 0.1.0-r1 → 0"]);
      expect(log()).toBe(`add_group_and_user ${PKG}\ndefault_postinst\nrc.common ${root}/etc/init.d/splitwan enable\n`);
      expect(read("etc/config/splitwan")).toBe(conf);
      expect(read("etc/config/splitwan.apk-new")).toContain("option mtu '1454'");
      expect(read("www/luci-static/resources/view/splitwan/overview.js")).toMatch(/\/\/ r2\n$/);
      for (const [rel, text] of applied) expect(read(rel), rel).toBe(text);
      expect(read("etc/splitwan/owned")).toBe(owned);
    });

    it("after the upgrade, apply (init.d start) changes nothing, with or without the .apk-new beside the config", () => {
      const applied = snapshot();
      const apkNew = read("etc/config/splitwan.apk-new");
      const withNew = cli(["plan"]);
      let r = cli(["apply"]);
      expect(r.status, r.stderr + r.stdout).toBe(0);
      expect(r.stdout).toBe("nothing to change\n");
      // the .apk-new says enabled '0': were it read, apply would take everything out
      expect(read("etc/config/splitwan.apk-new")).toContain("option enabled '0'");
      rmSync(join(root, "etc/config/splitwan.apk-new"));
      expect(cli(["plan"]).stdout).toBe(withNew.stdout);
      r = cli(["apply"]);
      expect(r.stdout).toBe("nothing to change\n");
      for (const [rel, text] of applied) expect(read(rel), rel).toBe(text);
      writeFileSync(join(root, "etc/config/splitwan.apk-new"), apkNew); // as apk left it
    });

    it("del: pre-deinstall runs default_prerm and splitwan remove: network, firewall, rt_tables as before the install", () => {
      apk.log = [];
      writeFileSync(join(root, "functions.log"), "");
      expect(apk.del(PKG)).toBe(0);
      expect(apk.log).toEqual(["pre-deinstall 0.1.0-r2 → 0"]);
      expect(log()).toBe(`default_prerm\nrc.common ${root}/etc/init.d/splitwan disable\n`);
      for (const [rel, text] of before) {
        if (!rel.startsWith("etc/config/")) expect(read(rel), rel).toBe(text);
        else expect(parseUciText(read(rel)), rel).toEqual(parseUciText(text));
      }
      if (fixture === "dsa-mape") for (const [rel, text] of before) expect(read(rel), `${rel}, byte for byte`).toBe(text);
      const owned = join(root, "etc/splitwan/owned");
      expect(!existsSync(owned) || readFileSync(owned, "utf8").trim() === "").toBe(true);
    });

    it("then nothing of the package is left but the edited config (its .apk-new is gone)", () => {
      const left = execFileSync("find", [".", "-type", "f"], { cwd: root, encoding: "utf8" })
        .trim()
        .split("\n")
        .map((f) => f.slice(2))
        .filter((f) => !f.startsWith("tmp/") && !f.startsWith("etc/splitwan/"))
        .sort();
      expect(left).toEqual([...ROUTER_FILES, "etc/config/splitwan", "functions.log", "lib/functions.sh"].sort());
      expect(existsSync(join(root, "usr/sbin"))).toBe(false);
    });
  });
}

describe("apk del where splitwan never applied", () => {
  it("pre-deinstall does not run the CLI and exits 0", () => {
    const root = mkdtempSync(join(tmpdir(), "splitwan-apkroot-"));
    mkdirSync(join(root, "lib"));
    cpSync(join(TOP, "test/package/stubs/functions.sh"), join(root, "lib/functions.sh"));
    const apk = new FakeApk(root);
    expect(apk.add(builtApk(PKG))).toBe(0);
    rmSync(join(root, "usr/sbin/splitwan")); // running it would fail
    expect(apk.del(PKG)).toBe(0);
    expect(apk.log).toEqual(["post-install 0.1.0-r1 → 0", "pre-deinstall 0.1.0-r1 → 0"]);
  });

  it("a failing pre-deinstall is reported, and the package is removed anyway (apk's behaviour)", () => {
    const root = mkdtempSync(join(tmpdir(), "splitwan-apkroot-"));
    mkdirSync(join(root, "lib"));
    cpSync(join(TOP, "test/package/stubs/functions.sh"), join(root, "lib/functions.sh"));
    const apk = new FakeApk(root);
    apk.add(builtApk(PKG));
    mkdirSync(join(root, "etc/splitwan"), { recursive: true });
    writeFileSync(join(root, "etc/splitwan/owned"), "garbage that is not an ownership record\n");
    rmSync(join(root, "usr/sbin/splitwan"));
    expect(apk.del(PKG)).toBe(0);
    expect(apk.log[1]).toMatch(/^pre-deinstall 0\.1\.0-r1 → [1-9]/);
    expect(existsSync(join(root, "www"))).toBe(false);
  });
});
