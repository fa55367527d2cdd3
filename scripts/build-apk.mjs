// Build step 5: dist/<name>-<version>.apk for OpenWrt 25.12 (apk-tools 3) without the SDK,
// beside the .ipk, from the same feed tree and Makefile (scripts/build-ipk.mjs reads it).
//
// What goes in mirrors include/package-pack.mk's CONFIG_USE_APK branch:
//   - the tree: luci.mk's install (htdocs/ → /www, root/ → /) plus lib/apk/packages/
//     <name>.list (every file, sorted, made before the two below), <name>.conffiles (the
//     conffiles define) and <name>.conffiles_static (`path sha256` per conffile);
//   - the scripts: post-install = the wrapper that sources /lib/functions.sh and runs
//     add_group_and_user + default_postinst, then the package's postinst without its #!
//     lines; post-upgrade = `export PKG_UPGRADE=1` + the same; pre-deinstall = the wrapper
//     with default_prerm, then the package's prerm;
//   - the info: name, version, description, arch (PKGARCH all → noarch), license, origin
//     (SOURCE), url, maintainer, provides <name>-any, depends (libc first, no '+').
// The bytes are apk mkpkg's (scripts/apk/adb-write.mjs): mtimes SOURCE_DATE_EPOCH (or the
// last commit's time), owner root:root, deflate-compressed.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { mkpkg, validateInfo } from "./apk/adb-write.mjs";
import { LUCI_POSTINST, dataTree, i18nPackages, packageMeta, sourceEpoch } from "./build-ipk.mjs";

const byteOrder = (a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b));

// a Makefile define as package-pack.mk writes it to a file (echo adds the newline)
const defineFile = (define) => (define === undefined ? "" : define + "\n");
// the wrappers copy a script with sed '/^\s*#!/d'
const noShebang = (text) => text.split("\n").filter((l) => !/^\s*#!/.test(l)).join("\n");

/** The three scripts package-pack.mk gives `apk mkpkg` for package `name`. */
export function apkScripts(name, postinst, prerm) {
  const guard = '[ -s ${IPKG_INSTROOT}/lib/functions.sh ] || exit 0\n. ${IPKG_INSTROOT}/lib/functions.sh\n';
  const env = `export root="\${IPKG_INSTROOT}"\nexport pkgname="${name}"\n`;
  const postInstall = `#!/bin/sh\n[ "\${IPKG_NO_SCRIPT}" = "1" ] && exit 0\n${guard}${env}add_group_and_user\ndefault_postinst\n${noShebang(defineFile(postinst))}`;
  return {
    "post-install": postInstall,
    "post-upgrade": `#!/bin/sh\nexport PKG_UPGRADE=1\n${noShebang(postInstall)}`,
    "pre-deinstall": `#!/bin/sh\n${guard}${env}default_prerm\n${noShebang(defineFile(prerm))}`,
  };
}

/** The tree apk mkpkg is given: the installed files plus lib/apk/packages/<name>.*. */
export function apkTree(name, tree, conffiles = []) {
  const out = new Map(tree);
  const list = [...tree.keys()].map((p) => "/" + p).sort(byteOrder);
  const side = (ext, text) => out.set(`lib/apk/packages/${name}.${ext}`, { mode: 0o644, data: Buffer.from(text) });
  side("list", list.map((p) => p + "\n").join(""));
  if (conffiles.length) {
    side("conffiles", conffiles.map((c) => c + "\n").join(""));
    let stat = "";
    for (const c of conffiles) {
      const f = tree.get(c.replace(/^\//, ""));
      if (!f) throw new Error(`apk: conffile ${c} is not in the package`);
      stat += `${c} ${createHash("sha256").update(f.data).digest("hex")}\n`;
    }
    side("conffiles_static", stat);
  }
  return out;
}

/** Every package of the feed directory: the app and its translations, as mkpkg input. */
export function apkPackages(pkg) {
  const meta = packageMeta(pkg);
  const info = (name, version, depends, description) => ({
    name,
    version,
    description,
    arch: meta.arch === "all" ? "noarch" : meta.arch,
    license: meta.license,
    origin: meta.source,
    url: meta.url,
    maintainer: meta.maintainer,
    provides: `${name}-any`, // Package's implicit virtual provide @<name>-any
    depends: depends.join(" "),
  });
  return [
    {
      info: info(meta.name, meta.version, meta.depends, meta.description),
      scripts: apkScripts(meta.name, meta.postinst ?? LUCI_POSTINST, meta.prerm),
      files: apkTree(meta.name, dataTree(pkg), meta.conffiles),
    },
    ...i18nPackages(pkg).map((p) => ({
      info: info(p.name, p.version, p.depends, p.description),
      scripts: apkScripts(p.name, p.postinstPkg, undefined),
      files: apkTree(p.name, p.tree),
    })),
  ];
}

/** Validates every package, then writes them all: bad metadata leaves dist/ untouched. */
export function buildApks({ pkg, outDir, epoch }) {
  const pkgs = apkPackages(pkg);
  for (const p of pkgs) validateInfo(p.info);
  const built = pkgs.map((p) => ({ ...p, ...mkpkg({ ...p, epoch }) }));
  mkdirSync(outDir, { recursive: true });
  return built.map(({ info, apk, id, installedSize }) => {
    const own = (f) => f.startsWith(`${info.name}-`) && /^[0-9]/.test(f.slice(info.name.length + 1)) && f.endsWith(".apk");
    for (const f of readdirSync(outDir)) if (own(f)) unlinkSync(join(outDir, f));
    const path = join(outDir, `${info.name}-${info.version}.apk`);
    writeFileSync(path, apk);
    return { name: info.name, path, size: apk.length, installedSize, id, sha256: createHash("sha256").update(apk).digest("hex") };
  });
}

export default function buildApkStep({ top, pkg }) {
  for (const r of buildApks({ pkg, outDir: join(top, "dist"), epoch: sourceEpoch(top) })) {
    console.log(`apk: ${r.path} (${r.size} bytes, installed-size ${r.installedSize}, id ${r.id}, sha256 ${r.sha256})`);
  }
}
