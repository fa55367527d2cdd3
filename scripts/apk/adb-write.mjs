// The writer half of `apk mkpkg` (apk-tools 3.0.x): an ADB package from info fields,
// scripts and a file tree, byte for byte what apk writes (checked against
// ../shared/reference/apk/mini in test/package/apk-writer.test.ts).
//
// How apk lays out the ADB block (adb.c): values are appended in the order they are
// created, each aligned to its own size (blob length prefix 1/2/4 bytes, u32 and
// objects 4); an identical value already stored at a suitably aligned offset is reused
// instead of written again. So the write order below follows app_mkpkg.c's call order.
import { createHash } from "node:crypto";
import { deflateRawSync } from "node:zlib";
import {
  BLOCK_ADB,
  BLOCK_DATA,
  INFO_FIELDS,
  MAGIC,
  MAGIC_DEFLATE,
  SCHEMA_PACKAGE,
  SCRIPT_NAMES,
  T_BLOB_16,
  T_BLOB_32,
  T_BLOB_8,
  T_INT,
  T_INT_32,
  T_INT_64,
  T_OBJECT,
  validDependencyName,
  validName,
  validVersion,
} from "./schema.mjs";

const NULL = 0;
const tag = (type, v) => ((type << 28) | v) >>> 0;
const byteOrder = (a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b));

class Adb {
  constructor() {
    this.buf = Buffer.alloc(8192);
    this.len = 0;
    this.seen = new Map(); // value bytes → offset (adb_w_data's buckets)
    this.raw(Buffer.alloc(8), 8); // header: compat 0, version 0, root (set last)
  }

  raw(bytes, align) {
    const pad = (align - (this.len % align)) % align;
    while (this.len + pad + bytes.length > this.buf.length) this.buf = Buffer.concat([this.buf, Buffer.alloc(this.buf.length)]);
    this.len += pad; // buffer is zero-filled
    const at = this.len;
    bytes.copy(this.buf, at);
    this.len += bytes.length;
    return at;
  }

  data(bytes, align) {
    const key = bytes.toString("latin1");
    const at = this.seen.get(key);
    if (at !== undefined && at % align === 0) return at;
    const off = this.raw(bytes, align);
    this.seen.set(key, off);
    return off;
  }

  blob(b, cached = true) {
    b = Buffer.isBuffer(b) ? b : Buffer.from(b);
    if (b.length === 0) return NULL;
    let head, type;
    if (b.length > 0xffff) {
      head = Buffer.alloc(4);
      head.writeUInt32LE(b.length);
      type = T_BLOB_32;
    } else if (b.length > 0xff) {
      head = Buffer.alloc(2);
      head.writeUInt16LE(b.length);
      type = T_BLOB_16;
    } else {
      head = Buffer.from([b.length]);
      type = T_BLOB_8;
    }
    const bytes = Buffer.concat([head, b]);
    return tag(type, cached ? this.data(bytes, head.length) : this.raw(bytes, head.length));
  }

  int(n) {
    if (n < 0x10000000) return tag(T_INT, n);
    if (n < 0x100000000) {
      const b = Buffer.alloc(4);
      b.writeUInt32LE(n);
      return tag(T_INT_32, this.data(b, 4));
    }
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(BigInt(n));
    return tag(T_INT_64, this.data(b, 4));
  }

  /** slots[i] = value of field i (1-based; slot 0 unused): trailing nulls dropped. */
  obj(slots) {
    let n = slots.length;
    while (n > 1 && slots[n - 1] === NULL) n--;
    if (n <= 1) return NULL;
    const b = Buffer.alloc(4 * n);
    b.writeUInt32LE(n, 0);
    for (let i = 1; i < n; i++) b.writeUInt32LE(slots[i] ?? NULL, 4 * i);
    return tag(T_OBJECT, this.data(b, 4));
  }

  bytes() {
    return this.buf.subarray(0, this.len);
  }
}

/** The words of a dependency list (`depends:`, `provides:`): apk splits on blanks. */
function splitDeps(text) {
  return (text ?? "").split(/[ \t\n]+/).filter(Boolean);
}

