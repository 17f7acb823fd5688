import { Tag, WarningCallout } from "@observatory/ui";
import { formatDate } from "@observatory/time";
import { Form } from "@remix-run/react";

type Props = {
  itemId: string;
  review: {
    owner: { name: string; active: boolean } | null;
    lastReviewedAt: Date | string | null;
    nextReviewDue: Date | string | null;
    stage: "OVERDUE" | "DUE_SOON" | null;
    live: boolean;
    can: { markReviewed: boolean; changeOwner: boolean };
  };
};

/** The editor page's review section: owner, dates, an overdue flag, and "Mark as reviewed". */
export function ItemReviewSummary({ itemId, review }: Props) {
  const owner = review.owner ? `${review.owner.name}${review.owner.active ? "" : " (account disabled)"}` : "No owner";
  return (
    <section aria-labelledby="review" className="nhsuk-u-margin-bottom-5">
      <h2 id="review">Review</h2>
      {review.stage === "OVERDUE" && review.nextReviewDue && (
        <WarningCallout heading="Review overdue" headingLevel={3}>
          <p>
            Its review was due on {formatDate(review.nextReviewDue)}. Readers no longer see a next review date: check
            that it still stands.
          </p>
        </WarningCallout>
      )}
      <p>
        Owner: {owner}.{" "}
        {review.lastReviewedAt ? `Last reviewed ${formatDate(review.lastReviewedAt)}.` : "Not yet reviewed."}{" "}
        {review.nextReviewDue
          ? `Next review due ${formatDate(review.nextReviewDue)}`
          : "Review dates are set when it is published"}
        {review.stage === "DUE_SOON" && (
          <>
            {" "}
            <Tag colour="yellow">Due soon</Tag>
          </>
        )}
        {review.nextReviewDue ? "." : ""}
      </p>
      {review.can.markReviewed && (
        <Form method="post" action={`/content/${itemId}/review-due`}>
          <button type="submit" name="intent" value="reviewed" className="nhsuk-button nhsuk-button--secondary">
            Mark as reviewed
          </button>
        </Form>
      )}
      <p>
        <a href={`/content/${itemId}/review-due`}>
          {review.can.changeOwner ? "Owner, review interval and reviews" : "Review details and history"}
        </a>
      </p>
    </section>
  );
}
