// Translations of the LuCI page: collects every string the user can see and keeps the
// catalogs in step with the sources.
//   - the view's `_('...')` strings (src/luci/*.ts);
//   - the backend's user-facing messages (validation errors, status warnings, plugin and
//     DDNS answers) as templates, "%s" where the code fills in a value;
// and writes
//   - src/luci/backend-messages.ts (the templates, so the page can find the one a message
//     came from and show its translation),
//   - luci-app-splitwan/po/templates/splitwan.pot,
//   - luci-app-splitwan/po/<lang>/splitwan.po merged like msgmerge (translations kept,
//     new strings added untranslated, obsolete ones dropped).
// `node scripts/i18n.mjs` updates; `node scripts/i18n.mjs --check` fails when stale.
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const TOP = join(dirname(fileURLToPath(import.meta.url)), "..");
const PO_DIR = join(TOP, "luci-app-splitwan/po");
const BACKEND_TS = join(TOP, "src/luci/backend-messages.ts");

/** Backend files whose messages reach the page (a directory: every .ts in it). */
export const BACKEND_FILES = ["src/core/validate.ts", "src/core/section-check.ts", "src/core/ports.ts", "src/core/status.ts", "src/core/ddns/", "src/cli/rpcd.ts"];

function backendFiles(top) {
  const out = [];
  for (const f of BACKEND_FILES) {
    if (!f.endsWith("/")) out.push(f);
    else if (existsSync(join(top, f))) for (const name of readdirSync(join(top, f)).sort()) if (name.endsWith(".ts")) out.push(f + name);
  }
  return out;
}

// ---- a small JS/TS scanner: literals and expression extents ----

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

function skipComment(src, i) {
  if (src[i] === "/" && src[i + 1] === "/") return src.indexOf("\n", i) === -1 ? src.length : src.indexOf("\n", i);
  if (src[i] === "/" && src[i + 1] === "*") return src.indexOf("*/", i + 2) + 2;
  return i;
}

/** Literals of the expression starting at i, up to a top-level `,` `;` or closing bracket. */
function expressionLiterals(src, i) {
  const lits = [];
  let depth = 0;
  while (i < src.length) {
    const k = skipComment(src, i);
    if (k !== i) {
      i = k;
      continue;
    }
    const c = src[i];
    if (c === '"' || c === "'" || c === "`") {
      const l = literalAt(src, i);
      lits.push(l.text);
      i = l.end;
      continue;
    }
    if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") {
      if (depth === 0) break;
      depth--;
    } else if ((c === "," || c === ";") && depth === 0) break;
    i++;
  }
  return lits;
}

/** Start of the n-th (0-based) top-level argument of the call whose "(" is at open. */
function argumentStart(src, open, n) {
  let depth = 0;
  let arg = 0;
  for (let i = open + 1; i < src.length; i++) {
    const c = src[i];
    if (arg === n && depth === 0 && !/\s/.test(c)) return i;
    if (c === '"' || c === "'" || c === "`") {
      i = literalAt(src, i).end - 1;
      continue;
    }
    if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") {
      if (depth === 0) return -1;
      depth--;
    } else if (c === "," && depth === 0) arg++;
  }
  return -1;
}

function isMessage(text) {
  const words = text.split("%s").join("");
  return /[a-zA-Z]{2}/.test(words) && words.trim().includes(" ") && !text.includes("\n") && !text.startsWith(" ");
}

/** 1 where src[i] is inside a string literal or a comment: patterns match code only. */
function literalMask(src) {
  const mask = new Uint8Array(src.length);
  for (let i = 0; i < src.length; ) {
    const k = skipComment(src, i);
    if (k !== i) {
      mask.fill(1, i, k);
      i = k;
    } else if (src[i] === '"' || src[i] === "'" || src[i] === "`") {
      const end = literalAt(src, i).end;
      mask.fill(1, i, end);
      i = end;
    } else i++;
  }
  return mask;
}

/** Files whose functions return messages as plain strings (the `return` rule). */
const RETURNS_MESSAGES = ["src/core/ports.ts"];

/** User-facing message templates of one backend source file. */
export function backendMessages(src, returnsMessages = true) {
  const found = [];
  const add = (lits) => {
    for (const l of lits) if (isMessage(l)) found.push(l);
  };
  const mask = literalMask(src);
  const exec = (re) => {
    let m;
    while ((m = re.exec(src)) !== null && mask[m.index] === 1);
    return m;
  };
  let m;
  const errCall = /\berr\(/g; // validate.ts, ddns/config.ts: err(option, value, message)
  while ((m = exec(errCall)) !== null) {
    const at = argumentStart(src, m.index + m[0].length - 1, 2);
    if (at >= 0) add(expressionLiterals(src, at));
  }
  const push = /\b(?:warnings|pending)\.push\(/g; // status.ts
  while ((m = exec(push)) !== null) add(expressionLiterals(src, m.index + m[0].length));
  const prop = /\b(?:error|message):\s*/g; // { error: ... }, { message: ... }
  while ((m = exec(prop)) !== null) add(expressionLiterals(src, m.index + m[0].length));
  const ret = /\breturn\s+(?=[`"'])/g; // ports.ts: return `"${text}": ...`
  while (returnsMessages && (m = exec(ret)) !== null) {
    const l = literalAt(src, m.index + m[0].length);
    if (l.text.includes(": ")) add([l.text]);
  }
  const table = /\[\s*"(?:ok|unchanged|transient|permanent)",\s*(?=[`"'])/g; // value-domain STATUS
  while ((m = exec(table)) !== null) add([literalAt(src, m.index + m[0].length).text]);
  return found;
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

function uniq(list) {
  return [...new Set(list)];
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
    if (!name.endsWith(".ts") || name.endsWith(".d.ts") || name === "backend-messages.ts") continue;
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
  const backend = [];
  for (const file of backendFiles(top)) {
    const path = join(top, file);
    if (!existsSync(path)) continue;
    for (const s of backendMessages(readFileSync(path, "utf8"), RETURNS_MESSAGES.includes(file))) {
      note(s, file);
      backend.push(s);
    }
  }
  return { entries: [...entries].map(([msgid, refs]) => ({ msgid, refs })), backend: uniq(backend).sort() };
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

function backendTs(list) {
  return `// Generated by scripts/i18n.mjs: templates of the backend's user-facing messages.\nexport const BACKEND_MESSAGES: readonly string[] = [\n${list.map((s) => `  ${JSON.stringify(s)},\n`).join("")}];\n`;
}

/** The files as they should be: path → content. */
export function outputs(top = TOP) {
  const { entries, backend } = collect(top);
  const files = new Map();
  files.set(BACKEND_TS, backendTs(backend));
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
