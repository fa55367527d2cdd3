// UciFileCursor: OpenWrt's libuci (file.c, list.c, delta.c, lua/uci.c) on plain UCI text
// files, for the Lua CLI where `require "uci"` fails (Debian) and for Node tests.
// It parses as libuci's parser does, names anonymous sections as libuci does
// (cfgNNHHHH), keeps changes in memory as a delta until commit, and writes libuci's
// export format. No platform calls: file access goes through UciFiles.
//
// Deliberate differences from libuci, all for invalid input only:
//   - set/add reject section and option names other than [A-Za-z0-9_] and types outside
//     printable ASCII (libuci's Lua binding writes them and the file stops parsing).
import { EXIT_SYSTEM, SplitwanError } from "../../src/core/errors";
import { hexDigits } from "../../src/core/text";
import type { UciCursor, UciSection, UciValue } from "../../src/core/uci";

/** File access for the cursor: Node fs in tests, Lua io on the router (src/router/files.ts). */
export interface UciFiles {
  /** The file's contents, undefined when it does not exist. */
  read(path: string): string | undefined;
  /** Replaces the file (atomically where the adapter can). */
  write(path: string, data: string): void;
}

interface UciOption {
  name: string;
  /** string = option, array = list */
  value: string | string[];
}

interface UciSectionData {
  name: string;
  type: string;
  anonymous: boolean;
  options: UciOption[];
  /** Deleted, still in the list until the next compaction. */
  deleted?: boolean;
}

type DeltaCmd = "change" | "add" | "remove" | "list_add" | "reorder" | "rename";

/** One recorded change, as libuci writes it to its delta file. */
interface Delta {
  cmd: DeltaCmd;
  section: string;
  option?: string;
  value?: string;
  index?: number;
}

interface UciPackage {
  /** In file order; may hold deleted sections (see live()). */
  sections: UciSectionData[];
  /** Sections by name, so a lookup does not scan the file. */
  byName: Map<string, UciSectionData>;
  /** Deleted sections still in `sections`. */
  dead: number;
  /** libuci's n_section: sections allocated so far; numbers anonymous names. */
  counter: number;
  delta: Delta[];
}

// ---- names --------------------------------------------------------------------------

/** libuci's uci_validate_str: names are [A-Za-z0-9_] (packages may also hold '-'),
 * types any printable ASCII except space. */
function validStr(s: string, name: boolean, pkg: boolean): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // isAlnum inlined: this runs for every name of every config read
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95) continue;
    if (c === 45 && pkg) continue;
    if (name || c < 33 || c > 126) return false;
  }
  return true;
}

/** Names and types repeat on every line of a config: check each string once. */
function memo(check: (s: string) => boolean): (s: string) => boolean {
  // a plain table (fast in Lua); in JS a key may also find Object.prototype's members,
  // so only booleans count, and "__proto__" is never stored
  const seen: Record<string, unknown> = {};
  return (s: string) => {
    const hit = seen[s];
    if (hit === true || hit === false) return hit;
    const ok = check(s);
    if (s !== "__proto__") seen[s] = ok;
    return ok;
  };
}

const validName = memo((s) => validStr(s, true, false));
const validType = memo((s) => validStr(s, false, false));
const validPackage = (s: string) => validStr(s, true, true);

/** Low 16 bits of libuci's djbhash over the section type (uci_fixup_section runs when the
 * section is created, before it has options). All steps keep the low 16 bits, so the
 * arithmetic stays exact without bitwise operators. Types are printable ASCII. */
function typeHash(type: string): number {
  let h = 5381;
  for (let i = 0; i < type.length; i++) h = (h * 33 + type.charCodeAt(i)) % 65536;
  return h;
}

// ---- the model operations of list.c ----------------------------------------------------

function findSection(p: UciPackage, name: string): UciSectionData | undefined {
  return p.byName.get(name);
}

/** The sections in order, deleted ones dropped (once, not on every delete). */
function live(p: UciPackage): UciSectionData[] {
  if (p.dead > 0) {
    p.sections = p.sections.filter((s) => s.deleted !== true);
    p.dead = 0;
  }
  return p.sections;
}

