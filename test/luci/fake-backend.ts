// The router side of the browser test. Stands in for rpcd + ubus, and records every call:
//  - `uci` get/set/add/delete stage changes in memory, as rpcd's session does; apply writes
//    them to the router tree and runs the real `splitwan apply` code (applyConfig, dry run);
//  - `luci.splitwan` methods run the real plugin code (src/cli/rpcd.ts callMethod) on the
//    Node test platform over a fixture router tree (test/fixtures/routers/dsa-mape);
//  - what netifd, ip and nft would answer (PPPoE up / down / failed) comes from the
//    scenario below: that part is canned.
import { UBUS_NOT_FOUND, ubusFailed } from "../../src/core/ubus";
import { join } from "node:path";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { callMethod } from "../../src/cli/rpcd";
import { applyConfig } from "../../src/core/apply";
import { encodeState, statePath } from "../../src/core/ddns/state";
import { said } from "../../src/core/messages";
import { OWNED_PATH } from "../../src/core/owned";
import type { ExecResult } from "../../src/core/platform";
import { sectionsOf, type UciValue } from "../../src/core/uci";
import { UciFileCursor } from "../standin/uci-file";
import { TOP } from "../helpers/lua";
import { nodeFiles, routerTree, testPlatform, type TestPlatform } from "../helpers/node-platform";

export type Scenario = "up" | "down" | "error";

/** What uhttpd-mod-ubus sends back: a ubus result [status, data?], or a JSON-RPC error. */
export type RpcOutcome = [number, unknown?] | { error: { code: number; message: string } };

/** How a call can fail between the page and the plugin (see src/luci/failure.ts). */
export const FAILURES: Record<string, RpcOutcome> = {
  // no luci.splitwan object on ubus: plugin not installed, or rpcd not restarted
  missing: { error: { code: -32000, message: "Object not found" } },
  // the session's ACL does not grant the method
  denied: { error: { code: -32002, message: "Access denied" } },
  // rpcd killed a plugin that ran past its timeout
  timeout: [7],
  // the plugin printed no JSON object (it died): rpcd answers INVALID_ARGUMENT
  crashed: [2],
};

/** A recorded answer of the Lua plugin (test/luci/recorded/<name>.json). */
export function recordedAnswer(name: string): unknown {
  return (JSON.parse(readFileSync(join(TOP, "test/luci/recorded", `${name}.json`), "utf8")) as { answer: unknown }).answer;
}

export interface Call {
  object: string;
  method: string;
  args: Record<string, unknown>;
}

interface Section {
  name: string;
  type: string;
  options: Record<string, UciValue>;
}

export const NOW = 1_700_000_000; // the test platform's clock
export const PPPOE_IP = "203.0.113.7";

export const INITIAL_CONFIG = `
config splitwan 'main'
	option enabled '1'
	option username 'user@example.jp'
	option password 'secret'
	option mtu '1454'

config server 'web'
	option enabled '1'
	option ipaddr '192.168.1.5'
	option mode 'source'
	list port '80,443/tcp'

config ddns 'home'
	option enabled '1'
	option provider 'value-domain'
	option domain 'example.jp'
	option host 'www'
	option password 'ddns-secret'
`;

const LEASES = `1700003600 aa:bb:cc:00:00:05 192.168.1.5 nas-web 01:aa:bb:cc:00:00:05
1700003600 aa:bb:cc:00:00:14 192.168.1.20 game-box *
1700003600 aa:bb:cc:00:00:0a 192.168.1.10 * *
`;

export class FakeBackend {
  readonly root = routerTree("dsa-mape");
  calls: Call[] = [];
  scenario: Scenario = "up";
  private staged: Section[] | undefined;
  /** ubus calls the plugin made (reconnect: down, up). */
  ubusCalls: string[] = [];
  /** luci.splitwan methods answered with what the Lua plugin answered when recorded,
   * instead of running the plugin code here. */
  recorded: Record<string, unknown> = {};
  /** The status the recording answered after `apply` (set when apply is called). */
  statusAfterApply: unknown;
  /** Methods that fail on the way (FAILURES). */
  failing: Record<string, RpcOutcome> = {};

