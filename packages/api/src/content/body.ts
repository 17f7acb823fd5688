import {
  type BodyDocument,
  checkDocument,
  emptyDocument,
  type Finding,
  parseDocument,
  renderDocument,
  renderDocumentDiff,
  walk,
} from "@observatory/content";
import type { Db } from "@observatory/db";
import { apiConfig } from "../config.ts";
import { mediaForRender } from "../media/render.ts";
import { itemPath } from "./kinds.ts";
import { visibleItems } from "./visibility.ts";

// A stored body as readers see it: the links to other items and the library images it uses are
// looked up when it is shown, so a link follows the item it points to and an image is drawn with
// the files it has now. Every page that shows a body (public, preview, shared, feeds) comes here.

/** The ids of the items a body links to and the library images it shows. */
function referencesOf(document: BodyDocument): { itemIds: string[]; mediaIds: string[] } {
  const itemIds = new Set<string>();
  const mediaIds = new Set<string>();
  walk(document, (node) => {
    if (node.type === "image" && typeof node.attrs?.mediaId === "string") mediaIds.add(node.attrs.mediaId);
    for (const mark of node.marks ?? []) {
      if (mark.type === "link" && typeof mark.attrs?.itemId === "string") itemIds.add(mark.attrs.itemId);
    }
  });
  return { itemIds: [...itemIds], mediaIds: [...mediaIds] };
}

/** A stored body, read back through the schema; anything unreadable shows as an empty body, never as markup. */
export function storedDocument(value: unknown): BodyDocument {
  const parsed = parseDocument(value);
  return parsed.ok ? parsed.document : emptyDocument;
}

/** The public addresses of the linked items that readers can see now. */
async function publicLinks(db: Pick<Db, "$queryRaw">, itemIds: string[], now: Date): Promise<Map<string, string>> {
  if (itemIds.length === 0) return new Map();
  const rows = await db.$queryRaw<{ id: string; kind: Parameters<typeof itemPath>[0]; slug: string }[]>`
    WITH v AS (${visibleItems(now)}) SELECT v."id", v."kind", v."slug" FROM v WHERE v."id" = ANY(${itemIds})`;
  return new Map(rows.map((r) => [r.id, itemPath(r.kind, r.slug)]));
}

export type BodyRenderOptions = { now: Date; siteUrl?: string; anchorHeadings?: boolean };

/** What rendering these bodies needs looked up: the linked items' addresses and the images' files. */
async function lookupsFor(db: Db, documents: BodyDocument[], now: Date) {
  const references = documents.map(referencesOf);
  const [links, media] = await Promise.all([
    publicLinks(db, [...new Set(references.flatMap((r) => r.itemIds))], now),
    mediaForRender(db, [...new Set(references.flatMap((r) => r.mediaIds))]),
  ]);
  return { links, media };
}

/** A stored body as HTML, with its links and images looked up. */
export async function renderBody(
  db: Db,
  stored: unknown,
  { now, siteUrl, anchorHeadings }: BodyRenderOptions,
): Promise<string> {
  const document = storedDocument(stored);
  const lookups = await lookupsFor(db, [document], now);
  return renderDocument(document, { ...lookups, ...(siteUrl ? { siteUrl } : {}), anchorHeadings });
}

/**
 * The bodies of the items readers can see now, by item id, for feeds: each as its page shows it,
 * with this site's addresses in full (a feed is read elsewhere).
 */
export async function renderVisibleBodies(db: Db, itemIds: string[], now: Date): Promise<Map<string, string>> {
  if (itemIds.length === 0) return new Map();
  const rows = await db.$queryRaw<{ id: string; document: unknown }[]>`
    WITH v AS (${visibleItems(now)})
    SELECT v."id", r."document" FROM v JOIN "Revision" r ON r."id" = v."revisionId" WHERE v."id" = ANY(${itemIds})`;
  const documents = rows.map((row) => ({ id: row.id, document: storedDocument(row.document) }));
  const lookups = await lookupsFor(
    db,
    documents.map((d) => d.document),
    now,
  );
  const siteUrl = apiConfig().publicSiteUrl;
  return new Map(
    documents.map((d) => [d.id, renderDocument(d.document, { ...lookups, siteUrl, mediaBaseUrl: siteUrl })]),
  );
}

/** The newer of two stored bodies as HTML, with the words taken out and put in since the older marked. */
export async function renderBodyDiff(db: Db, before: unknown, after: unknown): Promise<string> {
  const [older, newer] = [storedDocument(before), storedDocument(after)];
  const lookups = await lookupsFor(db, [older, newer], new Date());
  return renderDocumentDiff(older, newer, { ...lookups, siteUrl: apiConfig().publicSiteUrl });
}

/** The accessibility check of a body, with the library images' file names to compare alt text with. */
export async function checkBody(db: Pick<Db, "media" | "$queryRaw">, document: BodyDocument): Promise<Finding[]> {
  const { itemIds, mediaIds } = referencesOf(document);
  const [media, links] = await Promise.all([
    mediaIds.length
      ? db.media.findMany({ where: { id: { in: mediaIds } }, select: { id: true, fileName: true } })
      : Promise.resolve([]),
    publicLinks(db, itemIds, new Date()),
  ]);
  const findings = checkDocument(document, { mediaFileNames: new Map(media.map((m) => [m.id, m.fileName])) });
  const missing = mediaIds.filter((id) => !media.some((m) => m.id === id));
  for (const id of missing) {
    findings.push({
      key: `image-missing:${id}`,
      rule: "image-missing",
      severity: "error",
      message: "An image is no longer in the media library. Remove it, or insert another.",
      excerpt: id,
    });
  }
  // A link to an item readers cannot see is shown to them as plain text until they can.
  const hidden = new Set<string>();
  walk(document, (node) => {
    const itemId = node.marks?.find((m) => m.type === "link")?.attrs?.itemId;
    if (node.type === "text" && typeof itemId === "string" && !links.has(itemId) && !hidden.has(itemId)) {
      hidden.add(itemId);
      findings.push({
        key: `link-not-public:${itemId}`,
        rule: "link-not-public",
        severity: "warning",
        message: `The link "${node.text ?? ""}" goes to a page readers cannot see (not published, or taken off the site). Until they can, it shows as plain text.`,
        excerpt: node.text ?? "",
      });
    }
  });
  return findings;
}
