import { BackLink, Button, ButtonLink, DocumentTitle } from "@observatory/ui";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { CurrentPasswordInput } from "~/components/account-fields";
import { FormErrorSummary, formState } from "~/components/form-errors";
import { RecoveryCodes } from "~/components/recovery-codes";
import { formFailure, textField } from "~/lib/forms.server";
import { requireUser } from "~/lib/session.server";
import { pageTitle } from "~/lib/site";

export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args);
  return null;
}

export async function action(args: ActionFunctionArgs) {
  const { api } = await requireUser(args);
  const password = textField(await args.request.formData(), "password");
  try {
    const { recoveryCodes } = await api.account.regenerateRecoveryCodes({ password });
    return { ok: true as const, recoveryCodes };
  } catch (error) {
    return formFailure(error);
  }
}

export default function NewRecoveryCodes() {
  const result = useActionData<typeof action>();
  const state = formState(result);
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink href="/account/authenticator">Back to authenticator app</BackLink>
        {result?.ok ? (
          <>
            <DocumentTitle title={pageTitle("Your new recovery codes")} />
            <h1>Your new recovery codes</h1>
            <p>Your old recovery codes no longer work.</p>
            <RecoveryCodes codes={result.recoveryCodes} />
            <ButtonLink href="/account/authenticator">Done</ButtonLink>
          </>
        ) : (
          <>
            <FormErrorSummary title="Get new recovery codes" state={state} fields={["password"]} />
            <h1>Get new recovery codes</h1>
            <p>Your old recovery codes will stop working. Enter your password to continue.</p>
            <Form method="post" noValidate>
              <CurrentPasswordInput state={state} />
              <Button>Get new codes</Button>
            </Form>
          </>
        )}
      </div>
    </div>
  );
}