function newPackage(): UciPackage {
  return { sections: [], byName: new Map(), dead: 0, counter: 0, delta: [] };
}

function findOption(s: UciSectionData, name: string): UciOption | undefined {
  for (const o of s.options) if (o.name === name) return o;
  return undefined;
}

function removeFrom<T>(list: T[], item: T): void {
  const i = list.indexOf(item);
  if (i >= 0) list.splice(i, 1);
}

function allocSection(p: UciPackage, type: string, name: string | undefined): UciSectionData {
  p.counter++;
  const s: UciSectionData = { name: name ?? "", type, anonymous: name === undefined, options: [] };
  p.sections.push(s);
  if (name !== undefined) p.byName.set(name, s);
  return s;
}

function record(p: UciPackage, rec: boolean, d: Delta): void {
  if (rec) p.delta.push(d);
}

/** uci_add_section: a new anonymous section named cfg<counter><hash>. */
function addSection(p: UciPackage, type: string, rec: boolean): UciSectionData {
  const s = allocSection(p, type, undefined);
  s.name = "cfg" + hexDigits(p.counter, 2) + hexDigits(typeHash(type), 4);
  p.byName.set(s.name, s);
  record(p, rec, { cmd: "add", section: s.name, value: type });
  return s;
}

function deleteSection(p: UciPackage, s: UciSectionData, rec: boolean): void {
  s.deleted = true;
  p.dead++;
  if (p.byName.get(s.name) === s) p.byName.delete(s.name);
  record(p, rec, { cmd: "remove", section: s.name });
}

function deleteOption(p: UciPackage, s: UciSectionData, o: UciOption, rec: boolean): void {
  removeFrom(s.options, o);
  record(p, rec, { cmd: "remove", section: s.name, option: o.name });
}

/** uci_set on a section: "" deletes it (only when it was looked up), otherwise creates
 * it or changes its type. `lookedUp` is libuci's UCI_LOOKUP_COMPLETE: false while parsing. */
function setSection(p: UciPackage, name: string, type: string, lookedUp: boolean, rec: boolean): UciSectionData | undefined {
  const s = findSection(p, name);
  if (type === "") {
    if (lookedUp && s !== undefined) deleteSection(p, s, rec);
    return undefined;
  }
  if (!validType(type)) return undefined;
  let target = s;
  if (target === undefined) target = allocSection(p, type, name);
  else target.type = type;
  record(p, rec, { cmd: "change", section: name, value: type });
  return target;
}

/** uci_set on an option: "" deletes it (when looked up); a changed value replaces the
 * option where it stands (libuci re-allocates it in the old one's place: the real
 * binding's probe shows `option opt 'new'` still first); the same string value is no
 * change and records nothing. */
function setOption(p: UciPackage, s: UciSectionData, name: string, value: string, lookedUp: boolean, rec: boolean): void {
  const o = findOption(s, name);
  if (value === "") {
    if (lookedUp && o !== undefined) deleteOption(p, s, o, rec);
    return;
  }
  if (o !== undefined && typeof o.value === "string" && o.value === value) return;
  if (o !== undefined) s.options[s.options.indexOf(o)] = { name, value };
  else s.options.push({ name, value });
  record(p, rec, { cmd: "change", section: s.name, option: name, value });
}

/** uci_add_list: appends to a list; an option becomes a list (moved to the end). */
function addList(p: UciPackage, s: UciSectionData, name: string, value: string, rec: boolean): void {
  const o = findOption(s, name);
  if (o !== undefined && typeof o.value !== "string") {
    o.value.push(value);
  } else {
    const items: string[] = [];
    if (o !== undefined) {
      items.push(o.value as string);
      removeFrom(s.options, o);
    }
    items.push(value);
    s.options.push({ name, value: items });
  }
  record(p, rec, { cmd: "list_add", section: s.name, option: name, value });
}

/** uci_reorder_section: negative positions go first (libuci reads them with strtoul),
 * positions past the end go last. */
