import { BackLink, ButtonLink, NotificationBanner } from "@observatory/ui";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireUser } from "~/lib/session.server";
import { pageTitle } from "~/lib/site";
import workflowsCss from "~/styles/workflows.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: workflowsCss }];

export const meta: MetaFunction = () => [{ title: pageTitle("Review groups") }];

export async function loader(args: LoaderFunctionArgs) {
  const { api } = await requireUser(args, { permission: "settings.manage" });
  return { groups: await api.workflows.groups(), deleted: new URL(args.request.url).searchParams.has("deleted") };
}

export default function Groups() {
  const { groups, deleted } = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink href="/workflows">Back to workflows</BackLink>
      {deleted && <NotificationBanner variant="success">The group has been deleted.</NotificationBanner>}
      <h1>Review groups</h1>
      <p>
        A group decides the workflow steps given to it. Being in a group lets a person sign off those steps and nothing
        else: it does not change their role.
      </p>
      <ButtonLink href="/workflows/groups/new">Add a group</ButtonLink>
      <dl className="nhsuk-summary-list">
        {groups.map((group) => (
          <div className="nhsuk-summary-list__row" key={group.id}>
            <dt className="nhsuk-summary-list__key">
              <a href={`/workflows/groups/${group.id}`}>{group.name}</a>
            </dt>
            <dd className="nhsuk-summary-list__value">
              {[
                group.roleNames.length ? `Everyone with the role ${group.roleNames.join(" or ")}` : null,
                group.memberNames.length ? group.memberNames.join(", ") : null,
              ]
                .filter(Boolean)
                .join("; ") || "Nobody yet"}
              <br />
              {group.usedBy.length
                ? `Decides: ${group.usedBy.map((u) => `${u.stepName} (${u.workflowName})`).join(", ")}`
                : "Decides no step yet"}
            </dd>
          </div>
        ))}
      </dl>
    </>
  );
}
