import type { Finding } from "@observatory/content";

// The accessibility check of a body, as the editor shows it beside the text and the reviewer sees
// it on the review screen: errors first (they stop submission and publication), then warnings.

export function AccessibilityReport({
  findings,
  headingLevel = 2,
  onShow,
}: {
  findings: Finding[];
  headingLevel?: 2 | 3;
  /** In the editor: selects the passage a finding is about. */
  onShow?: (finding: Finding) => void;
}) {
  const errors = findings.filter((f) => f.severity === "error");
  const warnings = findings.filter((f) => f.severity === "warning");
  const Heading = `h${headingLevel}` as const;
  return (
    // The target of "fix the errors" links and error summaries: focusable, but not in the tab order.
    <section
      className="observatory-check"
      id="accessibility"
      tabIndex={-1}
      aria-labelledby="accessibility-check-heading"
    >
      <Heading className="nhsuk-heading-s" id="accessibility-check-heading">
        Accessibility check
      </Heading>
      <div aria-live="polite">
        {findings.length === 0 ? (
          <p className="nhsuk-body-s">No problems found.</p>
        ) : (
          <>
            <p className="nhsuk-body-s">
              {errors.length > 0 && `${count(errors.length, "error")} to fix before this can be submitted or published`}
              {errors.length > 0 && warnings.length > 0 && ", and "}
              {warnings.length > 0 && `${count(warnings.length, "warning")} to consider`}.
            </p>
            <ul className="nhsuk-list observatory-check__list">
              {[...errors, ...warnings].map((finding) => (
                <li
                  key={finding.key}
                  className={`observatory-check__item observatory-check__item--${finding.severity}`}
                >
                  <strong className="observatory-check__severity">
                    {finding.severity === "error" ? "Error" : "Warning"}:
                  </strong>{" "}
                  {finding.message}
                  {onShow && (
                    <>
                      {" "}
                      <button
                        type="button"
                        className="nhsuk-link-button observatory-link-button"
                        onClick={() => onShow(finding)}
                      >
                        Show in the body<span className="nhsuk-u-visually-hidden">: {finding.excerpt}</span>
                      </button>
                    </>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