function reorderSection(p: UciPackage, s: UciSectionData, index: number, rec: boolean): void {
  const sections = live(p);
  removeFrom(sections, s);
  let at = index < 0 ? 0 : Math.floor(index);
  if (at > sections.length) at = sections.length;
  sections.splice(at, 0, s);
  record(p, rec, { cmd: "reorder", section: s.name, index: at });
}

/** uci_rename on a section: the name changes, the section keeps its place. */
function renameSection(p: UciPackage, s: UciSectionData, name: string, rec: boolean): void {
  record(p, rec, { cmd: "rename", section: s.name, value: name });
  if (p.byName.get(s.name) === s) p.byName.delete(s.name);
  s.name = name;
  s.anonymous = false;
  p.byName.set(name, s);
}

/** Replays one recorded change on a freshly read package (uci_parse_delta_line). */
function replay(p: UciPackage, d: Delta): boolean {
  const s = findSection(p, d.section);
  switch (d.cmd) {
    case "add":
    case "change":
      if (d.option === undefined) {
        const created = setSection(p, d.section, d.value ?? "", true, false);
        if (created !== undefined && d.cmd === "add") created.anonymous = true;
        return created !== undefined || d.value === "";
      }
      if (s === undefined) return false;
      setOption(p, s, d.option, d.value ?? "", true, false);
      return true;
    case "remove": {
      if (s === undefined) return false;
      if (d.option === undefined) {
        deleteSection(p, s, false);
        return true;
      }
      const o = findOption(s, d.option);
      if (o === undefined) return false;
      deleteOption(p, s, o, false);
      return true;
    }
    case "list_add":
      if (s === undefined || d.option === undefined) return false;
      addList(p, s, d.option, d.value ?? "", false);
      return true;
    case "reorder":
      if (s === undefined) return false;
      reorderSection(p, s, d.index ?? 0, false);
      return true;
    case "rename":
      if (s === undefined || d.value === undefined) return false;
      renameSection(p, s, d.value, false);
      return true;
  }
  return false;
}

// ---- export (file.c uci_export_package without the package header) ---------------------

/** uci_escape: a ' inside a single-quoted value becomes '\'' */
function escape(s: string): string {
  if (s.indexOf("'") < 0) return s;
  return s.split("'").join("'\\''");
}

function exportPackage(p: UciPackage): string {
  const out: string[] = [];
  for (const s of live(p)) {
    out.push("\nconfig " + escape(s.type));
    if (!s.anonymous) out.push(" '" + escape(s.name) + "'");
    out.push("\n");
    for (const o of s.options) {
      if (typeof o.value === "string") {
        out.push("\toption " + escape(o.name) + " '" + escape(o.value) + "'\n");
      } else {
        for (const item of o.value) out.push("\tlist " + escape(o.name) + " '" + escape(item) + "'\n");
      }
    }
  }
  out.push("\n");
  return out.join("");
}

// ---- the parser (file.c) ------------------------------------------------------------------

/** Words of the line src[start, end) in exactly libuci's export form (`\toption name
 * 'value'`, `\tlist name 'value'`, `config type 'name'`, `config type`), found with a
 * few searches in place (no copy of the line). */
function exportedWords(src: string, start: number, end: number): string[] | undefined {
  let cmd: string;
  let from: number;
  if (src.startsWith("\toption ", start)) {
    cmd = "option";
    from = start + 8;
  } else if (src.startsWith("\tlist ", start)) {
    cmd = "list";
    from = start + 6;
  } else if (src.startsWith("config ", start)) {
    cmd = "config";
    from = start + 7;
  } else return undefined;
  const space = src.indexOf(" ", from);
  if (space < 0 || space >= end) {
    const word = src.substring(from, end);
    return cmd === "config" && word.indexOf("'") < 0 && word.indexOf("\t") < 0 ? [cmd, word] : undefined;
  }
  // the only quotes are the pair around the last word, which ends the line
  if (src.indexOf("'", from) !== space + 1 || src.indexOf("'", space + 2) !== end - 1) return undefined;
  const tab = src.indexOf("\t", from);
  if (tab >= 0 && tab < space) return undefined;
  return [cmd, src.substring(from, space), src.substring(space + 2, end - 1)];
}

