// Ownership proven by the record (type and options splitwan wrote), not by a name: what a
// user changed, swapped in or edited into the record is never taken or deleted.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { applyConfig } from "../../src/core/apply";
import { SplitwanError } from "../../src/core/errors";
import { formatOwned, readRecord } from "../../src/core/owned";
import { run } from "../../src/cli/commands";
import { UciFileCursor } from "../standin/uci-file";
import { nodeFiles, routerTree, testPlatform } from "../helpers/node-platform";

const read = (root: string, path: string) => readFileSync(join(root, path), "latin1");
const TRACKED = ["etc/config/network", "etc/config/firewall", "etc/iproute2/rt_tables"];
const snapshot = (root: string) => Object.fromEntries(TRACKED.map((f) => [f, read(root, f)]));
const cursor = (root: string) => new UciFileCursor(nodeFiles(), join(root, "etc/config"));
const OWNED = "etc/splitwan/owned";

function expectCode(fn: () => unknown, code: number): SplitwanError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(SplitwanError);
    expect((e as SplitwanError).code).toBe(code);
    return e as SplitwanError;
  }
  throw new Error("expected an error");
}

/** The record as splitwan 0.1.0 wrote it: names and types only. */
function asOldRecord(text: string): string {
  const lines = ["# splitwan: sections and files it created; it changes and removes only these"];
  for (const l of text.split("\n")) {
    const f = l.split(" ");
    if (f[0] === "section") lines.push(`${f[1]} ${f[2]} ${f[3]}`);
    if (f[0] === "rt_tables") lines.push(l);
    if (f[0] === "file") lines.push(`file ${f[1]}`);
  }
  return lines.join("\n") + "\n";
}

describe("options splitwan does not manage", () => {
  it("keeps a user's keepalive on wanppp across applies and config changes", () => {
    const root = routerTree("dsa-mape");
    applyConfig(testPlatform(root), false);
    const c = cursor(root);
    c.set("network", "wanppp", "keepalive", "5 5");
    c.commit("network");
    expect(applyConfig(testPlatform(root), false).changes).toEqual([]);
    const p = testPlatform(root);
    p.cursor().set("splitwan", "main", "mtu", "1440");
    p.cursor().commit("splitwan");
    const out = applyConfig(testPlatform(root), false);
    expect(out.changes.map((x) => x.kind)).toContain("set-option");
    expect(cursor(root).get("network", "wanppp", "keepalive")).toBe("5 5");
    expect(cursor(root).get("network", "wanppp", "mtu")).toBe("1440");
  });
});

describe("sections that are no longer splitwan's", () => {
  it("a user's own wanppp swapped in after an apply: apply refuses, remove leaves it and says so", () => {
    const root = routerTree("dsa-mape");
    const before = snapshot(root);
    applyConfig(testPlatform(root), false);
    const c = cursor(root);
    c.delete("network", "wanppp");
    c.set("network", "wanppp", "interface");
    c.set("network", "wanppp", "proto", "static");
    c.set("network", "wanppp", "ipaddr", "10.9.9.1/24");
    c.commit("network");
    const swapped = read(root, "etc/config/network");

    const e = expectCode(() => applyConfig(testPlatform(root), false), 2);
    expect(e.message).toContain("network.wanppp (interface) was changed since splitwan wrote it (option proto is 'static', splitwan wrote 'pppoe')");
    expect(e.message).toContain("delete the section and splitwan writes it anew");
    expect(read(root, "etc/config/network")).toBe(swapped);

    const p = testPlatform(root);
    expect(run(p, ["remove"])).toBe(0);
    expect(p.out.join("")).toContain("! network.wanppp (interface) was changed since splitwan wrote it");
    expect(p.out.join("")).toContain("left in place, no longer splitwan's");
    expect(cursor(root).get_all("network", "wanppp")).toMatchObject({ proto: "static", ipaddr: "10.9.9.1/24" });
    // everything else of splitwan's is gone, and so is the record
    expect(read(root, "etc/config/firewall")).toBe(before["etc/config/firewall"]);
    expect(read(root, "etc/iproute2/rt_tables")).toBe(before["etc/iproute2/rt_tables"]);
    expect(read(root, "etc/config/network")).not.toContain("splitwan_");
    expect(nodeFiles().read(join(root, OWNED))).toBeUndefined();
  });

  it("an owned section whose type changed is neither overwritten nor deleted", () => {
    const root = routerTree("dsa-mape");
    applyConfig(testPlatform(root), false);
    const c = cursor(root);
    c.delete("firewall", "splitwan_web_tcp_80");
    c.set("firewall", "splitwan_web_tcp_80", "rule");
    c.set("firewall", "splitwan_web_tcp_80", "name", "user's own rule");
    c.commit("firewall");
    const firewall = read(root, "etc/config/firewall");
    const e = expectCode(() => applyConfig(testPlatform(root), false), 2);
    expect(e.message).toContain("firewall.splitwan_web_tcp_80 (rule) was changed since splitwan wrote it (its type is now 'rule', splitwan wrote 'redirect')");
    expect(read(root, "etc/config/firewall")).toBe(firewall);
    applyConfig(testPlatform(root), true);
    expect(cursor(root).get_all("firewall", "splitwan_web_tcp_80")).toMatchObject({ ".type": "rule", name: "user's own rule" });
  });

  it("an owned option changed by hand is a conflict until it is set back", () => {
    const root = routerTree("dsa-mape");
    applyConfig(testPlatform(root), false);
    const c = cursor(root);
    c.set("network", "splitwan_web_pppoe", "priority", "100");
    c.commit("network");
    const e = expectCode(() => applyConfig(testPlatform(root), false), 2);
    expect(e.message).toContain("network.splitwan_web_pppoe (rule) was changed since splitwan wrote it (option priority is '100', splitwan wrote '30011')");
    c.set("network", "splitwan_web_pppoe", "priority", "30011");
    c.commit("network");
    expect(applyConfig(testPlatform(root), false).changes).toEqual([]);
  });

  it("a changed drop-in file is left in place by remove", () => {
    const root = routerTree("dsa-mape");
    applyConfig(testPlatform(root), false);
    const path = join(root, "usr/share/nftables.d/chain-pre/mangle_output/10-splitwan.nft");
    writeFileSync(path, "# mine now\n");
    const out = applyConfig(testPlatform(root), true);
    expect(out.left.join("\n")).toContain("/usr/share/nftables.d/chain-pre/mangle_output/10-splitwan.nft was changed since splitwan wrote it");
    expect(readFileSync(path, "latin1")).toBe("# mine now\n");
    expect(nodeFiles().read(join(root, "usr/share/nftables.d/chain-pre/mangle_forward/10-splitwan.nft"))).toBeUndefined();
  });
});

