import type { Db } from "@observatory/db";

export type PublicState = { version: string; nextChangeAt: Date | null };

/**
 * What a cached public page depends on: the public content version (bumped by database triggers on
 * every visible change) and the next moment time alone changes what is visible: a scheduled
 * publication or unpublication, or a live item's review falling due (its page stops showing the
 * due date then: decision 014).
 */
export async function readPublicState(db: Db, now: Date): Promise<PublicState> {
  const [row] = await db.$queryRaw<{ version: string; nextChangeAt: Date | null }[]>`
    SELECT (SELECT "version"::text FROM "PublicContentVersion" WHERE "id" = 1) AS "version",
      LEAST(
        (SELECT min("publishAt") FROM "ContentItem" WHERE "scheduledRevisionId" IS NOT NULL AND "publishAt" > ${now}),
        (SELECT min("unpublishAt") FROM "ContentItem" WHERE "unpublishAt" > ${now}),
        (SELECT min("nextReviewDue") FROM "ContentItem" WHERE "nextReviewDue" > ${now} AND "liveRevisionId" IS NOT NULL)
      ) AS "nextChangeAt"`;
  return { version: row?.version ?? "0", nextChangeAt: row?.nextChangeAt ?? null };
}
