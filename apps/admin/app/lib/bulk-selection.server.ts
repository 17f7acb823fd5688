import { toFormErrors } from "@observatory/api";
import { textField } from "./forms.server";

// What a list's bulk form sends (components/bulk-selection.tsx), read the same way for every list.

/** The ids chosen: the ticked rows, or every row the page listed when "Select all on this page" is ticked. */
export function selectedIds(form: FormData): string[] {
  return form
    .getAll(textField(form, "allOnPage") === "yes" ? "onPage" : "selected")
    .filter((value): value is string => typeof value === "string");
}

/** Why the API refused a bulk request, in one sentence; anything unexpected is rethrown. */
export function bulkRefusal(error: unknown): string {
  const errors = toFormErrors(error);
  if (!errors) throw error;
  return Object.values(errors.fieldErrors)[0] ?? errors.formError ?? "That did not work: try again";
}
