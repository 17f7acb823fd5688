import { Button, DocumentTitle, NotificationBanner } from "@observatory/ui";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrorSummary, formState } from "~/components/form-errors";
import { LinkProblemPage } from "~/components/link-problem";
import { api } from "~/lib/api.server";
import { formFailure } from "~/lib/forms.server";
import { pageTitle } from "~/lib/site";

// The link sent to a new email address. Opening it shows a button rather than changing anything:
// mail scanners that follow links must not confirm an address on the person's behalf.

// The token is in the address: it must not travel on in a Referer header.
export const headers = () => ({ "Referrer-Policy": "no-referrer" });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api: caller } = await api(request, context);
  return caller.auth.emailChange({ token: params.token ?? "" });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { api: caller } = await api(request, context);
  try {
    const { email } = await caller.auth.confirmEmailChange({ token: params.token ?? "" });
    return { confirmed: email };
  } catch (error) {
    return formFailure(error);
  }
}

export default function ConfirmEmailChange() {
  const link = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const state = formState(answer);
  if (answer && "confirmed" in answer) {
    return (
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <DocumentTitle title={pageTitle("Email address confirmed")} />
          <NotificationBanner variant="success">Your email address is now {answer.confirmed}.</NotificationBanner>
          <h1>Email address confirmed</h1>
          <p>Sign in with {answer.confirmed} from now on. Your password has not changed.</p>
          <p>
            <a href="/sign-in">Go to sign in</a>
          </p>
        </div>
      </div>
    );
  }
  if (link.status !== "valid") {
    return (
      <LinkProblemPage
        problem={link.status}
        what="email address confirmation link"
        next={{
          href: "/sign-in",
          label: "Go to sign in",
          explanation: "If your address has not changed, ask an administrator to change it again.",
        }}
      />
    );
  }
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <FormErrorSummary title="Confirm your new email address" state={state} fields={[]} />
        <h1>Confirm your new email address</h1>
        <p>
          An administrator has changed the email address of your account to <strong>{link.email}</strong>. Once you
          confirm, you sign in with it.
        </p>
        <Form method="post">
          <Button>Confirm my new email address</Button>
        </Form>
      </div>
    </div>
  );
}
