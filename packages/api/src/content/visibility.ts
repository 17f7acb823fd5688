import { Prisma } from "@observatory/db";

/**
 * What the public may see, decided at query time from the stored schedule (never from whether a
 * background job has run): per item, the scheduled revision once its `publishAt` has passed,
 * otherwise the live revision; nothing once `unpublishAt` has passed or the item is archived.
 * Yields one row per visible item: its columns plus `revisionId`.
 */
export function visibleItems(now: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT i."id", i."kind", i."slug", i."publishedAt", i."commentsOpen", i."liveSince",
      CASE WHEN i."scheduledRevisionId" IS NOT NULL AND i."publishAt" <= ${now}
        THEN i."scheduledRevisionId" ELSE i."liveRevisionId" END AS "revisionId"
    FROM "ContentItem" i
    WHERE i."status" <> 'ARCHIVED'
      AND (i."unpublishAt" IS NULL OR i."unpublishAt" > ${now})
      AND (i."liveRevisionId" IS NOT NULL OR (i."scheduledRevisionId" IS NOT NULL AND i."publishAt" <= ${now}))`;
}
