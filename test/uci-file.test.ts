// UciFileCursor against libuci's behaviour (file.c, list.c, delta.c, lua/uci.c of
// openwrt/uci), in Node and, through test/lua/uci_file.ts, under lua5.1 with the router's
// file adapter: the same scripts must print the same bytes and leave the same files.
// There is no libuci on Debian: expected texts are hand-written (see
// test/fixtures/uci/README.md); the anonymous names checked below are the ones real
// OpenWrt routers show for the stock configs.
import { chmodSync, cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseUciText, UciFileCursor, type UciFiles } from "./standin/uci-file";
import { luaHarness, runLuaFile } from "./helpers/lua";
import { runUciScript } from "./lua/uci_file";

const FIX = join(import.meta.dirname, "fixtures/uci");
const fixture = (name: string) => readFileSync(join(FIX, name), "utf8");

interface NodeFiles extends UciFiles {
  writes: string[];
}

function nodeFiles(): NodeFiles {
  const writes: string[] = [];
  return {
    writes,
    read(path) {
      try {
        return readFileSync(path, "utf8");
      } catch {
        return undefined;
      }
    },
    write(path, data) {
      writes.push(path);
      writeFileSync(path, data);
    },
  };
}

/** A config directory holding the given fixtures under their config names. */
function bed(configs: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "uci-"));
  for (const [name, src] of Object.entries(configs)) cpSync(join(FIX, src), join(dir, name));
  return dir;
}

function contents(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir).sort()) out[f] = readFileSync(join(dir, f), "utf8");
  return out;
}

const STOCK = { network: "stock/network", firewall: "stock/firewall", dhcp: "stock/dhcp", quoting: "odd/quoting" };

function cursorOn(configs: Record<string, string> = STOCK) {
  const dir = bed(configs);
  const files = nodeFiles();
  return { dir, files, c: new UciFileCursor(files, dir), file: (n: string) => readFileSync(join(dir, n), "utf8") };
}

