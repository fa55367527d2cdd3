// Backend messages (validation errors, status warnings, rpc errors) arrive in English
// with values filled in. scripts/i18n.mjs collects their templates ("%s" where a value
// goes) into backend-messages.ts and the translation catalogs; this finds the template a
// message came from and returns the translated template with the same values.
import { BACKEND_MESSAGES } from "./backend-messages";
import { fmt, type Translate } from "./text";

/** The values a template's %s stood for, or undefined when msg is not from template. */
export function matchTemplate(template: string, msg: string): string[] | undefined {
  const parts = template.split("%s");
  if (!msg.startsWith(parts[0])) return undefined;
  const values: string[] = [];
  let pos = parts[0].length;
  for (let i = 1; i < parts.length; i++) {
    const lit = parts[i];
    const last = i === parts.length - 1;
    // a value ends at the next literal; the last literal must end the message
    const at = last ? (msg.endsWith(lit) && msg.length - lit.length >= pos ? msg.length - lit.length : -1) : lit === "" ? pos : msg.indexOf(lit, pos);
    if (at < 0) return undefined;
    values.push(msg.slice(pos, at));
    pos = at + lit.length;
  }
  return pos === msg.length ? values : undefined;
}

/** The page's own words for backend messages that speak to a shell user: a LuCI user is
 * never told to run a command. */
function pageTemplate(template: string, _: Translate): string | undefined {
  if (template === "no port forwards are live in fw4 (chain dstnat_%s): run /etc/init.d/firewall reload") {
    return _("No port forwards are live in the firewall (chain dstnat_%s). Restart the firewall under System → Startup.");
  }
  if (template === "%s change(s) not applied: run splitwan apply") return _("%s change(s) are not applied yet.");
  return undefined;
}

export function translateMessage(msg: string, _: Translate, templates: readonly string[] = BACKEND_MESSAGES): string {
  // the longest literal text first: the most specific template wins
  let best: { template: string; values: string[]; weight: number } | undefined;
  for (const t of templates) {
    const values = matchTemplate(t, msg);
    if (values === undefined) continue;
    const weight = t.length - 2 * values.length;
    if (best === undefined || weight > best.weight) best = { template: t, values, weight };
  }
  if (best === undefined) return msg;
  return fmt(pageTemplate(best.template, _) ?? _(best.template), ...best.values);
}
