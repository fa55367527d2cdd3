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
// Translations (po/<lang>/*.po → luci-i18n-<basename>-<lang>) are not built here: see
// docs/packaging.md.
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
    s.replace(/\$\$|\$\(([A-Za-z0-9_]+)\)|\$\{([A-Za-z0-9_]+)\}|\$\(([^)]*)\)/g, (m, a, b, other) => {
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
      for (i++; i < lines.length && lines[i] !== "endef"; i++) body.push(lines[i]);
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
    license: need("PKG_LICENSE"),
    maintainer: vars.get("LUCI_MAINTAINER") ?? need("PKG_MAINTAINER"),
    title: need("LUCI_TITLE"),
    description: vars.get("LUCI_DESCRIPTION") ?? need("LUCI_TITLE"),
    arch: vars.get("LUCI_PKGARCH") ?? "all",
    depends,
    conffiles: (defines.get(`Package/${name}/conffiles`) ?? "").split("\n").map((s) => s.trim()).filter(Boolean),
    postinst: defines.get(`Package/${name}/postinst`),
    prerm: defines.get(`Package/${name}/prerm`),
  };
}

/** luci.mk's Package/<name>/postinst when the Makefile defines none. */
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

/** Builds the .ipk into outDir; returns what the closing note reports. */
export function buildIpk({ pkg, outDir, epoch }) {
  const meta = packageMeta(pkg);
  const tree = dataTree(pkg);
  for (const c of meta.conffiles) {
    if (!tree.has(c.replace(/^\//, ""))) throw new Error(`ipk: conffile ${c} is not in the package`);
  }
  const dataTar = tar(treeEntries(tree), epoch);
  const uciDefaults = [...tree.keys()].filter((p) => p.startsWith("etc/uci-defaults/")).map((p) => p.slice(17)).sort(byteOrder);
  const control = [
    `Package: ${meta.name}`,
    `Version: ${meta.version}`,
    `Depends: ${meta.depends.join(", ")}`,
    `Source: feeds/splitwan/${meta.name}`,
    `License: ${meta.license}`,
    `Section: luci`,
    `Maintainer: ${meta.maintainer}`,
    `Architecture: ${meta.arch}`,
    `Installed-Size: ${dataTar.length}`,
    `Description:  ${meta.description}`,
    "",
  ].join("\n");
  const script = (s) => ({ mode: 0o755, data: Buffer.from(s) });
  const ctrl = new Map();
  ctrl.set("control", { mode: 0o644, data: Buffer.from(control) });
  if (meta.conffiles.length) ctrl.set("conffiles", { mode: 0o644, data: Buffer.from([...meta.conffiles].sort(byteOrder).join("\n") + "\n") });
  ctrl.set("postinst", script('#!/bin/sh\n[ "${IPKG_NO_SCRIPT}" = "1" ] && exit 0\n. ${IPKG_INSTROOT}/lib/functions.sh\ndefault_postinst $0 $@\n'));
  ctrl.set("prerm", script("#!/bin/sh\n. ${IPKG_INSTROOT}/lib/functions.sh\ndefault_prerm $0 $@\n"));
  const postinst = meta.postinst ?? (uciDefaults.length ? luciDefaultPostinst(uciDefaults) : undefined);
  if (postinst !== undefined) ctrl.set("postinst-pkg", script(postinst + "\n"));
  if (meta.prerm !== undefined) ctrl.set("prerm-pkg", script(meta.prerm + "\n"));
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
  for (const f of readdirSync(outDir)) if (f.startsWith(`${meta.name}_`) && f.endsWith(".ipk")) unlinkSync(join(outDir, f));
  const path = join(outDir, `${meta.name}_${meta.version}_${meta.arch}.ipk`);
  writeFileSync(path, ipk);
  return {
    path,
    meta,
    size: ipk.length,
    installedSize: dataTar.length,
    sha256: createHash("sha256").update(ipk).digest("hex"),
  };
}

export default function buildIpkStep({ top, pkg }) {
  const r = buildIpk({ pkg, outDir: join(top, "dist"), epoch: sourceEpoch(top) });
  console.log(`ipk: ${r.path} (${r.size} bytes, Installed-Size ${r.installedSize}, sha256 ${r.sha256})`);
}
