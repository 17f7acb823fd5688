import { BackLink } from "@observatory/ui";
import { type LinksFunction, type ActionFunctionArgs, type LoaderFunctionArgs, data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { WorkflowForm } from "~/components/workflow-form";
import { formFailure, textField } from "~/lib/forms.server";
import { requireUser } from "~/lib/session.server";
import { focusAfter, readSteps, rearrangedSteps } from "~/lib/workflows.server";
import workflowsCss from "~/styles/workflows.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: workflowsCss }];

export async function loader(args: LoaderFunctionArgs) {
  const { api } = await requireUser(args, { permission: "settings.manage" });
  const groups = await api.workflows.groups();
  return { groups: groups.map((g) => ({ id: g.id, name: g.name })) };
}

export async function action(args: ActionFunctionArgs) {
  const { api } = await requireUser(args, { permission: "settings.manage" });
  const form = await args.request.formData();
  const name = textField(form, "name");
  const steps = readSteps(form);
  const intent = textField(form, "intent");
  const rearranged = rearrangedSteps(intent, steps);
  if (rearranged) return data({ steps: rearranged, focus: focusAfter(intent, rearranged), values: { name } });
  try {
    const created = await api.workflows.create({ name, steps });
    return redirect(`/workflows/${created.id}?created=1`);
  } catch (error) {
    return formFailure(error, { name, steps: JSON.stringify(steps) });
  }
}

export default function NewWorkflow() {
  const { groups } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink href="/workflows">Back to workflows</BackLink>
        <h1>New workflow</h1>
        <WorkflowForm
          title="New workflow"
          initial={{ name: "", steps: [{ name: "", groupId: "", requirement: "ANY" }] }}
          answer={answer}
          groups={groups}
          submitLabel="Create workflow"
        />
      </div>
    </div>
  );
}
