// The package's own router scripts run by a POSIX shell (dash, like busybox ash) against
// stand-ins: stubs/rc.common (procd-mode rc.common, records procd calls), stubs/uci
// (answers `get` from the config file, records the rest), stubs/record (records a
// command). The uci-defaults script and the package's -pkg scripts run in a private
// mount namespace where scratch directories are /etc, /tmp (and /usr/sbin), so their
// absolute paths touch nothing real.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LUCI_POSTINST, luciDefaultPostinst, packageMeta } from "../../scripts/build-ipk.mjs";
import { TOP } from "../helpers/lua";

const FILES = join(TOP, "files");
const STUBS = join(TOP, "test/package/stubs");

// Neither under /tmp nor /etc, which the runs see replaced by scratch directories: not
// the repository either (a clone may well live under /tmp), hence copies of the stubs.
const SCRATCH = "/var/tmp/splitwan-test";

function scratch(): { dir: string; calls: string; bin: string } {
  mkdirSync(SCRATCH, { recursive: true });
  const dir = mkdtempSync(join(SCRATCH, "scripts-"));
  const bin = join(dir, "bin");
  mkdirSync(bin);
  for (const cmd of ["splitwan", "killall", "logger"]) cpSync(join(STUBS, "record"), join(bin, cmd));
  cpSync(join(STUBS, "uci"), join(bin, "uci"));
  return { dir, calls: join(dir, "calls.log"), bin };
}

const readCalls = (f: string) => (existsSync(f) ? readFileSync(f, "utf8") : "");

describe("/etc/init.d/splitwan (procd)", () => {
  function initd(action: string) {
    const s = scratch();
    const r = spawnSync("dash", [join(STUBS, "rc.common"), join(FILES, "etc/init.d/splitwan"), action], {
      encoding: "utf8",
      env: { PATH: `${s.bin}:/usr/bin:/bin`, CALLS: s.calls, RECORDER: join(s.bin, "splitwan") },
    });
    expect(r.status, r.stderr).toBe(0);
    const calls = readCalls(s.calls);
    rmSync(s.dir, { recursive: true, force: true });
    return calls;
  }

  it("runs the shipped CLI", () => {
    expect(readFileSync(join(FILES, "etc/init.d/splitwan"), "utf8")).toMatch(/^PROG=\/usr\/sbin\/splitwan$/m);
  });

  it("start applies and registers a reload trigger on the splitwan config", () => {
    expect(initd("start")).toBe(
      "procd_open_service splitwan " + join(FILES, "etc/init.d/splitwan") + "\nsplitwan apply\nprocd_add_reload_trigger splitwan\nprocd_close_service set\n",
    );
  });

  it("reload (config.change from LuCI Save & Apply or its rollback) applies again", () => {
    expect(initd("reload")).toBe("splitwan apply\n");
  });

  it("stop leaves routing up: it runs nothing", () => {
    expect(initd("stop")).toBe("procd_kill splitwan \n");
  });

  it("starts at boot after firewall (19) and network (20)", () => {
    const m = /^enable S(\d+)splitwan$/m.exec(initd("enable"));
    expect(m).not.toBeNull();
    expect(Number(m![1])).toBeGreaterThan(20);
  });
});

// needs CAP_SYS_ADMIN for a private mount namespace (as the namespace e2e tests do)
const canUnshare = spawnSync("unshare", ["--mount", "--propagation", "private", "true"]).status === 0;

