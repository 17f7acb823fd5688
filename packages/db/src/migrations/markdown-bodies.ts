import { documentFromMarkdown, documentText, parseDocument } from "@observatory/content";
import type { Db } from "../client.ts";
import { refreshSearchIndex } from "../search.ts";

// The data half of the 20261205200000_body_documents migration: every body and priority description
// still in Markdown becomes a document (decision 011). SQL cannot read Markdown, so this runs right
// after the migrations wherever they are deployed. It converts each row in its own transaction and
// empties the Markdown column, so running it again (or after a crash) converts only what is left.

const itemPrefixes: Record<string, string> = {
  NEWS: "/news/",
  BLOG: "/blogs/",
  PRESS_RELEASE: "/press-releases/",
  PAGE: "/",
};

export async function convertMarkdownBodies(db: Db): Promise<{ revisions: number; workstreams: number }> {
  const pending = await db.$queryRaw<{ n: bigint }[]>`
    SELECT (SELECT count(*) FROM "Revision" WHERE "markdownBody" IS NOT NULL)
         + (SELECT count(*) FROM "Workstream" WHERE "markdownDescription" IS NOT NULL) AS n`;
  if (Number(pending[0]?.n ?? 0) === 0) return { revisions: 0, workstreams: 0 };

  // Our own images and our own items' addresses become library images and item links.
  const media = new Map(
    (await db.media.findMany({ select: { id: true, storageKey: true } })).map((m) => [`/media/${m.storageKey}`, m.id]),
  );
  const items = new Map<string, string>();
  for (const item of await db.contentItem.findMany({ select: { id: true, kind: true, slug: true } })) {
    items.set(`${itemPrefixes[item.kind]}${item.slug}`, item.id);
  }
  for (const redirect of await db.slugRedirect.findMany({
    select: { fromSlug: true, item: { select: { kind: true } }, itemId: true },
  })) {
    items.set(`${itemPrefixes[redirect.item.kind]}${redirect.fromSlug}`, redirect.itemId);
  }
  const options = {
    mediaIdFor: (src: string) => media.get(src) ?? null,
    itemIdFor: (href: string) => items.get(href.replace(/[?#].*$/, "").replace(/\/$/, "")) ?? null,
  };
  const convert = (markdown: string) => {
    const parsed = parseDocument(documentFromMarkdown(markdown, options));
    // A document made from Markdown is always valid; if that ever failed, stopping is safer than losing text.
    if (!parsed.ok) throw new Error(`A Markdown body could not be converted: ${parsed.message}`);
    return parsed.document;
  };

  let revisions = 0;
  for (;;) {
    const batch = await db.revision.findMany({
      where: { markdownBody: { not: null } },
      select: { id: true, markdownBody: true, item: { select: { kind: true } } },
      take: 200,
    });
    if (batch.length === 0) break;
    for (const row of batch) {
      const document = convert(row.markdownBody ?? "");
      await db.$transaction(async (tx) => {
        await tx.revision.update({
          where: { id: row.id },
          data: { document, bodyText: documentText(document), markdownBody: null },
        });
        await refreshSearchIndex(tx, row.id);
      });
      revisions += 1;
    }
  }
  let workstreams = 0;
  for (const row of await db.workstream.findMany({ where: { markdownDescription: { not: null } } })) {
    await db.workstream.update({
      where: { id: row.id },
      data: { description: convert(row.markdownDescription ?? ""), markdownDescription: null },
    });
    workstreams += 1;
  }
  return { revisions, workstreams };
}
