import type { Finding } from "@observatory/content";
import { Textarea } from "@observatory/ui";

// Beside the Submit, Publish and Schedule buttons: what the accessibility check still asks of the
// person before the revision can go further.

export function WarningsReason({
  findings,
  openWarnings,
  error,
  action,
}: {
  findings: Finding[];
  openWarnings: Finding[];
  error?: string;
  action: "submitting" | "publishing";
}) {
  const errors = findings.filter((f) => f.severity === "error").length;
  return (
    <>
      {errors > 0 && (
        <p>
          <a href="#accessibility">
            Fix the {errors === 1 ? "error" : `${errors} errors`} in the accessibility check before {action}.
          </a>
        </p>
      )}
      {openWarnings.length > 0 && (
        <Textarea
          id="warningsReason"
          name="warningsReason"
          label={`Why can ${openWarnings.length === 1 ? "the accessibility warning" : `the ${openWarnings.length} accessibility warnings`} stand?`}
          hint={
            <>
              Fix {openWarnings.length === 1 ? "it" : "them"} in the body, or say why{" "}
              {openWarnings.length === 1 ? "it is" : "they are"} right as{" "}
              {openWarnings.length === 1 ? "it is" : "they are"}. Your reason is kept with this revision and in the
              audit log:
              <ul className="nhsuk-list nhsuk-list--bullet nhsuk-u-margin-top-2 nhsuk-u-margin-bottom-0">
                {openWarnings.map((w) => (
                  <li key={w.key}>{w.message}</li>
                ))}
              </ul>
            </>
          }
          rows={3}
          error={error}
        />
      )}
    </>
  );
}
