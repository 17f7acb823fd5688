import { type Db, Prisma } from "@observatory/db";

/**
 * What the public may see, decided at query time from the stored schedule (never from whether a
 * background job has run): per item, the scheduled revision once its `publishAt` has passed,
 * otherwise the live revision; nothing once `unpublishAt` has passed or the item is archived.
 * Yields one row per visible item: `id`, `kind`, `slug`, `publishedAt`, `commentsOpen`, `liveSince`
 * and `revisionId`. The rule itself is the SQL function `visible_items` (migration
 * 20261121140000), which the planner inlines into each query.
 */
export function visibleItems(now: Date): Prisma.Sql {
  return Prisma.sql`SELECT * FROM "visible_items"(${now})`;
}

/** Whether the public sees the item at `now`, by the same SQL rule (inside a transaction, too). */
export async function isVisibleAt(db: Pick<Db, "$queryRaw">, itemId: string, now: Date): Promise<boolean> {
  const rows = await db.$queryRaw<unknown[]>`SELECT 1 FROM (${visibleItems(now)}) v WHERE v."id" = ${itemId}`;
  return rows.length > 0;
}
