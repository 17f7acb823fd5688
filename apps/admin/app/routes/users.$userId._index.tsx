import { roleLabels, roles } from "@observatory/api/permissions";
import { BackLink, Button, ButtonLink, NotificationBanner, Radios, SummaryList, Table, Tag } from "@observatory/ui";
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
  "session-ended": "That session has ended. They need to sign in again on that device.",
  "sessions-ended": "All of their sessions have ended. They need to sign in again.",
  "mfa-reset": "Their authenticator app and recovery codes have been removed, and their sessions ended.",
  "reset-sent": "We have emailed them a link to choose a new password. It works for an hour.",
  saved: "Their details have been saved.",
  "email-sent":
    "Their details have been saved. The new email address applies once they open the link we sent to it; their current address has been told.",
};

export async function loader(args: LoaderFunctionArgs) {
  const { api, user: viewer } = await requireUser(args, { permission: "users.manage" });
  const user = await api.users.byId({ id: args.params.userId ?? "" });
  const notice = new URL(args.request.url).searchParams.get("notice") ?? "";
  return { user, isSelf: user.id === viewer.id, notice: notices[notice] ?? null };
}

type Api = Awaited<ReturnType<typeof requireUser>>["api"];

/** What each form on the page does, and the notice shown after it. */
const intents: Record<string, { run: (api: Api, id: string, form: FormData) => Promise<unknown>; notice: string }> = {
  "change-role": {
    run: (api, id, form) => api.users.changeRole({ id, role: textField(form, "role") }),
    notice: "role-changed",
  },
  disable: { run: (api, id) => api.users.disable({ id }), notice: "disabled" },
  enable: { run: (api, id) => api.users.enable({ id }), notice: "enabled" },
  "end-session": {
    run: (api, id, form) => api.users.endSession({ id, sessionId: textField(form, "sessionId") }),
    notice: "session-ended",
  },
  "end-sessions": { run: (api, id) => api.users.endSessions({ id }), notice: "sessions-ended" },
  "reset-mfa": { run: (api, id) => api.users.resetMfa({ id }), notice: "mfa-reset" },
  "send-reset": { run: (api, id) => api.users.sendPasswordReset({ id }), notice: "reset-sent" },
};

export async function action(args: ActionFunctionArgs) {
  const { api } = await requireUser(args, { permission: "users.manage" });
  const id = args.params.userId ?? "";
  const form = await args.request.formData();
  const intent = intents[textField(form, "intent")];
  if (!intent) throw new Response("Unknown action", { status: 400 });
  try {
    await intent.run(api, id, form);
    return redirect(`/users/${encodeURIComponent(id)}?notice=${intent.notice}`);
  } catch (error) {
    return formFailure(error, { role: textField(form, "role") });
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
            ...(user.emailChange
              ? [
                  {
                    key: "New email address",
                    value: `${user.emailChange.email}, waiting for them to open the link sent to it (until ${formatDateTime(user.emailChange.expiresAt)})`,
                  },
                ]
              : []),
            { key: "Role", value: roleLabels[user.role] },
            {
              key: "Status",
              value: user.disabledAt ? (
                <Tag colour="grey">{`Disabled on ${formatDateTime(user.disabledAt)}`}</Tag>
              ) : (
                <Tag colour="green">Active</Tag>
              ),
            },
            { key: "Last signed in", value: user.lastSignInAt ? formatDateTime(user.lastSignInAt) : "Never" },
            { key: "Account created", value: formatDateTime(user.createdAt) },
          ]}
        />
        <div className="nhsuk-button-group">
          <ButtonLink href={`/users/${user.id}/edit`} variant="secondary">
            Change name or email address
          </ButtonLink>
          {!user.disabledAt && (
            <Form method="post">
              <input type="hidden" name="intent" value="send-reset" />
              <Button variant="secondary">Send a password reset link</Button>
            </Form>
          )}
        </div>

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

        <h2>Review groups</h2>
        {user.groups.length === 0 ? (
          <p>They are in no review group.</p>
        ) : (
          <ul className="nhsuk-list nhsuk-list--bullet">
            {user.groups.map((group) => (
              <li key={group.id}>
                <a href={`/workflows/groups/${group.id}`}>{group.name}</a> ({group.through.toLowerCase()})
              </li>
            ))}
          </ul>
        )}

        <h2>Sessions</h2>
        {user.sessions.length === 0 ? (
          <p>They are not signed in anywhere.</p>
        ) : (
          <>
            <Table
              caption="Where they are signed in"
              head={["Device", "Last used", "Place", "Action"]}
              rows={user.sessions.map((session) => [
                session.device,
                formatDateTime(session.lastSeenAt),
                session.place ? <code key="place">{session.place}</code> : "Unknown",
                <Form method="post" key="end">
                  <input type="hidden" name="intent" value="end-session" />
                  <input type="hidden" name="sessionId" value={session.id} />
                  <button type="submit" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small">
                    End<span className="nhsuk-u-visually-hidden">{` the session on ${session.device}`}</span>
                  </button>
                </Form>,
              ])}
            />
            <p className="nhsuk-body-s">
              The place is the start of a keyed code made from the network address: the same code means the same
              network, and the address itself is not kept.
            </p>
            <Form method="post">
              <input type="hidden" name="intent" value="end-sessions" />
              <Button variant="secondary">End all sessions</Button>
            </Form>
          </>
        )}

        <h2>Authenticator app</h2>
        {user.totpEnabledAt ? (
          <>
            <p>
              Set up on {formatDateTime(user.totpEnabledAt)}. {user.recoveryCodesLeft} of their recovery codes{" "}
              {user.recoveryCodesLeft === 1 ? "is" : "are"} unused.
            </p>
            <p>If they have lost their phone and their recovery codes, remove the app so they can set up a new one.</p>
            <Form method="post">
              <input type="hidden" name="intent" value="reset-mfa" />
              <Button variant="secondary">Remove authenticator app</Button>
            </Form>
          </>
        ) : (
          <p>Not set up.</p>
        )}

        <h2>Recent actions</h2>
        {user.recentActions.length === 0 ? (
          <p>The audit log has nothing they did.</p>
        ) : (
          <>
            <ul className="nhsuk-list">
              {user.recentActions.map((event) => (
                <li key={event.id}>
                  <span className="nhsuk-body-s nhsuk-u-secondary-text-color">{formatDateTime(event.createdAt)}</span>
                  <br />
                  {event.summary}
                </li>
              ))}
            </ul>
            {user.hasMoreActions && (
              <p>
                <a href={`/audit?actorId=${encodeURIComponent(user.id)}`}>Everything they did, in the audit log</a>
              </p>
            )}
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
            <h2>Delete account</h2>
            <p>For someone who has left: their content goes to someone you choose, and their history stays.</p>
            <ButtonLink href={`/users/${user.id}/delete`} variant="warning">
              Delete account
            </ButtonLink>
          </>
        )}
      </div>
    </div>
  );
}
