import { Breadcrumbs } from "@observatory/ui";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { api, siteUrl } from "~/lib/api.server";
import { type FeedFormat, priorityFeedPath, type SectionFeed, sectionFeedPath, sectionFeeds } from "~/lib/feeds";
import { publicHeaders } from "~/lib/headers";
import { pageMeta } from "~/lib/meta";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  pageMeta({
    title: "Feeds",
    description: "Follow our news, blogs and press releases in a feed reader.",
    path: "/feeds",
    siteUrl: data?.siteUrl ?? "",
  });

export const headers = publicHeaders;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api: caller } = await api(request, context);
  return { workstreams: await caller.workstreams.list(), siteUrl: siteUrl() };
}

/** A feed's name linked to its Atom version, then its RSS one. */
function FeedItem({ label, pathFor }: { label: string; pathFor: (format: FeedFormat) => string }) {
  return (
    <li>
      <a href={pathFor("xml")}>{label}</a> (<a href={pathFor("rss")}>RSS version of {label}</a>)
    </li>
  );
}

export default function Feeds() {
  const { workstreams } = useLoaderData<typeof loader>();
  return (
    <>
      <Breadcrumbs items={[{ href: "/", label: "Home" }]} />
      <h1>Feeds</h1>
      <p className="nhsuk-lede-text">Get our latest publications in a feed reader.</p>
      <p>
        Each feed comes in Atom and in RSS: most feed readers take either. Each item in a feed carries its whole text.
      </p>
      <h2>By type</h2>
      <ul>
        {(Object.keys(sectionFeeds) as SectionFeed[]).map((section) => (
          <FeedItem
            key={section}
            label={sectionFeeds[section].label}
            pathFor={(format) => sectionFeedPath(section, format)}
          />
        ))}
      </ul>
      <h2>By priority</h2>
      <ul>
        {workstreams.map((w) => (
          <FeedItem key={w.slug} label={w.title} pathFor={(format) => priorityFeedPath(w.slug, format)} />
        ))}
      </ul>
    </>
  );
}
