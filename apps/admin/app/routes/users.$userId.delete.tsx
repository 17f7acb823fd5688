import { BackLink, Button, Select, WarningCallout } from "@observatory/ui";
import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrorSummary, formState } from "~/components/form-errors";
import { formFailure, textField } from "~/lib/forms.server";
import { requireUser } from "~/lib/session.server";

// Deleting a departing person's account: the page names what passes to the person chosen, and
// what stays theirs, before anything happens (decision 017).

export async function loader(args: LoaderFunctionArgs) {
  const { api } = await requireUser(args, { permission: "users.manage" });
  return api.users.deletion({ id: args.params.userId ?? "" });
}

export async function action(args: ActionFunctionArgs) {
  const { api } = await requireUser(args, { permission: "users.manage" });
  const form = await args.request.formData();
  const reassignTo = textField(form, "reassignTo");
  try {
    const result = await api.users.delete({ id: args.params.userId ?? "", reassignTo });
    const params = new URLSearchParams({ deleted: result.name, heir: result.heir });
    return redirect(`/users?${params}`);
  } catch (error) {
    return formFailure(error, { reassignTo });
  }
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export default function DeleteUser() {
  const { user, counts, candidates } = useLoaderData<typeof loader>();
  const state = formState(useActionData<typeof action>());
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink href={`/users/${user.id}`}>Back to {user.name}</BackLink>
        <FormErrorSummary title={`Delete ${user.name}'s account`} state={state} fields={["reassignTo"]} />
        <h1>Delete {user.name}'s account</h1>
        <p>
          {user.name} ({user.email}) will no longer be able to sign in, and their address can be invited again.
        </p>
        <h2>What passes to the person you choose</h2>
        <ul className="nhsuk-list nhsuk-list--bullet">
          <li>
            {count(counts.itemsCreated, "content item they created", "content items they created")}, credited to them
          </li>
          <li>
            {count(counts.itemsOwned, "content item they own", "content items they own")}, with their review reminders
          </li>
          <li>{count(counts.drafts, "draft they had not submitted", "drafts they had not submitted")}</li>
        </ul>
        <h2>What ends and what stays</h2>
        <ul className="nhsuk-list nhsuk-list--bullet">
          <li>
            They are signed out ({count(counts.sessions, "session", "sessions")}) and taken out of{" "}
            {count(counts.groups, "review group", "review groups")} they were named in.
          </li>
          <li>
            Their submitted revisions, review decisions, comments, uploads and the audit log stay as they are, under
            their name.
          </li>
        </ul>
        <WarningCallout heading="This cannot be undone" headingLevel={2}>
          <p>To let them back later, disable the account instead: disabling keeps everything as it is.</p>
        </WarningCallout>
        <Form method="post" noValidate>
          <Select
            id="reassignTo"
            name="reassignTo"
            label="Who their content goes to"
            hint="An active administrator, editor or author."
            defaultValue={state.values.reassignTo}
            error={state.fieldErrors.reassignTo}
            options={[
              { value: "", label: "Choose a person" },
              ...candidates.map((candidate) => ({
                value: candidate.id,
                label: `${candidate.name} (${candidate.email})`,
              })),
            ]}
          />
          <div className="nhsuk-button-group">
            <Button variant="warning">Delete account and hand over their content</Button>
            <a href={`/users/${user.id}`} className="nhsuk-link">
              No, keep the account
            </a>
          </div>
        </Form>
      </div>
    </div>
  );
}
