import { Button, TextInput } from "@observatory/ui";
import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { FormErrorSummary, formState } from "~/components/form-errors";
import { formFailure, textField } from "~/lib/forms.server";
import { redirectTarget, requireSession, withRedirectTo } from "~/lib/session.server";

export async function loader(args: LoaderFunctionArgs) {
  const { session } = await requireSession(args);
  const redirectTo = redirectTarget(args.request);
  if (session.mfa === "satisfied") throw redirect(redirectTo);
  if (session.mfa === "enrol") throw redirect(withRedirectTo("/account/authenticator/set-up", redirectTo));
  return null;
}

export async function action(args: ActionFunctionArgs) {
  const { api, responseHeaders } = await requireSession(args);
  const code = textField(await args.request.formData(), "code");
  try {
    const result = await api.auth.verifyMfa({ code });
    // After a recovery code, the account page says how many are left and offers new ones.
    const next = result.usedRecoveryCode
      ? "/account/authenticator?notice=recovery-code-used"
      : redirectTarget(args.request);
    return redirect(next, { headers: responseHeaders });
  } catch (error) {
    return formFailure(error);
  }
}

export default function VerifyCode() {
  const state = formState(useActionData<typeof action>());
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <FormErrorSummary title="Enter your security code" state={state} fields={["code"]} />
        <h1>Enter your security code</h1>
        <p>Open the authenticator app on your phone and enter the 6-digit code it shows for the Observatory admin.</p>
        <Form method="post" noValidate>
          <TextInput
            id="code"
            name="code"
            label="Security code"
            hint="If you do not have your phone, enter one of your recovery codes instead."
            autoComplete="one-time-code"
            spellCheck={false}
            width={10}
            error={state.fieldErrors.code}
          />
          <Button>Continue</Button>
        </Form>
        <p>
          If you have lost your phone and your recovery codes, ask an administrator to remove your authenticator app.
        </p>
      </div>
    </div>
  );
}