describe("parsing and export", () => {
  it("gives back files written by uci byte for byte", () => {
    const { c } = cursorOn({ network: "stock/network", firewall: "stock/firewall.canonical", dhcp: "stock/dhcp.canonical", quoting: "odd/quoting.canonical" });
    expect(c.exportText("network")).toBe(fixture("stock/network"));
    expect(c.exportText("firewall")).toBe(fixture("stock/firewall.canonical"));
    expect(c.exportText("dhcp")).toBe(fixture("stock/dhcp.canonical"));
    expect(c.exportText("quoting")).toBe(fixture("odd/quoting.canonical"));
  });

  it("writes hand-written files in libuci's canonical form (comments dropped, values re-quoted)", () => {
    const { c } = cursorOn();
    expect(c.exportText("firewall")).toBe(fixture("stock/firewall.canonical"));
    expect(c.exportText("dhcp")).toBe(fixture("stock/dhcp.canonical"));
    expect(c.exportText("quoting")).toBe(fixture("odd/quoting.canonical"));
    expect(fixture("stock/firewall")).not.toBe(fixture("stock/firewall.canonical"));
  });

  it("names anonymous sections as routers do (cfg + section counter + hash of the type)", () => {
    const { c } = cursorOn();
    const fw = parseUciText(fixture("stock/firewall"));
    expect(fw.slice(0, 4).map((s) => [s[".name"], s[".type"]])).toEqual([
      ["cfg01e63d", "defaults"],
      ["cfg02dc81", "zone"],
      ["cfg03dc81", "zone"],
      ["cfg04ad58", "forwarding"],
    ]);
    expect(c.get("dhcp", "cfg01411c")).toBe("dnsmasq");
    expect(parseUciText("config dropbear\n\toption PasswordAuth 'on'\n")[0][".name"]).toBe("cfg014dd4");
    // the counter also counts named sections: loopback, globals, then the device
    expect(c.get("network", "cfg030f15", "name")).toBe("br-lan");
    const sixth = parseUciText("config a 'x'\nconfig device\nconfig b 'y'\nconfig c 'z'\nconfig d 'w'\nconfig device\n");
    expect(sixth.map((s) => s[".name"])).toEqual(["x", "cfg020f15", "y", "z", "w", "cfg060f15"]);
    expect(c.get_all("network", "cfg030f15")?.[".anonymous"]).toBe(true);
  });

  it("returns sections in the shapes of libuci's Lua binding", () => {
    const { c } = cursorOn();
    expect(c.get_all("network", "lan")).toEqual({
      ".anonymous": false,
      ".name": "lan",
      ".type": "interface",
      device: "br-lan",
      proto: "static",
      ipaddr: "192.168.1.1",
      netmask: "255.255.255.0",
      ip6assign: "60",
    });
    // get_all has no .index (uci_push_section(L, s, -1)); foreach numbers all sections
    expect(c.get_all("network", "lan")).not.toHaveProperty(".index");
    const zones: Array<[string, number, unknown]> = [];
    expect(c.foreach("firewall", "zone", (s) => void zones.push([s[".name"], s[".index"], s.network]))).toBe(true);
    expect(zones).toEqual([
      ["cfg02dc81", 1, ["lan"]],
      ["cfg03dc81", 2, ["wan", "wan6"]],
    ]);
    expect(c.get("network", "lan")).toBe("interface");
    expect(c.get("network", "cfg030f15", "ports")).toEqual(["lan1", "lan2", "lan3", "lan4"]);
    expect(c.get("network", "lan", "nope")).toBeUndefined();
    expect(c.get("network", "nope")).toBeUndefined();
    expect(c.get("nope", "lan")).toBeUndefined();
    expect(c.foreach("firewall", "nope", () => {})).toBe(false);
    let calls = 0;
    c.foreach("firewall", undefined, () => {
      calls++;
      return calls < 3 ? undefined : false;
    });
    expect(calls).toBe(3);
  });

  it("reads quoting, escapes and continuations as libuci's parser does", () => {
    const { c } = cursorOn();
    const q = (o: string) => c.get("quoting", "plain", o);
    expect(q("unquoted")).toBe("value");
    expect(q("single")).toBe("with space");
    expect(q("double")).toBe('with "escaped" quote and \\ backslash');
    expect(q("joined")).toBe("a'b");
    expect(q("mixed")).toBe("ab cd ef");
    expect(q("hash")).toBe("not # a comment");
    expect(q("nospace")).toBe("x");
    expect(q("escaped_n")).toBe("anb"); // libuci does not decode escapes: \n is n
    expect(q("empty")).toBeUndefined(); // option x '' in a file sets nothing
    expect(q("tab")).toBe("\ttab");
    expect(q("items")).toEqual(["one", "two words", "three"]);
    expect(q("multi")).toBe("line one\nline two");
    expect(q("cont")).toBe("joined");
    expect(q("uncont")).toBe("abcdef");
    expect(q("utf8")).toBe("ルーター é");
    expect(q("crlf")).toBe("v");
    expect(q("added")).toBe("later"); // a second `config test 'plain'` adds to the first
    const short = sectionOfType(c, "quoting", "config-short"); // `c`, `o`, `l` are the short commands
    expect(short).toMatch(/^cfg02[0-9a-f]{4}$/);
    expect(c.get_all("quoting", short)).toMatchObject({ short_option: "1", short_list: ["x"] });
    expect(c.get_all("quoting", "plain2")).toEqual({
      ".anonymous": false,
      ".name": "plain2",
      ".type": "test",
      redefined: "second",
      tolist: ["one", "two"],
      fromlist: "y",
    });
  });

  it("rejects what libuci rejects, with its reasons", () => {
    const cases: Array<[string, string]> = [
      ["option a b\n", "option/list command found before the first section"],
      ["config foo 'bad-name'\n", "invalid character in name field"],
      ["config foo x\n\toption 'a.b' c\n", "invalid character in name field"],
      ["config foo x\n\toption a 'open\n", "EOF with unterminated '"],
      ['config foo x\n\toption a "open\n', 'EOF with unterminated "'],
      ["config foo x\n\toption a b c\n", "too many arguments"],
      ["config foo x\n\tbogus a b\n", "invalid command"],
      ["config\n", "invalid command"], // strtok splits on " \t" only: the word is "config\n"
      ["config zone x\nconfig rule x\n", "section of different type overwrites prior section with same name"],
      ["config foo x\n\toption\n", "invalid command"],
      ["config foo x\n\toption", "option without name"],
      ["config 'a b'\n", "invalid character in type field"],
    ];
    for (const [text, reason] of cases) {
      expect(() => parseUciText(text), JSON.stringify(text)).toThrow(`Parse error (${reason})`);
    }
    expect(() => parseUciText("config foo x\n\toption a b c\n")).toThrow(/at line 2/);
  });

  it("names that are also JavaScript object members parse as any other name", () => {
    const text = "config __proto__ 'constructor'\n\toption toString 'x'\nconfig hasOwnProperty '__proto__'\nconfig bad 'toString-x'\n";
    expect(() => parseUciText(text)).toThrow("Parse error (invalid character in name field) at line 4");
    const expected: Array<Record<string, unknown>> = [
      { ".anonymous": false, ".type": "__proto__", ".name": "constructor", ".index": 0, toString: "x" },
      { ".anonymous": false, ".type": "hasOwnProperty", ".name": "__proto__", ".index": 1 },
    ];
    expect(parseUciText(text.split("config bad")[0])).toEqual(expected);
  });

  it("follows libuci's ';' handling (derived from file.c, not checked against a binary)", () => {
    // directly after an unquoted value the terminator overwrites ';' and the line ends
    expect(parseUciText("config t x\n\toption a b;option c d\n")[0]).toMatchObject({ a: "b" });
    expect(parseUciText("config t x\n\toption a b;option c d\n")[0]).not.toHaveProperty("c");
    // after a quoted value (or a blank) the next command runs
    expect(parseUciText("config t x\n\toption a 'b'; option c d\n")[0]).toMatchObject({ a: "b", c: "d" });
    expect(parseUciText("config t x\n\toption a b ; option c d\n")[0]).toMatchObject({ a: "b", c: "d" });
  });
});

