import { BackLink, Button, Textarea, TextInput, WarningCallout } from "@observatory/ui";
import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrorSummary, formState } from "~/components/form-errors";
import { orNotFound, when } from "~/lib/content.server";
import { formFailure, textField } from "~/lib/forms.server";
import { requireUser } from "~/lib/session.server";

// Archiving one item asks first, saying what readers lose: an item on the public site comes off it
// at once, which is unpublishing it: that asks why, and what its address answers from then on (a
// redirect to a page given, or a page saying it was removed: decision 027). The item's page then
// offers to undo it (see editorial/archive.ts).

export async function loader(args: LoaderFunctionArgs) {
  const { api } = await requireUser(args, { permission: "content.publish" });
  const view = await orNotFound(api.editorial.item({ itemId: args.params.itemId ?? "" }));
  return {
    itemId: view.item.id,
    title: view.revision.title,
    canArchive: view.can.archive,
    onSite: view.onSite !== null,
    scheduledFor: view.pendingSchedule ? when(view.item.publishAt) : null,
  };
}

export async function action(args: ActionFunctionArgs) {
  const { api } = await requireUser(args, { permission: "content.publish" });
  const itemId = args.params.itemId ?? "";
  const form = await args.request.formData();
  const values = { reason: textField(form, "reason"), redirectPath: textField(form, "redirectPath") };
  try {
    const { archivedAt } = await api.editorial.archive({ itemId, ...values });
    return redirect(`/content/${itemId}?archived=${encodeURIComponent(archivedAt.toISOString())}`);
  } catch (error) {
    return formFailure(error, values);
  }
}

export default function ArchiveItem() {
  const data = useLoaderData<typeof loader>();
  const state = formState(useActionData<typeof action>());
  return (
    <>
      <BackLink href={`/content/${data.itemId}`}>Back to the item</BackLink>
      <FormErrorSummary title={`Archive “${data.title}”`} state={state} fields={["reason", "redirectPath"]} />
      <h1>Archive “{data.title}”?</h1>
      {data.canArchive ? (
        <>
          <WarningCallout
            headingLevel={2}
            heading={data.onSite ? "It comes off the public site" : "It is not on the public site"}
          >
            <p>
              {data.onSite
                ? "Readers will no longer find it on the public site, from the moment you archive it."
                : "Archiving keeps it out of the lists of work in progress."}
              {data.scheduledFor && ` Its publication scheduled for ${data.scheduledFor} is cancelled.`}
            </p>
            <p>You can undo this straight afterwards, or restore it as a draft at any time.</p>
          </WarningCallout>
          <Form method="post" noValidate>
            {data.onSite && (
              <>
                <Textarea
                  id="reason"
                  name="reason"
                  label="Why is it being unpublished?"
                  hint="Readers who follow a link to it see this on a page saying it was removed. To keep it readable with a notice instead, withdraw it."
                  error={state.fieldErrors.reason}
                  defaultValue={state.values.reason}
                  rows={3}
                />
                <TextInput
                  id="redirectPath"
                  name="redirectPath"
                  label="Send readers to another page instead (optional)"
                  hint="The web address of a published item or a page on this site, starting with /. Its old address then redirects there. Leave it empty and the old address says the page was removed."
                  error={state.fieldErrors.redirectPath}
                  defaultValue={state.values.redirectPath}
                  spellCheck={false}
                />
              </>
            )}
            <div className="nhsuk-button-group">
              <Button variant="warning">{data.onSite ? "Yes, unpublish and archive it" : "Yes, archive it"}</Button>
              <a href={`/content/${data.itemId}`} className="nhsuk-link">
                No, keep it
              </a>
            </div>
          </Form>
        </>
      ) : (
        <p>This item cannot be archived: it is already archived.</p>
      )}
    </>
  );
}
