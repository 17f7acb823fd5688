import { BackLink, Button, Radios, Textarea } from "@observatory/ui";
import { type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { AccessibilityReport } from "~/components/accessibility-report";
import { FormErrorSummary, formState } from "~/components/form-errors";
import { orNotFound, statusLabel } from "~/lib/content.server";
import { formFailure, textField } from "~/lib/forms.server";
import { requireUser } from "~/lib/session.server";
import contentCss from "~/styles/content.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: contentCss }];

export async function loader(args: LoaderFunctionArgs) {
  const { api } = await requireUser(args, { permission: "content.review" });
  const itemId = args.params.itemId ?? "";
  const [view, changes] = await Promise.all([
    orNotFound(api.editorial.item({ itemId })),
    orNotFound(api.editorial.changes({ itemId })),
  ]);
  return {
    changes,
    itemId: view.item.id,
    revisionId: view.revision.id,
    number: view.revision.number,
    title: view.revision.title,
    author: view.revision.author.name,
    summary: view.revision.summary,
    bodyHtml: view.revision.bodyHtml,
    findings: view.revision.findings,
    status: statusLabel(view.item.status),
    canReview: view.can.review,
  };
}

export async function action(args: ActionFunctionArgs) {
  const { api } = await requireUser(args, { permission: "content.review" });
  const itemId = args.params.itemId ?? "";
  const form = await args.request.formData();
  const values = { decision: textField(form, "decision"), reason: textField(form, "reason") };
  const revisionId = textField(form, "revisionId");
  try {
    if (values.decision === "approve") {
      await api.editorial.approve({ itemId, revisionId });
      return redirect(`/content/${itemId}?approved=1`);
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
            label="What needs to change"
            hint="Required when you request changes. The author will see this."
            defaultValue={state.values.reason}
            error={state.fieldErrors.reason}
          />
          <Button>Send decision</Button>
        </Form>
      ) : (
        <p>You cannot review this revision: it is not waiting for review, or it is your own.</p>
      )}
    </>
  );
}
