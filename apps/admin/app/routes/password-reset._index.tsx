import { Button, DocumentTitle } from "@observatory/ui";
import type { ActionFunctionArgs } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { EmailAddressInput } from "~/components/account-fields";
import { FormErrorSummary, formState } from "~/components/form-errors";
import { api } from "~/lib/api.server";
import { formFailure, textField } from "~/lib/forms.server";
import { pageTitle } from "~/lib/site";

export async function action({ request, context }: ActionFunctionArgs) {
  const { api: caller } = await api(request, context);
  const email = textField(await request.formData(), "email");
  try {
    await caller.auth.requestPasswordReset({ email });
    return { ok: true as const, email };
  } catch (error) {
    return formFailure(error, { email });
  }
}

export default function RequestPasswordReset() {
  const result = useActionData<typeof action>();
  const state = formState(result);
  if (result?.ok) {
    return (
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <DocumentTitle title={pageTitle("Check your email")} />
          <h1>Check your email</h1>
          <p>
            If <strong>{result.email}</strong> belongs to an account, we have sent it a link to reset your password. The
            link works for 1 hour.
          </p>
          <p>If no email arrives in a few minutes, check your spam folder, or ask an administrator.</p>
          <p>
            <a href="/sign-in">Go back to sign in</a>
          </p>
        </div>
      </div>
    );
  }
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <FormErrorSummary title="Reset your password" state={state} fields={["email"]} />
        <h1>Reset your password</h1>
        <p>Enter the email address you sign in with. We will email you a link to choose a new password.</p>
        <Form method="post" noValidate>
          <EmailAddressInput state={state} autoComplete="username" />
          <Button>Send the link</Button>
        </Form>
        <p>
          <a href="/sign-in">Go back to sign in</a>
        </p>
      </div>
    </div>
  );
}
