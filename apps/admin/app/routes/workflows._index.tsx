import { ButtonLink, NotificationBanner, WarningCallout } from "@observatory/ui";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { kindLabel } from "~/lib/content.server";
import { requireUser } from "~/lib/session.server";
import { pageTitle } from "~/lib/site";
import workflowsCss from "~/styles/workflows.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: workflowsCss }];

export const meta: MetaFunction = () => [{ title: pageTitle("Workflows") }];

export async function loader(args: LoaderFunctionArgs) {
  const { api } = await requireUser(args, { permission: "settings.manage" });
  const [list, groups] = await Promise.all([api.workflows.list(), api.workflows.groups()]);
  return {
    workflows: list.workflows,
    unreviewed: list.unreviewedKinds.map((k) => kindLabel(k).toLowerCase()).join(", "),
    groupCount: groups.length,
    deleted: new URL(args.request.url).searchParams.has("deleted"),
  };
}

export default function Workflows() {
  const { workflows, unreviewed, groupCount, deleted } = useLoaderData<typeof loader>();
  return (
    <>
      {deleted && <NotificationBanner variant="success">The workflow has been deleted.</NotificationBanner>}
      <h1>Workflows</h1>
      <p>
        A workflow is the review a revision goes through after it is submitted: steps in order, each decided by a group
        of reviewers. Each kind of content uses one workflow, or one for items tagged with a priority.
      </p>
      {unreviewed && (
        <WarningCallout heading="Content with no review" headingLevel={2}>
          <p>No workflow reviews {unreviewed}: submitting it approves it at once, for an editor to publish.</p>
        </WarningCallout>
      )}
      <ButtonLink href="/workflows/new">Add a workflow</ButtonLink>
      {workflows.map((workflow) => (
        <div className="nhsuk-card" key={workflow.id}>
          <div className="nhsuk-card__content">
            <h2 className="nhsuk-card__heading nhsuk-heading-m">
              <a href={`/workflows/${workflow.id}`}>{workflow.name}</a>
            </h2>
            <ol>
              {workflow.steps.map((step) => (
                <li key={step.name}>
                  {step.name}: {step.requirementLabel} of {step.groupName}
                </li>
              ))}
            </ol>
            <p>
              Reviews:{" "}
              {workflow.attachments.length ? workflow.attachments.map((a) => a.label).join("; ") : "nothing yet"}.
            </p>
            <p className="nhsuk-u-margin-bottom-0">
              {workflow.inReview === 0
                ? "Nothing in review."
                : `${workflow.inReview} in review${workflow.onEarlierVersion ? `, ${workflow.onEarlierVersion} on earlier steps` : ""}.`}
            </p>
          </div>
        </div>
      ))}
      <h2>Review groups</h2>
      <p>
        {groupCount} {groupCount === 1 ? "group decides" : "groups decide"} the steps. Being in a group lets a person
        decide its steps and nothing else.
      </p>
      <p>
        <a href="/workflows/groups">Manage review groups and their members</a>
      </p>
    </>
  );
}
