import { roleLabels } from "@observatory/api/permissions";
import { Button, TextInput } from "@observatory/ui";
import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { NewPasswordFields } from "~/components/new-password-fields";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrorSummary, formState } from "~/components/form-errors";
import { LinkProblemPage } from "~/components/link-problem";
import { api } from "~/lib/api.server";
import { formFailure, textField } from "~/lib/forms.server";

// The token is in the address: it must not travel on in a Referer header.
export const headers = () => ({ "Referrer-Policy": "no-referrer" });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api: caller } = await api(request, context);
  return caller.auth.invitation({ token: params.token ?? "" });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { api: caller } = await api(request, context);
  const form = await request.formData();
  const name = textField(form, "name");
  try {
    await caller.auth.acceptInvitation({
      token: params.token ?? "",
      name,
      password: textField(form, "password"),
      confirmPassword: textField(form, "confirmPassword"),
    });
    return redirect("/sign-in?notice=account-ready");
  } catch (error) {
    return formFailure(error, { name });
  }
}

export default function AcceptInvitation() {
  const invitation = useLoaderData<typeof loader>();
  const state = formState(useActionData<typeof action>());
  if (invitation.status !== "valid") {
    return (
      <LinkProblemPage
        problem={invitation.status}
        what="invitation"
        next={
          invitation.status === "used"
            ? { href: "/sign-in", label: "Sign in", explanation: "If you set up your account with it, sign in." }
            : {
                href: "/sign-in",
                label: "Go to sign in",
                explanation: "Ask the administrator who invited you to send a new invitation.",
              }
        }
      />
    );
  }
  const role = roleLabels[invitation.role];
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <FormErrorSummary title="Set up your account" state={state} fields={["name", "password", "confirmPassword"]} />
        <h1>Set up your account</h1>
        <p>
          {invitation.invitedBy ?? "An administrator"} has invited <strong>{invitation.email}</strong> to the
          Observatory admin as {/^[AEIOU]/.test(role) ? "an" : "a"} {role.toLowerCase()}.
        </p>
        <Form method="post" noValidate>
          <input type="hidden" name="username" value={invitation.email} autoComplete="username" />
          <TextInput
            id="name"
            name="name"
            label="Full name"
            hint="As your colleagues know you. It is shown next to your work and in the audit log."
            autoComplete="name"
            spellCheck={false}
            defaultValue={state.values.name}
            error={state.fieldErrors.name}
          />
          <NewPasswordFields
            label="Create a password"
            confirmLabel="Confirm your password"
            fieldErrors={state.fieldErrors}
          />
          <Button>Create account</Button>
        </Form>
      </div>
    </div>
  );
}
