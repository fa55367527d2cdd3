// A router tree for the DDNS end-to-end tests: SPLITWAN_ROOT with /etc/config/splitwan and
// the test CA as ca-bundle's file, ubus answers through the stand-in binding, the fake
// clock (SPLITWAN_TEST_CLOCK), and test/ddns/bin first on PATH (splitwan, the uclient-fetch
// stand-in, the curl plumbing). Runs the built CLI and the real hotplug script.
import { spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TOP, luaPath } from "../helpers/lua";
import { treeSocket, writeUbusAnswers } from "../helpers/ubus-answers";

export const HOTPLUG = join(TOP, "files/etc/hotplug.d/iface/95-splitwan-ddns");
export const START = 1_700_000_000;

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

export class DdnsBed {
  readonly dir = mkdtempSync(join(tmpdir(), "splitwan-ddns-"));
  readonly root = join(this.dir, "root");
  /** The tree's ubus socket: the stand-in binding's recorded answers. */
  readonly ubusDir = treeSocket(this.root);
  readonly clockFile = join(this.dir, "clock");
  readonly ddnsDir = join(this.root, "var/run/splitwan/ddns");

  constructor(ca: string, private port: number) {
    mkdirSync(join(this.root, "etc/config"), { recursive: true });
    mkdirSync(join(this.root, "etc/ssl/certs"), { recursive: true });
    mkdirSync(this.ubusDir, { recursive: true });
    copyFileSync(ca, join(this.root, "etc/ssl/certs/ca-certificates.crt"));
    this.setClock(START);
  }

  env(extra: Record<string, string> = {}): Record<string, string> {
    return {
      PATH: `${join(TOP, "test/ddns/bin")}:/usr/sbin:/usr/bin:/sbin:/bin`,
      SPLITWAN_ROOT: this.root,
      LUA_PATH: luaPath(),
      SPLITWAN_TEST_CLOCK: this.clockFile,
      FAKE_PROVIDER_PORT: `${this.port}`,
      ...extra,
    };
  }

  config(text: string): void {
    writeFileSync(join(this.root, "etc/config/splitwan"), text);
  }

  trustCa(pem: string): void {
    copyFileSync(pem, join(this.root, "etc/ssl/certs/ca-certificates.crt"));
  }

  /** netifd's answer to `ubus call network.interface.<name> status`. */
  iface(name: string, ipv4: string | undefined): void {
    const status = ipv4 === undefined
      ? { up: false, pending: false, available: true, interface: name, "ipv4-address": [] }
      : { up: true, pending: false, available: true, interface: name, l3_device: `pppoe-${name}`, proto: "pppoe", "ipv4-address": [{ address: ipv4, mask: 32, ptpaddress: "10.0.0.1" }] };
    writeUbusAnswers(this.ubusDir, { [`network.interface.${name}.status`]: status });
  }

  setClock(t: number): void {
    writeFileSync(this.clockFile, `${t}\n`);
  }

  clock(): number {
    return Number(readFileSync(this.clockFile, "utf8"));
  }

  private spawn(cmd: string, args: string[], env: Record<string, string>): Promise<Run> {
    const t0 = performance.now();
    return new Promise((resolve, reject) => {
      const c = spawn(cmd, args, { env, stdio: ["ignore", "pipe", "pipe"] });
      let stdout = "";
      let stderr = "";
      c.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
      c.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
      c.on("error", reject);
      c.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr, ms: performance.now() - t0 }));
    });
  }

  /** `splitwan <args>` as a person at the router would run it. */
  cli(args: string[]): Promise<Run> {
    return this.spawn(join(TOP, "test/ddns/bin/splitwan"), args, this.env());
  }

  /** The hotplug script the way hotplug-call runs it: sourced by sh in a subshell with
   * netifd's environment. Resolves when the script returns (not when the updater ends). */
  hotplug(vars: Record<string, string>): Promise<Run> {
    return this.spawn("/bin/sh", ["-c", '( . "$0" )', HOTPLUG], this.env(vars));
  }

  /** Waits until no updater holds the lock (all detached runs finished). */
  async idle(ms = 20000): Promise<void> {
    const deadline = Date.now() + ms;
    const lock = join(this.ddnsDir, "lock");
    // a detached run may not have taken the lock yet: require it free twice in a row
    let free = 0;
    while (free < 3) {
      if (Date.now() > deadline) throw new Error("ddns updater still running");
      free = existsSync(lock) ? 0 : free + 1;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  state(section: string): Record<string, unknown> | undefined {
    const f = join(this.ddnsDir, `${section}.json`);
    return existsSync(f) ? (JSON.parse(readFileSync(f, "utf8")) as Record<string, unknown>) : undefined;
  }

  log(): string {
    const f = join(this.root, "tmp/splitwan.log");
    return existsSync(f) ? readFileSync(f, "utf8") : "";
  }

  ddnsFiles(): string[] {
    return existsSync(this.ddnsDir) ? readdirSync(this.ddnsDir) : [];
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export function vdConfig(sections: Array<{ name: string; host: string; password: string }>, extra = ""): string {
  const out = ["config splitwan 'main'", "\toption interface 'wanppp'", ""];
  for (const s of sections) {
    out.push(`config ddns '${s.name}'`, "\toption provider 'value-domain'", "\toption domain 'example.jp'", `\toption host '${s.host}'`, `\toption password '${s.password}'`, extra, "");
  }
  return out.join("\n");
}
