// The ownership record (/etc/splitwan/owned, kept over sysupgrade by /lib/upgrade/keep.d):
// what splitwan wrote, so it changes and removes only that. A section is splitwan's while
// its type and every option splitwan wrote still match a recorded version; a file while
// its checksum does. The same format is the transaction's intent journal: before a
// change, the record lists both the old and the new version of everything it touches,
// so whatever state an interruption leaves, each section still matches one of them.
//
// Format (version 2), one item per line; values are JSON strings; secrets (the PPPoE
// password) are kept as "sum:<checksum>" so the record holds no second copy of them:
//   version 2
//   section network wanppp interface
//   option proto "pppoe"
//   list network "wanppp"
//   rt_tables 300 pppoe
//   file /usr/share/nftables.d/chain-pre/mangle_forward/10-splitwan.nft 0123456789abcdef
//   end
// A record written by 0.1.0 has lines `network wanppp interface`, `rt_tables 300 pppoe`,
// `file <path>` and no options: such a section is trusted as 0.1.0 trusted it (a reserved
// name and the recorded type), its live options are taken as splitwan's (0.1.0 kept no
// other option in its sections), and the next apply rewrites the record as version 2.
import { isDigits } from "./addr";
import { checksum } from "./checksum";
import { RT_TABLES_PATH } from "./rttables";
import { isHexDigits, isName, quote } from "./text";
import { jsonString, readString } from "./json-string";
import { type UciSection, type UciValue, sectionOptions } from "./uci";

export const OWNED_PATH = "/etc/splitwan/owned";
/** Services whose configuration apply wrote but has not yet reloaded, one name per line
 * (core/apply.ts; in /var/run: a reboot starts them from the files anyway). */
export const RELOAD_PATH = "/var/run/splitwan/reload";
/** The UCI configs splitwan changes. */
export const CONFIG_PATHS: Record<string, string> = { network: "/etc/config/network", firewall: "/etc/config/firewall" };

const SECRET_OPTIONS = ["password"];
const DROPIN_PREFIX = "/usr/share/nftables.d/chain-pre/";
const DROPIN_FILE = "/10-splitwan.nft";

export interface OwnedSection {
  config: string;
  name: string;
  type: string;
  /** In record form (see recordValue); undefined in a 0.1.0 record. */
  options: Array<[string, UciValue]> | undefined;
}

export interface OwnedFile {
  path: string;
  /** checksum of the content; undefined in a 0.1.0 record. */
  sum: string | undefined;
}

export interface RtLine {
  number: number;
  name: string;
}

/** A section, line or file may be listed more than once (an interrupted transaction):
 * each entry is one version the router may hold. */
export interface Owned {
  sections: OwnedSection[];
  rtTables: RtLine[];
  files: OwnedFile[];
}

export function emptyOwned(): Owned {
  return { sections: [], rtTables: [], files: [] };
}

export function isEmpty(o: Owned): boolean {
  return o.sections.length === 0 && o.rtTables.length === 0 && o.files.length === 0;
}

/** An option value as the record keeps it: secrets by checksum. */
export function recordValue(option: string, v: UciValue): UciValue {
  return SECRET_OPTIONS.includes(option) && typeof v === "string" ? `sum:${checksum(v)}` : v;
}