  constructor() {
    writeFileSync(join(this.root, "etc/config/splitwan"), INITIAL_CONFIG);
    mkdirSync(join(this.root, "tmp"), { recursive: true });
    writeFileSync(join(this.root, "tmp/dhcp.leases"), LEASES);
    this.commit(); // the router as the user left it: applied
    this.ddnsUpdated();
  }

  /** The DDNS updater's record of a success 5 minutes ago (as the updater writes it). */
  ddnsUpdated(): void {
    const m = said("ddns.updated");
    this.platform().writeFile(statePath("home"), encodeState({ target: "x", failures: 0, lastAttempt: NOW - 300, lastSuccess: NOW - 300, ipSent: PPPOE_IP, successIp: PPPOE_IP, result: "ok", code: "status=0", message: m.text, messageCode: m.code, messageArgs: m.args, answer: "status=0" }));
  }

  /** What the DDNS updater last recorded for section home: a failure with its values. */
  setDdnsMessage(code: string, args: string[]): void {
    const m = said(code, args);
    this.platform().writeFile(statePath("home"), encodeState({ target: "x", failures: 1, lastAttempt: NOW - 60, ipSent: PPPOE_IP, result: "transient", message: m.text, messageCode: m.code, messageArgs: m.args }));
  }

  /** A DHCP client's own host name, as dnsmasq records it. */
  addLease(ip: string, hostname: string): void {
    const path = join(this.root, "tmp/dhcp.leases");
    writeFileSync(path, `${readFileSync(path, "utf8")}1700003600 aa:bb:cc:00:00:99 ${ip} ${hostname} *\n`);
  }

  private applied(): boolean {
    return existsSync(join(this.root, OWNED_PATH));
  }

  /** Redirects splitwan wrote: what fw4 would have loaded. */
  private redirects(): number {
    const c = new UciFileCursor(nodeFiles(), join(this.root, "etc/config"));
    return sectionsOf(c, "firewall", "redirect").filter((s) => s[".name"].startsWith("splitwan_")).length;
  }

  private exec(argv: string[]): ExecResult {
    const cmd = argv.join(" ");
    const up = this.scenario === "up" && this.applied();
    if (cmd === "ip -4 route show table 300") return { code: 0, stdout: up ? "default via 10.0.0.1 dev pppoe-wanppp proto static\n" : "" };
    if (cmd === "ip -4 rule show") {
      return { code: 0, stdout: this.applied() ? "0:\tfrom all lookup local\n30010:\tfrom 192.168.1.5 lookup main suppress_prefixlength 0\n30011:\tfrom 192.168.1.5 lookup 300\n32766:\tfrom all lookup main\n" : "0:\tfrom all lookup local\n32766:\tfrom all lookup main\n" };
    }
    if (cmd === "nft list chain inet fw4 dstnat_wan_pppoe") {
      if (!this.applied()) return { code: 1, stdout: "" };
      const lines = Array.from({ length: this.redirects() }, (_v, i) => `\t\tmeta nfproto ipv4 tcp dport ${8000 + i} counter dnat ip to 192.168.1.5:${8000 + i} comment "!fw4: splitwan"`);
      return { code: 0, stdout: `table inet fw4 {\n\tchain dstnat_wan_pppoe {\n${lines.join("\n")}\n\t}\n}\n` };
    }
    if (cmd === "nft list chain inet fw4 input_wan_pppoe") return { code: this.applied() ? 0 : 1, stdout: "" };
    return { code: 1, stdout: "" };
  }

  private pppoeStatus(): Record<string, unknown> | undefined {
    if (!this.applied()) return undefined;
    if (this.scenario === "up") {
      return { up: true, pending: false, uptime: 3725, l3_device: "pppoe-wanppp", device: "wan", "ipv4-address": [{ address: PPPOE_IP, mask: 32 }] };
    }
    if (this.scenario === "error") return { up: false, pending: false, device: "wan", errors: [{ subsystem: "pppoe", code: "AUTH_FAILED" }] };
    return { up: false, pending: true, device: "wan" };
  }

