import type { LinkDescriptor } from "@remix-run/node";
import { siteName } from "./site";

// The site's feeds: one per section and one per priority, each in Atom (`.xml`, the addresses
// readers already follow) and RSS 2.0 (`.rss`). Pages name their own feed in their head with
// `feedLinks`, so a reader's "subscribe" finds the feed of what the page shows.

export const feedFormats = {
  xml: { type: "application/atom+xml", name: "Atom" },
  rss: { type: "application/rss+xml", name: "RSS" },
} as const;
export type FeedFormat = keyof typeof feedFormats;

/** The section feeds: what each holds and the page that shows the same items. */
export const sectionFeeds = {
  all: { title: `${siteName}: news, blogs and press releases`, label: "Everything we publish", page: "/" },
  news: { title: `${siteName}: news`, label: "News", page: "/news" },
  blogs: { title: `${siteName}: blogs`, label: "Blogs", page: "/blogs" },
  "press-releases": { title: `${siteName}: press releases`, label: "Press releases", page: "/press-releases" },
  publications: { title: `${siteName}: publications`, label: "Publications", page: "/publications" },
} as const;
export type SectionFeed = keyof typeof sectionFeeds;

export const sectionFeedPath = (section: SectionFeed, format: FeedFormat) => `/feeds/${section}.${format}`;
export const priorityFeedPath = (slug: string, format: FeedFormat) => `/feeds/priorities/${slug}.${format}`;
export const priorityFeedTitle = (priorityTitle: string) => `${siteName}: ${priorityTitle}`;

/** `<link rel="alternate">` to a feed in both formats, for a page's `links` or `meta`. */
export function feedLinks(title: string, pathFor: (format: FeedFormat) => string): LinkDescriptor[] {
  return (Object.keys(feedFormats) as FeedFormat[]).map((format) => ({
    rel: "alternate",
    type: feedFormats[format].type,
    title: `${title} (${feedFormats[format].name})`,
    href: pathFor(format),
  }));
}

/** The links of a section's feed, for the `links` export of its pages. */
export const sectionFeedLinks = (section: SectionFeed) =>
  feedLinks(sectionFeeds[section].title, (format) => sectionFeedPath(section, format));
