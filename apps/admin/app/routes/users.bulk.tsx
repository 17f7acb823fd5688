import { roleLabels } from "@observatory/api/permissions";
import { BackLink, Button, DocumentTitle, Table, WarningCallout } from "@observatory/ui";
import type { ActionFunctionArgs } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { bulkRefusal, selectedIds } from "~/lib/bulk-selection.server";
import { textField } from "~/lib/forms.server";
import { requireUser } from "~/lib/session.server";
import { pageTitle } from "~/lib/site";

// Disabling several users from the users list, in form posts that work without JavaScript, as the
// content list's bulk actions do: the selected users arrive here, this page lists them to confirm,
// its button posts them again, and the answer says who was disabled and why anyone was not.

const plural = (n: number) => `${n} ${n === 1 ? "user" : "users"}`;
const BACK = "/users";

export async function action(args: ActionFunctionArgs) {
  const { api } = await requireUser(args, { permission: "users.manage" });
  const form = await args.request.formData();
  const ids = selectedIds(form);
  const refuse = (message: string) => ({ view: "refused" as const, message });
  if (ids.length === 0) return refuse("Select at least one user, then choose Disable again");
  try {
    if (textField(form, "confirmed") !== "yes") {
      return { view: "confirm" as const, users: await api.users.selection({ ids }) };
    }
    const result = await api.users.bulkDisable({ ids });
    return { view: "done" as const, ...result };
  } catch (error) {
    return refuse(bulkRefusal(error));
  }
}

export default function BulkDisable() {
  const answer = useActionData<typeof action>();
  // Opened rather than posted to: the list is where this starts.
  if (!answer) {
    return (
      <>
        <DocumentTitle title={pageTitle("Users: disable several")} />
        <h1>Disable several users at once</h1>
        <p>
          Select users on the <a href={BACK}>users list</a>, then choose Disable the selected users.
        </p>
      </>
    );
  }
  if (answer.view === "refused") {
    return (
      <>
        <DocumentTitle title={pageTitle("Users: disable several")} hasErrors />
        <BackLink href={BACK}>Back to users</BackLink>
        <h1>Nothing was changed</h1>
        <p className="nhsuk-error-message">
          <span className="nhsuk-u-visually-hidden">Error:</span> {answer.message}.
        </p>
        <p>
          <a href={BACK}>Go back to the users list</a> to choose the users.
        </p>
      </>
    );
  }
  if (answer.view === "confirm") {
    return (
      <>
        <DocumentTitle title={pageTitle("Disable users: check the list")} />
        <BackLink href={BACK}>Back to users</BackLink>
        <h1>Disable {plural(answer.users.length)}?</h1>
        <WarningCallout heading="Check before you confirm" headingLevel={2}>
          <p>They are signed out at once and cannot sign in until re-enabled, one by one. Their work stays.</p>
        </WarningCallout>
        <Table
          caption="The selected users"
          head={["Name", "Email", "Role"]}
          rows={answer.users.map((user) => [user.name, user.email, roleLabels[user.role]])}
        />
        <Form method="post">
          <input type="hidden" name="confirmed" value="yes" />
          {answer.users.map((user) => (
            <input type="hidden" name="selected" value={user.id} key={user.id} />
          ))}
          <div className="nhsuk-button-group">
            <Button variant="warning">Yes, disable {plural(answer.users.length)}</Button>
            <a href={BACK} className="nhsuk-link">
              No, go back to the list
            </a>
          </div>
        </Form>
      </>
    );
  }
  return (
    <>
      <DocumentTitle title={pageTitle("Disable users: done")} />
      <BackLink href={BACK}>Back to users</BackLink>
      <h1>{plural(answer.disabled.length)} disabled.</h1>
      {answer.disabled.length > 0 && (
        <ul className="nhsuk-list nhsuk-list--bullet">
          {answer.disabled.map((user) => (
            <li key={user.id}>
              <a href={`/users/${user.id}`}>{user.name}</a>
            </li>
          ))}
        </ul>
      )}
      {answer.refused.length > 0 && (
        <div className="nhsuk-inset-text">
          <h2 className="nhsuk-heading-s">{plural(answer.refused.length)} could not be disabled:</h2>
          <ul className="nhsuk-list nhsuk-list--bullet">
            {answer.refused.map((user) => (
              <li key={user.id}>
                {user.name}: {user.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
      <p>
        <a href={BACK}>Back to the users list</a>
      </p>
    </>
  );
}
