import { DocumentTitle, ErrorSummary, focusErrorSummary } from "@observatory/ui";
import { useEffect } from "react";
import { pageTitle } from "~/lib/site";

export type FormState = {
  formError: string | null;
  fieldErrors: Record<string, string>;
  values: Record<string, string>;
};

const empty: FormState = { formError: null, fieldErrors: {}, values: {} };

/** The errors and typed values in an action's answer, or none (first render, or a success). */
export function formState(actionData: unknown): FormState {
  if (typeof actionData !== "object" || actionData === null || !("fieldErrors" in actionData)) return empty;
  const { formError, fieldErrors, values } = actionData as Partial<FormState>;
  return { formError: formError ?? null, fieldErrors: fieldErrors ?? {}, values: values ?? {} };
}

/**
 * The NHS error summary for a form: the form's own message, then each field's, linked to the
 * fields (ids are the field names) in the order they appear. Takes focus when it appears, and
 * empties the page's password fields: a refused form keeps what was typed, except passwords
 * (without JavaScript the server renders them empty; with it, the browser would keep them).
 * It also titles the page (`title`, without the admin's name), "Error: " first while errors show.
 * `targets` names the control to link to for a field whose id is not its name (the first control
 * of a group: a link must land on something that takes focus).
 */
export function FormErrorSummary({
  state,
  fields,
  title,
  targets = {},
}: {
  state: FormState;
  fields: string[];
  title: string;
  targets?: Record<string, string>;
}) {
  const href = (field: string) => `#${targets[field] ?? field}`;
  const items = [
    ...(state.formError ? [{ href: fields[0] ? href(fields[0]) : "#maincontent", message: state.formError }] : []),
    ...fields.flatMap((field) => {
      const message = state.fieldErrors[field];
      return message ? [{ href: href(field), message }] : [];
    }),
  ];
  const hasErrors = items.length > 0;
  // Once per answer from the server: the errors object is new each time the form is refused.
  useEffect(() => {
    if (!hasErrors) return;
    for (const input of document.querySelectorAll<HTMLInputElement>('input[type="password"]')) input.value = "";
    focusErrorSummary();
  }, [state.fieldErrors, state.formError]);
  return (
    <>
      <DocumentTitle title={pageTitle(title)} hasErrors={hasErrors} />
      <ErrorSummary errors={items} />
    </>
  );
}