/** Words of a line of unquoted words and whole single-quoted strings separated by
 * blanks; undefined for anything else (a quote inside a word, or running over the end). */
function plainWords(text: string): string[] | undefined {
  const words: string[] = [];
  const n = text.length;
  let i = 0;
  while (true) {
    while (i < n && (text.charAt(i) === " " || text.charAt(i) === "\t")) i++;
    if (i >= n) return words;
    if (text.charAt(i) === "'") {
      // a quoted command word is no command for libuci's strtok
      const close = text.indexOf("'", i + 1);
      if (close < 0 || words.length === 0) return undefined;
      const after = text.charAt(close + 1);
      if (after !== "" && after !== " " && after !== "\t") return undefined;
      words.push(text.substring(i + 1, close));
      i = close + 1;
    } else {
      let j = n;
      const space = text.indexOf(" ", i);
      if (space >= 0) j = space;
      const tab = text.indexOf("\t", i);
      if (tab >= 0 && tab < j) j = tab;
      const word = text.substring(i, j);
      if (word.indexOf("'") >= 0) return undefined;
      words.push(word);
      i = j;
    }
  }
}

/** Characters that need the byte-wise parser (see plainLine). */
const NOT_PLAIN = ["\\", '"', "#", ";", "\r", "\v", "\f"];

class UciParseError {
  constructor(
    public readonly reason: string,
    public readonly line: number,
    public readonly byte: number,
  ) {}
}

function isSpace(c: string): boolean {
  return c === " " || c === "\t" || c === "\n" || c === "\r" || c === "\v" || c === "\f";
}

/** A transcription of libuci's line parser. It works on a line buffer the way file.c
 * does (values are copied down inside the buffer and NUL-terminated in place; "" is NUL
 * here), because a few of libuci's quirks follow from that: a `;` directly after an
 * unquoted value ends the line, `#` outside quotes ends it, quoted strings run over line
 * ends, a backslash before a line end joins the lines. */
class UciParser {
  private buf: string[] = [];
  private filled = 0;
  private pos = 0;
  private target = 0;
  private line = 0;
  private srcPos = 0;
  private section: UciSectionData | undefined;
  readonly pkg: UciPackage = newPackage();

  constructor(private readonly src: string) {}

  parse(): UciPackage {
    // where the next character that needs the byte-wise parser is: searched once per
    // occurrence, not once per line
    let special = -1;
    while (this.srcPos < this.src.length) {
      if (special < this.srcPos) special = this.nextSpecial(this.srcPos);
      const nl = this.src.indexOf("\n", this.srcPos);
      const end = nl < 0 ? this.src.length : nl;
      if (special >= end && this.plainLine(this.srcPos, end)) {
        this.srcPos = nl < 0 ? end : end + 1;
        if (nl >= 0) this.line++;
        continue;
      }
      this.pos = 0;
      this.getln(0);
      if (this.at(0) !== "") this.parseLine();
    }
    return this.pkg;
  }

  /** Lines as libuci writes them (`config type 'name'`, `option name 'value'`, `list
   * name 'value'`, blank) are read in one pass over the line, with the same effect as
   * the byte-wise transcription below; anything else (escapes, double quotes, comments,
   * `;`, quotes running over the line end, every error) goes to the transcription.
   * Returns false when it did not handle the line. */
  private nextSpecial(from: number): number {
    let at = this.src.length;
    for (const c of NOT_PLAIN) {
      const i = this.src.indexOf(c, from);
      if (i >= 0 && i < at) at = i;
    }
    return at;
  }

