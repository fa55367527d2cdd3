// Small text helpers shared by the view's pure modules.

/** Replaces each `%s` in order, like LuCI's String.prototype.format for `%s` only. */
export function fmt(template: string, ...args: Array<string | number>): string {
  let out = "";
  let i = 0;
  let pos = 0;
  for (;;) {
    const at = template.indexOf("%s", pos);
    if (at < 0) break;
    out += template.slice(pos, at) + (i < args.length ? String(args[i]) : "%s");
    i++;
    pos = at + 2;
  }
  return out + template.slice(pos);
}

/** A message from the router: a code, the values for its %s slots, and (mostly) its
 * English sentence. */
export interface Coded {
  code: string;
  args: string[];
  text?: string;
}

/** m in the page's words: the template of its code with its values; the router's English
 * (or the code and values) when the page has no template for the code. */
export function worded(templates: Record<string, string>, m: Coded): string {
  // Lua's JSON writes an empty list as {}
  const args = Array.isArray(m.args) ? m.args : [];
  const t = Object.prototype.hasOwnProperty.call(templates, m.code) ? templates[m.code] : undefined;
  if (t !== undefined) return fmt(t, ...args);
  return m.text ?? [m.code].concat(args).join(" ");
}

/** "3d 4h 5m 6s" without the leading zero units; "0s" for 0. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const parts: string[] = [];
  if (d > 0) parts.push(`${d}d`);
  if (d > 0 || h > 0) parts.push(`${h}h`);
  if (d > 0 || h > 0 || m > 0) parts.push(`${m}m`);
  parts.push(`${s % 60}s`);
  return parts.join(" ");
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

/** Epoch seconds → "2026-11-23 04:05:06" in the browser's time zone (UTC in tests). */
export function formatTime(epoch: number, utc = false): string {
  const d = new Date(epoch * 1000);
  const [y, mo, da, h, mi, se] = utc
    ? [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()]
    : [d.getFullYear(), d.getMonth() + 1, d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds()];
  return `${y}-${pad2(mo)}-${pad2(da)} ${pad2(h)}:${pad2(mi)}:${pad2(se)}`;
}

/** "5m 3s ago" / "in 40s" relative to now (both epoch seconds). */
export function formatRelative(epoch: number, now: number): string {
  const delta = Math.round(epoch - now);
  if (delta === 0) return _("now");
  return delta < 0 ? fmt(_("%s ago"), formatDuration(-delta)) : fmt(_("in %s"), formatDuration(delta));
}
