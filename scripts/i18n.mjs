// Translations of the LuCI page: collects every string the user can see and keeps the
// catalogs in step with the sources:
//   - the view's `_('...')` strings (src/luci/*.ts): the router sends its messages as
//     codes and the view words each with a literal _() (src/luci/messages.ts);
//   - the menu title and the ACL description, as LuCI's i18n-scan takes them;
// and writes
//   - luci-app-splitwan/po/templates/splitwan.pot,
//   - luci-app-splitwan/po/<lang>/splitwan.po merged like msgmerge (translations kept,
//     new strings added untranslated, obsolete ones dropped).
// `node scripts/i18n.mjs` updates; `node scripts/i18n.mjs --check` fails when stale.
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const TOP = join(dirname(fileURLToPath(import.meta.url)), "..");
const PO_DIR = join(TOP, "luci-app-splitwan/po");

// ---- the view's _() literals ----

/** Parses the string or template literal at i; returns its text ("%s" for each ${...}). */
function literalAt(src, i) {
  const q = src[i];
  let out = "";
  let j = i + 1;
  while (j < src.length) {
    const c = src[j];
    if (c === "\\") {
      const n = src[j + 1];
      out += n === "n" ? "\n" : n === "t" ? "\t" : n;
      j += 2;
    } else if (c === q) {
      return { text: out, end: j + 1 };
    } else if (q === "`" && c === "$" && src[j + 1] === "{") {
      let depth = 1;
      j += 2;
      while (j < src.length && depth > 0) {
        if (src[j] === '"' || src[j] === "'" || src[j] === "`") {
          j = literalAt(src, j).end;
          continue;
        }
        if (src[j] === "{") depth++;
        else if (src[j] === "}") depth--;
        j++;
      }
      out += "%s";
    } else {
      out += c;
      j++;
    }
  }
  throw new Error(`unterminated literal at ${i}`);
}

/** `_('...')` strings of the view sources, in order. */
export function viewStrings(src) {
  const out = [];
  const re = /(?<![\w$.])_\(\s*(?=["'`])/g;
  let m;
  while ((m = re.exec(src)) !== null) {
    const l = literalAt(src, m.index + m[0].length);
    if (src[m.index + m[0].length] === "`" && l.text.includes("%s")) throw new Error(`_() with a template literal: ${l.text}`);
    out.push(l.text);
  }
  return out;
}

/** Everything the catalogs must hold: [{msgid, refs}] in first-seen order. */
export function collect(top = TOP) {
  const entries = new Map();
  const note = (msgid, ref) => {
    if (!entries.has(msgid)) entries.set(msgid, []);
    if (!entries.get(msgid).includes(ref)) entries.get(msgid).push(ref);
  };
  const luciDir = join(top, "src/luci");
  for (const name of readdirSync(luciDir).sort()) {
    if (!name.endsWith(".ts") || name.endsWith(".d.ts")) continue;
    for (const s of viewStrings(readFileSync(join(luciDir, name), "utf8"))) note(s, `src/luci/${name}`);
  }
  // menu titles and ACL descriptions, as LuCI's i18n-scan takes them
  for (const [dir, key] of [["files/usr/share/luci/menu.d", "title"], ["files/usr/share/rpcd/acl.d", "description"]]) {
    const abs = join(top, dir);
    for (const name of existsSync(abs) ? readdirSync(abs).sort() : []) {
      const json = JSON.parse(readFileSync(join(abs, name), "utf8"));
      for (const entry of Object.values(json)) if (typeof entry[key] === "string") note(entry[key], `${dir}/${name}`);
    }
  }
  return { entries: [...entries].map(([msgid, refs]) => ({ msgid, refs })) };
}

// ---- .po files ----

function poString(s) {
  return JSON.stringify(s).replace(/\\u([0-9a-f]{4})/g, (_m, h) => String.fromCharCode(parseInt(h, 16)));
}

export function parsePo(text) {
  const out = new Map();
  let id;
  let str;
  let field;
  const flush = () => {
    if (id !== undefined && id !== "") out.set(id, str ?? "");
    id = str = field = undefined;
  };
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line.startsWith("msgid ")) {
      flush();
      id = JSON.parse(line.slice(6));
      field = "id";
    } else if (line.startsWith("msgstr ")) {
      str = JSON.parse(line.slice(7));
      field = "str";
    } else if (line.startsWith('"') && field === "id") id += JSON.parse(line);
    else if (line.startsWith('"') && field === "str") str += JSON.parse(line);
  }
  flush();
  return out;
}

export function renderPo(entries, translations, header) {
  let out = `msgid ""\nmsgstr ""\n${header.map((h) => poString(h + "\n")).join("\n")}\n`;
  for (const e of entries) {
    out += `\n#: ${e.refs.join(" ")}\nmsgid ${poString(e.msgid)}\nmsgstr ${poString(translations?.get(e.msgid) ?? "")}\n`;
  }
  return out;
}

const POT_HEADER = ["Content-Type: text/plain; charset=UTF-8"];
const PO_HEADER = (lang) => ["Content-Type: text/plain; charset=UTF-8", "Project-Id-Version: luci-app-splitwan", `Language: ${lang}`, "MIME-Version: 1.0", "Content-Transfer-Encoding: 8bit"];

/** The files as they should be: path → content. */
export function outputs(top = TOP) {
  const { entries } = collect(top);
  const files = new Map();
  files.set(join(PO_DIR, "templates/splitwan.pot"), renderPo(entries, undefined, POT_HEADER));
  for (const lang of existsSync(PO_DIR) ? readdirSync(PO_DIR).sort() : []) {
    if (lang === "templates") continue;
    const path = join(PO_DIR, lang, "splitwan.po");
    const old = existsSync(path) ? parsePo(readFileSync(path, "utf8")) : new Map();
    files.set(path, renderPo(entries, old, PO_HEADER(lang)));
  }
  return files;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes("--check");
  let stale = 0;
  for (const [path, text] of outputs()) {
    const cur = existsSync(path) ? readFileSync(path, "utf8") : undefined;
    if (cur === text) continue;
    stale++;
    if (check) console.error(`stale: ${relative(TOP, path)}`);
    else {
      writeFileSync(path, text);
      console.log(`wrote ${relative(TOP, path)}`);
    }
  }
  if (check && stale > 0) process.exit(1);
}
