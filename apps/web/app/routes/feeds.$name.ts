import type { LoaderFunctionArgs } from "@remix-run/node";
import { api, siteUrl } from "~/lib/api.server";
import { atomFeed, toEntries } from "~/lib/atom.server";
import { notFound } from "~/lib/http.server";

const feeds = {
  "all.xml": { section: "all", title: "NHS Race and Health Observatory: news, blogs and press releases" },
  "news.xml": { section: "news", title: "NHS Race and Health Observatory: news" },
  "blogs.xml": { section: "blogs", title: "NHS Race and Health Observatory: blogs" },
  "press-releases.xml": { section: "press-releases", title: "NHS Race and Health Observatory: press releases" },
} as const;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const name = params.name ?? "";
  if (!Object.hasOwn(feeds, name)) throw notFound();
  const feed = feeds[name as keyof typeof feeds];
  const { api: caller } = await api(request, context);
  const { items } = await caller.content.feed({ section: feed.section });
  return atomFeed({ title: feed.title, selfPath: `/feeds/${name}`, siteUrl: siteUrl(), entries: toEntries(items) });
}
