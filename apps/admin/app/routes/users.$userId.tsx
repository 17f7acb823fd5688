import { roleLabels, roles } from "@observatory/api/permissions";
import { BackLink, Button, NotificationBanner, Radios, SummaryList, Tag } from "@observatory/ui";
import { formatDateTime } from "@observatory/time";
import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrorSummary, formState } from "~/components/form-errors";
import { formFailure, textField } from "~/lib/forms.server";
import { roleDescriptions } from "~/lib/roles";
import { requireUser } from "~/lib/session.server";

const notices: Record<string, string> = {
  "role-changed": "The role has been changed. It applies from their next click.",
  disabled: "The account has been disabled and all its sessions have ended.",
  enabled: "The account has been re-enabled. They can sign in again.",
  "sessions-ended": "All of their sessions have ended. They need to sign in again.",
  "mfa-reset": "Their authenticator app and recovery codes have been removed, and their sessions ended.",
};

export async function loader(args: LoaderFunctionArgs) {
  const { api, user: viewer } = await requireUser(args, { permission: "users.manage" });
  const user = await api.users.byId({ id: args.params.userId ?? "" });
  const notice = new URL(args.request.url).searchParams.get("notice") ?? "";
  return { user, isSelf: user.id === viewer.id, notice: notices[notice] ?? null };
}

type Api = Awaited<ReturnType<typeof requireUser>>["api"];

/** What each form on the page does, and the notice shown after it. */
const intents: Record<string, { run: (api: Api, id: string, role: string) => Promise<unknown>; notice: string }> = {
  "change-role": { run: (api, id, role) => api.users.changeRole({ id, role }), notice: "role-changed" },
  disable: { run: (api, id) => api.users.disable({ id }), notice: "disabled" },
  enable: { run: (api, id) => api.users.enable({ id }), notice: "enabled" },
  "end-sessions": { run: (api, id) => api.users.endSessions({ id }), notice: "sessions-ended" },
  "reset-mfa": { run: (api, id) => api.users.resetMfa({ id }), notice: "mfa-reset" },
};

export async function action(args: ActionFunctionArgs) {
  const { api } = await requireUser(args, { permission: "users.manage" });
  const id = args.params.userId ?? "";
  const form = await args.request.formData();
  const intent = intents[textField(form, "intent")];
  if (!intent) throw new Response("Unknown action", { status: 400 });
  const role = textField(form, "role");
  try {
    await intent.run(api, id, role);
    return redirect(`/users/${encodeURIComponent(id)}?notice=${intent.notice}`);
  } catch (error) {
    return formFailure(error, { role });
  }
}

export default function UserDetail() {
  const { user, isSelf, notice } = useLoaderData<typeof loader>();
  const state = formState(useActionData<typeof action>());
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink href="/users">Back to users</BackLink>
        <FormErrorSummary title={user.name} state={state} fields={["role"]} />
        {notice && !state.formError && <NotificationBanner variant="success">{notice}</NotificationBanner>}
        <h1>
          {user.name}
          {isSelf && <span className="nhsuk-caption-l nhsuk-caption--bottom">This is you</span>}
        </h1>
        <SummaryList
          rows={[
            { key: "Email address", value: user.email },
            { key: "Role", value: roleLabels[user.role] },
            {
              key: "Status",
              value: user.disabledAt ? (
                <Tag colour="grey">{`Disabled on ${formatDateTime(user.disabledAt)}`}</Tag>
              ) : (
                <Tag colour="green">Active</Tag>
              ),
            },
            {
              key: "Authenticator app",
              value: user.totpEnabledAt ? `Set up on ${formatDateTime(user.totpEnabledAt)}` : "Not set up",
            },
            { key: "Last signed in", value: user.lastSignInAt ? formatDateTime(user.lastSignInAt) : "Never" },
            {
              key: "Signed in on",
              value: `${user.activeSessions} ${user.activeSessions === 1 ? "device or browser" : "devices or browsers"}`,
            },
            { key: "Account created", value: formatDateTime(user.createdAt) },
          ]}
        />

        <h2>Change role</h2>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="change-role" />
          <Radios
            idPrefix="role"
            name="role"
            legend="Role"
            defaultValue={state.values.role || user.role}
            error={state.fieldErrors.role}
            items={roles.map((role) => ({ value: role, label: roleLabels[role], hint: roleDescriptions[role] }))}
          />
          <Button>Save role</Button>
        </Form>

        <h2>Sessions</h2>
        <p>End every session of this user, for example if a device was lost. They can sign in again straight away.</p>
        <Form method="post">
          <input type="hidden" name="intent" value="end-sessions" />
          <Button variant="secondary">End all sessions</Button>
        </Form>

        {user.totpEnabledAt && (
          <>
            <h2>Authenticator app</h2>
            <p>If they have lost their phone and their recovery codes, remove the app so they can set up a new one.</p>
            <Form method="post">
              <input type="hidden" name="intent" value="reset-mfa" />
              <Button variant="secondary">Remove authenticator app</Button>
            </Form>
          </>
        )}

        {!isSelf && (
          <>
            <h2>{user.disabledAt ? "Re-enable account" : "Disable account"}</h2>
            {user.disabledAt ? (
              <Form method="post">
                <input type="hidden" name="intent" value="enable" />
                <Button variant="secondary">Re-enable account</Button>
              </Form>
            ) : (
              <>
                <p>They are signed out at once and cannot sign in until the account is re-enabled. Their work stays.</p>
                <Form method="post">
                  <input type="hidden" name="intent" value="disable" />
                  <Button variant="warning">Disable account</Button>
                </Form>
              </>
            )}
          </>
        )}
      </div>
    </div>
  );
}