/** What apk refuses in an --info field: thrown before anything is written. */
export function validateInfo(info) {
  if (!info.name) throw new Error("apk: info field 'name' is required");
  if (!validName(info.name)) {
    throw new Error(`apk: info field 'name' has invalid value '${info.name}': letters, digits and + - . _ only, starting with a letter or digit`);
  }
  if (!info.version) throw new Error("apk: info field 'version' is required");
  if (!validVersion(info.version)) {
    throw new Error(
      `apk: info field 'version' has invalid value '${info.version}': apk versions are digits{.digits}[letter]{_suffix}[~hash][-rN] (PKG_VERSION without '-', integer PKG_RELEASE)`,
    );
  }
  for (const field of ["depends", "provides"]) {
    for (const d of splitDeps(info[field])) {
      if (!validDependencyName(d)) throw new Error(`apk: info field '${field}' has invalid value '${d}': not a package name`);
    }
  }
  for (const [k, v] of Object.entries(info)) {
    if (!INFO_FIELDS.some(([n]) => n === k) || ["hashes", "installed-size", "file-size"].includes(k)) throw new Error(`apk: invalid info field: ${k}`);
    if (typeof v !== "string") throw new Error(`apk: info field '${k}' must be text`);
  }
}

/** The tree as mkpkg walks it: directories (root "" first, then by full path), each
 * with its regular files by name. files: Map path → {mode, data, mtime?};
 * dirs: Map path → {mode} for directories with a mode other than 0755 or no files. */
function walk(files, dirs) {
  const dirMode = new Map([["", 0o755]]);
  const withParents = (p) => {
    const parts = p.split("/");
    for (let i = 1; i < parts.length; i++) {
      const d = parts.slice(0, i).join("/");
      if (!dirMode.has(d)) dirMode.set(d, 0o755);
    }
  };
  for (const p of files.keys()) {
    if (p === "" || p.startsWith("/") || p.endsWith("/") || p.split("/").some((s) => s === "" || s === "." || s === "..")) {
      throw new Error(`apk: bad path ${JSON.stringify(p)}`);
    }
    if (dirs.has(p)) throw new Error(`apk: ${p} is a file and a directory`);
    withParents(p);
  }
  for (const [p, d] of dirs) {
    withParents(p);
    dirMode.set(p, d.mode);
  }
  const names = [...dirMode.keys()].filter((d) => d !== "").sort(byteOrder);
  return ["", ...names].map((d) => {
    const inDir = [...files.keys()].filter((p) => (d === "" ? !p.includes("/") : p.startsWith(d + "/") && !p.slice(d.length + 1).includes("/")));
    const list = inDir.map((p) => ({ name: d === "" ? p : p.slice(d.length + 1), ...files.get(p) })).sort((a, b) => byteOrder(a.name, b.name));
    return { name: d, mode: dirMode.get(d), files: list };
  });
}

function block(type, payload) {
  const head = Buffer.alloc(4);
  head.writeUInt32LE(((type << 30) >>> 0) + 4 + payload.length);
  const raw = 4 + payload.length;
  return Buffer.concat([head, payload, Buffer.alloc((8 - (raw % 8)) % 8)]);
}

/**
 * `apk mkpkg --info k:v... --script s:file... --files DIR` as one call.
 * info: { name, version, description, arch, license, origin, maintainer, url, depends,
 *   provides } as the --info strings (depends/provides space separated);
 * scripts: { "post-install": text, ... }; files/dirs: the tree (see walk);
 * epoch: SOURCE_DATE_EPOCH (file mtimes newer than it are clamped to it);
 * compression: "deflate" (apk's default) or "none".
 * Returns { apk, adb (the uncompressed file), id (package id, hex) }.
 */
