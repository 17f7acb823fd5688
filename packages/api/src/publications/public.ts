import { contentsOf } from "@observatory/content";
import type { Db } from "@observatory/db";
import { renderBody, storedDocument } from "../content/body.ts";
import { itemPath } from "../content/kinds.ts";
import { findPublished } from "../content/public-service.ts";
import { visibleItems } from "../content/visibility.ts";
import { slugify } from "../editorial/drafts.ts";
import { mediaStore } from "../media/store.ts";
import { attachmentsOf } from "./attachments.ts";
import { type FileFormat, fileFormats } from "./file-checks.ts";

// What readers see of a publication's attachments: the list on its page, the files, and its HTML
// publications, all of the revision the public sees (decision 029).

export type PublicAttachment = {
  originId: string;
  title: string;
  /** Where the file is downloaded, or the HTML publication read. */
  href: string;
  /** "PDF", "MS Word Document" ...; "HTML" for an HTML publication. */
  formatLabel: string;
  byteSize: number;
  pageCount: number | null;
  isAccessible: boolean;
  isHtml: boolean;
};

/** The attachments of a revision, as its public page lists them. */
export async function publicAttachments(
  db: Pick<Db, "attachment">,
  revisionId: string,
  itemPagePath: string,
): Promise<PublicAttachment[]> {
  const rows = await attachmentsOf(db, revisionId);
  return rows.map((row) => ({
    originId: row.originId,
    title: row.title,
    href: row.format === "HTML" ? `${itemPagePath}/${row.slug}` : `/attachments/${row.storageKey}`,
    formatLabel: row.format === "HTML" ? "HTML" : fileFormats[row.format as FileFormat].label,
    byteSize: row.byteSize,
    pageCount: row.pageCount,
    isAccessible: row.isAccessible,
    isHtml: row.format === "HTML",
  }));
}

/** A stored key: 24 random letters and digits and an attachment format's extension. */
const KEY_PATTERN = /^[a-z0-9]{24}\.(pdf|csv|ods|docx|odt)$/;

export type AttachmentFile = { bytes: Buffer; mimeType: string; downloadName: string };

/**
 * An attachment's file for /attachments/<key>: for the public site only while a revision the public
 * sees lists it; for staff (`anyRevision`), from any revision. Null for anything else.
 */
export async function readAttachmentFile(
  db: Pick<Db, "$queryRaw">,
  key: string,
  { anyRevision = false, now = new Date() }: { anyRevision?: boolean; now?: Date } = {},
): Promise<AttachmentFile | null> {
  if (!KEY_PATTERN.test(key)) return null;
  const [row] = anyRevision
    ? await db.$queryRaw<{ title: string; format: FileFormat }[]>`
        SELECT a."title", a."format"::text AS "format" FROM "Attachment" a
        WHERE a."storageKey" = ${key} ORDER BY a."createdAt" DESC LIMIT 1`
    : await db.$queryRaw<{ title: string; format: FileFormat }[]>`
        SELECT a."title", a."format"::text AS "format" FROM "Attachment" a
        JOIN (${visibleItems(now)}) v ON v."revisionId" = a."revisionId"
        WHERE a."storageKey" = ${key} LIMIT 1`;
  if (!row) return null;
  const bytes = await mediaStore().get(key);
  if (!bytes) return null;
  const format = fileFormats[row.format];
  return { bytes, mimeType: format.mimeType, downloadName: `${slugify(row.title)}.${format.ext}` };
}

/** A published publication's HTML publication, rendered, with its contents list; null if not on show. */
export async function findHtmlPublication(db: Db, itemSlug: string, slug: string, now = new Date()) {
  const item = await findPublished(db, "PUBLICATION", itemSlug, now);
  if (!item) return null;
  const row = await db.attachment.findUnique({
    where: { revisionId_slug: { revisionId: item.revisionId, slug } },
    select: { title: true, document: true, originId: true },
  });
  if (!row) return null;
  const document = storedDocument(row.document);
  const path = itemPath("PUBLICATION", itemSlug);
  return {
    publication: { title: item.title, path, publishedAt: item.publishedAt, updatedAt: item.updatedAt },
    title: row.title,
    path: `${path}/${slug}`,
    bodyHtml: await renderBody(db, document, { now, anchorHeadings: true }),
    contents: contentsOf(document),
  };
}
