import { can } from "@observatory/api/permissions";
import { DocumentTitle, Table } from "@observatory/ui";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { kindLabel, when } from "~/lib/content.server";
import { requireUser } from "~/lib/session.server";
import { pageTitle } from "~/lib/site";

// Everything published without review that a second editor has still to review, oldest waiting
// last; and, for administrators, the record of those reviewed since (decision 026).

export async function loader(args: LoaderFunctionArgs) {
  const { api, user } = await requireUser(args, { permission: "content.publish" });
  const isAdministrator = can(user.role, "settings.manage");
  const [open, reviewed] = await Promise.all([
    api.editorial.forcedPublications({ state: "open", take: 200 }),
    isAdministrator ? api.editorial.forcedPublications({ state: "reviewed", take: 50 }) : Promise.resolve([]),
  ]);
  const row = (f: (typeof open)[number]) => ({
    id: f.id,
    itemId: f.item.id,
    title: f.item.title,
    kind: kindLabel(f.item.kind),
    revision: f.revision.number,
    publishedBy: f.publishedBy?.name ?? "A former member of staff",
    publishedAt: when(f.publishedAt),
    reason: f.reason,
    reviewedBy: f.reviewedBy?.name ?? "A former member of staff",
    reviewedAt: when(f.reviewedAt),
    note: f.reviewNote,
  });
  return { isAdministrator, open: open.map(row), reviewed: reviewed.map(row) };
}

export default function PublishedWithoutReview() {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <DocumentTitle title={pageTitle("Published without review")} />
      <h1>Published without review</h1>
      <p>
        Content an editor published straight away because it could not wait. Each stays on this list until another
        editor has reviewed it.
        {data.isAdministrator && (
          <>
            {" "}
            Which kinds of content may be published this way is set in the{" "}
            <a href="/content/publishing-settings">publishing settings</a>.
          </>
        )}
      </p>
      {data.open.length ? (
        <Table
          caption="Waiting for a second editor"
          head={["Item", "Published", "Reason"]}
          rows={data.open.map((f) => [
            <>
              <a href={`/content/${f.itemId}/reviewed-after-publication`}>{f.title}</a>
              <br />
              {f.kind}, revision {f.revision}
            </>,
            `${f.publishedAt} by ${f.publishedBy}`,
            f.reason,
          ])}
        />
      ) : (
        <p>Nothing is waiting: everything published without review has been reviewed.</p>
      )}
      {data.isAdministrator && data.reviewed.length > 0 && (
        <Table
          caption="Reviewed afterwards (latest 50)"
          head={["Item", "Published", "Reason", "Reviewed"]}
          rows={data.reviewed.map((f) => [
            <>
              <a href={`/content/${f.itemId}`}>{f.title}</a>
              <br />
              {f.kind}, revision {f.revision}
            </>,
            `${f.publishedAt} by ${f.publishedBy}`,
            f.reason,
            `${f.reviewedAt} by ${f.reviewedBy}${f.note ? `: ${f.note}` : ""}`,
          ])}
        />
      )}
    </>
  );
}
