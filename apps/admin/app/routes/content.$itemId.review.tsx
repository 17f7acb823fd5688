import { BackLink, Button, Radios, Textarea } from "@observatory/ui";
import { type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { AccessibilityReport } from "~/components/accessibility-report";
import { FormErrorSummary, formState } from "~/components/form-errors";
import { orNotFound, when } from "~/lib/content.server";
import { formFailure, textField } from "~/lib/forms.server";
import { commentThreads } from "~/lib/review-comments.server";
import { NewComment, ReviewThreads } from "~/components/review-comments";
import { QuoteHighlights } from "~/components/quote-highlights";
import { requireUser } from "~/lib/session.server";
import contentCss from "~/styles/content.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: contentCss }];

export async function loader(args: LoaderFunctionArgs) {
  const { api } = await requireUser(args, { permission: "content.write" });
  const itemId = args.params.itemId ?? "";
  const [view, changes, threads] = await Promise.all([
    orNotFound(api.editorial.item({ itemId })),
    orNotFound(api.editorial.changes({ itemId })),
    commentThreads(api, itemId),
  ]);
  return {
    changes,
    threads,
    itemId: view.item.id,
    revisionId: view.revision.id,
    number: view.revision.number,
    title: view.revision.title,
    author: view.revision.author.name,
    summary: view.revision.summary,
    bodyHtml: view.revision.bodyHtml,
    findings: view.revision.findings,
    status: view.item.statusLabel,
    canReview: view.can.review,
    review: view.review && {
      ...view.review,
      since: when(view.review.stepStartedAt),
      steps: view.review.steps.map((step) => ({
        ...step,
        decisions: step.decisions.map((d) => ({ ...d, at: when(d.at) })),
      })),
    },
  };
}

export async function action(args: ActionFunctionArgs) {
  const { api } = await requireUser(args, { permission: "content.write" });
  const itemId = args.params.itemId ?? "";
  const form = await args.request.formData();
  const values = { decision: textField(form, "decision"), reason: textField(form, "reason") };
  const revisionId = textField(form, "revisionId");
  try {
    if (values.decision === "approve") {
      const result = await api.editorial.approve({ itemId, revisionId, comment: values.reason });
      return redirect(`/content/${itemId}?${result.status === "APPROVED" ? "approved" : "stepApproved"}=1`);
    }
    if (values.decision === "changes") {
      await api.editorial.requestChanges({ itemId, revisionId, reason: values.reason });
      return redirect(`/content/${itemId}?changes=1`);
    }
    return data(
      {
        ok: false as const,
        formError: null,
        fieldErrors: { decision: "Choose whether to approve or ask for changes" },
        values,
      },
      { status: 400 },
    );
  } catch (error) {
    return formFailure(error, values);
  }
}

export default function Review() {
  const item = useLoaderData<typeof loader>();
  const state = formState(useActionData<typeof action>());
  return (
    <>
      <BackLink href={`/content/${item.itemId}`}>Back to the item</BackLink>
      <FormErrorSummary title="Review" state={state} fields={["decision", "reason"]} />
      <h1>Review revision {item.number}</h1>
      <p>
        “{item.title}” by {item.author}. Status: {item.status}.
      </p>
      {item.review && <ReviewProgress review={item.review} />}
      {item.changes ? (
        <>
          <h2>What changed since {item.changes.since}</h2>
          <p>
            The body as readers would see it. Words taken out are{" "}
            <del className="observatory-diff-removed">struck through</del>; words put in are{" "}
            <ins className="observatory-diff-added">highlighted</ins>.
          </p>
          <div className="nhsuk-card">
            <div className="nhsuk-card__content">
              <p className="nhsuk-lede-text">{item.summary}</p>
              <div className="observatory-body" dangerouslySetInnerHTML={{ __html: item.changes.html }} />
            </div>
          </div>
        </>
      ) : (
        <div className="nhsuk-card">
          <div className="nhsuk-card__content">
            <h2 className="nhsuk-card__heading">{item.title}</h2>
            <p className="nhsuk-lede-text">{item.summary}</p>
            <div className="observatory-body" dangerouslySetInnerHTML={{ __html: item.bodyHtml }} />
          </div>
        </div>
      )}
      <p>
        <a href={`/content/${item.itemId}/preview?revision=${item.revisionId}`}>Preview as the public will see it</a>
      </p>
      <AccessibilityReport findings={item.findings} />
      <section aria-labelledby="comments-heading">
        <h2 id="comments-heading">Comments</h2>
        <p>
          Comment on a passage or a field: the author and everyone in the thread are told by email. Comments stay with
          the revision.
        </p>
        <ReviewThreads itemId={item.itemId} threads={item.threads} returnTo={`/content/${item.itemId}/review`} />
        <QuoteHighlights
          quotes={item.threads.filter((t) => !t.resolved && t.fieldLabel === "Body" && t.quote).map((t) => t.quote)}
        />
        <h3>Add a comment on revision {item.number}</h3>
        <NewComment
          itemId={item.itemId}
          revisionId={item.revisionId}
          returnTo={`/content/${item.itemId}/review`}
          state={{ formError: null, fieldErrors: {}, values: {} }}
        />
      </section>
      <p>
        <a href={`/content/${item.itemId}/revisions`}>All revisions, compared field by field</a>
      </p>
      {item.canReview ? (
        <Form method="post" noValidate>
          <input type="hidden" name="revisionId" value={item.revisionId} />
          <Radios
            idPrefix="decision"
            name="decision"
            legend="Your decision"
            defaultValue={state.values.decision}
            error={state.fieldErrors.decision}
            items={[
              { value: "approve", label: "Approve" },
              { value: "changes", label: "Request changes" },
            ]}
          />
          <Textarea
            id="reason"
            name="reason"
            label="Your comments"
            hint="Required when you request changes: say what needs to change. The author and later reviewers see this."
            defaultValue={state.values.reason}
            error={state.fieldErrors.reason}
          />
          <Button>Send decision</Button>
        </Form>
      ) : (
        <p>{item.review?.refusal ?? "This revision is not waiting for a review decision."}</p>
      )}
    </>
  );
}

type Review = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["review"]>;

/** The round's steps in order: who decided each so far, and who may decide the one waiting. */
function ReviewProgress({ review }: { review: Review }) {
  return (
    <section aria-labelledby="review-progress">
      <h2 id="review-progress">Review: {review.workflowName}</h2>
      {review.isEarlierVersion && (
        <p>
          This review started before the workflow last changed, so it finishes on the steps it started with. An
          administrator can move it to the current steps.
        </p>
      )}
      <ol className="observatory-review-steps">
        {review.steps.map((step, n) => (
          <li key={n}>
            <strong>{step.name}</strong>: {step.requirement} of {step.groupName}
            {step.state === "waiting" && (
              <>
                {" "}
                <strong className="nhsuk-tag nhsuk-tag--blue">Waiting since {review.since}</strong>
                <br />
                {review.stillNeeded.length > 0
                  ? `Still needed from: ${review.stillNeeded.join(", ")}.`
                  : review.whoMayAct.length > 0
                    ? `Who may decide: ${review.whoMayAct.join(", ")}.`
                    : "Nobody can decide this step: add a member to the group, or an administrator can move the item to another workflow."}
              </>
            )}
            {step.state === "next" && " (to come)"}
            {step.decisions.length > 0 && (
              <ul>
                {step.decisions.map((d) => (
                  <li key={`${d.reviewerName}-${d.at}`}>
                    {d.reviewerName} {d.decision === "APPROVED" ? "approved" : "asked for changes"} on {d.at}
                    {d.comment ? `: “${d.comment}”` : ""}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
