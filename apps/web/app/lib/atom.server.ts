import { publicCacheControl } from "./cache";

export type FeedEntry = {
  id: string;
  path: string;
  title: string;
  summary: string;
  /** The item's body as its page shows it (HTML, escaped into the feed). */
  contentHtml: string;
  publishedAt: Date;
  updatedAt: Date;
  kind: string;
};

const escapeXml = (text: string) =>
  text.replace(/[<>&'"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c] ?? c);

/** An Atom 1.0 feed document. */
export function atomFeed({
  title,
  selfPath,
  siteUrl,
  entries,
}: {
  title: string;
  selfPath: string;
  siteUrl: string;
  entries: FeedEntry[];
}) {
  const abs = (path: string) => new URL(path, siteUrl).toString();
  const updated = new Date(Math.max(0, ...entries.map((e) => e.updatedAt.getTime())));
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>${escapeXml(title)}</title>
  <id>${escapeXml(abs(selfPath))}</id>
  <link rel="self" type="application/atom+xml" href="${escapeXml(abs(selfPath))}"/>
  <link rel="alternate" type="text/html" href="${escapeXml(abs("/"))}"/>
  <updated>${updated.toISOString()}</updated>
  <author><name>NHS Race and Health Observatory</name></author>
${entries
  .map(
    (e) => `  <entry>
    <title>${escapeXml(e.title)}</title>
    <id>${escapeXml(abs(e.path))}</id>
    <link rel="alternate" type="text/html" href="${escapeXml(abs(e.path))}"/>
    <published>${e.publishedAt.toISOString()}</published>
    <updated>${e.updatedAt.toISOString()}</updated>
    <category term="${escapeXml(e.kind)}"/>
    <summary>${escapeXml(e.summary)}</summary>${e.contentHtml ? `\n    <content type="html">${escapeXml(e.contentHtml)}</content>` : ""}
  </entry>`,
  )
  .join("\n")}
</feed>
`;
  return new Response(xml, {
    headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": publicCacheControl },
  });
}

export function toEntries(
  items: {
    id: string;
    path: string;
    title: string;
    summary: string;
    contentHtml: string;
    publishedAt: Date;
    updatedAt: Date;
    kind: string;
  }[],
) {
  return items.map((i) => ({ ...i, publishedAt: new Date(i.publishedAt), updatedAt: new Date(i.updatedAt) }));
}