  /** The line src[start, end) holds none of NOT_PLAIN. */
  private plainLine(start: number, end: number): boolean {
    const words = exportedWords(this.src, start, end) ?? plainWords(this.src.substring(start, end));
    if (words === undefined) return false;
    if (words.length === 0) return true;
    const cmd = words[0];
    if (words.length < 2 || words.length > 3 || words[1] === "") return false;
    if (cmd === "config" || cmd === "c") {
      const type = words[1];
      if (!validType(type)) return false;
      if (words.length === 2) {
        this.section = addSection(this.pkg, type, false);
        return true;
      }
      const name = words[2];
      if (!validName(name)) return false;
      const existing = findSection(this.pkg, name);
      if (existing !== undefined && existing.type !== type) return false;
      this.section = setSection(this.pkg, name, type, false, false);
      return true;
    }
    const list = cmd === "list" || cmd === "l";
    if (!list && cmd !== "option" && cmd !== "o") return false;
    const sec = this.section;
    if (sec === undefined || !validName(words[1])) return false;
    const value = words.length === 3 ? words[2] : "";
    if (list) addList(this.pkg, sec, words[1], value, false);
    else setOption(this.pkg, sec, words[1], value, false, false);
    return true;
  }

  private at(i: number): string {
    return i < this.filled ? this.buf[i] : "";
  }

  private cur(): string {
    return this.at(this.pos);
  }

  private error(reason: string): never {
    throw new UciParseError(reason, this.line, this.pos);
  }

  /** uci_getln: the next line of the file, stored from `offset` on. */
  private getln(offset: number): void {
    if (this.srcPos >= this.src.length) {
      if (offset < this.filled) this.buf[offset] = "";
      return;
    }
    const nl = this.src.indexOf("\n", this.srcPos);
    const end = nl < 0 ? this.src.length : nl + 1;
    let o = offset;
    for (let i = this.srcPos; i < end; i++) {
      this.buf[o] = this.src.charAt(i);
      o++;
    }
    this.filled = o;
    this.srcPos = end;
    if (nl >= 0) this.line++;
  }

  /** The NUL-terminated string starting at i. */
  private str(i: number): string {
    const parts: string[] = [];
    while (this.at(i) !== "") {
      parts.push(this.buf[i]);
      i++;
    }
    return parts.join("");
  }

  private skipWhitespace(): void {
    while (this.cur() !== "" && isSpace(this.cur())) this.pos++;
  }

  private addc(): void {
    this.buf[this.target] = this.buf[this.pos];
    this.target++;
    this.pos++;
  }

  /** After a backslash: false when it joined the next line (nothing to copy). */
  private parseBackslash(): boolean {
    this.pos++;
    const c = this.cur();
    if (c === "" || c === "\n" || (c === "\r" && this.at(this.pos + 1) === "\n" && this.at(this.pos + 2) === "")) {
      this.getln(this.pos);
      return false;
    }
    return true;
  }

  private parseDoubleQuote(): void {
    this.pos++;
    while (true) {
      const c = this.cur();
      if (c === '"') {
        this.pos++;
        return;
      }
      if (c === "") {
        this.getln(this.pos);
        if (this.cur() === "") this.error('EOF with unterminated "');
      } else if (c === "\\") {
        if (this.parseBackslash()) this.addc();
      } else {
        this.addc();
      }
    }
  }

  private parseSingleQuote(): void {
    this.pos++;
    while (true) {
      const c = this.cur();
      if (c === "'") {
        this.pos++;
        return;
      }
      if (c === "") {
        this.getln(this.pos);
        if (this.cur() === "") this.error("EOF with unterminated '");
      } else {
        this.addc();
      }
    }
  }

  /** parse_str: one argument, unquoted and quoted parts concatenated, copied to `start`. */
  private parseStr(start: number): void {
    this.target = start;
    let next = true;
    while (true) {
      const c = this.cur();
      if (c === "'") this.parseSingleQuote();
      else if (c === '"') this.parseDoubleQuote();
      else if (c === "#") {
        this.buf[this.pos] = "";
        break;
      } else if (c === "") break;
      else if (c === ";") {
        next = false;
        break;
      } else if (c === "\\") {
        if (this.parseBackslash()) this.addc();
      } else this.addc();
      const n = this.cur();
      if (n === "" || isSpace(n)) break;
    }
    // the whitespace that ended an unquoted string is overwritten by the terminator
    if (this.cur() !== "" && next) this.pos++;
    this.buf[this.target] = "";
  }

