// Reads an apk-tools v3 package (ADBd deflated or ADB. plain) back into plain data:
// the info fields, the paths tree, the scripts and the data blocks; and prints it the
// way `apk adbdump` does, so tests can compare with the real tool's output.
import { createHash } from "node:crypto";
import { inflateRawSync } from "node:zlib";
import {
  BLOCK_ADB,
  BLOCK_DATA,
  MAGIC,
  MAGIC_DEFLATE,
  PACKAGE,
  SCHEMA_PACKAGE,
  T_ARRAY,
  T_BLOB_16,
  T_BLOB_32,
  T_BLOB_8,
  T_INT,
  T_INT_32,
  T_INT_64,
  T_OBJECT,
  T_SPECIAL,
} from "./schema.mjs";

/** The uncompressed file (`ADB.` ...) of a package as stored. */
export function uncompressed(file) {
  const magic = file.subarray(0, 4).toString("latin1");
  if (magic === MAGIC) return file;
  if (magic === MAGIC_DEFLATE) return inflateRawSync(file.subarray(4));
  throw new Error(`apk: not an ADB file (magic ${JSON.stringify(magic)})`);
}

/** Split into blocks: { type, payload } in file order (8-byte aligned). */
export function blocks(adb) {
  if (adb.subarray(0, 4).toString("latin1") !== MAGIC) throw new Error("apk: no ADB. header");
  const schema = adb.readUInt32LE(4);
  const out = [];
  for (let o = 8; o < adb.length; ) {
    const ts = adb.readUInt32LE(o);
    const type = ts >>> 30;
    const size = ts & 0x3fffffff;
    if (type === 3) throw new Error("apk: extended blocks are not supported");
    if (size < 4 || o + size > adb.length) throw new Error(`apk: block at ${o} runs past the end`);
    out.push({ type, payload: adb.subarray(o + 4, o + size) });
    o += Math.ceil(size / 8) * 8;
  }
  return { schema, blocks: out };
}

function value(db, v, kind) {
  const type = v >>> 28;
  const at = v & 0x0fffffff;
  if (v === 0) return undefined;
  if (typeof kind === "object") {
    if (type !== T_OBJECT && type !== T_ARRAY) throw new Error(`apk: expected an object at ${at}, got type ${type}`);
    const n = db.readUInt32LE(at);
    const slots = [];
    for (let i = 1; i < n; i++) slots.push(db.readUInt32LE(at + 4 * i));
    if (kind.kind === "array") return slots.map((s) => value(db, s, kind.item)).filter((x) => x !== undefined);
    const o = {};
    slots.forEach((s, i) => {
      if (i >= kind.fields.length) throw new Error(`apk: object has more fields than the schema`);
      const x = value(db, s, kind.fields[i][1]);
      if (x !== undefined) o[kind.fields[i][0]] = x;
    });
    return o;
  }
  switch (type) {
    case T_SPECIAL:
      return undefined;
    case T_INT:
      return at;
    case T_INT_32:
      return db.readUInt32LE(at);
    case T_INT_64:
      return Number(db.readBigUInt64LE(at));
    case T_BLOB_8:
    case T_BLOB_16:
    case T_BLOB_32: {
      const w = type === T_BLOB_8 ? 1 : type === T_BLOB_16 ? 2 : 4;
      const len = w === 1 ? db[at] : w === 2 ? db.readUInt16LE(at) : db.readUInt32LE(at);
      const b = db.subarray(at + w, at + w + len);
      return kind === "hex" ? b.toString("hex") : b.toString("utf8");
    }
    default:
      throw new Error(`apk: value type ${type} at ${at} not expected for ${kind}`);
  }
}

/** Everything in a package file: { compressed, schema, header {compat, ver}, adbSize,
 * pkg {info, paths, scripts}, data [{path, file, size, content}] }. Dependencies come
 * back as objects {name} (version/match when set). */
