// Router-side validation errors ({section, option, value, message}) → the form field
// each one belongs to, so the view can show it next to that field.
import type { FieldError } from "../core/rpc-types";
import { optionLabel, sectionTypeLabel } from "./labels";
import { fmt, type Translate } from "./text";

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

/** Errors grouped per field in the order the router reported them; errors without an
 * option (about a whole section or the config) go to `general`. */
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
    if (!entry.messages.includes(e.message)) entry.messages.push(e.message);
  }
  return { fields, general };
}

/** "Server “web” › Ports" — where an error is, in the words of the form. */
export function describeField(section: string, option: string | undefined, sectionType: string | undefined, _: Translate): string {
  const type = sectionType ?? (section === "main" ? "splitwan" : "");
  const where = type === "splitwan" ? sectionTypeLabel(type, _) : fmt(_("%s “%s”"), sectionTypeLabel(type, _), section);
  if (!option) return where;
  return `${where} › ${optionLabel(type, option, _)}`;
}