function sectionOfType(c: UciFileCursor, config: string, type: string): string {
  let name = "";
  c.foreach(config, type, (s) => {
    name = s[".name"];
    return false;
  });
  return name;
}

describe("changes and commit", () => {
  it("holds changes in memory and writes libuci's format on commit", () => {
    const { c, file, files } = cursorOn();
    const before = file("network");
    expect(c.set("network", "lan", "ipaddr", "192.168.2.1")).toBe(true);
    expect(c.set("network", "wanppp", "interface")).toBe(true);
    expect(c.set("network", "wanppp", "proto", "pppoe")).toBe(true);
    expect(c.set("network", "wanppp", "device", "wan")).toBe(true);
    expect(c.set("network", "wanppp", "username", "user@isp")).toBe(true);
    expect(c.set("network", "wanppp", "password", "it's secret")).toBe(true);
    expect(c.set("network", "wanppp", "dns", ["192.0.2.53", "192.0.2.54"])).toBe(true);
    expect(c.delete("network", "wan6")).toBe(true);
    expect(c.reorder("network", "wanppp", 4)).toBe(true);
    expect(c.set("network", "lan", "ip6assign", "")).toBe(true); // "" deletes
    expect(c.get("network", "lan", "ipaddr")).toBe("192.168.2.1");
    expect(file("network")).toBe(before);
    expect(files.writes).toEqual([]);
    expect(c.commit("network")).toBe(true);
    expect(file("network")).toBe(
      [
        "",
        "config interface 'loopback'",
        "\toption device 'lo'",
        "\toption proto 'static'",
        "\toption ipaddr '127.0.0.1'",
        "\toption netmask '255.0.0.0'",
        "",
        "config globals 'globals'",
        "\toption ula_prefix 'fd5e:9f1c:44b0::/48'",
        "\toption packet_steering '1'",
        "",
        "config device",
        "\toption name 'br-lan'",
        "\toption type 'bridge'",
        "\tlist ports 'lan1'",
        "\tlist ports 'lan2'",
        "\tlist ports 'lan3'",
        "\tlist ports 'lan4'",
        "",
        "config interface 'lan'",
        "\toption device 'br-lan'",
        "\toption proto 'static'",
        // a changed option keeps its place (the real libuci-lua probe, test/standin.test.ts)
        "\toption ipaddr '192.168.2.1'",
        "\toption netmask '255.255.255.0'",
        "",
        "config interface 'wanppp'",
        "\toption proto 'pppoe'",
        "\toption device 'wan'",
        "\toption username 'user@isp'",
        "\toption password 'it'\\''s secret'",
        "\tlist dns '192.0.2.53'",
        "\tlist dns '192.0.2.54'",
        "",
        "config interface 'wan'",
        "\toption device 'wan'",
        "\toption proto 'dhcp'",
        "",
        "",
      ].join("\n"),
    );
    expect(c.changed("network")).toBe(false);
    // a fresh cursor reads back what was written
    const again = new UciFileCursor(nodeFiles(), cursorDir(c));
    expect(again.get("network", "wanppp", "password")).toBe("it's secret");
    expect(again.get("network", "wanppp", "dns")).toEqual(["192.0.2.53", "192.0.2.54"]);
  });

  it("records nothing for a set to the same value, and commit then writes nothing", () => {
    const { c, file, files } = cursorOn();
    expect(c.set("firewall", "cfg01e63d", "input", "REJECT")).toBe(true);
    expect(c.changed("firewall")).toBe(false);
    expect(c.commit("firewall")).toBe(true);
    expect(files.writes).toEqual([]);
    expect(file("firewall")).toBe(fixture("stock/firewall")); // still the hand-written text
  });

  it("rewrites an untouched config canonically once anything changed", () => {
    const { c, file } = cursorOn();
    c.set("firewall", "cfg01e63d", "input", "DROP");
    c.set("firewall", "cfg01e63d", "input", "REJECT");
    c.commit("firewall");
    // input keeps its place: the whole file is the canonical text
    expect(fixture("stock/firewall.canonical")).not.toBe(fixture("stock/firewall"));
    expect(file("firewall")).toBe(fixture("stock/firewall.canonical"));
  });

  it("sets lists as libuci's Lua binding does", () => {
    const { c } = cursorOn();
    c.set("network", "lan", "dns", ["192.0.2.1"]);
    expect(c.get("network", "lan", "dns")).toEqual(["192.0.2.1"]);
    c.set("network", "lan", "proto", ["static"]); // an option becomes a one-item list
    expect(c.get("network", "lan", "proto")).toEqual(["static"]);
    c.set("network", "cfg030f15", "ports", ["lan4", "lan1"]);
    expect(c.get("network", "cfg030f15", "ports")).toEqual(["lan4", "lan1"]);
    c.set("network", "cfg030f15", "ports", "lan2"); // a list becomes an option
    expect(c.get("network", "cfg030f15", "ports")).toBe("lan2");
    expect(() => c.set("network", "lan", "dns", [])).toThrow("empty table");
    expect(c.exportText("network")).toContain("config device\n\toption name 'br-lan'\n\toption type 'bridge'\n\toption ports 'lan2'\n");
  });

  it("creates, retypes, deletes and reorders sections", () => {
    const { c } = cursorOn();
    expect(c.set("network", "nosuch", "proto", "x")).toBe(false); // option in a missing section
    expect(c.set("network", "bad-name", "interface")).toBe(false);
    expect(c.set("network", "lan", "bad.option", "x")).toBe(false);
    expect(c.set("network", "x", "bad type")).toBe(false);
    expect(c.set("network", "wan6", "alias")).toBe(true);
    expect(c.get("network", "wan6")).toBe("alias");
    expect(c.set("network", "wan6", "")).toBe(true); // "" deletes the section
    expect(c.get("network", "wan6")).toBeUndefined();
    expect(c.delete("network", "wan6")).toBe(false);
    expect(c.delete("network", "lan", "nosuch")).toBe(false);
    expect(c.delete("network", "lan", "ip6assign")).toBe(true);
    expect(c.get("network", "lan", "ip6assign")).toBeUndefined();
    const order = () => {
      const names: string[] = [];
      c.foreach("network", undefined, (s) => void names.push(s[".name"]));
      return names.join(" ");
    };
    expect(order()).toBe("loopback globals cfg030f15 lan wan");
    c.reorder("network", "wan", 0);
    expect(order()).toBe("wan loopback globals cfg030f15 lan");
    c.reorder("network", "wan", 99);
    expect(order()).toBe("loopback globals cfg030f15 lan wan");
    c.reorder("network", "lan", -1); // libuci reads the position with strtoul: first
    expect(order()).toBe("lan loopback globals cfg030f15 wan");
    expect(c.reorder("network", "nosuch", 0)).toBe(false);
  });

  it("adds anonymous sections with libuci's names", () => {
    const { c } = cursorOn();
    const count = () => {
      let n = 0;
      c.foreach("firewall", undefined, () => void n++);
      return n;
    };
    const n = count();
    const name = c.add("firewall", "zone");
    // counter = sections allocated so far + 1; dc81 is the hash routers show for zones
    expect(name).toBe(`cfg${(n + 1).toString(16).padStart(2, "0")}dc81`);
    expect(c.get_all("firewall", name!)).toEqual({ ".anonymous": true, ".name": name, ".type": "zone" });
    c.set("firewall", name!, "name", "wan_pppoe");
    c.commit("firewall");
    expect(c.exportText("firewall")!.endsWith("\nconfig zone\n\toption name 'wan_pppoe'\n\n")).toBe(true);
    // the committed section keeps its name in this cursor (libuci replays the add)
    expect(c.get("firewall", name!, "name")).toBe("wan_pppoe");
    expect(c.add("firewall", "bad type")).toBeUndefined();
    expect(c.add("nope", "zone")).toBeUndefined();
  });

  it("keeps uncommitted changes per config and drops them on revert / unload", () => {
    const { c, file } = cursorOn();
    c.set("network", "lan", "ipaddr", "10.0.0.1");
    c.set("firewall", "cfg01e63d", "input", "DROP");
    expect(c.commit("network")).toBe(true);
    expect(file("network")).toContain("option ipaddr '10.0.0.1'");
    expect(file("firewall")).toBe(fixture("stock/firewall"));
    expect(c.get("firewall", "cfg01e63d", "input")).toBe("DROP");
    expect(c.revert("firewall")).toBe(true);
    expect(c.get("firewall", "cfg01e63d", "input")).toBe("REJECT");
    c.set("dhcp", "lan", "start", "10");
    expect(c.unload("dhcp")).toBe(true);
    expect(c.unload("dhcp")).toBe(false);
    expect(c.get("dhcp", "lan", "start")).toBe("100");
    expect(c.commit("nope")).toBe(false);
    expect(c.revert("nope")).toBe(false);
  });

  it("replays its changes on the file as it is at commit (other writers are kept)", () => {
    const { c, file, dir } = cursorOn();
    c.set("network", "lan", "ipaddr", "10.0.0.1");
    writeFileSync(join(dir, "network"), file("network") + "config interface 'guest'\n\toption proto 'static'\n");
    c.delete("network", "wan6");
    c.commit("network");
    const after = new UciFileCursor(nodeFiles(), dir);
    expect(after.get("network", "guest", "proto")).toBe("static");
    expect(after.get("network", "lan", "ipaddr")).toBe("10.0.0.1");
    expect(after.get("network", "wan6")).toBeUndefined();
    expect(c.get("network", "guest")).toBe("interface"); // the cursor now holds the merged config
  });

  it("answers like libuci's binding on a file that does not parse", () => {
    const { c, dir } = cursorOn();
    writeFileSync(join(dir, "broken"), "config foo x\n\toption a 'open\n");
    // get/get_all: nil (the error is their second value); foreach: false; load: why
    expect(c.get("broken", "x")).toBeUndefined();
    expect(c.get_all("broken", "x")).toBeUndefined();
    expect(c.foreach("broken", undefined, () => {})).toBe(false);
    expect(c.set("broken", "x", "a", "b")).toBe(false);
    const [ok, err] = c.load("broken");
    expect(ok).toBe(false);
    expect(err).toMatch(/^uci: Parse error \(EOF with unterminated '\) at line 2, byte \d+$/);
    expect(c.load("missing")).toEqual([false, "uci: Entry not found"]);
    expect(c.load("network")).toEqual([true, undefined]);
  });
});

// the directory a cursor was made on (tests only)
function cursorDir(c: UciFileCursor): string {
  return (c as unknown as { confdir: string }).confdir;
}

// ---- Node and lua5.1 give the same bytes ----------------------------------------------

function differential(configs: Record<string, string>, ops: unknown[][]) {
  const script = ops.map((o) => JSON.stringify(o)).join("\n") + "\n";
  const nodeDir = bed(configs);
  const luaDir = bed(configs);
  const nodeOut = runUciScript(nodeFiles(), nodeDir, script);
  const lua = runLuaFile(luaHarness("uci_file"), [luaDir], { stdin: script });
  expect(lua.stderr).toBe("");
  expect(lua.code).toBe(0);
  expect(lua.stdout).toBe(nodeOut);
  expect(contents(luaDir)).toEqual(contents(nodeDir));
  return { lines: nodeOut.trimEnd().split("\n").map((l) => JSON.parse(l) as unknown), dir: nodeDir };
}

describe("the same under lua5.1", () => {
  it("parses, exports and iterates the stock and odd configs identically", () => {
    const configs = { ...STOCK, canon: "stock/firewall.canonical" };
    const { lines } = differential(configs, [
      ["export", "network"],
      ["export", "firewall"],
      ["export", "dhcp"],
      ["export", "quoting"],
      ["foreach", "firewall", "*"],
      ["foreach", "firewall", "rule", "2"],
      ["foreach", "quoting", "*"],
      ["get_all", "network", "lan"],
      ["get", "network", "cfg030f15", "ports"],
      ["get", "quoting", "plain", "double"],
      ["get", "nope", "x"],
    ]);
    expect(lines[0]).toBe(fixture("stock/network"));
    expect(lines[1]).toBe(fixture("stock/firewall.canonical"));
    expect(lines[2]).toBe(fixture("stock/dhcp.canonical"));
    expect(lines[3]).toBe(fixture("odd/quoting.canonical"));
    expect((lines[5] as { seen: unknown[] }).seen).toHaveLength(2);
    expect(lines[8]).toEqual(["lan1", "lan2", "lan3", "lan4"]);
    expect(lines[10]).toBeNull();
  });

  it("applies set/add/delete/reorder/commit/revert identically", () => {
    const { lines, dir } = differential(STOCK, [
      ["set", "network", "lan", "ipaddr", "192.168.2.1"],
      ["set", "network", "wanppp", "interface"],
      ["set", "network", "wanppp", "password", "it's \"secret\"\nline2"],
      ["set_list", "network", "wanppp", "dns", "192.0.2.53", "ルーター"],
      ["set_list", "network", "cfg030f15", "ports", "lan9"],
      ["delete", "network", "wan6"],
      ["delete", "network", "wan6"],
      ["reorder", "network", "wanppp", "1"],
      ["set", "network", "nosuch", "proto", "x"],
      ["add", "firewall", "redirect"],
      ["add", "firewall", "zone"],
      ["set", "firewall", "cfg01e63d", "input", "DROP"],
      ["changed", "firewall"],
      ["revert", "firewall"],
      ["changed", "firewall"],
      ["set", "dhcp", "lan", "start", "100"],
      ["commit", "dhcp"],
      ["set", "quoting", "plain", "utf8", "ÿ"],
      ["unload", "quoting"],
      ["commit", "network"],
      ["export", "network"],
      ["get_all", "network", "wanppp"],
      ["set_list", "network", "lan", "dns"],
    ]);
    expect(lines[9]).toMatch(/^cfg[0-9a-f]{6}$/);
    expect(lines[12]).toBe(true);
    expect(lines[14]).toBe(false);
    expect(lines[22]).toEqual({ error: "Cannot set an uci option to an empty table value" });
    const written = readFileSync(join(dir, "network"), "utf8");
    expect(lines[20]).toBe(written);
    expect(written).toContain("\toption password 'it'\\''s \"secret\"\nline2'\n");
    expect(written).toContain("\tlist dns 'ルーター'\n");
    expect(readFileSync(join(dir, "dhcp"), "utf8")).toBe(fixture("stock/dhcp")); // no change: not written
    expect(readFileSync(join(dir, "firewall"), "utf8")).toBe(fixture("stock/firewall"));
    expect(readFileSync(join(dir, "quoting"), "utf8")).toBe(fixture("odd/quoting"));
  });

  it("reports parse errors identically", () => {
    const dir = { broken: "odd/quoting" };
    const script = [["get", "broken", "plain", "single"], ["foreach", "broken", "*"], ["load", "broken"]];
    const nodeDir = bed(dir);
    const luaDir = bed(dir);
    for (const d of [nodeDir, luaDir]) writeFileSync(join(d, "broken"), "config foo x\n\toption a b c\n");
    const text = script.map((o) => JSON.stringify(o)).join("\n");
    const nodeOut = runUciScript(nodeFiles(), nodeDir, text).split(nodeDir).join("DIR");
    const lua = runLuaFile(luaHarness("uci_file"), [luaDir], { stdin: text });
    expect(lua.stdout.split(luaDir).join("DIR")).toBe(nodeOut);
    expect(nodeOut).toContain("Parse error (too many arguments) at line 2");
  });
});

describe("the router's file adapter (src/router/files.ts, lua5.1)", () => {
  it("writes atomically with modes, creates directories, reads and removes", () => {
    const root = mkdtempSync(join(tmpdir(), "files-"));
    const dir = join(root, "a b", "it's");
    const path = join(dir, "conf");
    const ops = [
      ["file_write", path, "one\n", String(0o600)],
      ["file_read", path],
      ["file_write", path, "two\nläuft\n"],
      ["file_read", path],
      ["file_read", join(root, "missing")],
      ["file_read", root],
      ["file_remove", path],
      ["file_remove", path],
      ["file_read", path],
      ["mkdirp", join(root, "x", "y")],
      ["file_write", join(root, "keep"), "k", String(0o640)],
      ["file_write", join(root, "keep"), "k2"],
    ];
    const script = ops.map((o) => JSON.stringify(o)).join("\n");
    const r = runLuaFile(luaHarness("uci_file"), [root], { stdin: script });
    expect(r.stderr).toBe("");
    expect(r.stdout.trimEnd().split("\n").map((l) => JSON.parse(l) as unknown)).toEqual([
      true,
      "one\n",
      true,
      "two\nläuft\n",
      null,
      null,
      true,
      true,
      null,
      true,
      true,
      true,
    ]);
    expect(readdirSync(dir)).toEqual([]); // no temporary file left behind
    expect(statSync(join(root, "x", "y")).isDirectory()).toBe(true);
    expect(statSync(join(root, "keep")).mode & 0o777).toBe(0o640); // a replaced file keeps its mode
    expect(readFileSync(join(root, "keep"), "utf8")).toBe("k2");
  });

  it("keeps the mode of a config file that a commit replaces", () => {
    const configs = { network: "stock/network" };
    const dir = bed(configs);
    chmodSync(join(dir, "network"), 0o600);
    const r = runLuaFile(luaHarness("uci_file"), [dir], { stdin: '["set","network","lan","proto","dhcp"]\n["commit","network"]\n' });
    expect(r.stdout).toBe("true\ntrue\n");
    expect(statSync(join(dir, "network")).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, "network"), "utf8")).toContain("\toption proto 'dhcp'\n");
  });
});
