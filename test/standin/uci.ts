// TEST ONLY: a `uci` Lua module that answers like OpenWrt's libuci-lua (checked against
// ../shared/reference/lua-bindings/transcript.txt by test/standin.test.ts, which replays
// the real probe on it). Built to build/lua-test/standin/uci.lua and found through
// LUA_PATH, so the router code runs `require "uci"` and `cursor:get(...)` exactly as on
// a router. The store underneath is UciFileCursor (libuci's parser and writer).
//
// What the real binding does and this one copies:
//   - a cursor is an object used with method calls; a dot call (c.get(...)) has a string
//     as self and answers "Entry not found", as libuci-lua does;
//   - failure is nil/false plus "uci: <reason>", never an error (a config that does not
//     parse: get/get_all give nil and libuci's parse error, load false and the error,
//     foreach false, as lua/uci.c does); set with an empty table
//     raises; foreach stops when the callback returns false and is false for a missing
//     config; get_all has no .index;
//   - an option name libuci rejects is "set" (true) but never stored.
import type { UciSection, UciValue } from "../../src/core/uci";
import { luaFiles } from "../../src/router/files";
import { UciFileCursor } from "./uci-file";

const NOT_FOUND = "uci: Entry not found";
const INVALID = "uci: Invalid argument";

function validName(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95)) return false;
  }
  return true;
}

type Answer<T> = LuaMultiReturn<[T | undefined, string?]>;

class Cursor {
  private readonly store: UciFileCursor;
  private readonly changed: Record<string, boolean> = {};

  constructor(
    private readonly confdir: string,
    private readonly savedir: string,
  ) {
    this.store = new UciFileCursor(luaFiles(), confdir);
  }

  get_confdir(): string {
    return this.confdir;
  }

  get_savedir(): string {
    return this.savedir;
  }

  /** true, or false and libuci's message (a parse error names line and byte). */
  load(config: string): Answer<boolean> {
    if (!(this instanceof Cursor)) return $multi(false, NOT_FOUND);
    const [ok, err] = this.store.load(config);
    if (ok) return $multi(true);
    return $multi(false, err);
  }

  get(config: string, section: string, option?: string): Answer<UciValue> {
    if (!(this instanceof Cursor)) return $multi(undefined, NOT_FOUND);
    const broken = this.store.loadError(config);
    if (broken !== undefined) return $multi(undefined, broken);
    const v = this.store.get(config, section, option);
    // the section's type comes twice, as libuci-lua pushes it
    if (v !== undefined && option === undefined) return $multi(v, v as string);
    if (v !== undefined) return $multi(v);
    // libuci: a missing section asked for its type is an invalid lookup
    const missingSection = option === undefined && this.store.get_all(config, section) === undefined && this.store.foreach(config, undefined, () => false);
    return $multi(undefined, missingSection ? INVALID : NOT_FOUND);
  }

  get_all(config: string, section?: string): Answer<UciSection> {
    if (!(this instanceof Cursor)) return $multi(undefined, NOT_FOUND);
    const broken = this.store.loadError(config);
    if (broken !== undefined) return $multi(undefined, broken);
    if (section === undefined) {
      // the whole config (uci_push_package): sections by name, each with its .index
      if (this.store.exportText(config) === undefined) return $multi(undefined, NOT_FOUND);
      const all: Record<string, UciSection> = {};
      this.store.foreach(config, undefined, (x) => {
        all[x[".name"]] = x;
      });
      return $multi(all as unknown as UciSection);
    }
    const s = this.store.get_all(config, section);
    if (s !== undefined) return $multi(s);
    return $multi(undefined, NOT_FOUND);
  }

  foreach(config: string, type: string | undefined, fn: (this: void, s: UciSection) => boolean | void): boolean {
    if (!(this instanceof Cursor)) return false;
    return this.store.foreach(config, type, fn);
  }

  set(config: string, section: string, optionOrType: string, value?: UciValue | number): Answer<boolean> {
    if (!(this instanceof Cursor)) return $multi(false, NOT_FOUND);
    if (typeof value === "object" && value.length === 0) error("Cannot set an uci option to an empty table value", 2);
    if (value !== undefined && this.store.get_all(config, section) === undefined) return $multi(false, INVALID);
    if (value !== undefined && !validName(optionOrType)) return $multi(true);
    const ok = this.store.set(config, section, optionOrType, typeof value === "number" ? `${value}` : value);
    if (ok) this.changed[config] = true;
    if (ok) return $multi(true);
    return $multi(false, INVALID);
  }

  add(config: string, type: string): Answer<string> {
    if (!(this instanceof Cursor)) return $multi(undefined, NOT_FOUND);
    const name = this.store.add(config, type);
    if (name !== undefined) this.changed[config] = true;
    if (name !== undefined) return $multi(name);
    return $multi(undefined, INVALID);
  }

  delete(config: string, section: string, option?: string): Answer<boolean> {
    if (!(this instanceof Cursor)) return $multi(false, NOT_FOUND);
    const ok = this.store.delete(config, section, option);
    if (ok) this.changed[config] = true;
    if (ok) return $multi(true);
    return $multi(false, NOT_FOUND);
  }

  rename(config: string, section: string, name: string): Answer<boolean> {
    if (!(this instanceof Cursor)) return $multi(false, NOT_FOUND);
    const ok = this.store.rename(config, section, name);
    if (ok) this.changed[config] = true;
    if (ok) return $multi(true);
    return $multi(false, INVALID);
  }

  reorder(config: string, section: string, index: number): Answer<boolean> {
    if (!(this instanceof Cursor)) return $multi(false, NOT_FOUND);
    const ok = this.store.reorder(config, section, index);
    if (ok) this.changed[config] = true;
    if (ok) return $multi(true);
    return $multi(false, NOT_FOUND);
  }

  /** Configs with uncommitted changes, as a table keyed by config. */
  changes(config?: string): Record<string, Record<string, unknown>> {
    const out: Record<string, Record<string, unknown>> = {};
    for (const c of Object.keys(this.changed)) if (config === undefined || c === config) out[c] = {};
    return out;
  }

  save(config: string): boolean {
    return this instanceof Cursor && config !== undefined;
  }

  commit(config: string): Answer<boolean> {
    if (!(this instanceof Cursor)) return $multi(false, NOT_FOUND);
    if (!this.store.commit(config)) return $multi(false, NOT_FOUND);
    delete this.changed[config];
    return $multi(true);
  }

  revert(config: string): boolean {
    if (!(this instanceof Cursor)) return false;
    delete this.changed[config];
    this.store.revert(config);
    return true;
  }

  unload(config: string): boolean {
    if (!(this instanceof Cursor)) return false;
    return this.store.unload(config);
  }
}

export function cursor(this: void, confdir?: string, savedir?: string): Cursor {
  return new Cursor(confdir ?? "/etc/config", savedir ?? "/tmp/.uci");
}

// libuci-lua's module functions work on a default cursor (/etc/config)
let fallback: Cursor | undefined;
const shared = () => (fallback ??= cursor());
export function get(this: void, config: string, section: string, option?: string): Answer<UciValue> {
  return shared().get(config, section, option);
}
export function get_all(this: void, config: string, section: string): Answer<UciSection> {
  return shared().get_all(config, section);
}
