import { BackLink, Button } from "@observatory/ui";
import { type LinksFunction, type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrorSummary, formState } from "~/components/form-errors";
import { GroupFields } from "~/components/group-fields";
import { formFailure } from "~/lib/forms.server";
import { groupRoleOptions, readGroupForm } from "~/lib/workflows.server";
import { requireUser } from "~/lib/session.server";
import workflowsCss from "~/styles/workflows.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: workflowsCss }];

export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args, { permission: "settings.manage" });
  return { roleOptions: groupRoleOptions };
}

export async function action(args: ActionFunctionArgs) {
  const { api } = await requireUser(args, { permission: "settings.manage" });
  const { input, values } = readGroupForm(await args.request.formData());
  try {
    const created = await api.workflows.createGroup(input);
    return redirect(`/workflows/groups/${created.id}?created=1`);
  } catch (error) {
    return formFailure(error, values);
  }
}

export default function NewGroup() {
  const { roleOptions } = useLoaderData<typeof loader>();
  const state = formState(useActionData<typeof action>());
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink href="/workflows/groups">Back to review groups</BackLink>
        <FormErrorSummary title="New review group" state={state} fields={["name", "description", "roles"]} />
        <h1>New review group</h1>
        <Form method="post" noValidate>
          <GroupFields state={state} initial={{ name: "", description: "", roles: [] }} roleOptions={roleOptions} />
          <Button>Create group</Button>
        </Form>
      </div>
    </div>
  );
}
