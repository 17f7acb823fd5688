import { roleLabels, roles } from "@observatory/api/permissions";
import { Button, Checkboxes, InsetText, NotificationBanner } from "@observatory/ui";
import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrorSummary, formState } from "~/components/form-errors";
import { formFailure } from "~/lib/forms.server";
import { requireUser } from "~/lib/session.server";

export async function loader(args: LoaderFunctionArgs) {
  const { api } = await requireUser(args, { permission: "settings.manage" });
  const saved = new URL(args.request.url).searchParams.has("saved");
  return { policy: await api.settings.mfaPolicy(), saved };
}

export async function action(args: ActionFunctionArgs) {
  const { api } = await requireUser(args, { permission: "settings.manage" });
  const chosen = (await args.request.formData()).getAll("requiredRoles");
  try {
    await api.settings.updateMfaPolicy({ requiredRoles: roles.filter((role) => chosen.includes(role)) });
    return redirect("/settings/security?saved=1");
  } catch (error) {
    return formFailure(error);
  }
}

export default function SecuritySettings() {
  const { policy, saved } = useLoaderData<typeof loader>();
  const state = formState(useActionData<typeof action>());
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <FormErrorSummary title="Security settings" state={state} fields={["requiredRoles"]} />
        {saved && <NotificationBanner variant="success">The security settings have been saved.</NotificationBanner>}
        <h1>Security settings</h1>
        {policy.isDefault && (
          <InsetText>
            These are the defaults for this installation. They apply until you save your own choice.
          </InsetText>
        )}
        <Form method="post">
          <Checkboxes
            idPrefix="requiredRoles"
            name="requiredRoles"
            legend={<h2 className="nhsuk-fieldset__heading">Who must sign in with an authenticator app</h2>}
            hint="People in these roles set up an authenticator app the next time they sign in, and cannot turn it off. Anyone else may still choose to use one."
            items={roles.map((role) => ({
              value: role,
              label: roleLabels[role],
              checked: policy.requiredRoles.includes(role),
            }))}
          />
          <Button>Save settings</Button>
        </Form>
      </div>
    </div>
  );
}
