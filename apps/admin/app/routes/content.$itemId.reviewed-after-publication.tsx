import { BackLink, Button, InsetText, SummaryList, Textarea } from "@observatory/ui";
import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrorSummary, formState } from "~/components/form-errors";
import { orNotFound, when } from "~/lib/content.server";
import { formFailure, textField } from "~/lib/forms.server";
import { requireUser } from "~/lib/session.server";

// A second editor's review of an item published without review (decision 026): what went out, who
// published it and why, and the button that clears the flag, with an optional note for the record.

export async function loader(args: LoaderFunctionArgs) {
  const { api, user } = await requireUser(args, { permission: "content.publish" });
  const itemId = args.params.itemId ?? "";
  const [view, forced] = await Promise.all([
    orNotFound(api.editorial.item({ itemId })),
    api.editorial.forcedPublicationsOf({ itemId }),
  ]);
  const open = forced.find((f) => !f.reviewedAt);
  const last = forced[0];
  return {
    itemId,
    title: view.revision.title,
    open: open && {
      id: open.id,
      revision: open.revision.number,
      publishedBy: open.publishedBy?.name ?? "A former member of staff",
      publishedAt: when(open.publishedAt),
      reason: open.reason,
      isOwn: open.publishedById === user.id,
    },
    lastReviewed:
      !open && last?.reviewedAt
        ? { by: last.reviewedBy?.name ?? "A former member of staff", at: when(last.reviewedAt), note: last.reviewNote }
        : null,
  };
}

export async function action(args: ActionFunctionArgs) {
  const { api } = await requireUser(args, { permission: "content.publish" });
  const form = await args.request.formData();
  const note = textField(form, "note");
  try {
    await api.editorial.reviewForcedPublication({ id: textField(form, "id"), note });
    return redirect(`/content/${args.params.itemId}?reviewedAfterPublication=1`);
  } catch (error) {
    return formFailure(error, { note });
  }
}

export default function ReviewedAfterPublication() {
  const data = useLoaderData<typeof loader>();
  const state = formState(useActionData<typeof action>());
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink href="/content/published-without-review">Back to published without review</BackLink>
        <FormErrorSummary title="Review after publication" state={state} fields={["note"]} />
        <h1>Review after publication: {data.title}</h1>
        {data.open ? (
          <>
            <SummaryList
              rows={[
                { key: "Published", value: `Revision ${data.open.revision}, ${data.open.publishedAt}` },
                { key: "By", value: data.open.publishedBy },
                { key: "Why it could not wait", value: data.open.reason },
              ]}
            />
            <p>
              <a href={`/content/${data.itemId}/preview`}>Preview the item</a> and check it. If something needs to
              change, edit the item: the change goes through the usual review. Then record your review here.
            </p>
            {data.open.isOwn ? (
              <InsetText>You published this without review, so another editor must review it.</InsetText>
            ) : (
              <Form method="post" noValidate>
                <input type="hidden" name="id" value={data.open.id} />
                <Textarea
                  id="note"
                  name="note"
                  label="Note for the record (optional)"
                  hint="For example, what you checked, or what you changed."
                  error={state.fieldErrors.note}
                  defaultValue={state.values.note}
                  rows={3}
                />
                <Button>Mark as reviewed</Button>
              </Form>
            )}
          </>
        ) : data.lastReviewed ? (
          <p>
            Reviewed by {data.lastReviewed.by} on {data.lastReviewed.at}
            {data.lastReviewed.note ? `: ${data.lastReviewed.note}` : "."}
          </p>
        ) : (
          <p>This item has not been published without review.</p>
        )}
      </div>
    </div>
  );
}
