import { roleLabels, roles } from "@observatory/api/permissions";
import { Button, ButtonLink, NotificationBanner, Pagination, Select, Table, Tag, TextInput } from "@observatory/ui";
import { formatDateTime } from "@observatory/time";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { BulkSelection, SelectAllOnPage } from "~/components/bulk-selection";
import { FormErrorSummary, formState } from "~/components/form-errors";
import { formFailure, textField } from "~/lib/forms.server";
import { requireUser } from "~/lib/session.server";

const statusOptions = [
  { value: "", label: "Any status" },
  { value: "active", label: "Active" },
  { value: "disabled", label: "Disabled" },
];

export async function loader(args: LoaderFunctionArgs) {
  const { api } = await requireUser(args, { permission: "users.manage" });
  const params = new URL(args.request.url).searchParams;
  const filters = {
    search: params.get("search") ?? "",
    role: params.get("role") ?? "",
    status: params.get("status") ?? "",
  };
  const role = roles.find((r) => r === filters.role);
  const status = filters.status === "active" || filters.status === "disabled" ? filters.status : undefined;
  const page = Math.max(1, Number.parseInt(params.get("page") ?? "1", 10) || 1);
  const [list, invitations] = await Promise.all([
    api.users.list({ search: filters.search || undefined, role, status, page }),
    api.users.invitations(),
  ]);
  return { list, invitations, filters, notice: noticeFrom(params), now: new Date() };
}

/** The outcome of the action that led here, from the redirect's parameters. */
function noticeFrom(params: URLSearchParams): string | null {
  const invited = params.get("invited") ?? params.get("resent");
  if (invited) {
    return `We have sent an invitation to ${invited}.${params.has("resent") ? " The link sent before no longer works." : ""}`;
  }
  if (params.has("withdrawn")) return "The invitation has been withdrawn. Its link no longer works.";
  const deleted = params.get("deleted");
  if (deleted)
    return `${deleted}'s account has been deleted. Their content now belongs to ${params.get("heir") ?? ""}.`;
  return null;
}

export async function action(args: ActionFunctionArgs) {
  const { api } = await requireUser(args, { permission: "users.manage" });
  const form = await args.request.formData();
  const id = textField(form, "invitationId");
  try {
    if (textField(form, "intent") === "resend") {
      const { email } = await api.users.resendInvitation({ id });
      return redirect(`/users?resent=${encodeURIComponent(email)}`);
    }
    await api.users.revokeInvitation({ id });
    return redirect("/users?withdrawn=1");
  } catch (error) {
    // Withdrawn already (another tab, another administrator) or just accepted: say so.
    return formFailure(error);
  }
}

export default function Users() {
  const { list, invitations, filters, notice, now } = useLoaderData<typeof loader>();
  const state = formState(useActionData<typeof action>());
  const hrefFor = (page: number) => {
    const params = new URLSearchParams(Object.entries(filters).filter(([, v]) => v));
    params.set("page", String(page));
    return `/users?${params}`;
  };
  return (
    <>
      <FormErrorSummary title="Users" state={state} fields={["invitations"]} />
      {notice && !state.formError && <NotificationBanner variant="success">{notice}</NotificationBanner>}
      <h1>Users</h1>
      <ButtonLink href="/users/invite">Invite a user</ButtonLink>

      <Form method="get" className="nhsuk-u-margin-bottom-5" aria-label="Filter users">
        <div className="nhsuk-grid-row">
          <div className="nhsuk-grid-column-one-third">
            <TextInput id="search" name="search" label="Name or email" defaultValue={filters.search} />
          </div>
          <div className="nhsuk-grid-column-one-third">
            <Select
              id="role"
              name="role"
              label="Role"
              defaultValue={filters.role}
              options={[{ value: "", label: "Any role" }, ...roles.map((r) => ({ value: r, label: roleLabels[r] }))]}
            />
          </div>
          <div className="nhsuk-grid-column-one-third">
            <Select id="status" name="status" label="Status" defaultValue={filters.status} options={statusOptions} />
          </div>
        </div>
        <Button variant="secondary">Filter</Button>
      </Form>

      <Form method="post" action="/users/bulk" id="bulk-form">
        {list.users.map((user) => (
          <input type="hidden" name="onPage" value={user.id} key={user.id} />
        ))}
        <fieldset className="nhsuk-fieldset">
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">With the selected users</legend>
          <SelectAllOnPage />
          <Button variant="secondary">Disable the selected users</Button>
        </fieldset>
        <Table
          caption={`${list.total} ${list.total === 1 ? "user" : "users"}`}
          head={["Select", "Name", "Email", "Role", "Status", "Authenticator", "Last signed in"]}
          rows={list.users.map((user) => [
            <BulkSelection key="select" id={user.id} title={user.name} />,
            <a href={`/users/${user.id}`} key="name">
              {user.name}
            </a>,
            user.email,
            roleLabels[user.role],
            user.disabledAt ? (
              <Tag colour="grey" key="status">
                Disabled
              </Tag>
            ) : (
              <Tag colour="green" key="status">
                Active
              </Tag>
            ),
            user.totpEnabledAt ? "On" : "Off",
            user.lastSignInAt ? formatDateTime(user.lastSignInAt) : "Never",
          ])}
        />
      </Form>
      <Pagination page={list.page} pageCount={list.pageCount} hrefFor={hrefFor} />

      <h2 id="invitations" tabIndex={-1}>
        Invitations not yet accepted
      </h2>
      {invitations.length === 0 ? (
        <p>There are none.</p>
      ) : (
        <Table
          caption="Invitations"
          head={["Email", "Role", "Invited by", "Expires", "Actions"]}
          firstCellIsHeader
          rows={invitations.map((invitation) => [
            invitation.email,
            invitation.role ? roleLabels[invitation.role] : "",
            invitation.invitedBy?.name ?? "",
            new Date(invitation.expiresAt) <= new Date(now) ? (
              <Tag colour="grey" key="expires">{`Expired on ${formatDateTime(invitation.expiresAt)}`}</Tag>
            ) : (
              formatDateTime(invitation.expiresAt)
            ),
            <Form method="post" key="actions" className="nhsuk-button-group nhsuk-u-margin-bottom-0">
              <input type="hidden" name="invitationId" value={invitation.id} />
              <button
                type="submit"
                name="intent"
                value="resend"
                className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
              >
                Send again<span className="nhsuk-u-visually-hidden">{` to ${invitation.email}`}</span>
              </button>
              <button
                type="submit"
                name="intent"
                value="withdraw"
                className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
              >
                Withdraw<span className="nhsuk-u-visually-hidden">{` the invitation to ${invitation.email}`}</span>
              </button>
            </Form>,
          ])}
        />
      )}
    </>
  );
}
