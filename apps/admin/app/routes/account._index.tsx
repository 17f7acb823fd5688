import { roleLabels } from "@observatory/api/permissions";
import { Button, NotificationBanner, Radios, SummaryList } from "@observatory/ui";
import { formatDateTime } from "@observatory/time";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { textField } from "~/lib/forms.server";
import { requireUser } from "~/lib/session.server";
import { pageTitle } from "~/lib/site";

export const meta: MetaFunction = () => [{ title: pageTitle("Your account") }];

const notices: Record<string, string> = {
  "password-changed": "Your password has been changed. You are signed out everywhere else.",
  "shortcuts-on": "Keyboard shortcuts are on.",
  "shortcuts-off": "Keyboard shortcuts are off.",
};

export async function loader(args: LoaderFunctionArgs) {
  const { api } = await requireUser(args);
  const [account, mfa] = await Promise.all([api.account.overview(), api.account.mfa()]);
  const notice = new URL(args.request.url).searchParams.get("notice") ?? "";
  return { account, mfa, notice: notices[notice] ?? null };
}

export async function action(args: ActionFunctionArgs) {
  const { api, responseHeaders } = await requireUser(args);
  const form = await args.request.formData();
  if (textField(form, "intent") === "preferences") {
    const isOn = textField(form, "keyboardShortcuts") !== "off";
    await api.account.setPreferences({ keyboardShortcuts: isOn });
    return redirect(`/account?notice=shortcuts-${isOn ? "on" : "off"}`);
  }
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
        <h2>Keyboard shortcuts</h2>
        <p>
          The comments queue has single-key shortcuts (J, K, A, R, S and X). They work only while you are in the list of
          comments. Turn them off if you use speech recognition or press keys by mistake.
        </p>
        <Form method="post">
          <Radios
            idPrefix="keyboardShortcuts"
            name="keyboardShortcuts"
            legend="Single-key shortcuts in the comments queue"
            defaultValue={account.keyboardShortcuts ? "on" : "off"}
            items={[
              { value: "on", label: "On" },
              { value: "off", label: "Off" },
            ]}
          />
          <Button variant="secondary" name="intent" value="preferences">
            Save keyboard shortcuts setting
          </Button>
        </Form>
        <h2>Sign out everywhere</h2>
        <p>
          If you signed in on a device you no longer use, or think someone else has your password, sign out on every
          device, this one included.
        </p>
        <Form method="post">
          <Button variant="secondary" name="intent" value="signOutEverywhere">
            Sign out everywhere
          </Button>
        </Form>
      </div>
    </div>
  );
}
