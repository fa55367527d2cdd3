// apk-tools v3 "ADB" package schema (apk-tools src/adb.h, src/apk_adb.{h,c}, read for
// the facts): value tags, block types and the fields of each object, in index order
// (field n is slot n of the stored object; slot 0 holds the slot count).

export const SCHEMA_PACKAGE = 0x676b6370; // "pckg"
export const MAGIC = "ADB.";
export const MAGIC_DEFLATE = "ADBd";

export const BLOCK_ADB = 0;
export const BLOCK_SIG = 1;
export const BLOCK_DATA = 2;

// the top 4 bits of a 32-bit value say what the low 28 bits are
export const T_SPECIAL = 0x0;
export const T_INT = 0x1; // the value itself
export const T_INT_32 = 0x2; // offset of a u32
export const T_INT_64 = 0x3; // offset of a u64
export const T_BLOB_8 = 0x8; // offset of u8 length + bytes
export const T_BLOB_16 = 0x9;
export const T_BLOB_32 = 0xa;
export const T_ARRAY = 0xd;
export const T_OBJECT = 0xe;

// scalar kinds: how apk parses a value from text and how adbdump prints it
// string | name | version | hex | int | oct | time | size | mstring (multi-line)
const dep = { kind: "object", fields: [["name", "string"], ["version", "version"], ["match", "int"]] };
const deps = { kind: "array", item: dep, dependency: true };
const acl = { kind: "object", fields: [["mode", "oct"], ["user", "string"], ["group", "string"], ["xattrs", { kind: "array", item: "hex" }]] };
const file = {
  kind: "object",
  fields: [["name", "string"], ["acl", acl], ["size", "int"], ["mtime", "time"], ["hash", "hex"], ["target", "hex"]],
};
const dir = { kind: "object", fields: [["name", "string"], ["acl", acl], ["files", { kind: "array", item: file }]] };
export const INFO_FIELDS = [
  ["name", "name"],
  ["version", "version"],
  ["hashes", "hex"],
  ["description", "string"],
  ["arch", "string"],
  ["license", "string"],
  ["origin", "string"],
  ["maintainer", "string"],
  ["url", "string"],
  ["repo-commit", "hex"],
  ["build-time", "time"],
  ["installed-size", "size"],
  ["file-size", "size"],
  ["provider-priority", "int"],
  ["depends", deps],
  ["provides", deps],
  ["replaces", deps],
  ["install-if", deps],
  ["recommends", deps],
  ["layer", "int"],
  ["tags", { kind: "array", item: "string" }],
];
export const SCRIPT_NAMES = ["trigger", "pre-install", "post-install", "pre-deinstall", "post-deinstall", "pre-upgrade", "post-upgrade"];
export const PACKAGE = {
  kind: "object",
  fields: [
    ["info", { kind: "object", fields: INFO_FIELDS }],
    ["paths", { kind: "array", item: dir }],
    ["scripts", { kind: "object", fields: SCRIPT_NAMES.map((n) => [n, "mstring"]) }],
    ["triggers", { kind: "array", item: "string" }],
    ["replaces-priority", "int"],
  ],
};

/** 1-based slot of a field in an object schema. */
export function slot(schema, name) {
  const i = schema.fields.findIndex(([n]) => n === name);
  if (i < 0) throw new Error(`adb: no field ${name}`);
  return i + 1;
}

// ---------------------------------------------------------------- what apk accepts

// apk's ctype table: package names [A-Za-z0-9+._-] starting alphanumeric; dependency
// names also allow , : / [ ]
const NAME = /^[A-Za-z0-9][A-Za-z0-9+._-]*$/;
const DEP_NAME = /^[A-Za-z0-9+._,:/[\]-]+$/;
// version.c's token grammar: digits{.digits}[letter]{_suffix[digits]}[~hexhash][-rN]
const VERSION = /^[0-9]+(\.[0-9]+)*[a-z]?(_(alpha|beta|pre|rc|cvs|svn|git|hg|p)[0-9]*)*(~[0-9a-f]+)?(-r[0-9]+)?$/;

export const validName = (s) => NAME.test(s);
export const validDependencyName = (s) => DEP_NAME.test(s);
export const validVersion = (s) => VERSION.test(s);
