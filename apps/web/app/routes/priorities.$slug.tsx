import { Breadcrumbs, Pagination } from "@observatory/ui";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ItemList } from "~/components/item-list";
import { api, siteUrl } from "~/lib/api.server";
import { feedLinks, priorityFeedPath, priorityFeedTitle } from "~/lib/feeds";
import { publicHeaders } from "~/lib/headers";
import { notFound, orNotFound, pageParam } from "~/lib/http.server";
import { pageMeta } from "~/lib/meta";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        ...pageMeta({
          title: `${data.workstream.title}${data.listing.page > 1 ? ` (page ${data.listing.page} of ${data.listing.pageCount})` : ""}`,
          description: data.workstream.summary,
          path: `/priorities/${data.workstream.slug}${data.listing.page > 1 ? `?page=${data.listing.page}` : ""}`,
          siteUrl: data.siteUrl,
        }),
        // The page advertises its priority's feed (links need the slug, so they come with the meta).
        ...feedLinks(priorityFeedTitle(data.workstream.title), (format) =>
          priorityFeedPath(data.workstream.slug, format),
        ).map((link) => ({ tagName: "link" as const, ...link })),
      ]
    : [];

export const headers = publicHeaders;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const page = pageParam(new URL(request.url));
  if (page === null) throw notFound("That page number is not valid.");
  const { api: caller } = await api(request, context);
  const slug = params.slug ?? "";
  const workstream = await orNotFound(caller.workstreams.bySlug({ slug }));
  const listing = await orNotFound(caller.content.list({ section: "all", workstream: slug, page }));
  return { workstream, listing, siteUrl: siteUrl() };
}

const sections = [
  { path: "news", label: "News" },
  { path: "blogs", label: "Blogs" },
  { path: "press-releases", label: "Press releases" },
  { path: "publications", label: "Publications" },
];

export default function Priority() {
  const { workstream, listing } = useLoaderData<typeof loader>();
  const pageHref = (p: number) => `/priorities/${workstream.slug}${p > 1 ? `?page=${p}` : ""}`;
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
          <h2 id="on-this-priority">Published on this priority</h2>
          {listing.items.length === 0 ? (
            <p>Nothing has been published on this priority yet.</p>
          ) : (
            <>
              <p className="nhsuk-body-s">
                {listing.total} {listing.total === 1 ? "item" : "items"}
                {listing.pageCount > 1 ? `, page ${listing.page} of ${listing.pageCount}` : ""}
              </p>
              <ItemList items={listing.items} headingLevel={3} />
            </>
          )}
          <Pagination page={listing.page} pageCount={listing.pageCount} hrefFor={pageHref} />
          <nav aria-labelledby="by-kind">
            <h2 className="nhsuk-heading-s" id="by-kind">
              By type
            </h2>
            <ul>
              {sections.map((s) => (
                <li key={s.path}>
                  <a href={`/${s.path}?workstream=${workstream.slug}`}>{s.label} on this priority</a>
                </li>
              ))}
            </ul>
          </nav>
          <p>
            <a href={`/alerts?priority=${workstream.slug}`}>Get an email when we publish on this priority</a>
          </p>
          <p>
            Follow this priority in a feed reader: <a href={priorityFeedPath(workstream.slug, "xml")}>Atom feed</a> or{" "}
            <a href={priorityFeedPath(workstream.slug, "rss")}>RSS feed</a>.
          </p>
        </div>
      </div>
    </>
  );
}
