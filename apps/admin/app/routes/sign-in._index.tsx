import { Button, NotificationBanner } from "@observatory/ui";
import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CurrentPasswordInput, EmailAddressInput } from "~/components/account-fields";
import { FormErrorSummary, formState } from "~/components/form-errors";
import { api } from "~/lib/api.server";
import { formFailure, textField } from "~/lib/forms.server";
import { redirectTarget, withRedirectTo } from "~/lib/session.server";

const notices: Record<string, string> = {
  "signed-out": "You have signed out.",
  "signed-out-everywhere": "You have signed out on every device.",
  "account-ready": "Your account is ready. Sign in with your email address and new password.",
  "password-reset": "Your password has been changed. Sign in with your new password.",
};

/** Where a new session goes next: on, or to the second factor first. */
function nextStep(mfa: "satisfied" | "verify" | "enrol", redirectTo: string): string {
  if (mfa === "verify") return withRedirectTo("/sign-in/verify", redirectTo);
  if (mfa === "enrol") return withRedirectTo("/account/authenticator/set-up", redirectTo);
  return redirectTo;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api: caller } = await api(request, context);
  const session = await caller.auth.session();
  const redirectTo = redirectTarget(request);
  if (session) throw redirect(nextStep(session.mfa, redirectTo));
  const notice = new URL(request.url).searchParams.get("notice") ?? "";
  return { notice: notices[notice] ?? null };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { api: caller, responseHeaders } = await api(request, context);
  const form = await request.formData();
  const email = textField(form, "email");
  try {
    const { mfa } = await caller.auth.signIn({ email, password: textField(form, "password") });
    return redirect(nextStep(mfa, redirectTarget(request)), { headers: responseHeaders });
  } catch (error) {
    return formFailure(error, { email });
  }
}

export default function SignIn() {
  const { notice } = useLoaderData<typeof loader>();
  const state = formState(useActionData<typeof action>());
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <FormErrorSummary title="Sign in" state={state} fields={["email", "password"]} />
        {notice && !state.formError && <NotificationBanner variant="success">{notice}</NotificationBanner>}
        <h1>Sign in</h1>
        <p>Sign in to write, review and publish the observatory's content.</p>
        <Form method="post" noValidate>
          <EmailAddressInput state={state} autoComplete="username" />
          <CurrentPasswordInput state={state} />
          <Button>Sign in</Button>
        </Form>
        <p>
          <a href="/password-reset">I have forgotten my password</a>
        </p>
      </div>
    </div>
  );
}