/** libuci drops an option set to "" (or an empty list): absent and empty are the same. */
export function sameUci(a: UciValue | undefined, b: UciValue | undefined): boolean {
  const none = (v: UciValue | undefined) => v === undefined || v === "" || (typeof v !== "string" && v.length === 0);
  if (none(a) || none(b)) return none(a) && none(b);
  if (typeof a === "string" || typeof b === "string") return a === b;
  const x = a as string[];
  const y = b as string[];
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

function liveValue(live: UciSection, option: string): UciValue | undefined {
  const v = live[option];
  if (typeof v === "string") return recordValue(option, v);
  return Array.isArray(v) ? v : undefined;
}

function show(v: UciValue | undefined): string {
  if (v === undefined) return "unset";
  return typeof v === "string" ? quote(v) : `[${v.map(quote).join(", ")}]`;
}

/** Why the live section is not this version, in words; undefined when it matches. */
export function mismatch(version: OwnedSection, live: UciSection): string | undefined {
  if (live[".type"] !== version.type) return `its type is now '${live[".type"]}', splitwan wrote '${version.type}'`;
  if (version.options === undefined) return undefined;
  for (const [option, v] of version.options) {
    const now = liveValue(live, option);
    if (sameUci(now, v)) continue;
    const secret = SECRET_OPTIONS.includes(option);
    return secret ? `option ${option} was changed` : `option ${option} is ${show(now)}, splitwan wrote ${show(v)}`;
  }
  return undefined;
}

/** The recorded version the live section still matches (0.1.0 entries: with the live
 * options filled in), or undefined: it is no longer splitwan's. */
export function provenVersion(versions: OwnedSection[], live: UciSection): OwnedSection | undefined {
  for (const v of versions) {
    if (mismatch(v, live) !== undefined) continue;
    if (v.options !== undefined) return v;
    const options = sectionOptions(live).map(([o, x]): [string, UciValue] => [o, recordValue(o, x)]);
    return { config: v.config, name: v.name, type: v.type, options };
  }
  return undefined;
}

export function provenFile(versions: OwnedFile[], content: string): OwnedFile | undefined {
  const sum = checksum(content);
  for (const v of versions) if (v.sum === undefined || v.sum === sum) return { path: v.path, sum };
  return undefined;
}

export function fileVersion(path: string, content: string): OwnedFile {
  return { path, sum: checksum(content) };
}

/** Whether splitwan could have written this section (docs/DESIGN.md "What splitwan owns"):
 * the interface must be the configured one or a PPPoE interface whose options say so. */
function creatable(s: OwnedSection, iface: () => string): boolean {
  if (!isName(s.name, "")) return false;
  const own = s.name.startsWith("splitwan_");
  if (s.config === "network") {
    if (s.type === "rule") return own;
    if (s.type !== "interface") return false;
    const proto = s.options?.find((o) => o[0] === "proto")?.[1];
    return proto === "pppoe" || s.name === iface();
  }
  if (s.config !== "firewall" || !own) return false;
  if (s.name === "splitwan_zone") return s.type === "zone";
  if (s.name.startsWith("splitwan_fwd_")) return s.type === "forwarding";
  return s.type === "redirect" || s.type === "rule";
}

function creatableFile(path: string): boolean {
  if (!path.startsWith(DROPIN_PREFIX) || !path.endsWith(DROPIN_FILE)) return false;
  const chain = path.substring(DROPIN_PREFIX.length, path.length - DROPIN_FILE.length);
  return isName(chain, "");
}

function isSum(s: string): boolean {
  return s.length === 16 && isHexDigits(s) && s.toLowerCase() === s;
}

function decodeValue(text: string): string | undefined {
  if (!text.startsWith('"')) return undefined;
  // the usual value has nothing escaped: its text is the value (C-speed searches in Lua;
  // the writer escapes every control character, so none is looked for here)
  const end = text.length - 1;
  if (end > 0 && text.indexOf('"', 1) === end && text.indexOf("\\") < 0) return text.substring(1, end);
  try {
    const [value, next] = readString(text, 0);
    return text.substring(next).trim() === "" ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The record, or the reason it is refused whole: a damaged record, or one that names
 * what splitwan never creates. iface gives the configured interface (asked only for an
 * interface recorded without proto 'pppoe', as 0.1.0 records are). */
export function readRecord(text: string | undefined, iface: () => string): Owned | string {
  const o = emptyOwned();
  if (text === undefined) return o;
  const lines = text.split("\n");
  let v2 = false;
  let ended = false;
  let current: OwnedSection | undefined;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    const bad = (why: string) => `line ${n + 1} (${quote(line)}): ${why}`;
    if (line === "" || line.startsWith("#")) continue;
    if (ended) return bad("text after the end line");
    const f = line.split(" ");
    const problem = v2 ? readV2Line(o, f, line, iface, (s) => (current = s), () => current) : readV1Line(o, f, iface);
    if (problem === "#version") {
      if (n > 0 && !isEmpty(o)) return bad("the version line must come first");
      v2 = true;
      continue;
    }
    if (problem === "#end") {
      ended = true;
      continue;
    }
    if (problem !== undefined) return bad(problem);
  }
  if (v2 && !ended) return "the record is cut short (no end line)";
  return o;
}

function readV1Line(o: Owned, f: string[], iface: () => string): string | undefined {
  if (f.length === 2 && f[0] === "version" && f[1] === "2") return "#version";
  if (f.length === 3 && (f[0] === "network" || f[0] === "firewall")) {
    const s: OwnedSection = { config: f[0], name: f[1], type: f[2], options: undefined };
    if (!creatable(s, iface)) return "not a section splitwan creates";
    o.sections.push(s);
    return undefined;
  }
  if (f.length === 3 && f[0] === "rt_tables") return addRt(o, f[1], f[2]);
  if (f.length === 2 && f[0] === "file") {
    if (!creatableFile(f[1])) return "not a file splitwan writes";
    o.files.push({ path: f[1], sum: undefined });
    return undefined;
  }
  return "not part of an ownership record";
}

function addRt(o: Owned, num: string, name: string): string | undefined {
  const n = Number(num);
  if (!isDigits(num) || num.length > 10 || n < 1) return "not a routing table number";
  if (!isName(name, "-.")) return "not a routing table name";
  o.rtTables.push({ number: n, name });
  return undefined;
}

function readV2Line(
  o: Owned, f: string[], line: string, iface: () => string,
  open: (s: OwnedSection | undefined) => void, current: () => OwnedSection | undefined,
): string | undefined {
  if (f.length === 1 && f[0] === "end") {
    const s = current();
    if (s !== undefined && !creatable(s, iface)) return "not a section splitwan creates";
    open(undefined);
    return "#end";
  }
  if (f[0] === "option" || f[0] === "list") {
    const s = current();
    if (s === undefined || s.options === undefined || f.length < 3 || !isName(f[1], "")) return "an option outside a section";
    const value = decodeValue(line.substring(f[0].length + f[1].length + 2));
    if (value === undefined) return "not a quoted value";
    const at = s.options.findIndex((x) => x[0] === f[1]);
    if (f[0] === "option") {
      if (at >= 0) return "option given twice";
      s.options.push([f[1], value]);
    } else if (at < 0) {
      s.options.push([f[1], [value]]);
    } else {
      const prev = s.options[at][1];
      if (typeof prev === "string") return "option and list of the same name";
      prev.push(value);
    }
    return undefined;
  }
  // a new item closes the section before it: check that one now that it is complete
  const s = current();
  if (s !== undefined && !creatable(s, iface)) return "the section before is not one splitwan creates";
  open(undefined);
  if (f.length === 4 && f[0] === "section" && (f[1] === "network" || f[1] === "firewall")) {
    const next: OwnedSection = { config: f[1], name: f[2], type: f[3], options: [] };
    o.sections.push(next);
    open(next);
    return isName(f[2], "") && isName(f[3], "") ? undefined : "not a section name and type";
  }
  if (f.length === 3 && f[0] === "rt_tables") return addRt(o, f[1], f[2]);
  if (f.length === 3 && f[0] === "file") {
    if (!creatableFile(f[1])) return "not a file splitwan writes";
    if (!isSum(f[2])) return "not a checksum";
    o.files.push({ path: f[1], sum: f[2] });
    return undefined;
  }
  return "not part of an ownership record";
}

export function formatSection(s: OwnedSection): string {
  const lines = [`section ${s.config} ${s.name} ${s.type}`];
  for (const [option, v] of s.options ?? []) {
    if (typeof v === "string") lines.push(`option ${option} ${jsonString(v)}`);
    else for (const item of v) lines.push(`list ${option} ${jsonString(item)}`);
  }
  return lines.join("\n");
}

export function formatOwned(o: Owned): string {
  const lines = ["# splitwan: what it wrote; a section or file is its own only while it still matches", "version 2"];
  for (const s of o.sections) lines.push(formatSection(s));
  for (const r of o.rtTables) lines.push(`rt_tables ${r.number} ${r.name}`);
  for (const f of o.files) lines.push(`file ${f.path} ${f.sum ?? ""}`);
  lines.push("end");
  return lines.join("\n") + "\n";
}

/** Whether the record text proves the live section splitwan's: its type and recorded
 * options match a recorded version. A record refused whole proves nothing. */
export function provesSection(text: string | undefined, live: UciSection | undefined, config: string, iface: () => string): boolean {
  if (live === undefined) return false;
  const o = readRecord(text, iface);
  if (typeof o === "string") return false;
  const versions = o.sections.filter((s) => s.config === config && s.name === live[".name"]);
  return versions.length > 0 && provenVersion(versions, live) !== undefined;
}

/** Every file a transaction under this record text may write: the record, rt_tables, the
 * configs and the drop-ins it names (read without judging the record: for cleaning up). */
export function writtenPaths(text: string | undefined): string[] {
  const paths = [OWNED_PATH, RELOAD_PATH, RT_TABLES_PATH, CONFIG_PATHS.network, CONFIG_PATHS.firewall];
  for (const line of (text ?? "").split("\n")) {
    const f = line.split(" ");
    if (f[0] === "file" && f.length >= 2 && creatableFile(f[1])) paths.push(f[1]);
  }
  return paths;
}
