import { roleLabels, roles } from "@observatory/api/permissions";
import { BackLink, Button, Radios } from "@observatory/ui";
import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { EmailAddressInput } from "~/components/account-fields";
import { FormErrorSummary, formState } from "~/components/form-errors";
import { formFailure, textField } from "~/lib/forms.server";
import { requireUser } from "~/lib/session.server";
import { roleDescriptions } from "~/lib/roles";

export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args, { permission: "users.manage" });
  return null;
}

export async function action(args: ActionFunctionArgs) {
  const { api } = await requireUser(args, { permission: "users.manage" });
  const form = await args.request.formData();
  const values = { email: textField(form, "email"), role: textField(form, "role") };
  try {
    const invitation = await api.users.invite(values);
    return redirect(`/users?invited=${encodeURIComponent(invitation.email)}`);
  } catch (error) {
    return formFailure(error, values);
  }
}

export default function InviteUser() {
  const state = formState(useActionData<typeof action>());
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink href="/users">Back to users</BackLink>
        <FormErrorSummary title="Invite a user" state={state} fields={["email", "role"]} />
        <h1>Invite a user</h1>
        <p>We will email them a link to set up their account. The link works once, for 7 days.</p>
        <Form method="post" noValidate>
          <EmailAddressInput state={state} autoComplete="off" />
          <Radios
            idPrefix="role"
            name="role"
            legend="Role"
            defaultValue={state.values.role}
            error={state.fieldErrors.role}
            items={roles.map((role) => ({ value: role, label: roleLabels[role], hint: roleDescriptions[role] }))}
          />
          <Button>Send invitation</Button>
        </Form>
      </div>
    </div>
  );
}
