import type { LoaderFunctionArgs } from "@remix-run/node";
import { api, siteUrl } from "~/lib/api.server";
import { publicDocument } from "~/lib/conditional.server";
import { feedChanged, feedDocument } from "~/lib/feed.server";
import { type FeedFormat, feedFormats, priorityFeedPath, priorityFeedTitle } from "~/lib/feeds";
import { notFound, orNotFound } from "~/lib/http.server";

/** A priority's feed: `/feeds/priorities/mental-health.xml` (Atom) or `.rss` (RSS 2.0). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const [, slug, extension] = /^([a-z0-9-]{1,200})\.(xml|rss)$/.exec(params.name ?? "") ?? [];
  if (!slug || !extension) throw notFound();
  const format = extension as FeedFormat;
  const { api: caller } = await api(request, context);
  const { items, workstream } = await orNotFound(caller.content.feed({ workstream: slug }));
  const body = feedDocument(format, {
    title: priorityFeedTitle(workstream?.title ?? slug),
    selfPath: priorityFeedPath(slug, format),
    pagePath: `/priorities/${slug}`,
    siteUrl: siteUrl(),
    items,
  });
  return publicDocument(request, context, {
    body,
    contentType: `${feedFormats[format].type}; charset=utf-8`,
    lastModified: feedChanged(items),
  });
}