describe.skipIf(!canUnshare)("/etc/uci-defaults/80-splitwan (in a private mount namespace)", () => {
  /** Runs the script as /etc/init.d/boot and default_postinst do: sourced in a subshell
   * from /etc/uci-defaults. config: contents of /etc/config/splitwan, or null for none. */
  function uciDefaults(config: string | null, failingCli = false, beside: Record<string, string> = {}) {
    const s = scratch();
    if (failingCli) {
      rmSync(join(s.bin, "splitwan"));
      symlinkSync("/bin/false", join(s.bin, "splitwan"));
    }
    const etc = join(s.dir, "etc");
    const tmp = join(s.dir, "tmp");
    mkdirSync(join(etc, "config"), { recursive: true });
    mkdirSync(join(tmp, "luci-modulecache"), { recursive: true });
    cpSync(join(FILES, "etc/uci-defaults"), join(etc, "uci-defaults"), { recursive: true });
    if (config !== null) writeFileSync(join(etc, "config/splitwan"), config);
    for (const [f, text] of Object.entries(beside)) writeFileSync(join(etc, "config", f), text);
    writeFileSync(join(tmp, "luci-indexcache.0123abcd.json"), "{}");
    writeFileSync(join(tmp, "luci-modulecache/x.json"), "{}");
    writeFileSync(join(tmp, "other"), "kept");
    const inner = `mount --bind "${etc}" /etc && mount --bind "${tmp}" /tmp && cd /etc/uci-defaults && ( . ./80-splitwan )`;
    const r = spawnSync("unshare", ["--mount", "--propagation", "private", "dash", "-c", inner], {
      encoding: "utf8",
      env: { PATH: `${s.bin}:/usr/bin:/bin`, CALLS: s.calls },
    });
    const out = {
      status: r.status,
      stderr: r.stderr,
      calls: readCalls(s.calls),
      config: existsSync(join(etc, "config/splitwan")) ? readFileSync(join(etc, "config/splitwan"), "utf8") : null,
      tmp: ["luci-indexcache.0123abcd.json", "luci-modulecache/x.json", "other"].filter((f) => existsSync(join(tmp, f))),
    };
    rmSync(s.dir, { recursive: true, force: true });
    return out;
  }

  const shipped = readFileSync(join(FILES, "etc/config/splitwan"), "utf8");

  it("with the shipped (disabled) config: no config change, no apply, LuCI caches cleared, rpcd HUP'd", () => {
    const r = uciDefaults(shipped);
    expect(r.status, r.stderr).toBe(0);
    expect(r.calls).toBe("uci -q get splitwan.main\nuci -q get splitwan.main.enabled\nkillall -HUP rpcd\n");
    expect(r.config).toBe(shipped);
    expect(r.tmp).toEqual(["other"]);
  });

  it("with no config: creates a disabled main section", () => {
    const r = uciDefaults(null);
    expect(r.status, r.stderr).toBe(0);
    expect(r.config).toBe(""); // created for uci, filled by the batch below
    expect(r.calls).toContain("uci -q batch\nbatch: set splitwan.main=splitwan\nbatch: set splitwan.main.enabled=0\nbatch: commit splitwan\n");
    expect(r.calls).not.toContain("splitwan apply");
  });

  it("enabled (first boot after sysupgrade): re-applies to restore rt_tables line and drop-in", () => {
    const r = uciDefaults(shipped.replace("option enabled '0'", "option enabled '1'"));
    expect(r.status, r.stderr).toBe(0);
    expect(r.calls).toContain("splitwan apply\n");
    expect(r.calls).not.toContain("batch");
  });

  it("after an apk upgrade (25.12): the new default beside the config as splitwan.apk-new changes nothing it does", () => {
    const user = shipped.replace("option enabled '0'", "option enabled '1'");
    const plain = uciDefaults(user);
    const withNew = uciDefaults(user, false, { "splitwan.apk-new": shipped + "\toption mtu '1454'\n" });
    expect(withNew.status, withNew.stderr).toBe(0);
    expect(withNew.calls).toBe(plain.calls);
    expect(withNew.config).toBe(user);
    // and a user config without main plus an .apk-new that has one: still recreated
    const noMain = uciDefaults("", false, { "splitwan.apk-new": shipped });
    expect(noMain.calls).toContain("batch: set splitwan.main=splitwan\n");
  });

  it("exits 0 even when apply fails, so boot does not keep it for the next boot", () => {
    const r = uciDefaults(shipped.replace("option enabled '0'", "option enabled '1'"), true);
    expect(r.status, r.stderr).toBe(0);
    expect(r.calls).toContain("killall -HUP rpcd\n");
  });
});

