import { DocumentTitle } from "@observatory/ui";
import { pageTitle } from "~/lib/site";

/** What an emailed link that cannot be used says, per reason (the API tells which). */
export type LinkProblem = "expired" | "used" | "revoked" | "invalid";

export function LinkProblemPage({
  problem,
  what,
  next,
}: {
  problem: LinkProblem;
  what: "invitation" | "password reset link" | "email address confirmation link";
  next: { href: string; label: string; explanation: string };
}) {
  const headings: Record<LinkProblem, string> = {
    expired: `This ${what} has expired`,
    used: `This ${what} has already been used`,
    revoked: `This ${what} is no longer valid`,
    invalid: `This ${what} is not valid`,
  };
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <DocumentTitle title={pageTitle(headings[problem])} />
        <h1>{headings[problem]}</h1>
        {problem === "invalid" && <p>Check you copied the whole link from the email.</p>}
        {problem === "revoked" && (
          <p>A newer one has been sent, or it was withdrawn. Use the link in the most recent email.</p>
        )}
        <p>{next.explanation}</p>
        <p>
          <a href={next.href}>{next.label}</a>
        </p>
      </div>
    </div>
  );
}
