// Router-side validation errors ({section, type, option, value, code, args, text}) → the
// form field each one belongs to, so the view can show it next to that field, in the
// user's language.
import type { FieldError } from "../core/rpc-types";
import { optionLabel, sectionTypeLabel } from "./labels";
import { translateMessage } from "./messages";
import { fmt } from "./text";

export const CONFIG = "splitwan";

/** LuCI's id for an option's field (form.AbstractValue.cbid, the data-field attribute). */
export function fieldId(section: string, option: string): string {
  return `cbid.${CONFIG}.${section}.${option}`;
}

export interface FieldErrors {
  field: string;
  section: string;
  option: string;
  messages: string[];
}

/** Errors grouped per field in the order the router reported them, each message
 * translated once; errors without an option (about a whole section or the config) go to
 * `general`. */
export function groupErrors(errors: FieldError[]): { fields: FieldErrors[]; general: FieldError[] } {
  const fields: FieldErrors[] = [];
  const general: FieldError[] = [];
  for (const e of errors) {
    if (!e.option) {
      general.push(e);
      continue;
    }
    const id = fieldId(e.section, e.option);
    let entry = fields.find((f) => f.field === id);
    if (entry === undefined) {
      entry = { field: id, section: e.section, option: e.option, messages: [] };
      fields.push(entry);
    }
    const text = translateMessage(e);
    if (!entry.messages.includes(text)) entry.messages.push(text);
  }
  return { fields, general };
}

/** "Server “web” › Ports" — where an error is, in the words of the form. */
export function describeField(section: string, option: string | undefined, sectionType: string | undefined): string {
  const type = sectionType ?? (section === "main" ? "splitwan" : "");
  const where = type === "splitwan" ? sectionTypeLabel(type) : fmt(_("%s “%s”"), sectionTypeLabel(type), section);
  if (!option) return where;
  return `${where} › ${optionLabel(type, option)}`;
}

/** Validation errors as list items in the words of the form: "where: why; why". */
export function errorLines(errors: FieldError[]): string[] {
  const { fields, general } = groupErrors(errors);
  const types: Record<string, string> = {};
  for (const e of errors) types[e.section] = e.type;
  const items = fields.map((f) => `${describeField(f.section, f.option, types[f.section])}: ${f.messages.join("; ")}`);
  for (const g of general) items.push(`${describeField(g.section, undefined, g.type)}: ${translateMessage(g)}`);
  return items;
}
