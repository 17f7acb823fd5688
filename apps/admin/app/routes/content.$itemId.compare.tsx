import { BackLink, Table } from "@observatory/ui";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { orNotFound, when } from "~/lib/content.server";
import { commentThreads } from "~/lib/review-comments.server";
import { ReviewThreads } from "~/components/review-comments";
import { requireUser } from "~/lib/session.server";
import { pageTitle } from "~/lib/site";
import contentCss from "~/styles/content.css?url";

export const meta: MetaFunction = () => [{ title: pageTitle("Compare revisions") }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: contentCss }];

export async function loader(args: LoaderFunctionArgs) {
  const { api } = await requireUser(args, { permission: "content.write" });
  const params = new URL(args.request.url).searchParams;
  const comparison = await orNotFound(
    api.editorial.compare({ fromId: params.get("from") ?? "", toId: params.get("to") ?? "" }),
  );
  const threads = await commentThreads(api, comparison.itemId, [comparison.from.id, comparison.to.id]);
  return {
    ...comparison,
    threads,
    from: { ...comparison.from, saved: when(comparison.from.createdAt) },
    to: { ...comparison.to, saved: when(comparison.to.createdAt) },
  };
}

export default function Compare() {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink href={`/content/${data.itemId}/revisions`}>Back to revisions</BackLink>
      <h1>
        Revision {data.from.number} compared with revision {data.to.number}
      </h1>
      <p>
        Revision {data.from.number} by {data.from.author}, {data.from.saved}. Revision {data.to.number} by{" "}
        {data.to.author}, {data.to.saved}.
      </p>
      {data.changes.length === 0 ? (
        <p>No details differ.</p>
      ) : (
        <Table
          caption="Details that differ"
          head={["Detail", `Revision ${data.from.number}`, `Revision ${data.to.number}`]}
          firstCellIsHeader
          rows={data.changes.map((c) => [c.label, c.before || "(empty)", c.after || "(empty)"])}
        />
      )}
      {data.unchanged.length > 0 && <p>Unchanged: {data.unchanged.join(", ").toLowerCase()}.</p>}
      <h2>Body</h2>
      {data.bodyChanged ? (
        <>
          <p>
            Revision {data.to.number} as readers would see it. Words taken out since revision {data.from.number} are{" "}
            <del className="observatory-diff-removed">struck through</del>; words put in are{" "}
            <ins className="observatory-diff-added">highlighted</ins>.
          </p>
          <div
            className="observatory-body observatory-diff-body"
            dangerouslySetInnerHTML={{ __html: data.bodyDiffHtml }}
          />
        </>
      ) : (
        <p>The body is the same.</p>
      )}
      <h2>Comments on these revisions</h2>
      <ReviewThreads
        itemId={data.itemId}
        threads={data.threads}
        returnTo={`/content/${data.itemId}/compare?from=${data.from.id}&to=${data.to.id}`}
        readOnly
      />
      <p>
        <a href={`/content/${data.itemId}/comments`}>Reply to or resolve comments</a>
      </p>
    </>
  );
}