export function mkpkg({ info, scripts = {}, files, dirs = new Map(), epoch, compression = "deflate", owner = "root" }) {
  validateInfo(info);
  if (!Number.isInteger(epoch) || epoch < 0) throw new Error(`apk: SOURCE_DATE_EPOCH ${epoch} is not a time`);
  for (const s of Object.keys(scripts)) if (!SCRIPT_NAMES.includes(s)) throw new Error(`apk: invalid script type: ${s}`);
  const tree = walk(files, dirs);

  const db = new Adb();
  // info fields, in field order (mkpkg's assign_fields)
  const infoSlots = [0];
  INFO_FIELDS.forEach(([name, kind], i) => {
    const text = info[name];
    if (text === undefined) return;
    if (typeof kind === "object") {
      const deps = splitDeps(text).map((d) => ({ name: Buffer.from(d), val: db.obj([0, db.blob(d)]) }));
      // the array's pre_commit: sorted by name, an identical entry (same offset) once
      deps.sort((a, b) => Buffer.compare(a.name, b.name));
      const sorted = deps.map((d) => d.val).filter((v, j, a) => j === 0 || v !== a[j - 1]);
      infoSlots[i + 1] = db.obj([0, ...sorted]);
    } else infoSlots[i + 1] = db.blob(text);
  });

  // paths: per directory its files first, then the directory itself
  let installedSize = 0;
  const paths = [];
  for (const d of tree) {
    const fileVals = [];
    for (const f of d.files) {
      const data = Buffer.isBuffer(f.data) ? f.data : Buffer.from(f.data);
      const name = db.blob(f.name);
      const hash = db.blob(createHash("sha256").update(data).digest());
      const mtime = db.int(Math.min(f.mtime ?? epoch, epoch));
      const size = db.int(data.length);
      const acl = db.obj([0, db.int(f.mode & 0o7777), db.blob(owner), db.blob(owner)]);
      fileVals.push(db.obj([0, name, acl, size, mtime, hash]));
      installedSize += data.length;
    }
    const name = db.blob(d.name);
    const acl = db.obj([0, db.int(d.mode & 0o7777), db.blob(owner), db.blob(owner)]);
    paths.push(db.obj([0, name, acl, db.obj([0, ...fileVals])]));
  }
  if (!installedSize) installedSize = 1;
  infoSlots[12] = db.int(installedSize);
  // the package id: 20 bytes, zero until the block is complete (stored uncached)
  infoSlots[3] = db.blob(Buffer.alloc(20), false);
  const idAt = (infoSlots[3] & 0x0fffffff) + 1;
  const pkgSlots = [0, db.obj(infoSlots), db.obj([0, ...paths])];
  if (Object.keys(scripts).length) pkgSlots[3] = db.obj([0, ...SCRIPT_NAMES.map((s) => (scripts[s] === undefined ? NULL : db.blob(scripts[s])))]);
  db.buf.writeUInt32LE(db.obj(pkgSlots), 4);

  const payload = Buffer.from(db.bytes());
  const id = createHash("sha256").update(payload).digest().subarray(0, 20);
  id.copy(payload, idAt);

  const head = Buffer.alloc(8);
  head.write(MAGIC, 0, "latin1");
  head.writeUInt32LE(SCHEMA_PACKAGE, 4);
  const parts = [head, block(BLOCK_ADB, payload)];
  tree.forEach((d, i) => {
    d.files.forEach((f, j) => {
      const data = Buffer.isBuffer(f.data) ? f.data : Buffer.from(f.data);
      if (!data.length) return;
      const idx = Buffer.alloc(8);
      idx.writeUInt32LE(i + 1, 0);
      idx.writeUInt32LE(j + 1, 4);
      parts.push(block(BLOCK_DATA, Buffer.concat([idx, data])));
    });
  });
  const adb = Buffer.concat(parts);
  let apk = adb;
  if (compression === "deflate") apk = Buffer.concat([Buffer.from(MAGIC_DEFLATE, "latin1"), deflateRawSync(adb, { level: 9, memLevel: 8 })]);
  else if (compression !== "none") throw new Error(`apk: unknown compression ${compression}`);
  return { apk, adb, id: id.toString("hex"), installedSize };
}
