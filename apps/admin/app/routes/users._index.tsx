import { roleLabels, roles } from "@observatory/api/permissions";
import { Button, ButtonLink, NotificationBanner, Pagination, Select, Table, Tag, TextInput } from "@observatory/ui";
import { formatDateTime } from "@observatory/time";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
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
  const invited = params.get("invited");
  const notice = invited
    ? `We have sent an invitation to ${invited}.`
    : params.has("withdrawn")
      ? "The invitation has been withdrawn. Its link no longer works."
      : null;
  return { list, invitations, filters, notice };
}

export async function action(args: ActionFunctionArgs) {
  const { api } = await requireUser(args, { permission: "users.manage" });
  try {
    await api.users.revokeInvitation({ id: textField(await args.request.formData(), "invitationId") });
    return redirect("/users?withdrawn=1");
  } catch (error) {
    // Withdrawn already (another tab, another administrator) or just accepted: say so.
    return formFailure(error);
  }
}

export default function Users() {
  const { list, invitations, filters, notice } = useLoaderData<typeof loader>();
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

      <Table
        caption={`${list.total} ${list.total === 1 ? "user" : "users"}`}
        head={["Name", "Email", "Role", "Status", "Authenticator", "Last signed in"]}
        firstCellIsHeader
        rows={list.users.map((user) => [
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
      <Pagination page={list.page} pageCount={list.pageCount} hrefFor={hrefFor} />

      <h2 id="invitations" tabIndex={-1}>
        Invitations waiting to be accepted
      </h2>
      {invitations.length === 0 ? (
        <p>There are none.</p>
      ) : (
        <Table
          caption="Invitations"
          head={["Email", "Role", "Invited by", "Expires", "Action"]}
          firstCellIsHeader
          rows={invitations.map((invitation) => [
            invitation.email,
            invitation.role ? roleLabels[invitation.role] : "",
            invitation.invitedBy?.name ?? "",
            formatDateTime(invitation.expiresAt),
            <Form method="post" key="withdraw">
              <input type="hidden" name="invitationId" value={invitation.id} />
              <button type="submit" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small">
                Withdraw<span className="nhsuk-u-visually-hidden">{` the invitation to ${invitation.email}`}</span>
              </button>
            </Form>,
          ])}
        />
      )}
    </>
  );
}
