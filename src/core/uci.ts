/// <reference types="@typescript-to-lua/language-extensions" />
// The subset of OpenWrt's libuci Lua binding (`require "uci"`) that splitwan uses.
// The router adapter hands over the real binding; tests hand over the test-only stand-in
// (test/standin/uci.ts over UciFileCursor), which answers the same calls the same way.

/** A section as libuci's get_all returns it: options plus the dotted meta fields. */
export interface UciSection {
  ".name": string;
  ".type": string;
  ".anonymous": boolean;
  /** Set by foreach only (libuci's get_all leaves it out). */
  ".index"?: number;
  [option: string]: string | string[] | boolean | number | undefined;
}

export type UciValue = string | string[];

export interface UciCursor {
  get(this: UciCursor, config: string, section: string, option?: string): UciValue | undefined;
  get_all(this: UciCursor, config: string, section: string): UciSection | undefined;
  /** Calls fn for each section of the type (or all when type is undefined) in file order. */
  foreach(this: UciCursor, config: string, type: string | undefined, fn: (this: void, s: UciSection) => boolean | void): boolean;
  /** set(config, name, type) creates a named section; set(config, section, option, value) sets an option. */
  set(this: UciCursor, config: string, section: string, optionOrType: string, value?: UciValue): boolean;
  delete(this: UciCursor, config: string, section: string, option?: string): boolean;
  reorder(this: UciCursor, config: string, section: string, index: number): boolean;
  commit(this: UciCursor, config: string): boolean;
  /** Unloads the config (dropping uncommitted changes) and loads it again: true, or false
   * and libuci's error, e.g. "uci: Parse error (invalid command) at line 7, byte 1".
   * Multiple values in Lua; an array in Node (test/helpers/lua-multi.ts). */
  load(this: UciCursor, config: string): LuaMultiReturn<[boolean, string | undefined]>;
  revert(this: UciCursor, config: string): boolean;
  unload(this: UciCursor, config: string): boolean;
}

export function sectionOptions(s: UciSection): Array<[string, UciValue]> {
  const keys: string[] = [];
  for (const key of Object.keys(s)) if (!key.startsWith(".")) keys.push(key);
  // table iteration order is not defined in Lua: sort so Node and Lua agree (option
  // names are ASCII, where JS and Lua order strings alike; no comparator: C speed in Lua)
  keys.sort();
  const out: Array<[string, UciValue]> = [];
  for (const key of keys) {
    const v = s[key];
    if (typeof v === "string") out.push([key, v]);
    else if (Array.isArray(v)) out.push([key, v.slice()]);
  }
  return out;
}

/** All sections of a config (optionally of one type) in file order. */
export function sectionsOf(cursor: UciCursor, config: string, type?: string): UciSection[] {
  const out: UciSection[] = [];
  cursor.foreach(config, type, (s) => {
    out.push(s);
  });
  // libuci's foreach runs in file order already: sort only if a cursor did not
  let ordered = true;
  for (let i = 1; i < out.length && ordered; i++) ordered = (out[i - 1][".index"] ?? 0) <= (out[i][".index"] ?? 0);
  if (!ordered) out.sort((a, b) => (a[".index"] ?? 0) - (b[".index"] ?? 0));
  return out;
}

export function optString(s: UciSection | undefined, option: string): string | undefined {
  if (s === undefined) return undefined;
  const v = s[option];
  if (typeof v === "string") return v;
  if (Array.isArray(v)) return v.join(" ");
  return undefined;
}

export function optList(s: UciSection | undefined, option: string): string[] {
  if (s === undefined) return [];
  const v = s[option];
  if (typeof v === "string") return v === "" ? [] : v.split(" ").filter((x) => x !== "");
  if (Array.isArray(v)) return v.slice();
  return [];
}

/** UCI booleans as OpenWrt reads them. */
export function uciBool(v: string): boolean | undefined {
  const t = v.toLowerCase();
  if (t === "1" || t === "on" || t === "true" || t === "yes" || t === "enabled") return true;
  if (t === "0" || t === "off" || t === "false" || t === "no" || t === "disabled") return false;
  return undefined;
}
