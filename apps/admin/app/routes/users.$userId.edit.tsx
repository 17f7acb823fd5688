import { BackLink, Button, TextInput } from "@observatory/ui";
import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { EmailAddressInput } from "~/components/account-fields";
import { FormErrorSummary, formState } from "~/components/form-errors";
import { formFailure, textField } from "~/lib/forms.server";
import { requireUser } from "~/lib/session.server";

export async function loader(args: LoaderFunctionArgs) {
  const { api } = await requireUser(args, { permission: "users.manage" });
  const user = await api.users.byId({ id: args.params.userId ?? "" });
  return { id: user.id, name: user.name, email: user.email };
}

export async function action(args: ActionFunctionArgs) {
  const { api } = await requireUser(args, { permission: "users.manage" });
  const id = args.params.userId ?? "";
  const form = await args.request.formData();
  const values = { name: textField(form, "name"), email: textField(form, "email") };
  try {
    const { emailChangeSentTo } = await api.users.updateProfile({ id, ...values });
    return redirect(`/users/${encodeURIComponent(id)}?notice=${emailChangeSentTo ? "email-sent" : "saved"}`);
  } catch (error) {
    return formFailure(error, values);
  }
}

export default function EditUser() {
  const user = useLoaderData<typeof loader>();
  const state = formState(useActionData<typeof action>());
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink href={`/users/${user.id}`}>Back to {user.name}</BackLink>
        <FormErrorSummary title={`Change ${user.name}'s details`} state={state} fields={["name", "email"]} />
        <h1>Change {user.name}'s details</h1>
        <Form method="post" noValidate>
          <TextInput
            id="name"
            name="name"
            label="Full name"
            hint="Shown next to their work and in the audit log."
            autoComplete="off"
            spellCheck={false}
            defaultValue={state.values.name ?? user.name}
            error={state.fieldErrors.name}
          />
          <EmailAddressInput state={state} autoComplete="off" current={user.email} />
          <p>
            A new email address applies once they open the link we send to it. Until then they sign in with the current
            one, which we tell about the change.
          </p>
          <Button>Save</Button>
        </Form>
      </div>
    </div>
  );
}
