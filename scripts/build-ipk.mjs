// Build step 4: dist/<name>_<version>_all.ipk without the OpenWrt SDK.
//
// What goes in mirrors what the SDK makes of luci-app-splitwan/Makefile:
//   - data: luci.mk's Package/install (htdocs/ → /www, root/ → /), tarred like
//     scripts/ipkg-build (GNU tar --sort=name of ".", so "./" and every directory appear)
//   - control: package-ipkg.mk's CONTROL fields (Depends gets libc from
//     PKG_DEFAULT_DEPENDS), Installed-Size = bytes of the uncompressed data tar (what
//     ipkg-build measures), conffiles, the generated postinst/prerm that call
//     default_postinst/default_prerm from $IPKG_INSTROOT/lib/functions.sh, and the
//     package's own parts as postinst-pkg/prerm-pkg (luci.mk's default postinst when the
//     Makefile defines none)
//   - the .ipk: gzipped tar of ./debian-binary, ./data.tar.gz, ./control.tar.gz
// Reproducible: ustar headers by hand (mode 0644/0755, uid/gid 0, uname/gname root,
// mtime SOURCE_DATE_EPOCH or the last commit's time), gzip header without a time.
// Translations: po/<lang>/*.po → luci-i18n-<basename>-<lang>_<PKG_PO_VERSION>_all.ipk
// (luci.mk's LuciTranslation), the .lmo compiled the way luci-base's po2lmo does.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { gzipSync } from "node:zlib";

// ---------------------------------------------------------------- the feed Makefile

/** The subset of make the feed Makefile uses: `VAR:=value` (with `\` continuations) and
 * `define NAME ... endef`; `$(VAR)` expands from earlier assignments, `$$` is `$`. */
export function parseMakefile(text) {
  const vars = new Map();
  const defines = new Map();
  const expand = (s, where) =>
    s.replace(/\$\$|\$\(([A-Za-z0-9_]+)\)|\$\{([A-Za-z0-9_]+)\}|\$\(([^)]*)\)/g, (m, a, b) => {
      if (m === "$$") return "$";
      const name = a ?? b;
      if (name === undefined) throw new Error(`Makefile: ${where}: unsupported expansion ${m}`);
      if (!vars.has(name)) throw new Error(`Makefile: ${where}: $(${name}) is not set before use`);
      return vars.get(name);
    });
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    const def = /^define\s+(.+?)\s*$/.exec(line);
    if (def) {
      const body = [];
      for (i++; i < lines.length && lines[i] !== "endef"; i++) {
        // make joins a backslash-newline and the whitespace around it into one space
        if (body.length && body[body.length - 1].endsWith("\\")) body.push(body.pop().replace(/\s*\\$/, " ") + lines[i].trimStart());
        else body.push(lines[i]);
      }
      if (i >= lines.length) throw new Error(`Makefile: define ${def[1]} has no endef`);
      const name = expand(def[1], "define");
      defines.set(name, expand(body.join("\n"), name));
      continue;
    }
    if (/^\s*(#|$)/.test(line)) continue;
    while (line.endsWith("\\") && i + 1 < lines.length) line = line.slice(0, -1) + " " + lines[++i].trim();
    const asg = /^([A-Za-z0-9_]+)\s*:=\s*(.*)$/.exec(line);
    if (asg) vars.set(asg[1], expand(asg[2], asg[1]).replace(/\s+/g, " ").trim());
  }
  return { vars, defines };
}