export function readApk(file) {
  const adb = uncompressed(file);
  const { schema, blocks: bs } = blocks(adb);
  if (schema !== SCHEMA_PACKAGE) throw new Error(`apk: schema ${schema.toString(16)} is not a package`);
  if (bs[0]?.type !== BLOCK_ADB) throw new Error("apk: the first block is not the ADB block");
  const db = bs[0].payload;
  const pkg = value(db, db.readUInt32LE(4), PACKAGE);
  const data = bs.slice(1).filter((b) => b.type === BLOCK_DATA).map((b) => ({
    path: b.payload.readUInt32LE(0),
    file: b.payload.readUInt32LE(4),
    size: b.payload.length,
    content: b.payload.subarray(8),
  }));
  return { compressed: file !== adb, schema, header: { compat: db[0], ver: db[1] }, adbSize: db.length, adb: db, pkg, data, blockTypes: bs.map((b) => b.type) };
}

/** The package id recomputed from an ADB payload: the first 20 bytes of the sha256 of
 * the payload with info.hashes zeroed (what mkpkg stores there). */
export function packageId(db) {
  const at = (v) => v & 0x0fffffff;
  const info = at(db.readUInt32LE(at(db.readUInt32LE(4)) + 4)); // root slot 1
  const hashes = at(db.readUInt32LE(info + 12)); // info slot 3
  const copy = Buffer.from(db);
  copy.fill(0, hashes + 1, hashes + 1 + copy[hashes]);
  return createHash("sha256").update(copy).digest().subarray(0, copy[hashes]).toString("hex");
}

// ---------------------------------------------------------------- adbdump's text

// serialize_yaml.c's quoting: block style for long, multi-line or ' #' text
function quoting(s, multiline) {
  if (!s.length) return "none";
  if (Buffer.byteLength(s) >= 80 || multiline) return "block";
  let style = "-?:,[]{}#&*!|>'\"%@`".includes(s[0]) ? "single" : "none";
  let prev = "";
  for (const c of s) {
    if (c === "\r" || c === "\n" || c === "'") return "block";
    if (c === " " && prev === ":") style = "single";
    if (c === "#") {
      if (prev === " ") return "block";
      style = "single";
    }
    prev = c;
  }
  return style;
}

function scalarText(v, kind) {
  if (kind === "oct") return "0" + v.toString(8);
  return String(v);
}

const depText = (d) => d.name + (d.version ? `=${d.version}` : "");

/** `apk adbdump` of a package as text (unsigned packages). */
export function adbdump(file) {
  const r = readApk(file);
  const out = [`#%SCHEMA: ${r.schema.toString(16).toUpperCase().padStart(8, "0")}`, `# ADB block, size: ${r.adbSize}, compat: ${r.header.compat}, ver: ${r.header.ver}`];
  const pad = (n) => "  ".repeat(n);
  const scalar = (prefix, s, multiline, level) => {
    const q = quoting(s, multiline);
    if (q === "none") out.push(`${prefix} ${s}`);
    else if (q === "single") out.push(`${prefix} '${s}'`);
    else {
      out.push(`${prefix} |`);
      for (const line of s.split("\n").filter((l, i, a) => !(l === "" && i === a.length - 1))) out.push(pad(level + 1) + line);
    }
  };
  // fields of an object at `level`; the first line may carry an array item's "- "
  const fields = (o, schema, level, first) => {
    let lead = first;
    for (const [name, kind] of schema.fields) {
      if (!(name in o)) continue;
      const prefix = (lead ?? pad(level)) + name + ":";
      lead = undefined;
      const v = o[name];
      if (typeof kind === "object" && kind.kind === "object") {
        out.push(prefix);
        fields(v, kind, level + 1);
      } else if (typeof kind === "object") {
        out.push(`${prefix} # ${v.length} items`);
        for (const item of v) {
          if (typeof kind.item === "object" && kind.dependency) out.push(`${pad(level + 1)}- ${depText(item)}`);
          else if (typeof kind.item === "object") fields(item, kind.item, level + 2, pad(level + 1) + "- ");
          else out.push(`${pad(level + 1)}- ${item}`);
        }
      } else if (typeof v === "number") out.push(`${prefix} ${scalarText(v, kind)}`);
      else scalar(prefix, v, kind === "mstring", level);
    }
  };
  fields(r.pkg, PACKAGE, 0);
  for (const d of r.data) out.push(`# data block, size: ${d.size}`);
  return out.join("\n") + "\n";
}
