// Rules every piece of text sent to the API follows, whatever the field: no control characters
// (PostgreSQL refuses a NUL outright, and the others are invisible in every screen that shows the
// text), and single-line fields hold one line (a title becomes a mail subject and a page <title>).

/** C0 and C1 control characters and DEL, except the tab and line breaks a multi-line answer holds. */
const CONTROL_CHARACTER = /(?![\t\n\r])\p{Cc}/u;

export const CONTROL_CHARACTER_MESSAGE =
  "This contains a hidden control character that cannot be saved. Delete it, or type the text again rather than pasting it";

/**
 * Every string in `input` (at any depth) holding a control character, as the field's path
 * ("title", "steps.0.name") to the message shown beside it. A body document is one field: a
 * control character anywhere in it is reported beside the body.
 */
export function controlCharacterFields(input: unknown, path: string[] = []): Record<string, string> {
  if (typeof input === "string") {
    return CONTROL_CHARACTER.test(input) ? { [path.join(".") || "input"]: CONTROL_CHARACTER_MESSAGE } : {};
  }
  if (input === null || typeof input !== "object") return {};
  if (path.length > 0 && (input as { type?: unknown }).type === "doc") {
    const inside = Object.keys(controlCharacterFields(input, [])).length > 0;
    return inside ? { [path.join(".")]: CONTROL_CHARACTER_MESSAGE } : {};
  }
  const found: Record<string, string> = {};
  for (const [key, value] of Object.entries(input)) {
    // Object keys are field names chosen by the form, checked the same way.
    if (CONTROL_CHARACTER.test(key)) found[[...path, "input"].join(".")] = CONTROL_CHARACTER_MESSAGE;
    Object.assign(found, controlCharacterFields(value, [...path, key]));
  }
  return found;
}

const LINE_BREAK = /[\r\n\u2028\u2029\u0085]/;

/** A refinement for single-line fields: `label` names the field in the message ("Title"). */
export const oneLine = (label: string) =>
  [(value: string) => !LINE_BREAK.test(value), `${label} must be on one line: remove the line break`] as const;
