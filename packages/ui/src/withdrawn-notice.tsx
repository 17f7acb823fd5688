import { formatDate } from "@observatory/time";
import { WarningCallout } from "./warning-callout";

export type WithdrawnNoticeProps = {
  withdrawnAt: Date | string;
  reason: string;
  /** What replaces it: another item (with its title) or a page on the site. */
  replacement: { path: string; title: string | null } | null;
};

/**
 * The banner on a withdrawn item's page (decision 027), as GOV.UK words it: when (a London date),
 * the editor's reason, and what replaces it. The admin shows the same banner on the item's page.
 */
export function WithdrawnNotice({ withdrawnAt, reason, replacement }: WithdrawnNoticeProps) {
  return (
    <WarningCallout heading={`This was withdrawn on ${formatDate(withdrawnAt)}`}>
      <p>{reason}</p>
      {replacement && (
        <p>
          It has been replaced by <a href={replacement.path}>{replacement.title ?? replacement.path}</a>.
        </p>
      )}
    </WarningCallout>
  );
}