// The package's postinst-pkg / prerm-pkg on a live system (IPKG_INSTROOT unset), sourced
// in a subshell as default_postinst / default_prerm do. Scratch directories stand in for
// /etc, /tmp and /usr/sbin (where a recorder is /usr/sbin/splitwan).
describe.skipIf(!canUnshare)("package scripts on a live system (in a private mount namespace)", () => {
  const meta = packageMeta(join(TOP, "luci-app-splitwan"));

  function live(script: string, env: Record<string, string> = {}, cliFails = false) {
    const s = scratch();
    const etc = join(s.dir, "etc");
    const tmp = join(s.dir, "tmp");
    const sbin = join(s.dir, "sbin");
    mkdirSync(join(etc, "config"), { recursive: true });
    mkdirSync(join(tmp, "luci-modulecache"), { recursive: true });
    mkdirSync(sbin);
    cpSync(join(FILES, "etc/uci-defaults"), join(etc, "uci-defaults"), { recursive: true });
    cpSync(join(FILES, "etc/config/splitwan"), join(etc, "config/splitwan"));
    writeFileSync(join(tmp, "luci-indexcache.0123abcd.json"), "{}");
    writeFileSync(join(tmp, "luci-modulecache/x.json"), "{}");
    if (cliFails) symlinkSync("/bin/false", join(sbin, "splitwan"));
    else cpSync(join(STUBS, "record"), join(sbin, "splitwan"));
    writeFileSync(join(s.dir, "script"), script);
    const inner = `mount --bind "${etc}" /etc && mount --bind "${tmp}" /tmp && mount --bind "${sbin}" /usr/sbin && ( . "${join(s.dir, "script")}" )`;
    const r = spawnSync("unshare", ["--mount", "--propagation", "private", "dash", "-c", inner], {
      encoding: "utf8",
      env: { PATH: `${s.bin}:/usr/bin:/bin`, CALLS: s.calls, ...env },
    });
    const out = {
      status: r.status,
      stderr: r.stderr,
      calls: readCalls(s.calls),
      uciDefaultsLeft: existsSync(join(etc, "uci-defaults/80-splitwan")),
      tmp: ["luci-indexcache.0123abcd.json", "luci-modulecache/x.json"].filter((f) => existsSync(join(tmp, f))),
    };
    rmSync(s.dir, { recursive: true, force: true });
    return out;
  }

  it("prerm-pkg (remove) runs `splitwan remove` and clears the LuCI caches", () => {
    const r = live(meta.prerm!);
    expect(r.status, r.stderr).toBe(0);
    expect(r.calls).toBe("splitwan remove\n");
    expect(r.tmp).toEqual([]);
  });

  it("prerm-pkg fails when `splitwan remove` fails, so opkg keeps the package", () => {
    const r = live(meta.prerm!, {}, true);
    expect(r.status).not.toBe(0);
  });

  it("prerm-pkg during an upgrade (PKG_UPGRADE=1) runs nothing", () => {
    const r = live(meta.prerm!, { PKG_UPGRADE: "1" });
    expect(r.status, r.stderr).toBe(0);
    expect(r.calls).toBe("");
    expect(r.tmp.length).toBe(2);
  });

  it("the .apk's postinst part (luci.mk's current one) clears the LuCI caches and HUPs rpcd; default_postinst runs the uci-defaults", () => {
    const r = live(meta.postinst ?? LUCI_POSTINST);
    expect(r.status, r.stderr).toBe(0);
    expect(r.calls).toBe("killall -HUP rpcd\n");
    expect(r.uciDefaultsLeft).toBe(true);
    expect(r.tmp).toEqual([]);
  });

  it("postinst-pkg (luci.mk's) runs the uci-defaults once, clears caches and HUPs rpcd", () => {
    const uciDefaults = ["80-splitwan"];
    const r = live(meta.postinst ?? luciDefaultPostinst(uciDefaults));
    expect(r.status, r.stderr).toBe(0);
    expect(r.uciDefaultsLeft).toBe(false);
    expect(r.calls).toBe("uci -q get splitwan.main\nuci -q get splitwan.main.enabled\nkillall -HUP rpcd\nkillall -HUP rpcd\n");
    expect(r.tmp).toEqual([]);
  });
});