/** Control data of the main package, from the feed Makefile and the package tree. */
export function packageMeta(pkg) {
  const { vars, defines } = parseMakefile(readFileSync(join(pkg, "Makefile"), "utf8"));
  const need = (k) => {
    const v = vars.get(k);
    if (v === undefined || v === "") throw new Error(`Makefile: ${k} is not set`);
    return v;
  };
  const name = vars.get("PKG_NAME") ?? basename(pkg);
  const depends = ["libc"];
  for (const tok of (vars.get("LUCI_DEPENDS") ?? "").split(" ").filter(Boolean)) {
    if (tok.startsWith("@")) continue; // build-time condition, never a Depends
    if (!/^\+[A-Za-z0-9_.+-]+$/.test(tok)) throw new Error(`Makefile: LUCI_DEPENDS ${tok}: only +package is supported`);
    if (!depends.includes(tok.slice(1))) depends.push(tok.slice(1));
  }
  const release = need("PKG_RELEASE");
  if (!/^[0-9]+$/.test(release)) throw new Error("Makefile: PKG_RELEASE must be an integer (apk)");
  const version = need("PKG_VERSION");
  if (!/^[0-9][0-9A-Za-z.~_+]*$/.test(version)) throw new Error(`Makefile: PKG_VERSION ${version} is not valid for opkg and apk`);
  return {
    name,
    basename: name.replace(/^luci-[a-z]+-/, ""),
    version: `${version}-r${release}`, // luci.mk: VERSION = PKG_VERSION-rPKG_RELEASE
    poVersion: need("PKG_PO_VERSION"), // translations (luci.mk's default is git-derived)
    license: need("PKG_LICENSE"),
    maintainer: vars.get("LUCI_MAINTAINER") ?? need("PKG_MAINTAINER"),
    title: need("LUCI_TITLE"),
    description: vars.get("LUCI_DESCRIPTION") ?? need("LUCI_TITLE"),
    arch: vars.get("LUCI_PKGARCH") ?? "all",
    source: `feeds/splitwan/${name}`, // SOURCE in a feed named splitwan (docs/packaging.md)
    url: "https://github.com/openwrt/luci", // luci.mk's URL for every LuCI package
    depends,
    conffiles: (defines.get(`Package/${name}/conffiles`) ?? "").split("\n").map((s) => s.trim()).filter(Boolean),
    postinst: defines.get(`Package/${name}/postinst`),
    prerm: defines.get(`Package/${name}/prerm`),
  };
}

/** luci.mk's Package/<name>/postinst when the Makefile defines none, as luci.mk has it
 * since late 2024 (openwrt-24.10 branch and 25.12; what ../shared/reference/apk/splitwan
 * was built with): base-files' default_postinst runs the package's uci-defaults itself.
 * The define's first line ends in a backslash, so make joins it with the next. */
export const LUCI_POSTINST =
  '[ -n "${IPKG_INSTROOT}" ] || { rm -f /tmp/luci-indexcache.*\n\trm -rf /tmp/luci-modulecache/\n\tkillall -HUP rpcd 2>/dev/null\n\texit 0\n}';

/** The older luci.mk default the .ipk keeps: it ran the uci-defaults itself. */
export function luciDefaultPostinst(uciDefaults) {
  const run = uciDefaults.map((s) => `\n\t(. /etc/uci-defaults/${s}) && rm -f /etc/uci-defaults/${s}`).join(" ");
  return `[ -n "\${IPKG_INSTROOT}" ] || {${run}\n\trm -f /tmp/luci-indexcache\n\trm -rf /tmp/luci-modulecache/\n\tkillall -HUP rpcd 2>/dev/null\n\texit 0\n}`;
}

// ---------------------------------------------------------------- tar and gzip

function octal(n, width) {
  const s = n.toString(8);
  if (s.length > width - 1) throw new Error(`tar: ${n} does not fit ${width} bytes`);
  return s.padStart(width - 1, "0") + "\0";
}

function splitName(name) {
  if (Buffer.byteLength(name) <= 100) return ["", name];
  for (let i = name.length - 1; i > 0; i--) {
    if (name[i] === "/" && i < name.length - 1 && Buffer.byteLength(name.slice(0, i)) <= 155 && Buffer.byteLength(name.slice(i + 1)) <= 100) {
      return [name.slice(0, i), name.slice(i + 1)];
    }
  }
  throw new Error(`tar: name too long for ustar: ${name}`);
}

function header(e, mtime) {
  const h = Buffer.alloc(512);
  const [prefix, name] = splitName(e.name);
  h.write(name, 0);
  h.write(octal(e.mode, 8), 100);
  h.write(octal(0, 8), 108);
  h.write(octal(0, 8), 116);
  h.write(octal(e.data ? e.data.length : 0, 12), 124);
  h.write(octal(mtime, 12), 136);
  h.write("        ", 148);
  h.write(e.data ? "0" : "5", 156);
  h.write("ustar\0", 257);
  h.write("00", 263);
  h.write("root", 265);
  h.write("root", 297);
  h.write(prefix, 345);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(octal(sum, 7) + " ", 148);
  return h;
}

