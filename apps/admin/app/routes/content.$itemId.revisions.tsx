import { BackLink, Button, Select, Table, Tag } from "@observatory/ui";
import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrorSummary, formState } from "~/components/form-errors";
import { orNotFound, when } from "~/lib/content.server";
import { formFailure, textField } from "~/lib/forms.server";
import { requireUser } from "~/lib/session.server";

export async function loader(args: LoaderFunctionArgs) {
  const { api } = await requireUser(args, { permission: "content.write" });
  const { item, revisions } = await orNotFound(api.editorial.revisions({ itemId: args.params.itemId ?? "" }));
  return {
    itemId: item.id,
    revisions: revisions.map((r) => ({
      id: r.id,
      number: r.number,
      title: r.title,
      author: r.author.name,
      saved: when(r.updatedAt),
      labels: [
        r.isLive && "Live",
        r.isScheduled && "Scheduled",
        r.isLatest && "Latest",
        r.approvedAt && "Approved",
        r.isAutosave && "Autosaved copy",
      ].filter((label): label is string => Boolean(label)),
    })),
  };
}

export async function action(args: ActionFunctionArgs) {
  const { api } = await requireUser(args, { permission: "content.write" });
  const itemId = args.params.itemId ?? "";
  const form = await args.request.formData();
  try {
    await api.editorial.restore({ itemId, revisionId: textField(form, "revisionId") });
    return redirect(`/content/${itemId}?restored=1`);
  } catch (error) {
    return formFailure(error);
  }
}

export default function Revisions() {
  const data = useLoaderData<typeof loader>();
  const state = formState(useActionData<typeof action>());
  const options = data.revisions.map((r) => ({ value: r.id, label: `Revision ${r.number}: ${r.title}` }));
  return (
    <>
      <BackLink href={`/content/${data.itemId}`}>Back to the item</BackLink>
      <FormErrorSummary title="Revisions" state={state} fields={["revisions"]} />
      <h1>Revisions</h1>
      {options.length > 1 && (
        <Form method="get" action={`/content/${data.itemId}/compare`} className="nhsuk-u-margin-bottom-5">
          <h2>Compare two revisions</h2>
          <div className="nhsuk-grid-row">
            <div className="nhsuk-grid-column-one-half">
              <Select id="from" name="from" label="Older" options={options} defaultValue={options[1]?.value} />
            </div>
            <div className="nhsuk-grid-column-one-half">
              <Select id="to" name="to" label="Newer" options={options} defaultValue={options[0]?.value} />
            </div>
          </div>
          <Button variant="secondary">Compare</Button>
        </Form>
      )}
      <div id="revisions">
        <Table
          caption="Every saved revision, newest first"
          head={["Revision", "Title", "Author", "Saved", "State", "Actions"]}
          firstCellIsHeader
          rows={data.revisions.map((r) => [
            String(r.number),
            r.title,
            r.author,
            r.saved,
            <span key="labels">
              {r.labels.map((label) => (
                <span key={label} className="nhsuk-u-margin-right-1">
                  <Tag colour="white">{label}</Tag>
                </span>
              ))}
            </span>,
            <div key="actions">
              <a href={`/content/${data.itemId}/preview?revision=${r.id}`}>
                Preview<span className="nhsuk-u-visually-hidden"> revision {r.number}</span>
              </a>
              <Form method="post">
                <input type="hidden" name="revisionId" value={r.id} />
                <button type="submit" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small">
                  Restore as new draft<span className="nhsuk-u-visually-hidden"> (revision {r.number})</span>
                </button>
              </Form>
            </div>,
          ])}
        />
      </div>
    </>
  );
}
