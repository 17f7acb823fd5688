import { Button } from "@observatory/ui";
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
  return caller.auth.passwordReset({ token: params.token ?? "" });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { api: caller } = await api(request, context);
  const form = await request.formData();
  try {
    await caller.auth.resetPassword({
      token: params.token ?? "",
      password: textField(form, "password"),
      confirmPassword: textField(form, "confirmPassword"),
    });
    return redirect("/sign-in?notice=password-reset");
  } catch (error) {
    return formFailure(error);
  }
}

export default function ChooseNewPassword() {
  const link = useLoaderData<typeof loader>();
  const state = formState(useActionData<typeof action>());
  if (link.status !== "valid") {
    return (
      <LinkProblemPage
        problem={link.status}
        what="password reset link"
        next={{
          href: "/password-reset",
          label: "Ask for a new link",
          explanation: "You can ask for a new link by email.",
        }}
      />
    );
  }
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <FormErrorSummary title="Choose a new password" state={state} fields={["password", "confirmPassword"]} />
        <h1>Choose a new password</h1>
        <p>
          For <strong>{link.email}</strong>. Once it is changed, you are signed out everywhere else.
        </p>
        <Form method="post" noValidate>
          <input type="hidden" name="username" value={link.email} autoComplete="username" />
          <NewPasswordFields label="New password" confirmLabel="Confirm new password" fieldErrors={state.fieldErrors} />
          <Button>Change password</Button>
        </Form>
      </div>
    </div>
  );
}
