import { BackLink, Button, NotificationBanner, Select, WarningCallout } from "@observatory/ui";
import { type LinksFunction, type ActionFunctionArgs, type LoaderFunctionArgs, data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { formState } from "~/components/form-errors";
import { WorkflowForm } from "~/components/workflow-form";
import { kindOptions, orNotFound } from "~/lib/content.server";
import { formFailure, textField } from "~/lib/forms.server";
import { requireUser } from "~/lib/session.server";
import { focusAfter, readSteps, rearrangedSteps } from "~/lib/workflows.server";
import workflowsCss from "~/styles/workflows.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: workflowsCss }];

const notices: Record<string, string> = {
  created: "The workflow has been created. Choose the content it reviews below.",
  saved: "The workflow has been saved.",
  attached: "The workflow now reviews that content.",
  detached: "The workflow no longer reviews that content.",
  moved: "The item's review has started again on the workflow's current steps.",
};

export async function loader(args: LoaderFunctionArgs) {
  const { api } = await requireUser(args, { permission: "settings.manage" });
  const id = args.params.workflowId ?? "";
  const [workflow, groups, priorities] = await Promise.all([
    orNotFound(api.workflows.get({ id })),
    api.workflows.groups(),
    api.editorial.workstreamOptions(),
  ]);
  const params = new URL(args.request.url).searchParams;
  return {
    workflow,
    groups: groups.map((g) => ({ id: g.id, name: g.name })),
    priorities,
    kinds: kindOptions,
    notice: Object.keys(notices).find((key) => params.has(key)) ?? null,
    askDelete: params.has("delete"),
  };
}

export async function action(args: ActionFunctionArgs) {
  const { api } = await requireUser(args, { permission: "settings.manage" });
  const id = args.params.workflowId ?? "";
  const form = await args.request.formData();
  const intent = textField(form, "intent");
  const here = `/workflows/${id}`;
  try {
    if (intent === "attach") {
      await api.workflows.attach({
        workflowId: id,
        kind: textField(form, "kind") as "NEWS",
        workstreamId: textField(form, "workstreamId"),
      });
      return redirect(`${here}?attached=1#uses`);
    }
    if (intent === "detach") {
      await api.workflows.detach({ id: textField(form, "attachmentId") });
      return redirect(`${here}?detached=1#uses`);
    }
    if (intent === "move") {
      await api.workflows.moveReview({ itemId: textField(form, "itemId") });
      return redirect(`${here}?moved=1`);
    }
    if (intent === "delete") {
      await api.workflows.delete({ id });
      return redirect("/workflows?deleted=1");
    }
  } catch (error) {
    return formFailure(error, { kind: textField(form, "kind"), workstreamId: textField(form, "workstreamId") });
  }
  const name = textField(form, "name");
  const steps = readSteps(form);
  const rearranged = rearrangedSteps(intent, steps);
  if (rearranged) return data({ steps: rearranged, focus: focusAfter(intent, rearranged), values: { name } });
  try {
    await api.workflows.update({ id, name, steps });
    return redirect(`${here}?saved=1`);
  } catch (error) {
    return formFailure(error, { name, steps: JSON.stringify(steps) });
  }
}

export default function EditWorkflow() {
  const { workflow, groups, priorities, kinds, notice, askDelete } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const state = formState(answer);
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink href="/workflows">Back to workflows</BackLink>
        {notice && <NotificationBanner variant="success">{notices[notice]}</NotificationBanner>}
        <h1>{workflow.name}</h1>
        {workflow.onEarlierVersion.length > 0 && (
          <WarningCallout heading="Items in review on earlier steps" headingLevel={2}>
            <p>
              These items were submitted before the steps last changed, so they finish on the steps they started with.
              Move one to start its review again on the steps below.
            </p>
            <ul className="nhsuk-list">
              {workflow.onEarlierVersion.map((item) => (
                <li key={item.itemId}>
                  <Form method="post" className="observatory-inline-form">
                    <a href={`/content/${item.itemId}`}>{item.title}</a> (revision {item.revisionNumber}, awaiting{" "}
                    {item.stepName?.toLowerCase()}) <input type="hidden" name="itemId" value={item.itemId} />
                    <button
                      type="submit"
                      className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                      name="intent"
                      value="move"
                    >
                      Move “{item.title}” to the current steps
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
          </WarningCallout>
        )}
        <WorkflowForm
          title={workflow.name}
          initial={{ name: workflow.name, steps: workflow.steps }}
          answer={answer}
          groups={groups}
          submitLabel="Save workflow"
        />

        <h2 id="uses">Content it reviews</h2>
        {workflow.attachments.length ? (
          <ul className="nhsuk-list">
            {workflow.attachments.map((use) => (
              <li key={use.id}>
                <Form method="post" className="observatory-inline-form">
                  {use.label} <input type="hidden" name="attachmentId" value={use.id} />
                  <button
                    type="submit"
                    className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                    name="intent"
                    value="detach"
                  >
                    Remove<span className="nhsuk-u-visually-hidden"> {use.label}</span>
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        ) : (
          <p>None yet: this workflow reviews nothing until you choose content for it.</p>
        )}
        <Form method="post" noValidate>
          <Select
            id="kind"
            name="kind"
            label="Kind of content"
            options={[{ value: "", label: "Choose a kind" }, ...kinds]}
            defaultValue={state.values.kind}
            error={state.fieldErrors.kind}
          />
          <Select
            id="workstreamId"
            name="workstreamId"
            label="Priority"
            hint="A workflow for one priority is used before the kind's own, for items tagged with it."
            options={[
              { value: "", label: "Every item of the kind" },
              ...priorities.map((p) => ({ value: p.id, label: `Only items tagged ${p.title}` })),
            ]}
            defaultValue={state.values.workstreamId}
            error={state.fieldErrors.workstreamId}
          />
          <Button name="intent" value="attach" variant="secondary">
            Review this content with the workflow
          </Button>
        </Form>

        <h2>Delete this workflow</h2>
        {askDelete ? (
          <Form method="post">
            <WarningCallout heading="Are you sure?" headingLevel={2}>
              <p>
                The content it reviews will have no review until another workflow is chosen for it: submitting will
                approve it at once. Items already in review finish on its steps.
              </p>
            </WarningCallout>
            <Button name="intent" value="delete" variant="warning">
              Delete “{workflow.name}”
            </Button>
          </Form>
        ) : (
          <p>
            <a href={`/workflows/${workflow.id}?delete=1`}>Delete this workflow</a>
          </p>
        )}
      </div>
    </div>
  );
}
