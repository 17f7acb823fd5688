import { BackLink, Button, NotificationBanner, Select } from "@observatory/ui";
import { type LinksFunction, type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrorSummary, formState } from "~/components/form-errors";
import { GroupFields } from "~/components/group-fields";
import { readGroupForm } from "~/lib/workflows.server";
import { orNotFound } from "~/lib/content.server";
import { formFailure, textField } from "~/lib/forms.server";
import { requireUser } from "~/lib/session.server";
import workflowsCss from "~/styles/workflows.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: workflowsCss }];

const notices: Record<string, string> = {
  created: "The group has been created. Add its members below.",
  saved: "The group has been saved.",
  added: "The person has been added to the group.",
  removed: "The person has been removed from the group.",
};

export async function loader(args: LoaderFunctionArgs) {
  const { api } = await requireUser(args, { permission: "settings.manage" });
  const group = await orNotFound(api.workflows.group({ id: args.params.groupId ?? "" }));
  const params = new URL(args.request.url).searchParams;
  return { group, notice: Object.keys(notices).find((key) => params.has(key)) ?? null };
}

export async function action(args: ActionFunctionArgs) {
  const { api } = await requireUser(args, { permission: "settings.manage" });
  const groupId = args.params.groupId ?? "";
  const here = `/workflows/groups/${groupId}`;
  const form = await args.request.formData();
  const intent = textField(form, "intent");
  const userId = textField(form, "userId");
  try {
    if (intent === "add") {
      await api.workflows.addMember({ groupId, userId });
      return redirect(`${here}?added=1#members`);
    }
    if (intent === "remove") {
      await api.workflows.removeMember({ groupId, userId });
      return redirect(`${here}?removed=1#members`);
    }
    if (intent === "delete") {
      await api.workflows.deleteGroup({ id: groupId });
      return redirect("/workflows/groups?deleted=1");
    }
  } catch (error) {
    return formFailure(error, { userId });
  }
  const { input, values } = readGroupForm(form);
  try {
    await api.workflows.updateGroup({ id: groupId, ...input });
    return redirect(`${here}?saved=1`);
  } catch (error) {
    return formFailure(error, values);
  }
}

export default function Group() {
  const { group, notice } = useLoaderData<typeof loader>();
  const state = formState(useActionData<typeof action>());
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink href="/workflows/groups">Back to review groups</BackLink>
        <FormErrorSummary title={group.name} state={state} fields={["name", "description", "roles", "userId"]} />
        {notice && <NotificationBanner variant="success">{notices[notice]}</NotificationBanner>}
        <h1>{group.name}</h1>
        <p>
          {group.usedBy.length
            ? `Decides ${group.usedBy.map((u) => `“${u.stepName}” in ${u.workflowName}`).join(", ")}.`
            : "This group decides no workflow step yet."}
        </p>

        <h2 id="members">Members</h2>
        {group.named.length ? (
          <ul className="nhsuk-list">
            {group.named.map((member) => (
              <li key={member.id}>
                <Form method="post" className="observatory-inline-form">
                  {member.name} ({member.email}, {member.roleName}
                  {member.disabled ? ", disabled" : ""}) <input type="hidden" name="userId" value={member.id} />
                  <button
                    type="submit"
                    className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                    name="intent"
                    value="remove"
                  >
                    Remove {member.name}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        ) : (
          <p>Nobody is named in this group.</p>
        )}
        {group.candidates.length > 0 && (
          <Form method="post" noValidate>
            <Select
              id="userId"
              name="userId"
              label="Add a person"
              hint="Administrators, editors and authors: the people who can read drafts."
              options={[
                { value: "", label: "Choose a person" },
                ...group.candidates.map((u) => ({ value: u.id, label: `${u.name} (${u.email})` })),
              ]}
              error={state.fieldErrors.userId}
            />
            <Button name="intent" value="add" variant="secondary">
              Add to the group
            </Button>
          </Form>
        )}
        <p>
          Everyone who can decide its steps now ({group.everyone.length}):{" "}
          {group.everyone.map((m) => m.name).join(", ") || "nobody"}.
        </p>

        <h2>Details</h2>
        <Form method="post" noValidate>
          <GroupFields state={state} initial={group} roleOptions={group.roleOptions} />
          <Button name="intent" value="save">
            Save group
          </Button>
        </Form>

        {group.usedBy.length === 0 && (
          <>
            <h2>Delete this group</h2>
            <Form method="post">
              <Button name="intent" value="delete" variant="warning">
                Delete “{group.name}”
              </Button>
            </Form>
          </>
        )}
      </div>
    </div>
  );
}
