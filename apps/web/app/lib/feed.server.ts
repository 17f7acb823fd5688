import { contentKindLabels } from "@observatory/ui";
import { Feed } from "feed";
import { siteName } from "./site";
import type { FeedFormat } from "./feeds";

// A feed document in Atom 1.0 or RSS 2.0, written by the `feed` package. Each entry carries the
// item's whole body as its page shows it (with full addresses), its summary, its author, its type
// and priorities as categories, when it was published and when it was last updated: its last major
// change (decision 030), so that a typo fixed is not announced as news.

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
  /** Its last major change (its publication when none): the entry's `updated`. */
  updatedAt: Date | string;
  /** When what it shows last changed, minor changes included. */
  changedAt: Date | string;
  /** A withdrawn item keeps its entry, marked, and updated as of its withdrawal (decision 027). */
  withdrawnAt?: Date | string | null;
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

const time = (date: Date | string | null | undefined) => (date ? new Date(date).getTime() : 0);

/** An entry's `updated`: its last major change, or its withdrawal if later. */
const entryUpdated = (item: FeedItem) => Math.max(time(item.updatedAt), time(item.withdrawnAt));

/** The feed's `updated`: its newest entry's (the epoch when it has none). */
export function feedUpdated(items: FeedItem[]): Date {
  return new Date(Math.max(0, ...items.map(entryUpdated)));
}

/** When the feed document last changed, minor changes included: its Last-Modified. */
export function feedChanged(items: FeedItem[]): Date {
  return new Date(Math.max(0, ...items.map((i) => Math.max(time(i.changedAt), time(i.withdrawnAt)))));
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
    const title = item.withdrawnAt ? `Withdrawn: ${item.title}` : item.title;
    feed.addItem({
      title: isAtom ? asHtml(title) : title,
      id: abs(item.path),
      link: abs(item.path),
      description: asHtml(item.summary),
      // An empty body still gives a reader something to show (and RSS its content module).
      content: item.contentHtml || `<p>${asHtml(item.summary)}</p>`,
      date: new Date(entryUpdated(item)),
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