  /** A fresh platform per call: the UCI cursor must see what the last call wrote. */
  platform(): TestPlatform {
    const p = testPlatform(this.root, { exec: (argv) => this.exec(argv) });
    p.ubusCall = (object, method) => {
      this.ubusCalls.push(`${object} ${method}`);
      const ok = (data: Record<string, unknown>) => ({ ok: true as const, data });
      const st = this.pppoeStatus();
      // libubus: an interface netifd does not know is no object at all (4)
      if (object === "network.interface.wanppp") return st === undefined ? ubusFailed(UBUS_NOT_FOUND, true) : ok(method === "status" ? st : {});
      if (object === "network.device" && method === "status") return ok({ lo: {}, "br-lan": {}, lan1: {}, lan2: {}, wan: {}, "pppoe-wanppp": {} });
      return ubusFailed(UBUS_NOT_FOUND, true);
    };
    return p;
  }

  private stagedSections(): Section[] {
    if (this.staged === undefined) {
      const c = new UciFileCursor(nodeFiles(), join(this.root, "etc/config"));
      this.staged = sectionsOf(c, "splitwan").map((s) => {
        const options: Record<string, UciValue> = {};
        for (const k of Object.keys(s)) if (!k.startsWith(".")) options[k] = s[k] as UciValue;
        return { name: s[".name"], type: s[".type"], options };
      });
    }
    return this.staged;
  }

  /** Writes the staged splitwan config and runs the real apply (SPLITWAN_ROOT-style dry run). */
  private commit(): void {
    const sections = this.stagedSections();
    const c = new UciFileCursor(nodeFiles(), join(this.root, "etc/config"));
    for (const s of sectionsOf(c, "splitwan")) c.delete("splitwan", s[".name"]);
    for (const s of sections) {
      c.set("splitwan", s.name, s.type);
      for (const k of Object.keys(s.options)) c.set("splitwan", s.name, k, s.options[k]);
    }
    c.commit("splitwan");
    this.staged = undefined;
    applyConfig(this.platform(), false);
  }

  private uci(method: string, args: Record<string, unknown>): [number, unknown?] {
    // UBUS_STATUS_PERMISSION_DENIED: the ACL grants the splitwan config only
    if (method !== "apply" && method !== "confirm" && args.config !== "splitwan") return [6];
    const sections = this.stagedSections();
    const find = (name: unknown) => sections.find((s) => s.name === name);
    switch (method) {
      case "get": {
        const values: Record<string, unknown> = {};
        sections.forEach((s, i) => (values[s.name] = { ".name": s.name, ".type": s.type, ".anonymous": false, ".index": i, ...s.options }));
        return [0, { values }];
      }
      case "add": {
        if (find(args.name) !== undefined) return [2];
        sections.push({ name: String(args.name), type: String(args.type), options: { ...(args.values as Record<string, UciValue>) } });
        return [0, { section: args.name }];
      }
      case "set": {
        const s = find(args.section);
        if (s === undefined) return [4];
        Object.assign(s.options, args.values as Record<string, UciValue>);
        return [0];
      }
      case "delete": {
        const s = find(args.section);
        if (s === undefined) return [4];
        if (Array.isArray(args.options)) for (const o of args.options as string[]) delete s.options[o];
        else sections.splice(sections.indexOf(s), 1);
        return [0];
      }
      case "apply":
        this.commit();
        return [0];
      case "confirm":
        return [0];
      default:
        return [3];
    }
  }

  /** One ubus call: [status, data] as rpcd answers it over JSON-RPC. */
  handle(object: string, method: string, args: Record<string, unknown>): RpcOutcome {
    this.calls.push({ object, method, args });
    if (object === "uci") return this.uci(method, args);
    if (object === "luci.splitwan") {
      if (this.failing[method] !== undefined) return this.failing[method];
      if (Object.prototype.hasOwnProperty.call(this.recorded, method)) {
        const answer = this.recorded[method];
        if (method === "apply" && this.statusAfterApply !== undefined) this.recorded.status = this.statusAfterApply;
        return [0, answer];
      }
      return [0, callMethod(this.platform(), method, args)];
    }
    return [3]; // UBUS_STATUS_METHOD_NOT_FOUND
  }

  callsTo(object: string, method?: string): Call[] {
    return this.calls.filter((c) => c.object === object && (method === undefined || c.method === method));
  }
}