  /** next_arg: returns where the argument's string starts in the buffer. */
  private nextArg(required: boolean, name: boolean, pkg: boolean): number {
    this.skipWhitespace();
    const val = this.pos;
    if (this.cur() === ";") {
      this.buf[this.pos] = "";
      this.pos++;
    } else {
      this.parseStr(val);
    }
    const s = this.str(val);
    if (s === "") {
      if (required) this.error("insufficient arguments");
      return val;
    }
    if (name && !validStr(s, true, pkg)) this.error("invalid character in name field");
    return val;
  }

  private assertEol(): void {
    this.skipWhitespace();
    const v = this.nextArg(false, false, false);
    if (this.str(v) !== "") this.error("too many arguments");
  }

  /** Steps over the command word (strtok terminated it). */
  private skipCommand(reason: string): void {
    let len = 0;
    while (this.at(this.pos + len) !== "") len++;
    if (this.pos + len + 1 > this.filled) this.error(reason);
    this.pos += len + 1;
  }

  private parseLine(): void {
    this.skipWhitespace();
    while (true) {
      // strtok(" \t")
      let i = this.pos;
      while (this.at(i) === " " || this.at(i) === "\t") i++;
      if (this.at(i) === "") return;
      let j = i;
      while (this.at(j) !== "" && this.at(j) !== " " && this.at(j) !== "\t") j++;
      const word = this.str(i).substring(0, j - i);
      if (j < this.filled) this.buf[j] = "";
      if (word.charAt(0) === "#") return;
      if (word === "p" || word === "package") this.parsePackage();
      else if (word === "c" || word === "config") this.parseConfig();
      else if (word === "o" || word === "option") this.parseOption(false);
      else if (word === "l" || word === "list") this.parseOption(true);
      else this.error("invalid command");
    }
  }

  /** `package <name>` inside a config file is checked and otherwise ignored (libuci
   * loads files with single = true). */
  private parsePackage(): void {
    this.skipCommand("package without name");
    this.nextArg(true, true, true);
    this.assertEol();
  }

  private parseConfig(): void {
    this.skipCommand("config without name");
    const tv = this.nextArg(true, false, false);
    if (!validType(this.str(tv))) this.error("invalid character in type field");
    const nv = this.nextArg(false, true, false);
    this.assertEol();
    const type = this.str(tv);
    const name = this.str(nv);
    if (name === "") {
      this.section = addSection(this.pkg, type, false);
      return;
    }
    const existing = findSection(this.pkg, name);
    if (existing !== undefined && existing.type !== type) {
      this.error("section of different type overwrites prior section with same name");
    }
    this.section = setSection(this.pkg, name, type, false, false);
  }

  private parseOption(list: boolean): void {
    const s = this.section;
    if (s === undefined) return this.error("option/list command found before the first section");
    this.skipCommand("option without name");
    const nv = this.nextArg(true, true, false);
    const vv = this.nextArg(false, false, false);
    this.assertEol();
    const name = this.str(nv);
    const value = this.str(vv);
    if (list) addList(this.pkg, s, name, value, false);
    else setOption(this.pkg, s, name, value, false, false);
  }
}

/** The package, or libuci's error string (uci_get_errorstr with the "uci" prefix the
 * Lua binding gives) when the text does not parse. */
function parsePackage(text: string): UciPackage | string {
  try {
    return new UciParser(text).parse();
  } catch (e) {
    if (e instanceof UciParseError) return `uci: Parse error (${e.reason}) at line ${e.line}, byte ${e.byte}`;
    throw e;
  }
}

/** Parses UCI text into sections, for tests and tools: what `get_all` would return for
 * each section, in file order (with .index). */
