import { contentKindLabels } from "@observatory/ui";
import { Feed } from "feed";
import { siteName } from "./site";
import type { FeedFormat } from "./feeds";

// A feed document in Atom 1.0 or RSS 2.0, written by the `feed` package. Each entry carries the
// item's whole body as its page shows it (with full addresses), its summary, its author, its type
// and priorities as categories, when it was published and when its live version last changed.

export type FeedItem = {
  path: string;
  title: string;
  summary: string;
  /** The body as the page shows it, rendered for reading elsewhere (full addresses). */
  contentHtml: string;
  authorName: string;
  kind: keyof typeof contentKindLabels;
  workstreams: { slug: string; title: string }[];
  publishedAt: Date | string;
  updatedAt: Date | string;
};

export type FeedSpec = {
  title: string;
  /** The feed's own address and the page that shows the same items. */
  selfPath: string;
  pagePath: string;
  siteUrl: string;
  items: FeedItem[];
};

const entities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };
/** Plain text as HTML (text, not attributes): Atom's titles and summaries, and RSS descriptions, are read as HTML. */
const asHtml = (text: string) => text.replace(/[&<>]/g, (c) => entities[c] ?? c);

const kindSections = {
  NEWS: "/news",
  BLOG: "/blogs",
  PRESS_RELEASE: "/press-releases",
  PAGE: "/",
  PUBLICATION: "/publications",
} as const;

/** When the feed last changed: its newest entry's last change (the epoch when it has none). */
export function feedUpdated(items: FeedItem[]): Date {
  return new Date(Math.max(0, ...items.map((i) => new Date(i.updatedAt).getTime())));
}

export function feedDocument(format: FeedFormat, { title, selfPath, pagePath, siteUrl, items }: FeedSpec): string {
  const abs = (path: string) => new URL(path, siteUrl).toString();
  const isAtom = format === "xml";
  const feed = new Feed({
    title,
    description: `The latest from the ${siteName}.`,
    id: abs(selfPath),
    link: abs(pagePath),
    language: "en-GB",
    copyright: `© ${siteName}`,
    updated: feedUpdated(items),
    generator: false,
    feedLinks: isAtom ? { atom: abs(selfPath) } : { rss: abs(selfPath) },
    author: { name: siteName, link: abs("/") },
  });
  for (const item of items) {
    const categories = [
      { name: contentKindLabels[item.kind], path: kindSections[item.kind] },
      ...item.workstreams.map((w) => ({ name: w.title, path: `/priorities/${w.slug}` })),
    ];
    feed.addItem({
      title: isAtom ? asHtml(item.title) : item.title,
      id: abs(item.path),
      link: abs(item.path),
      description: asHtml(item.summary),
      // An empty body still gives a reader something to show (and RSS its content module).
      content: item.contentHtml || `<p>${asHtml(item.summary)}</p>`,
      date: new Date(item.updatedAt),
      published: new Date(item.publishedAt),
      // RSS 2.0's <author> must be an email address, which the site never publishes: it gets dc:creator.
      ...(isAtom
        ? { author: [{ name: item.authorName }] }
        : { extensions: [{ name: "dc:creator", objects: { _text: item.authorName } }] }),
      category: categories.map((c) => ({ name: c.name, term: c.name, scheme: abs(c.path), domain: abs(c.path) })),
    });
  }
  return isAtom ? feed.atom1() : feed.rss2();
}
