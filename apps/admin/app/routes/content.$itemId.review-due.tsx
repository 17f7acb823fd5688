import {
  BackLink,
  Button,
  NotificationBanner,
  Select,
  SummaryList,
  Tag,
  Textarea,
  TextInput,
  WarningCallout,
} from "@observatory/ui";
import { formatDate } from "@observatory/time";
import { type ActionFunctionArgs, data as answer, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrorSummary, formState } from "~/components/form-errors";
import { kindLabel, orNotFound, when } from "~/lib/content.server";
import { formFailure, textField } from "~/lib/forms.server";
import { dueWords } from "~/lib/review-due.server";
import { requireUser } from "~/lib/session.server";

// One item's review: who owns it, when it was last reviewed and is next due, "Mark as reviewed" with
// an optional note (no new revision), and, for editors, its owner and its own review interval.

const notices: Record<string, string> = {
  reviewed: "Marked as reviewed. Its next review date has been renewed.",
  updated: "The owner and review interval have been saved.",
  unchanged: "Nothing was changed.",
};

export async function loader(args: LoaderFunctionArgs) {
  const { api } = await requireUser(args, { permission: "content.write" });
  const itemId = args.params.itemId ?? "";
  const [view, review] = await Promise.all([
    orNotFound(api.editorial.item({ itemId })),
    orNotFound(api.reviewDue.item({ itemId })),
  ]);
  const params = new URL(args.request.url).searchParams;
  return {
    itemId,
    title: view.revision.title,
    kind: kindLabel(view.item.kind),
    notice: [...params.keys()].map((key) => notices[key]).find(Boolean) ?? null,
    owner: review.owner ? `${review.owner.name}${review.owner.active ? "" : " (account disabled)"}` : "No owner",
    ownerId: review.owner?.id ?? "",
    lastReviewed: review.lastReviewedAt ? formatDate(review.lastReviewedAt) : "Not yet reviewed",
    due: review.nextReviewDue ? formatDate(review.nextReviewDue) : "Set when it is published",
    dueWords: dueWords(review.stage, review.nextReviewDue),
    stage: review.stage,
    live: review.live,
    interval: review.intervalMonths,
    ownInterval: review.ownInterval === null ? "" : String(review.ownInterval),
    kindInterval: review.kindInterval,
    showOnPage: review.showOnPage,
    history: review.history.map((h) => ({ id: h.id, at: when(h.at), by: h.by, note: h.note })),
    can: review.can,
    owners: review.owners.map((o) => ({ value: o.id, label: `${o.name} (${o.email})` })),
  };
}

export async function action(args: ActionFunctionArgs) {
  const { api } = await requireUser(args, { permission: "content.write" });
  const itemId = args.params.itemId ?? "";
  const form = await args.request.formData();
  const intent = textField(form, "intent");
  const values = {
    note: textField(form, "note"),
    ownerId: textField(form, "ownerId"),
    intervalMonths: textField(form, "intervalMonths"),
  };
  try {
    if (intent === "owner") {
      const text = values.intervalMonths.trim();
      const months = text === "" ? null : Number(text);
      if (months !== null && !Number.isInteger(months)) {
        const message = "Enter the interval as a whole number of months, or leave it empty";
        return answer(
          { ok: false as const, formError: message, fieldErrors: { intervalMonths: message }, values },
          { status: 400 },
        );
      }
      const result = await api.reviewDue.updateItem({ itemId, ownerId: values.ownerId, intervalMonths: months });
      return redirect(`/content/${itemId}/review-due?${result.changed ? "updated" : "unchanged"}=1`);
    }
    await api.reviewDue.markReviewed({ itemId, note: values.note });
    return redirect(`/content/${itemId}/review-due?reviewed=1`);
  } catch (error) {
    return formFailure(error, values);
  }
}

export default function ItemReview() {
  const data = useLoaderData<typeof loader>();
  const state = formState(useActionData<typeof action>());
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink href={`/content/${data.itemId}`}>Back to the item</BackLink>
        <FormErrorSummary
          title={`Review: ${data.title}`}
          state={state}
          fields={["note", "ownerId", "intervalMonths"]}
        />
        {data.notice && <NotificationBanner variant="success">{data.notice}</NotificationBanner>}
        <h1>
          <span className="nhsuk-caption-l">Review of this {data.kind.toLowerCase()}</span>
          {data.title}
        </h1>
        {data.stage === "OVERDUE" && (
          <WarningCallout heading="Review overdue">
            <p>
              Its review was due on {data.due}. Readers no longer see a next review date on the page: check that it
              still stands, then mark it as reviewed, or edit and publish it.
            </p>
          </WarningCallout>
        )}
        <SummaryList
          rows={[
            { key: "Owner", value: data.owner },
            { key: "Last reviewed", value: data.lastReviewed },
            {
              key: "Next review due",
              value: (
                <>
                  {data.stage === "OVERDUE" && <Tag colour="red">Overdue</Tag>}
                  {data.stage === "DUE_SOON" && <Tag colour="yellow">Due soon</Tag>}{" "}
                  {data.live ? data.dueWords : data.due}
                </>
              ),
            },
            {
              key: "Reviewed every",
              value: `${data.interval} months${data.ownInterval ? " (this item's own interval)" : ", as its kind is"}`,
            },
            {
              key: "On the public page",
              value: data.showOnPage ? "The dates are shown to readers" : "The dates are not shown for this kind",
            },
          ]}
        />
        {data.can.markReviewed && (
          <Form method="post" noValidate className="nhsuk-u-margin-bottom-6">
            <h2>Mark as reviewed</h2>
            <p>
              Confirm the content is still right. This renews its review dates without a new revision, and is recorded
              in the audit log.
            </p>
            <Textarea
              id="note"
              name="note"
              label="Note (optional)"
              hint="What you checked, for the record"
              rows={3}
              defaultValue={state.values.note}
              error={state.fieldErrors.note}
            />
            <Button name="intent" value="reviewed">
              Mark as reviewed
            </Button>
          </Form>
        )}
        {!data.live && <p>Its review dates are set when it is published.</p>}
        {data.can.changeOwner && (
          <Form method="post" noValidate className="nhsuk-u-margin-bottom-6">
            <h2>Owner and review interval</h2>
            <Select
              id="ownerId"
              name="ownerId"
              label="Owner"
              hint="Reminded by email when the review is due soon and when it is overdue"
              defaultValue={state.values.ownerId || data.ownerId}
              error={state.fieldErrors.ownerId}
              options={[...(data.ownerId ? [] : [{ value: "", label: "Choose an owner" }]), ...data.owners]}
            />
            <TextInput
              id="intervalMonths"
              name="intervalMonths"
              label="Review every (months)"
              hint={`Leave empty to use the interval for its kind (${data.kindInterval} months)`}
              width={3}
              defaultValue={state.values.intervalMonths ?? data.ownInterval}
              error={state.fieldErrors.intervalMonths}
            />
            <Button name="intent" value="owner" variant="secondary">
              Save owner and interval
            </Button>
          </Form>
        )}
        <h2>Reviews</h2>
        {data.history.length === 0 ? (
          <p>It has not been marked as reviewed yet. Publishing also counts as a review.</p>
        ) : (
          <ul className="nhsuk-list nhsuk-list--border">
            {data.history.map((h) => (
              <li key={h.id}>
                {h.at}, {h.by}
                {h.note && (
                  <>
                    : <q>{h.note}</q>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
