export type ErrorSummaryItem = { href: string; message: string };
export type ErrorSummaryProps = { title?: string; errors: ErrorSummaryItem[] };

export const ERROR_SUMMARY_ID = "error-summary";

/**
 * Moves focus to the error summary. nhsuk-frontend's JS does this on page load, but not for markup
 * rendered later by client-side navigation (e.g. a Remix action returning errors), so call it from an effect.
 */
export function focusErrorSummary(root: Pick<Document, "getElementById"> = document): void {
  root.getElementById(ERROR_SUMMARY_ID)?.focus();
}

export function ErrorSummary({ title = "There is a problem", errors }: ErrorSummaryProps) {
  if (errors.length === 0) return null;

  return (
    <div className="nhsuk-error-summary" data-module="nhsuk-error-summary" id={ERROR_SUMMARY_ID} tabIndex={-1}>
      {/* role="alert" sits on a child, as in nhsuk-frontend, so focusing the container doesn't cut the announcement short. */}
      <div role="alert">
        <h2 className="nhsuk-error-summary__heading">{title}</h2>
        <div className="nhsuk-error-summary__body">
          <ul className="nhsuk-list nhsuk-error-summary__list">
            {errors.map((error) => (
              <li key={`${error.href} ${error.message}`}>
                <a href={error.href}>{error.message}</a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
