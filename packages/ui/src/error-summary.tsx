import type { MouseEvent } from "react";

export type ErrorSummaryItem = { href: string; message: string };
export type ErrorSummaryProps = {
  title?: string;
  errors: ErrorSummaryItem[];
  /**
   * Focus the summary when the page loads, before any script runs (`autofocus`): for pages that
   * load no script to do it, such as the public site's comment form answered without JavaScript.
   */
  autoFocus?: boolean;
};

export const ERROR_SUMMARY_ID = "error-summary";

/**
 * Moves focus to the error summary. nhsuk-frontend's JS does this on page load, but not for markup
 * rendered later by client-side navigation (e.g. a Remix action returning errors), so call it from an effect.
 */
export function focusErrorSummary(root: Pick<Document, "getElementById"> = document): void {
  root.getElementById(ERROR_SUMMARY_ID)?.focus();
}

const FOCUSABLE = "input:not([type=hidden]), select, textarea, button, [tabindex]";

/** The label or legend to bring into view with a field, as nhsuk-frontend's error summary does. */
function labelOf(field: HTMLElement): HTMLElement | null {
  const legend = field.closest("fieldset")?.querySelector("legend");
  const isChoice = field instanceof HTMLInputElement && (field.type === "checkbox" || field.type === "radio");
  if (legend && isChoice) return legend;
  return (
    document.querySelector<HTMLElement>(`label[for="${CSS.escape(field.id)}"]`) ??
    field.closest("label") ??
    legend ??
    null
  );
}

/**
 * Follows an error summary link by focusing its field, not by navigating to the #fragment: in a
 * Remix app a fragment navigation is a router navigation, which drops the action's answer and with
 * it the summary and every inline error. A link to a wrapper focuses the first control inside it.
 * Without JavaScript the plain link does the same job.
 */
export function followErrorLink(event: MouseEvent<HTMLAnchorElement>): void {
  const id = decodeURIComponent(event.currentTarget.hash.slice(1));
  const target = id ? document.getElementById(id) : null;
  if (!target) return;
  const field = target.matches(FOCUSABLE) ? target : target.querySelector<HTMLElement>(FOCUSABLE);
  if (!field) return;
  event.preventDefault();
  (labelOf(field) ?? field).scrollIntoView();
  field.focus({ preventScroll: true });
}

export function ErrorSummary({ title = "There is a problem", errors, autoFocus = false }: ErrorSummaryProps) {
  if (errors.length === 0) return null;

  return (
    <div
      className="nhsuk-error-summary"
      data-module="nhsuk-error-summary"
      id={ERROR_SUMMARY_ID}
      tabIndex={-1}
      // biome-ignore lint/a11y/noAutofocus: the NHS.UK error summary pattern moves focus to the summary
      autoFocus={autoFocus}
    >
      {/* role="alert" sits on a child, as in nhsuk-frontend, so focusing the container doesn't cut the announcement short. */}
      <div role="alert">
        <h2 className="nhsuk-error-summary__heading">{title}</h2>
        <div className="nhsuk-error-summary__body">
          <ul className="nhsuk-list nhsuk-error-summary__list">
            {errors.map((error) => (
              <li key={`${error.href} ${error.message}`}>
                <a href={error.href} onClick={followErrorLink}>
                  {error.message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
