// Install the built .ipk into a scratch root holding a fixture router's configs, the way
// opkg does with IPKG_INSTROOT set (data extracted, control files in usr/lib/opkg/info),
// run its postinst, enable and apply with the installed CLI under lua5.1
// (SPLITWAN_ROOT), then run its prerm: the router's network, firewall and rt_tables must
// be as they were before the install.
// Stand-ins: opkg itself (this file: extract + info files) and /lib/functions.sh
// (stubs/functions.sh: records calls, runs the package's -pkg scripts like the real one).
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseUciText } from "../standin/uci-file";
import { STANDIN_LUA, TOP } from "../helpers/lua";
import { type Unpacked, builtIpk, unpack } from "./ipk";

const ROUTER_FILES = ["etc/config/network", "etc/config/firewall", "etc/iproute2/rt_tables"];
const PKG = "luci-app-splitwan";

// two fixture routers (MAP-E on DSA ports, DS-Lite on eth1) from the core tests
for (const fixture of ["dsa-mape", "eth1-dslite"]) {
describe(`install, enable, apply, remove in a scratch root (${fixture})`, () => {
  const FIXTURE = join(TOP, "test/fixtures/routers", fixture);
  let u: Unpacked;
  let root: string;
  const before = new Map<string, string>();

  const read = (rel: string) => readFileSync(join(root, rel), "utf8");
  const info = (f: string) => join(root, "usr/lib/opkg/info", `${PKG}.${f}`);
  const log = () => (existsSync(join(root, "functions.log")) ? read("functions.log") : "");

  /** What opkg does with IPKG_INSTROOT=root: data into the root, control files and the
   * file list into usr/lib/opkg/info/<pkg>.<name>. */
  function opkgInstall() {
    execFileSync("tar", ["-xzf", join(u.dir, "data.tar.gz"), "-C", root]);
    mkdirSync(join(root, "usr/lib/opkg/info"), { recursive: true });
    for (const [name, text] of u.ctrl) writeFileSync(info(name), text, { mode: name.includes("inst") || name.includes("rm") ? 0o755 : 0o644 });
    const files = u.data.filter((e) => !e.mode.startsWith("d")).map((e) => e.name.slice(1));
    writeFileSync(info("list"), files.join("\n") + "\n");
  }

  function sh(script: string, args: string[], env: Record<string, string> = {}) {
    return spawnSync("sh", [script, ...args], {
      encoding: "utf8",
      // a build host with libuci-lua: the stand-in binding (the scripts add the root's modules)
      env: { PATH: process.env.PATH ?? "/usr/bin:/bin", IPKG_INSTROOT: root, LUA_PATH: `${STANDIN_LUA}/?.lua;;`, ...env },
    });
  }

  function cli(args: string[]) {
    return spawnSync("lua5.1", [join(root, "usr/sbin/splitwan"), ...args], {
      encoding: "utf8",
      // the modules installed in the root, not the build tree's
      env: { PATH: process.env.PATH ?? "/usr/bin:/bin", SPLITWAN_ROOT: root, LUA_PATH: `${root}/usr/lib/lua/?.lua;${STANDIN_LUA}/?.lua;;` },
    });
  }

  beforeAll(() => {
    u = unpack(builtIpk());
    root = mkdtempSync(join(tmpdir(), "splitwan-root-"));
    for (const rel of ROUTER_FILES) {
      mkdirSync(join(root, rel, ".."), { recursive: true });
      cpSync(join(FIXTURE, rel), join(root, rel));
      before.set(rel, read(rel));
    }
    mkdirSync(join(root, "lib"));
    cpSync(join(TOP, "test/package/stubs/functions.sh"), join(root, "lib/functions.sh"));
    opkgInstall();
  });

    it("postinst calls default_postinst, enables the service, and leaves network alone", () => {
      const r = sh(info("postinst"), ["configure"]);
      expect(r.status, r.stderr).toBe(0);
      expect(log()).toBe(`default_postinst ${info("postinst")} configure\nrc.common ${root}/etc/init.d/splitwan enable\n`);
      for (const [rel, text] of before) expect(read(rel), rel).toBe(text);
      expect(read("etc/config/splitwan")).toContain("option enabled '0'");
    });

    it("IPKG_NO_SCRIPT=1 skips postinst entirely", () => {
      const r = sh(info("postinst"), ["configure"], { IPKG_NO_SCRIPT: "1" });
      expect(r.status).toBe(0);
      expect(log().split("\n").filter((l) => l.startsWith("default_postinst")).length).toBe(1);
    });

    it("the installed CLI, disabled, changes nothing", () => {
      const r = cli(["apply"]);
      expect(r.status, r.stderr + r.stdout).toBe(0);
      for (const [rel, text] of before) expect(read(rel), rel).toBe(text);
    });

    it("enabled, apply adds the PPPoE interface, zone and rt_tables line", () => {
      cpSync(join(FIXTURE, "etc/config/splitwan"), join(root, "etc/config/splitwan"));
      const r = cli(["apply"]);
      expect(r.status, r.stderr + r.stdout).toBe(0);
      expect(read("etc/config/network")).toContain("config interface 'wanppp'");
      expect(read("etc/config/firewall")).toContain("'splitwan_zone'");
      expect(read("etc/iproute2/rt_tables")).toMatch(/^300\tpppoe$/m);
      expect(existsSync(join(root, "etc/splitwan/owned"))).toBe(true);
    });

    it("prerm during an upgrade (PKG_UPGRADE=1) keeps the live setup", () => {
      const applied = new Map([...before.keys()].map((rel) => [rel, read(rel)]));
      const r = sh(info("prerm"), ["upgrade", "9.9.9-r1"], { PKG_UPGRADE: "1" });
      expect(r.status, r.stderr).toBe(0);
      for (const [rel, text] of applied) expect(read(rel), rel).toBe(text);
      expect(existsSync(join(root, "etc/splitwan/owned"))).toBe(true);
    });

    it("upgrade: a newer .ipk over it keeps the config and the live setup; apply changes nothing", () => {
      // opkg: extract the new data, but a modified conffile stays (new one as <file>-opkg)
      const conf = read("etc/config/splitwan");
      const applied = new Map([...before.keys()].map((rel) => [rel, read(rel)]));
      execFileSync("tar", ["-xzf", join(u.dir, "data.tar.gz"), "-C", root]);
      const shipped = read("etc/config/splitwan");
      expect(shipped).not.toBe(conf);
      writeFileSync(join(root, "etc/config/splitwan-opkg"), shipped);
      writeFileSync(join(root, "etc/config/splitwan"), conf);
      const p = sh(info("postinst"), ["configure"], { PKG_UPGRADE: "1" });
      expect(p.status, p.stderr).toBe(0);
      // what postinst's `/etc/init.d/splitwan start` runs on the router
      const r = cli(["apply"]);
      expect(r.status, r.stderr + r.stdout).toBe(0);
      expect(r.stdout).toBe("nothing to change\n"); // no reload: no window for published ports
      for (const [rel, text] of applied) expect(read(rel), rel).toBe(text);
      rmSync(join(root, "etc/config/splitwan-opkg"));
    });

    it("sysupgrade: what is not kept (rt_tables line, fw4 drop-ins) comes back with the boot apply", () => {
      const applied = new Map([...before.keys()].map((rel) => [rel, read(rel)]));
      const dropins = join(root, "usr/share/nftables.d");
      const kept = existsSync(dropins) ? execFileSync("find", [dropins, "-type", "f"], { encoding: "utf8" }).trim().split("\n").filter(Boolean) : [];
      expect(kept.length).toBeGreaterThan(0);
      // a new image: base-files' rt_tables, no /usr/share/nftables.d; /etc/config and /etc/splitwan kept
      writeFileSync(join(root, "etc/iproute2/rt_tables"), before.get("etc/iproute2/rt_tables")!);
      rmSync(dropins, { recursive: true, force: true });
      const r = cli(["apply"]);
      expect(r.status, r.stderr + r.stdout).toBe(0);
      for (const [rel, text] of applied) expect(read(rel), rel).toBe(text);
      for (const f of kept) expect(existsSync(f), f).toBe(true);
    });

    it("prerm (remove) takes everything back: network, firewall, rt_tables as before install", () => {
      const r = sh(info("prerm"), ["remove"]);
      expect(r.status, r.stderr + r.stdout).toBe(0);
      expect(log()).toContain(`default_prerm ${info("prerm")} remove\nrc.common ${root}/etc/init.d/splitwan disable\n`);
      for (const [rel, text] of before) {
        if (!rel.startsWith("etc/config/")) expect(read(rel), rel).toBe(text);
        // a commit rewrites a UCI file the way libuci does (comments and column alignment
        // of a hand-written file go): the same sections, options and order
        else expect(parseUciText(read(rel)), rel).toEqual(parseUciText(text));
      }
      // dsa-mape's files are in libuci's own format: there even the bytes are the same
      if (fixture === "dsa-mape") for (const [rel, text] of before) expect(read(rel), `${rel}, byte for byte`).toBe(text);
      const owned = join(root, "etc/splitwan/owned");
      expect(!existsSync(owned) || readFileSync(owned, "utf8").trim() === "").toBe(true);
    });

    it("then opkg deletes the package's files: nothing of splitwan is left but the edited config", () => {
      const shipped = readFileSync(join(u.root, "etc/config/splitwan"), "utf8");
      for (const p of read("usr/lib/opkg/info/luci-app-splitwan.list").split("\n").filter(Boolean)) {
        if (p === "/etc/config/splitwan" && read(p.slice(1)) !== shipped) continue; // opkg keeps an edited conffile
        rmSync(join(root, p));
      }
      rmSync(join(root, "usr/lib/opkg/info"), { recursive: true });
      const left = execFileSync("find", [".", "-type", "f"], { cwd: root, encoding: "utf8" })
        .trim()
        .split("\n")
        .map((f) => f.slice(2))
        .filter((f) => !f.startsWith("tmp/")) // RAM: gone at the next boot
        .sort();
      expect(left).toEqual([...ROUTER_FILES, "etc/config/splitwan", "functions.log", "lib/functions.sh"].sort());
    });

    it("prerm in a root where splitwan never applied does not run the CLI", () => {
      const empty = mkdtempSync(join(tmpdir(), "splitwan-root-"));
      mkdirSync(join(empty, "lib"));
      cpSync(join(TOP, "test/package/stubs/functions.sh"), join(empty, "lib/functions.sh"));
      mkdirSync(join(empty, "usr/lib/opkg/info"), { recursive: true });
      writeFileSync(join(empty, `usr/lib/opkg/info/${PKG}.prerm-pkg`), u.ctrl.get("prerm-pkg")!);
      writeFileSync(join(empty, `usr/lib/opkg/info/${PKG}.prerm`), u.ctrl.get("prerm")!);
      // no usr/sbin/splitwan here: running it would fail
      const r = spawnSync("sh", [join(empty, `usr/lib/opkg/info/${PKG}.prerm`), "remove"], {
        encoding: "utf8",
        env: { PATH: process.env.PATH ?? "/usr/bin:/bin", IPKG_INSTROOT: empty },
      });
      expect(r.status, r.stderr).toBe(0);
    });
});
}
