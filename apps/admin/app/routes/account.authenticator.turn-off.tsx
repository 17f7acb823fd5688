import { BackLink, Button } from "@observatory/ui";
import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
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
  const { api } = await requireUser(args);
  const password = textField(await args.request.formData(), "password");
  try {
    await api.account.disableTotp({ password });
    return redirect("/account/authenticator?notice=turned-off");
  } catch (error) {
    return formFailure(error);
  }
}

export default function TurnOffAuthenticator() {
  const state = formState(useActionData<typeof action>());
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink href="/account/authenticator">Back to authenticator app</BackLink>
        <FormErrorSummary title="Turn off your authenticator app" state={state} fields={["password"]} />
        <h1>Turn off your authenticator app</h1>
        <p>You will sign in with your password only, and your recovery codes will stop working.</p>
        <Form method="post" noValidate>
          <CurrentPasswordInput state={state} />
          <Button variant="warning">Turn off</Button>
        </Form>
      </div>
    </div>
  );
}