describe("a record that cannot be trusted is refused whole", () => {
  it("an edited 0.1.0-style record naming lan, guest, the lan zone and /etc/config/dhcp deletes nothing", () => {
    const root = routerTree("dsa-mape");
    const dhcp = "config dnsmasq\n\toption domainneeded '1'\n";
    writeFileSync(join(root, "etc/config/dhcp"), dhcp);
    applyConfig(testPlatform(root), false);
    const applied = snapshot(root);
    const text = read(root, OWNED);
    writeFileSync(join(root, OWNED), asOldRecord(text) + "network lan interface\nnetwork guest interface\nfirewall lan zone\nfile /etc/config/dhcp\n");
    const e = expectCode(() => applyConfig(testPlatform(root), true), 2);
    expect(e.message).toContain('/etc/splitwan/owned is damaged or names what splitwan never creates, line');
    expect(e.message).toContain("'network lan interface'");
    expect(snapshot(root)).toEqual(applied);
    expect(read(root, "etc/config/dhcp")).toBe(dhcp);
  });

  it("each kind of bad record is refused with the line and the reason", () => {
    const ok = readRecord(formatOwned({ sections: [{ config: "network", name: "wanppp", type: "interface", options: [["proto", "pppoe"]] }], rtTables: [{ number: 300, name: "pppoe" }], files: [] }), () => "wanppp");
    expect(typeof ok).toBe("object");
    const bad = (text: string) => readRecord(text, () => "wanppp");
    expect(bad("version 2\nsection network wanppp interface\noption proto \"pppoe\"\n")).toBe("the record is cut short (no end line)");
    expect(bad("version 2\nsection network lan interface\noption proto \"static\"\nend\n")).toContain("not a section splitwan creates");
    expect(bad("version 2\nsection firewall lan zone\nend\n")).toContain("not a section splitwan creates");
    expect(bad("version 2\nsection firewall splitwan_zone zone\noption name wan\nend\n")).toContain("not a quoted value");
    expect(bad("version 2\nfile /etc/config/dhcp 0123456789abcdef\nend\n")).toContain("not a file splitwan writes");
    expect(bad("version 2\nfile /usr/share/nftables.d/chain-pre/../../x/10-splitwan.nft 0123456789abcdef\nend\n")).toContain("not a file splitwan writes");
    expect(bad("version 2\nrt_tables main 300\nend\n")).toContain("not a routing table number");
    expect(bad("network wanppp interface\ngarbage\n")).toBe("line 2 ('garbage'): not part of an ownership record");
    expect(bad("network lan interface\n")).toContain("not a section splitwan creates");
    expect(bad("network wanppp interface\n")).toMatchObject({ sections: [{ name: "wanppp", options: undefined }] });
  });

  it("a record naming an interface with proto pppoe that is really the LAN leaves the LAN alone", () => {
    const root = routerTree("dsa-mape");
    const before = snapshot(root);
    applyConfig(testPlatform(root), false);
    const text = read(root, OWNED).replace("end\n", 'section network lan interface\noption proto "pppoe"\nend\n');
    writeFileSync(join(root, OWNED), text);
    const out = applyConfig(testPlatform(root), true);
    expect(out.left.join("\n")).toContain("network.lan (interface) was changed since splitwan wrote it (option proto is 'static', splitwan wrote 'pppoe')");
    expect(snapshot(root)).toEqual(before);
  });
});

describe("upgrade from a 0.1.0 record", () => {
  it("trusts it by reserved name and type, rewrites it with options, and remove restores", () => {
    const root = routerTree("dsa-mape");
    const before = snapshot(root);
    applyConfig(testPlatform(root), false);
    const applied = snapshot(root);
    const v2 = read(root, OWNED);
    writeFileSync(join(root, OWNED), asOldRecord(v2));
    const out = applyConfig(testPlatform(root), false);
    expect(out.changes).toEqual([]);
    expect(snapshot(root)).toEqual(applied);
    expect(read(root, OWNED)).toBe(v2);
    writeFileSync(join(root, OWNED), asOldRecord(v2));
    applyConfig(testPlatform(root), true);
    expect(snapshot(root)).toEqual(before);
    expect(nodeFiles().read(join(root, OWNED))).toBeUndefined();
  });
});