export function parseUciText(text: string): UciSection[] {
  const p = parsePackage(text);
  if (typeof p === "string") throw new SplitwanError(EXIT_SYSTEM, p);
  return live(p).map((s, i) => toUciSection(s, i));
}

function toUciSection(s: UciSectionData, index: number | undefined): UciSection {
  const out = { ".anonymous": s.anonymous, ".type": s.type, ".name": s.name } as UciSection;
  if (index !== undefined) out[".index"] = index;
  for (const o of s.options) out[o.name] = typeof o.value === "string" ? o.value : o.value.slice();
  return out;
}

// ---- the cursor (lua/uci.c) -------------------------------------------------------------

export class UciFileCursor implements UciCursor {
  private readonly packages = new Map<string, UciPackage>();

  /** confdir: the directory of the config files, e.g. `<root>/etc/config`. */
  constructor(
    private readonly files: UciFiles,
    private readonly confdir: string,
  ) {}

  private path(config: string): string {
    return this.confdir + "/" + config;
  }

  /** The loaded package; loads it on first use. undefined when the file does not exist
   * or does not parse: then, as with libuci, every call on it fails and load() says why. */
  private pkg(config: string): UciPackage | undefined {
    const loaded = this.packages.get(config);
    if (loaded !== undefined) return loaded;
    if (!validPackage(config)) return undefined;
    const text = this.files.read(this.path(config));
    if (text === undefined) return undefined;
    const p = parsePackage(text);
    if (typeof p === "string") return undefined;
    this.packages.set(config, p);
    return p;
  }

  /** uci_lua_load: forgets the config (and its uncommitted changes) and loads it again;
   * true, or false with libuci's error ("uci: Parse error (…) at line N, byte M", "uci:
   * Entry not found" for a missing file). */
  load(config: string): LuaMultiReturn<[boolean, string | undefined]> {
    this.packages.delete(config);
    if (!validPackage(config)) return $multi(false, "uci: Invalid argument");
    const text = this.files.read(this.path(config));
    if (text === undefined) return $multi(false, "uci: Entry not found");
    const p = parsePackage(text);
    if (typeof p === "string") return $multi(false, p);
    this.packages.set(config, p);
    return $multi(true, undefined);
  }

  /** libuci's error for a config that does not load (a parse error), else undefined. */
  loadError(config: string): string | undefined {
    if (this.packages.has(config) || !validPackage(config)) return undefined;
    const text = this.files.read(this.path(config));
    const p = text !== undefined ? parsePackage(text) : undefined;
    return typeof p === "string" ? p : undefined;
  }

  /** get(config, section) is the section's type; with an option its value (a copy). */
  get(config: string, section: string, option?: string): UciValue | undefined {
    const p = this.pkg(config);
    const s = p !== undefined ? findSection(p, section) : undefined;
    if (s === undefined) return undefined;
    if (option === undefined) return s.type;
    const o = findOption(s, option);
    if (o === undefined) return undefined;
    return typeof o.value === "string" ? o.value : o.value.slice();
  }

  /** As libuci: the section's options plus .name, .type, .anonymous, but no .index (only
   * foreach sets .index). */
  get_all(config: string, section: string): UciSection | undefined {
    const p = this.pkg(config);
    const s = p !== undefined ? findSection(p, section) : undefined;
    return s !== undefined ? toUciSection(s, undefined) : undefined;
  }

  /** Calls fn with a copy of each section (of the type, or all) in order; .index counts
   * all sections. fn returning false stops. Returns true when fn ran at least once. */
  foreach(config: string, type: string | undefined, fn: (this: void, s: UciSection) => boolean | void): boolean {
    const p = this.pkg(config);
    if (p === undefined) return false;
    let ran = false;
    const sections = live(p).slice();
    for (let i = 0; i < sections.length; i++) {
      const s = sections[i];
      if (type !== undefined && s.type !== type) continue;
      if (s.deleted === true) continue; // deleted by an earlier call
      ran = true;
      if (fn(toUciSection(s, i)) === false) break;
    }
    return ran;
  }