// /etc/hotplug.d/iface/95-splitwan-ddns as hotplug-call runs it: sourced in a subshell
// with netifd's environment, once per interface event. It must decide in shell, with
// `uci -q get` (the stub reads SPLITWAN_ROOT's /etc/config, as the real `uci -c` does),
// and start Lua (here a recorder named splitwan) only for an interface DDNS cares about.
describe.each(["dash", "busybox sh"])("/etc/hotplug.d/iface/95-splitwan-ddns under %s", (shell) => {
  const HOTPLUG = join(FILES, "etc/hotplug.d/iface/95-splitwan-ddns");
  const FIREWALL = [
    "config defaults", "\toption input 'REJECT'", "",
    "config zone", "\toption name 'lan'", "\tlist network 'lan'", "\tlist network 'iot'", "",
    "config zone", "\toption name 'wan'", "\tlist network 'wan'", "\tlist network 'wan6'", "",
    "config zone 'dmzzone'", "\toption name 'dmz'", "\toption network 'dmz dmz2'", "",
  ].join("\n");

  function bed(splitwan: string) {
    const s = scratch();
    const root = join(s.dir, "root");
    mkdirSync(join(root, "etc/config"), { recursive: true });
    writeFileSync(join(root, "etc/config/splitwan"), splitwan);
    writeFileSync(join(root, "etc/config/firewall"), FIREWALL);
    const [cmd, ...pre] = shell.split(" ");
    const run = (vars: Record<string, string>) => {
      const t0 = performance.now();
      const r = spawnSync(cmd, [...pre, "-c", '( . "$0" ); echo "rc=$?"', HOTPLUG], {
        encoding: "utf8",
        env: { PATH: `${s.bin}:/usr/bin:/bin`, CALLS: s.calls, SPLITWAN_ROOT: root, ...vars },
      });
      expect(r.stderr).toBe("");
      expect(r.stdout).toBe("rc=0\n");
      return performance.now() - t0;
    };
    const starts = () => readCalls(s.calls).split("\n").filter((l) => l.startsWith("splitwan ")).length;
    const uciCalls = () => readCalls(s.calls).split("\n").filter((l) => l.startsWith("uci ")).length;
    /** Waits for the detached recorder to have written n starts (it runs after the script returned). */
    const waitStarts = async (n: number) => {
      const deadline = Date.now() + 3000;
      while (starts() < n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      // and a little longer: a start that should not have happened shows up too
      await new Promise((r) => setTimeout(r, 150));
      return starts();
    };
    return { s, run, starts, uciCalls, waitStarts, done: () => rmSync(s.dir, { recursive: true, force: true }) };
  }

  const V4 = "config splitwan 'main'\n\toption interface 'ppp1'\n\nconfig ddns 'v4'\n\toption provider 'value-domain'\n\n";
  const V6_ROUTER = "config ddns 'v6'\n\toption provider 'mydns'\n\toption ip_version '6'\n\n";
  const V6_SERVER = "config server 'web'\n\toption zone 'dmz'\n\toption ip6_suffix '::5'\n\nconfig ddns 'www6'\n\toption provider 'cloudflare'\n\toption ip_version '6'\n\toption ip6_interface 'wan6x'\n\toption server 'web'\n\n";

  it("starts the updater for ifup and address ifupdate of the PPPoE interface only", async () => {
    const b = bed(V4);
    const unrelated: Array<Record<string, string>> = [
      { ACTION: "ifup", INTERFACE: "lan", DEVICE: "br-lan" },
      { ACTION: "ifup", INTERFACE: "wan6", DEVICE: "eth1" },
      { ACTION: "ifupdate", INTERFACE: "wan6", IFUPDATE_PREFIXES: "1" },
      { ACTION: "ifdown", INTERFACE: "ppp1" },
      { ACTION: "ifup-failed", INTERFACE: "ppp1" },
      { ACTION: "ifupdate", INTERFACE: "ppp1", IFUPDATE_ROUTES: "1" },
      { ACTION: "ifup", INTERFACE: "wanppp" }, // the default name, but the config says ppp1
      { ACTION: "ifup", INTERFACE: "" },
    ];
    for (const vars of unrelated) b.run(vars);
    const uciForUnrelated = b.uciCalls();
    b.run({ ACTION: "ifup", INTERFACE: "ppp1", DEVICE: "pppoe-ppp1" });
    expect(await b.waitStarts(1)).toBe(1);
    b.run({ ACTION: "ifupdate", INTERFACE: "ppp1", IFUPDATE_ADDRESSES: "1" });
    expect(await b.waitStarts(2)).toBe(2);
    expect(readCalls(b.s.calls)).toContain("splitwan ddns hotplug\n");
    console.log(`${shell}: ${uciForUnrelated} uci calls for ${unrelated.length} unrelated events, no Lua start`);
    b.done();
  });

  it("without any enabled ddns section starts nothing, even for the PPPoE interface", async () => {
    const b = bed("config splitwan 'main'\n\nconfig ddns 'off'\n\toption enabled '0'\n\toption provider 'mydns'\n\n");
    b.run({ ACTION: "ifup", INTERFACE: "wanppp", DEVICE: "pppoe-wanppp" });
    b.run({ ACTION: "ifupdate", INTERFACE: "wanppp", IFUPDATE_ADDRESSES: "1" });
    // the positive control: with the section enabled the same event starts it
    writeFileSync(join(b.s.dir, "root/etc/config/splitwan"), "config splitwan 'main'\n\nconfig ddns 'on'\n\toption provider 'mydns'\n\n");
    b.run({ ACTION: "ifup", INTERFACE: "wanppp", DEVICE: "pppoe-wanppp" });
    expect(await b.waitStarts(1)).toBe(1);
    b.done();
  });

  it("IPv6 of the router: ip6_interface (wan6 by default) and its prefix changes", async () => {
    const b = bed(V6_ROUTER);
    b.run({ ACTION: "ifup", INTERFACE: "wanppp" });
    b.run({ ACTION: "ifupdate", INTERFACE: "lan", IFUPDATE_PREFIXES: "1" });
    b.run({ ACTION: "ifupdate", INTERFACE: "wan6", IFUPDATE_ROUTES: "1" });
    b.run({ ACTION: "ifupdate", INTERFACE: "wan6", IFUPDATE_PREFIXES: "1" });
    expect(await b.waitStarts(1)).toBe(1);
    b.done();
  });

  it("a server's IPv6: the uplink's prefix change and the server zone's networks, nothing else", async () => {
    const b = bed(V4 + V6_SERVER);
    for (const vars of [
      { ACTION: "ifup", INTERFACE: "lan" }, // another zone's network
      { ACTION: "ifupdate", INTERFACE: "wan6", IFUPDATE_PREFIXES: "1" }, // not this section's uplink
      { ACTION: "ifup", INTERFACE: "wan" },
    ]) b.run(vars);
    expect(await b.waitStarts(0)).toBe(0);
    b.run({ ACTION: "ifupdate", INTERFACE: "wan6x", IFUPDATE_PREFIXES: "1" });
    expect(await b.waitStarts(1)).toBe(1);
    b.run({ ACTION: "ifup", INTERFACE: "dmz2", DEVICE: "br-dmz2" });
    expect(await b.waitStarts(2)).toBe(2);
    b.run({ ACTION: "ifup", INTERFACE: "ppp1" }); // the IPv4 section still counts
    expect(await b.waitStarts(3)).toBe(3);
    b.done();
  });

  it("returns at once while the updater it started is still running", async () => {
    const b = bed(V4);
    // an updater that takes 3 s (as an HTTPS request may), then records
    writeFileSync(join(b.s.bin, "splitwan"), '#!/bin/sh\nsleep 3\necho "splitwan $*" >> "$CALLS"\n');
    const ms = b.run({ ACTION: "ifup", INTERFACE: "ppp1", DEVICE: "pppoe-ppp1" });
    expect(ms).toBeLessThan(1000);
    expect(b.starts()).toBe(0);
    expect(await b.waitStarts(1)).toBe(1);
    b.done();
  });
});