/** entries: { name, mode, data? } (no data: a directory), written in the given order. */
export function tar(entries, mtime) {
  const parts = [];
  for (const e of entries) {
    parts.push(header(e, mtime));
    if (e.data) {
      parts.push(e.data);
      const pad = (512 - (e.data.length % 512)) % 512;
      if (pad) parts.push(Buffer.alloc(pad));
    }
  }
  parts.push(Buffer.alloc(1024));
  let out = Buffer.concat(parts);
  const rec = 10240; // GNU tar's default record size
  if (out.length % rec) out = Buffer.concat([out, Buffer.alloc(rec - (out.length % rec))]);
  return out;
}

/** gzip -n: no name, no time; OS byte fixed to Unix so the host does not matter. */
export function gzip(buf) {
  const z = gzipSync(buf, { level: 9 });
  z.writeUInt32LE(0, 4);
  z[9] = 3;
  return z;
}

// ---------------------------------------------------------------- the package

const byteOrder = (a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** A tree as GNU `tar --sort=name -C dir .` lists it. tree: Map path → {mode, data} | dir. */
function treeEntries(tree) {
  const dirs = new Set([""]);
  for (const p of tree.keys()) {
    const parts = p.split("/");
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join("/"));
  }
  const out = [];
  const walk = (dir) => {
    out.push({ name: dir === "" ? "./" : `./${dir}/`, mode: 0o755 });
    const kids = new Set();
    for (const p of [...tree.keys(), ...dirs]) {
      if (p !== dir && p.startsWith(dir === "" ? "" : dir + "/")) kids.add(p.slice(dir === "" ? 0 : dir.length + 1).split("/")[0]);
    }
    for (const k of [...kids].sort(byteOrder)) {
      const p = dir === "" ? k : `${dir}/${k}`;
      if (dirs.has(p)) walk(p);
      else out.push({ name: `./${p}`, mode: tree.get(p).mode, data: tree.get(p).data });
    }
  };
  walk("");
  return out;
}

function addDir(tree, from, to) {
  if (!existsSync(from)) return;
  const walk = (d, rel) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const r = rel ? `${rel}/${name}` : name;
      const st = statSync(p);
      if (st.isDirectory()) walk(p, r);
      else {
        const key = to ? `${to}/${r}` : r;
        if (tree.has(key)) throw new Error(`ipk: ${key} comes from two places`);
        tree.set(key, { mode: st.mode & 0o111 ? 0o755 : 0o644, data: readFileSync(p) });
      }
    }
  };
  walk(from, "");
}

/** The installed tree of the main package: luci.mk's htdocs → /www, root → /. */
export function dataTree(pkg) {
  const tree = new Map();
  addDir(tree, join(pkg, "htdocs"), "www");
  addDir(tree, join(pkg, "root"), "");
  return tree;
}

