import type { LoaderFunctionArgs } from "@remix-run/node";
import { api, siteUrl } from "~/lib/api.server";
import { publicDocument } from "~/lib/conditional.server";
import { feedChanged, feedDocument } from "~/lib/feed.server";
import { type FeedFormat, feedFormats, type SectionFeed, sectionFeedPath, sectionFeeds } from "~/lib/feeds";
import { notFound } from "~/lib/http.server";

/** A section's feed: `/feeds/news.xml` (Atom) or `/feeds/news.rss` (RSS 2.0). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const [, name, format] = /^([a-z-]+)\.(xml|rss)$/.exec(params.name ?? "") ?? [];
  if (!name || !format || !Object.hasOwn(sectionFeeds, name)) throw notFound();
  const section = name as SectionFeed;
  const feedFormat = format as FeedFormat;
  const { api: caller } = await api(request, context);
  const { items } = await caller.content.feed({ section });
  const body = feedDocument(feedFormat, {
    title: sectionFeeds[section].title,
    selfPath: sectionFeedPath(section, feedFormat),
    pagePath: sectionFeeds[section].page,
    siteUrl: siteUrl(),
    items,
  });
  return publicDocument(request, context, {
    body,
    contentType: `${feedFormats[feedFormat].type}; charset=utf-8`,
    lastModified: feedChanged(items),
  });
}
