import { type Db, Prisma } from "@observatory/db";

/**
 * What the public may see, decided at query time from the stored schedule (never from whether a
 * background job has run): per item, the scheduled revision once its `publishAt` has passed,
 * otherwise the live revision; nothing once `unpublishAt` has passed or the item is archived.
 * Yields one row per visible item: `id`, `kind`, `slug`, `publishedAt`, `commentsOpen`, `liveSince`,
 * `revisionId` and `withdrawnAt`. The rule itself is the SQL function `visible_items` (migrations
 * 20261121140000 and 20261209000000), which the planner inlines into each query. A withdrawn item
 * is visible (its page answers, with a banner) but not listed: see `listedItems`.
 */
export function visibleItems(now: Date): Prisma.Sql {
  return Prisma.sql`SELECT * FROM "visible_items"(${now})`;
}

/**
 * What listings, search, priority pages and the sitemap offer: the visible items that are not
 * withdrawn (decision 027). Feeds read `visibleItems`, so that a withdrawn entry stays in their history.
 */
export function listedItems(now: Date): Prisma.Sql {
  return Prisma.sql`SELECT * FROM "visible_items"(${now}) WHERE "withdrawnAt" IS NULL`;
}

/** Whether the public sees the item at `now`, by the same SQL rule (inside a transaction, too). */
export async function isVisibleAt(db: Pick<Db, "$queryRaw">, itemId: string, now: Date): Promise<boolean> {
  const rows = await db.$queryRaw<unknown[]>`SELECT 1 FROM (${visibleItems(now)}) v WHERE v."id" = ${itemId}`;
  return rows.length > 0;
}

/**
 * The same rule as a condition on an item id (`item`, an SQL expression): whether the public sees
 * that item at `now`. For staff screens that say whether an item is on the site, so that they agree
 * with the site from the scheduled instant on, not from when the scheduler records it.
 */
export function isVisibleSql(item: Prisma.Sql, now: Date): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM "visible_items"(${now}) v WHERE v."id" = ${item})`;
}

export type PublicRevision = { revisionId: string; since: Date | null };

/**
 * Visible items with the revision the public sees and since when: a scheduled revision counts from
 * its `publishAt` as soon as that has passed, whether or not the scheduler has recorded it yet.
 */
function visibleSince(now: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT v."id", v."revisionId",
      CASE WHEN v."revisionId" = i."scheduledRevisionId" THEN i."publishAt" ELSE v."liveSince" END AS "since"
    FROM (${visibleItems(now)}) v JOIN "ContentItem" i ON i."id" = v."id"`;
}

/** Per item (of those the public sees at `now`), the revision on show and since when. */
export async function publicRevisions(
  db: Pick<Db, "$queryRaw">,
  itemIds: string[],
  now: Date,
): Promise<Map<string, PublicRevision>> {
  if (itemIds.length === 0) return new Map();
  const rows = await db.$queryRaw<(PublicRevision & { id: string })[]>`
    SELECT * FROM (${visibleSince(now)}) s WHERE s."id" = ANY(${itemIds}::text[])`;
  return new Map(rows.map(({ id, ...revision }) => [id, revision]));
}

/** The `take` items most recently on the public site at `now`, latest first. */
export async function recentlyVisible(db: Pick<Db, "$queryRaw">, now: Date, take: number) {
  return db.$queryRaw<{ id: string; since: Date | null }[]>`
    SELECT s."id", s."since" FROM (${visibleSince(now)}) s ORDER BY s."since" DESC NULLS LAST, s."id" LIMIT ${take}`;
}