export function sourceEpoch(top) {
  if (process.env.SOURCE_DATE_EPOCH) return Number(process.env.SOURCE_DATE_EPOCH);
  try {
    return Number(execFileSync("git", ["log", "-1", "--format=%ct"], { cwd: top, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim()) || 0;
  } catch {
    return 0;
  }
}

/** One .ipk from a data tree and control data, as ipkg-build packs it. */
function writeIpk({ name, version, arch, depends, description, meta, tree, conffiles = [], postinstPkg, prermPkg, outDir, epoch }) {
  for (const c of conffiles) {
    if (!tree.has(c.replace(/^\//, ""))) throw new Error(`ipk: conffile ${c} is not in the package`);
  }
  const dataTar = tar(treeEntries(tree), epoch);
  const control = [
    `Package: ${name}`,
    `Version: ${version}`,
    `Depends: ${depends.join(", ")}`,
    `Source: ${meta.source}`,
    `License: ${meta.license}`,
    `Section: luci`,
    `Maintainer: ${meta.maintainer}`,
    `Architecture: ${arch}`,
    `Installed-Size: ${dataTar.length}`,
    `Description:  ${description}`,
    "",
  ].join("\n");
  const script = (s) => ({ mode: 0o755, data: Buffer.from(s) });
  const ctrl = new Map();
  ctrl.set("control", { mode: 0o644, data: Buffer.from(control) });
  if (conffiles.length) ctrl.set("conffiles", { mode: 0o644, data: Buffer.from([...conffiles].sort(byteOrder).join("\n") + "\n") });
  ctrl.set("postinst", script('#!/bin/sh\n[ "${IPKG_NO_SCRIPT}" = "1" ] && exit 0\n. ${IPKG_INSTROOT}/lib/functions.sh\ndefault_postinst $0 $@\n'));
  ctrl.set("prerm", script("#!/bin/sh\n. ${IPKG_INSTROOT}/lib/functions.sh\ndefault_prerm $0 $@\n"));
  if (postinstPkg !== undefined) ctrl.set("postinst-pkg", script(postinstPkg + "\n"));
  if (prermPkg !== undefined) ctrl.set("prerm-pkg", script(prermPkg + "\n"));
  const controlTar = tar(treeEntries(ctrl), epoch);

  const ipk = gzip(
    tar(
      [
        { name: "./debian-binary", mode: 0o644, data: Buffer.from("2.0\n") },
        { name: "./data.tar.gz", mode: 0o644, data: gzip(dataTar) },
        { name: "./control.tar.gz", mode: 0o644, data: gzip(controlTar) },
      ],
      epoch,
    ),
  );
  mkdirSync(outDir, { recursive: true });
  for (const f of readdirSync(outDir)) if (f.startsWith(`${name}_`) && f.endsWith(".ipk")) unlinkSync(join(outDir, f));
  const path = join(outDir, `${name}_${version}_${arch}.ipk`);
  writeFileSync(path, ipk);
  return { path, size: ipk.length, installedSize: dataTar.length, sha256: createHash("sha256").update(ipk).digest("hex") };
}

/** The main package into outDir; returns what the closing note reports. */
export function buildIpk({ pkg, outDir, epoch }) {
  const meta = packageMeta(pkg);
  const tree = dataTree(pkg);
  const uciDefaults = [...tree.keys()].filter((p) => p.startsWith("etc/uci-defaults/")).map((p) => p.slice(17)).sort(byteOrder);
  const r = writeIpk({
    name: meta.name,
    version: meta.version,
    arch: meta.arch,
    depends: meta.depends,
    description: meta.description,
    meta,
    tree,
    conffiles: meta.conffiles,
    postinstPkg: meta.postinst ?? (uciDefaults.length ? luciDefaultPostinst(uciDefaults) : undefined),
    prermPkg: meta.prerm,
    outDir,
    epoch,
  });
  return { ...r, meta };
}

// ---------------------------------------------------------------- translations

// luci.mk: language titles (LUCI_LANG.*) and package-name aliases (LUCI_LC_ALIAS.*)
const LUCI_LANG = {
  ar: "العربية (Arabic)", bg: "български (Bulgarian)", bn_BD: "বাংলা (Bengali)", ca: "Català (Catalan)",
  cs: "Čeština (Czech)", de: "Deutsch (German)", el: "Ελληνικά (Greek)", en: "English",
  es: "Español (Spanish)", fi: "Suomi (Finnish)", fr: "Français (French)", he: "עִבְרִית (Hebrew)",
  hi: "हिंदी (Hindi)", hu: "Magyar (Hungarian)", it: "Italiano (Italian)", ja: "日本語 (Japanese)",
  ko: "한국어 (Korean)", mr: "Marāṭhī (Marathi)", ms: "Bahasa Melayu (Malay)", nb_NO: "Norsk (Norwegian)",
  nl: "Nederlands (Dutch)", pl: "Polski (Polish)", pt_BR: "Português do Brasil (Brazilian Portuguese)",
  pt: "Português (Portuguese)", ro: "Română (Romanian)", ru: "Русский (Russian)", sk: "Slovenčina (Slovak)",
  sv: "Svenska (Swedish)", tr: "Türkçe (Turkish)", uk: "Українська (Ukrainian)", vi: "Tiếng Việt (Vietnamese)",
  zh_Hans: "简体中文 (Chinese Simplified)", zh_Hant: "繁體中文 (Chinese Traditional)",
};
const LUCI_LC_ALIAS = { bn_BD: "bn", nb_NO: "no", pt_BR: "pt-br", zh_Hans: "zh-cn", zh_Hant: "zh-tw" };

/** lmo.c's sfh_hash (Paul Hsieh's SuperFastHash) with init = length, on bytes. */
export function sfhHash(buf) {
  const len = buf.length;
  if (len === 0) return 0;
  const get16 = (i) => buf[i] | (buf[i + 1] << 8);
  const sc = (b) => (b << 24) >> 24; // (signed char)
  let hash = len >>> 0;
  let i = 0;
  for (let n = len >>> 2; n > 0; n--, i += 4) {
    hash = (hash + get16(i)) >>> 0;
    const tmp = ((get16(i + 2) << 11) ^ hash) >>> 0;
    hash = ((hash << 16) ^ tmp) >>> 0;
    hash = (hash + (hash >>> 11)) >>> 0;
  }
  switch (len & 3) {
    case 3:
      hash = (hash + get16(i)) >>> 0;
      hash = (hash ^ (hash << 16)) >>> 0;
      hash = (hash ^ (sc(buf[i + 2]) << 18)) >>> 0;
      hash = (hash + (hash >>> 11)) >>> 0;
      break;
    case 2:
      hash = (hash + get16(i)) >>> 0;
      hash = (hash ^ (hash << 11)) >>> 0;
      hash = (hash + (hash >>> 17)) >>> 0;
      break;
    case 1:
      hash = (hash + sc(buf[i])) >>> 0;
      hash = (hash ^ (hash << 10)) >>> 0;
      hash = (hash + (hash >>> 1)) >>> 0;
  }
  hash = (hash ^ (hash << 3)) >>> 0;
  hash = (hash + (hash >>> 5)) >>> 0;
  hash = (hash ^ (hash << 4)) >>> 0;
  hash = (hash + (hash >>> 17)) >>> 0;
  hash = (hash ^ (hash << 25)) >>> 0;
  hash = (hash + (hash >>> 6)) >>> 0;
  return hash;
}

/** A .po string literal the way po2lmo's extract_string reads it: \" and \\ lose their
 * backslash, every other escape stays as written (LuCI's lookups use the same form). */
function poString(line) {
  const q = line.indexOf('"');
  if (line.startsWith("#") || q < 0) return undefined;
  let out = "";
  for (let i = q + 1; i < line.length; i++) {
    const c = line[i];
    if (c === "\\" && i + 1 < line.length) {
      const n = line[++i];
      out += n === '"' || n === "\\" ? n : c + n;
    } else if (c === '"') return out;
    else out += c;
  }
  return out;
}

/** po2lmo: translations (values, each padded to 4 bytes), then the index sorted by key
 * hash (key_id, val_id = plural count, offset, length; big-endian), then the index
 * offset. Untranslated and identical entries are left out; the header contributes its
 * Plural-Forms under key 0. Undefined when nothing is translated (po2lmo writes no file). */
export function po2lmo(text) {
  const values = [];
  const index = [];
  let offset = 0;
  const add = (key, val, valId) => {
    const data = Buffer.from(val);
    index.push({ key, valId, offset, length: data.length });
    const pad = (4 - (data.length % 4)) % 4;
    values.push(data, Buffer.alloc(pad));
    offset += data.length + pad;
  };
  let msg = { ctxt: undefined, id: undefined, plural: undefined, val: [], pluralNum: -1 };
  let cur;
  const flush = () => {
    if (msg.id !== undefined && msg.val[0] !== undefined) {
      for (let i = 0; i <= msg.pluralNum; i++) {
        const v = msg.val[i];
        if (v === undefined) continue;
        let key = msg.id;
        if (msg.ctxt !== undefined) key = `${msg.ctxt}\x01${key}`;
        if (msg.plural !== undefined) key = `${key}\x02${i}`;
        const keyId = sfhHash(Buffer.from(key));
        if (keyId !== sfhHash(Buffer.from(v))) add(keyId, v, msg.pluralNum + 1);
      }
    } else if (msg.val[0] !== undefined) {
      for (const field of msg.val[0].split("\\n")) {
        if (field.toLowerCase().startsWith("plural-forms: ")) {
          add(0, field.slice(14), 0);
          break;
        }
      }
    }
    msg = { ctxt: undefined, id: undefined, plural: undefined, val: [], pluralNum: -1 };
  };
  const append = (field, s) => {
    if (s === undefined || s === "") return;
    if (field[0] === "val") msg.val[field[1]] = (msg.val[field[1]] ?? "") + s;
    else msg[field[0]] = (msg[field[0]] ?? "") + s;
  };
  for (const line of text.split("\n")) {
    if (line.startsWith('msgctxt "')) {
      if (msg.id !== undefined || msg.val[0] !== undefined) flush();
      msg.ctxt = undefined;
      cur = ["ctxt"];
    } else if (line.startsWith('msgid "')) {
      if (msg.id !== undefined || msg.val[0] !== undefined) flush();
      msg.id = undefined;
      cur = ["id"];
    } else if (line.startsWith('msgid_plural "')) {
      msg.plural = undefined;
      cur = ["plural"];
    } else if (line.startsWith('msgstr "') || line.startsWith("msgstr[")) {
      msg.pluralNum = line[6] === "[" ? parseInt(line.slice(7), 10) : 0;
      if (msg.pluralNum >= 10) throw new Error("po2lmo: too many plural forms");
      msg.val[msg.pluralNum] = undefined;
      cur = ["val", msg.pluralNum];
    }
    if (cur) append(cur, poString(line));
  }
  if (msg.id !== undefined || msg.val[0] !== undefined) flush();
  if (offset === 0) return undefined;
  index.sort((a, b) => a.key - b.key);
  const idx = Buffer.alloc(index.length * 16 + 4);
  index.forEach((e, n) => {
    idx.writeUInt32BE(e.key, n * 16);
    idx.writeUInt32BE(e.valId, n * 16 + 4);
    idx.writeUInt32BE(e.offset, n * 16 + 8);
    idx.writeUInt32BE(e.length, n * 16 + 12);
  });
  idx.writeUInt32BE(offset, index.length * 16);
  return Buffer.concat([...values, idx]);
}

/** luci.mk's LuciTranslation: the package luci-i18n-<basename>-<lang> of each po/<lang>/
 * directory: { name, version, depends, description, tree, postinstPkg }. */
export function i18nPackages(pkg) {
  const meta = packageMeta(pkg);
  const poDir = join(pkg, "po");
  if (!existsSync(poDir)) return [];
  return readdirSync(poDir)
    .filter((d) => d !== "templates")
    .sort(byteOrder)
    .map((lang) => {
      const title = LUCI_LANG[lang];
      if (title === undefined) throw new Error(`i18n: po/${lang}: not a language luci.mk knows`);
      const code = LUCI_LC_ALIAS[lang] ?? lang;
      const name = `luci-i18n-${meta.basename}-${code}`;
      const tree = new Map();
      tree.set(`etc/uci-defaults/${name}`, {
        mode: 0o644,
        data: Buffer.from(`uci set luci.languages.${code.split("-").join("_")}='${title}'; uci commit luci\n`),
      });
      for (const po of readdirSync(join(poDir, lang)).filter((f) => f.endsWith(".po")).sort(byteOrder)) {
        const lmo = po2lmo(readFileSync(join(poDir, lang, po), "utf8"));
        if (lmo) tree.set(`usr/lib/lua/luci/i18n/${po.slice(0, -3)}.${code}.lmo`, { mode: 0o644, data: lmo });
      }
      return {
        name,
        version: meta.poVersion,
        depends: ["libc", meta.name],
        description: `Translation for ${meta.name} - ${title}`,
        tree,
        postinstPkg: `\t[ -n "\${IPKG_INSTROOT}" ] || {\n\t\t(. /etc/uci-defaults/${name}) && rm -f /etc/uci-defaults/${name}\n\t\texit 0\n\t}`,
      };
    });
}

export function buildI18nIpks({ pkg, outDir, epoch }) {
  const meta = packageMeta(pkg);
  return i18nPackages(pkg).map((p) => ({ ...writeIpk({ ...p, arch: "all", meta, outDir, epoch }), name: p.name }));
}

export default function buildIpkStep({ top, pkg }) {
  const outDir = join(top, "dist");
  const epoch = sourceEpoch(top);
  for (const r of [buildIpk({ pkg, outDir, epoch }), ...buildI18nIpks({ pkg, outDir, epoch })]) {
    console.log(`ipk: ${r.path} (${r.size} bytes, Installed-Size ${r.installedSize}, sha256 ${r.sha256})`);
  }
}
