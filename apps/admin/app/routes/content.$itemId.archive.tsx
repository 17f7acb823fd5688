import { BackLink, Button, WarningCallout } from "@observatory/ui";
import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrorSummary, formState } from "~/components/form-errors";
import { orNotFound, when } from "~/lib/content.server";
import { formFailure } from "~/lib/forms.server";
import { requireUser } from "~/lib/session.server";

// Archiving one item asks first, saying what readers lose: an item on the public site comes off it
// at once. The item's page then offers to undo it (see editorial/archive.ts).

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
  try {
    const { archivedAt } = await api.editorial.archive({ itemId });
    return redirect(`/content/${itemId}?archived=${encodeURIComponent(archivedAt.toISOString())}`);
  } catch (error) {
    return formFailure(error);
  }
}

export default function ArchiveItem() {
  const data = useLoaderData<typeof loader>();
  const state = formState(useActionData<typeof action>());
  return (
    <>
      <BackLink href={`/content/${data.itemId}`}>Back to the item</BackLink>
      <FormErrorSummary title={`Archive “${data.title}”`} state={state} fields={[]} />
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
          <Form method="post">
            <div className="nhsuk-button-group">
              <Button variant="warning">Yes, archive it</Button>
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
