import { Breadcrumbs } from "@observatory/ui";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ItemList } from "~/components/item-list";
import { api, siteUrl } from "~/lib/api.server";
import { publicHeaders } from "~/lib/headers";
import { orNotFound } from "~/lib/http.server";
import { pageMeta } from "~/lib/meta";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? pageMeta({
        title: data.workstream.title,
        description: data.workstream.summary,
        path: `/priorities/${data.workstream.slug}`,
        siteUrl: data.siteUrl,
      })
    : [];

export const headers = publicHeaders;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api: caller } = await api(request, context);
  const slug = params.slug ?? "";
  const workstream = await orNotFound(caller.workstreams.bySlug({ slug }));
  const latest = await caller.content.list({ section: "all", workstream: slug, page: 1 });
  return { workstream, latest: latest.items, total: latest.total, siteUrl: siteUrl() };
}

export default function Priority() {
  const { workstream, latest, total } = useLoaderData<typeof loader>();
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/", label: "Home" },
          { href: "/priorities", label: "Our priorities" },
        ]}
      />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1>{workstream.title}</h1>
          <p className="nhsuk-lede-text">{workstream.summary}</p>
          {/* rendered from Markdown and sanitised when saved */}
          <div className="observatory-body" dangerouslySetInnerHTML={{ __html: workstream.descriptionHtml }} />
          <h2>Latest on this priority</h2>
          {latest.length === 0 ? (
            <p>Nothing has been published on this priority yet.</p>
          ) : (
            <ItemList items={latest} headingLevel={3} />
          )}
          {total > latest.length && (
            <p>
              <a href={`/news?workstream=${workstream.slug}`}>News on this priority</a> ·{" "}
              <a href={`/blogs?workstream=${workstream.slug}`}>Blogs on this priority</a>
            </p>
          )}
          <p>
            <a href={`/feeds/priorities/${workstream.slug}.xml`}>Atom feed for this priority</a>
          </p>
        </div>
      </div>
    </>
  );
}