  /** set(config, name, type) creates a named section or changes its type ("" deletes
   * it); set(config, section, option, value) sets an option, a string[] makes a list,
   * "" deletes the option. false when the section does not exist or a name is invalid. */
  set(config: string, section: string, optionOrType: string, value?: UciValue): boolean {
    const p = this.pkg(config);
    if (p === undefined) return false;
    if (value === undefined) {
      if (!validName(section)) return false;
      return setSection(p, section, optionOrType, true, true) !== undefined || optionOrType === "";
    }
    const s = findSection(p, section);
    if (s === undefined || !validName(optionOrType)) return false;
    if (typeof value === "string") {
      setOption(p, s, optionOrType, value, true, true);
      return true;
    }
    // uci_lua_set with a table: one item replaces the option by a one-item list; more
    // items set the first as a value and add the others, which turns it into a list
    if (value.length === 0) throw new SplitwanError(EXIT_SYSTEM, "Cannot set an uci option to an empty table value");
    let first = 1;
    if (value.length === 1) {
      first = 0;
      const o = findOption(s, optionOrType);
      if (o !== undefined) deleteOption(p, s, o, true);
    } else {
      setOption(p, s, optionOrType, value[0], true, true);
    }
    for (let i = first; i < value.length; i++) addList(p, s, optionOrType, value[i], true);
    return true;
  }

  /** add(config, type): a new anonymous section; returns its generated name. */
  add(config: string, type: string): string | undefined {
    const p = this.pkg(config);
    if (p === undefined || !validType(type)) return undefined;
    return addSection(p, type, true).name;
  }

  delete(config: string, section: string, option?: string): boolean {
    const p = this.pkg(config);
    const s = p !== undefined ? findSection(p, section) : undefined;
    if (p === undefined || s === undefined) return false;
    if (option === undefined) {
      deleteSection(p, s, true);
      return true;
    }
    const o = findOption(s, option);
    if (o === undefined) return false;
    deleteOption(p, s, o, true);
    return true;
  }

  /** Renames a section; false when it does not exist or the name is taken or invalid. */
  rename(config: string, section: string, name: string): boolean {
    const p = this.pkg(config);
    const s = p !== undefined ? findSection(p, section) : undefined;
    if (p === undefined || s === undefined || !validName(name) || findSection(p, name) !== undefined) return false;
    renameSection(p, s, name, true);
    return true;
  }

  /** Moves the section to position index (0 = first). */
  reorder(config: string, section: string, index: number): boolean {
    const p = this.pkg(config);
    const s = p !== undefined ? findSection(p, section) : undefined;
    if (p === undefined || s === undefined) return false;
    reorderSection(p, s, index, true);
    return true;
  }

  /** As uci_commit: re-reads the file, replays this cursor's changes on it and writes the
   * result in libuci's format. Without changes nothing is written (libuci neither). */
  commit(config: string): boolean {
    const p = this.pkg(config);
    if (p === undefined) return false;
    if (p.delta.length === 0) return true;
    const path = this.path(config);
    const fresh = parsePackage(this.files.read(path) ?? "");
    if (typeof fresh === "string") return false;
    let applied = 0;
    for (const d of p.delta) if (replay(fresh, d)) applied++;
    if (applied > 0) this.files.write(path, exportPackage(fresh));
    this.packages.set(config, fresh);
    return true;
  }

  /** Drops the uncommitted changes of the config and reloads it. */
  revert(config: string): boolean {
    this.packages.delete(config);
    return this.pkg(config) !== undefined;
  }

  /** Forgets the loaded config (and its uncommitted changes). */
  unload(config: string): boolean {
    const loaded = this.packages.has(config);
    this.packages.delete(config);
    return loaded;
  }

  /** The config as libuci would write it now (uncommitted changes included). */
  exportText(config: string): string | undefined {
    const p = this.pkg(config);
    return p !== undefined ? exportPackage(p) : undefined;
  }

  /** Whether the config has uncommitted changes. */
  changed(config: string): boolean {
    const p = this.packages.get(config);
    return p !== undefined && p.delta.length > 0;
  }
}
