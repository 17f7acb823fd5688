import { BackLink, Button } from "@observatory/ui";
import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { NewPasswordFields } from "~/components/new-password-fields";
import { Form, useActionData } from "@remix-run/react";
import { CurrentPasswordInput } from "~/components/account-fields";
import { FormErrorSummary, formState } from "~/components/form-errors";
import { formFailure, textField } from "~/lib/forms.server";
import { requireUser } from "~/lib/session.server";

export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args);
  return null;
}

export async function action(args: ActionFunctionArgs) {
  const { api, responseHeaders } = await requireUser(args);
  const form = await args.request.formData();
  try {
    await api.account.changePassword({
      currentPassword: textField(form, "currentPassword"),
      password: textField(form, "password"),
      confirmPassword: textField(form, "confirmPassword"),
    });
    return redirect("/account?notice=password-changed", { headers: responseHeaders });
  } catch (error) {
    return formFailure(error);
  }
}

export default function ChangePassword() {
  const state = formState(useActionData<typeof action>());
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink href="/account">Back to your account</BackLink>
        <FormErrorSummary
          title="Change your password"
          state={state}
          fields={["currentPassword", "password", "confirmPassword"]}
        />
        <h1>Change your password</h1>
        <p>You stay signed in here; every other device is signed out.</p>
        <Form method="post" noValidate>
          <CurrentPasswordInput state={state} name="currentPassword" label="Current password" />
          <NewPasswordFields label="New password" confirmLabel="Confirm new password" fieldErrors={state.fieldErrors} />
          <Button>Change password</Button>
        </Form>
      </div>
    </div>
  );
}
