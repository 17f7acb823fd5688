import { roleLabels } from "@observatory/api/permissions";
import { Button, NotificationBanner, SummaryList } from "@observatory/ui";
import { formatDateTime } from "@observatory/time";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/lib/session.server";
import { pageTitle } from "~/lib/site";

export const meta: MetaFunction = () => [{ title: pageTitle("Your account") }];

const notices: Record<string, string> = {
  "password-changed": "Your password has been changed. You are signed out everywhere else.",
};

export async function loader(args: LoaderFunctionArgs) {
  const { api } = await requireUser(args);
  const [account, mfa] = await Promise.all([api.account.overview(), api.account.mfa()]);
  const notice = new URL(args.request.url).searchParams.get("notice") ?? "";
  return { account, mfa, notice: notices[notice] ?? null };
}

export async function action(args: ActionFunctionArgs) {
  const { api, responseHeaders } = await requireUser(args);
  await api.account.signOutEverywhere();
  return redirect("/sign-in?notice=signed-out-everywhere", { headers: responseHeaders });
}

export default function Account() {
  const { account, mfa, notice } = useLoaderData<typeof loader>();
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        {notice && <NotificationBanner variant="success">{notice}</NotificationBanner>}
        <h1>Your account</h1>
        <SummaryList
          rows={[
            { key: "Name", value: account.name },
            { key: "Email address", value: account.email },
            { key: "Role", value: roleLabels[account.role] },
            {
              key: "Password",
              value: "Set",
              action: { href: "/account/password", label: "Change", visuallyHiddenText: "password" },
            },
            {
              key: "Authenticator app",
              value: mfa.enabledAt
                ? `Set up on ${formatDateTime(mfa.enabledAt)}`
                : mfa.required
                  ? "Required, not set up"
                  : "Not set up",
              action: {
                href: mfa.enabledAt ? "/account/authenticator" : "/account/authenticator/set-up",
                label: mfa.enabledAt ? "Manage" : "Set up",
                visuallyHiddenText: "authenticator app",
              },
            },
            { key: "Last signed in", value: account.lastSignInAt ? formatDateTime(account.lastSignInAt) : "Never" },
            {
              key: "Signed in on",
              value:
                account.activeSessions === 1 ? "This device only" : `${account.activeSessions} devices or browsers`,
            },
          ]}
        />
        <h2>Sign out everywhere</h2>
        <p>
          If you signed in on a device you no longer use, or think someone else has your password, sign out on every
          device, this one included.
        </p>
        <Form method="post">
          <Button variant="secondary">Sign out everywhere</Button>
        </Form>
      </div>
    </div>
  );
}
