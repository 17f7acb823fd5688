import type { Db } from "@observatory/db";
import type { Job } from "../jobs/runner.ts";
import { notifyAuthor } from "./notifications.ts";
import { formatDateTime } from "@observatory/time";
import { renewReviewDates } from "../review-due/service.ts";
import { readReviewDueSettings } from "../review-due/settings.ts";
import { queuePublicationAlerts } from "../alerts/sending.ts";
import { isFirstPublication } from "./publication-history.ts";

// The public site never waits for this job: visibility is computed from the stored schedule at
// query time. The job *records* what the schedule already made true (live pointer, status, audit,
// the author's email), so the admin shows the truth and history is complete. Each batch is one
// conditional UPDATE over rows claimed with FOR UPDATE SKIP LOCKED: two instances (or a catch-up
// run racing a regular one) never record the same transition twice.

/** A transition recorded more than this late is reported as caught up (the process was down). */
export const LATE_AFTER_MS = 2 * 60_000;
const BATCH = 500;

type Recorded = { id: string; revisionId: string; title: string; at: Date };

async function recordPublications(db: Db, now: Date): Promise<Recorded[]> {
  const lateAfter = new Date(now.getTime() - LATE_AFTER_MS);
  return db.$transaction(async (tx) => {
    // Claim, record and audit in one statement: short, and small on the wire (the embedded
    // database serves several connections over one backend, where big multi-row inserts interleave badly).
    const rows = await tx.$queryRaw<
      {
        id: string;
        revisionId: string;
        at: Date;
        authorId: string;
        title: string;
        liveRevisionId: string | null;
        publishedAt: Date | null;
        publishAt: Date | null;
        changeNote: string | null;
      }[]
    >`
      WITH due AS (
        -- As they were before this publication: whether it is the item's first (for reader alerts).
        SELECT "id", "liveRevisionId", "publishedAt", "publishAt" FROM "ContentItem"
        WHERE "scheduledRevisionId" IS NOT NULL AND "publishAt" <= ${now} AND "status" <> 'ARCHIVED'
        ORDER BY "publishAt" LIMIT ${BATCH}
        FOR UPDATE SKIP LOCKED
      ), recorded AS (
        UPDATE "ContentItem" i SET
          "liveRevisionId" = i."scheduledRevisionId",
          "liveSince" = i."publishAt",
          "publishedAt" = COALESCE(i."publishedAt", i."publishAt"),
          "status" = CASE WHEN i."latestRevisionId" = i."scheduledRevisionId" THEN 'PUBLISHED'::"ContentStatus" ELSE i."status" END,
          "scheduledRevisionId" = NULL,
          "publishAt" = NULL,
          "updatedAt" = ${now}
        FROM due, "Revision" r
        WHERE i."id" = due."id" AND r."id" = i."scheduledRevisionId"
          AND i."scheduledRevisionId" IS NOT NULL AND i."publishAt" <= ${now}
        RETURNING i."id", r."id" AS "revisionId", i."liveSince" AS "at", r."authorId", r."title",
          r."changeNote", due."liveRevisionId", due."publishedAt", due."publishAt"
      ), audited AS (
        INSERT INTO "AuditEvent" ("id", "action", "targetType", "targetId", "summary", "data", "createdAt")
        SELECT gen_random_uuid()::text,
          CASE WHEN "at" < ${lateAfter} THEN 'content.publishRecordedLate' ELSE 'content.publishRecorded' END,
          'ContentItem', "id",
          'Scheduled publication of "' || "title" || '" recorded' || CASE WHEN "at" < ${lateAfter}
            THEN ' ' || round(extract(epoch FROM (${now}::timestamptz - "at")) / 60) || ' minutes late; the public site showed it on time'
            ELSE '' END,
          jsonb_build_object('revisionId', "revisionId", 'publishAt', "at"),
          ${now}
        FROM recorded
      )
      SELECT * FROM recorded`;
    if (!rows.length) return [];
    // Going live is a review: the dates count from the moment it went live.
    const settings = await readReviewDueSettings(tx);
    for (const row of rows) {
      await renewReviewDates(tx, row.id, row.at, settings);
      // Readers hear of a first publication and of a major change (one with a note), never a minor one.
      const first = isFirstPublication(row);
      if (first || row.changeNote !== null) await queuePublicationAlerts(tx, row.id, { first });
    }
    const authors = await tx.user.findMany({
      where: { id: { in: [...new Set(rows.map((r) => r.authorId))] } },
      select: { id: true, name: true, email: true },
    });
    for (const row of rows) {
      const author = authors.find((a) => a.id === row.authorId);
      if (author)
        await notifyAuthor(tx, author, row.id, row.title, { kind: "published", when: formatDateTime(row.at) });
    }
    return rows.map((r) => ({ id: r.id, revisionId: r.revisionId, title: r.title, at: r.at }));
  });
}

async function recordUnpublications(db: Db, now: Date): Promise<Recorded[]> {
  // One statement, in a transaction all the same: the embedded database keeps transactions apart
  // but can interleave a lone extended-protocol query with another connection's transaction.
  const rows = await db.$transaction(
    (tx) => tx.$queryRaw<{ id: string; at: Date; slug: string }[]>`
      WITH due AS (
        SELECT "id" FROM "ContentItem"
        WHERE "unpublishAt" <= ${now} AND "liveRevisionId" IS NOT NULL
        ORDER BY "unpublishAt" LIMIT ${BATCH}
        FOR UPDATE SKIP LOCKED
      ), before AS (
        SELECT i."id", i."unpublishAt" AS "at" FROM "ContentItem" i JOIN due ON due."id" = i."id"
      ), recorded AS (
      UPDATE "ContentItem" i SET
        "status" = CASE WHEN i."latestRevisionId" = i."liveRevisionId" AND i."status" = 'PUBLISHED'
          THEN 'APPROVED'::"ContentStatus" ELSE i."status" END,
        "liveRevisionId" = NULL,
        "liveSince" = NULL,
        "unpublishAt" = NULL,
        "updatedAt" = ${now}
      FROM before
      WHERE i."id" = before."id" AND i."unpublishAt" <= ${now} AND i."liveRevisionId" IS NOT NULL
      RETURNING i."id", before."at", i."slug"
      ), audited AS (
        INSERT INTO "AuditEvent" ("id", "action", "targetType", "targetId", "summary", "createdAt")
        SELECT gen_random_uuid()::text, 'content.unpublishRecorded', 'ContentItem', "id",
          'Scheduled unpublication of /' || "slug" || ' recorded', ${now}
        FROM recorded
      )
      SELECT * FROM recorded`,
  );
  return rows.map((r) => ({ id: r.id, revisionId: "", title: r.slug, at: r.at }));
}

/** Records every publication and unpublication whose time has come; safe to run anywhere, any number of times. */
export async function recordDueTransitions(db: Db, now = new Date()) {
  const published: Recorded[] = [];
  const unpublished: Recorded[] = [];
  for (;;) {
    const batch = await recordPublications(db, now);
    published.push(...batch);
    if (batch.length < BATCH) break;
  }
  for (;;) {
    const batch = await recordUnpublications(db, now);
    unpublished.push(...batch);
    if (batch.length < BATCH) break;
  }
  const late = published.filter((p) => now.getTime() - p.at.getTime() > LATE_AFTER_MS).length;
  return { published, unpublished, late };
}

/**
 * Items whose scheduled time passed more than LATE_AFTER_MS ago without the transition being
 * recorded: the scheduler is not running. Shown on the dashboard so editors find out.
 */
export async function findOverdueTransitions(db: Db, now = new Date()) {
  const cutoff = new Date(now.getTime() - LATE_AFTER_MS);
  return db.contentItem.findMany({
    where: {
      status: { not: "ARCHIVED" },
      OR: [
        { scheduledRevisionId: { not: null }, publishAt: { lte: cutoff } },
        { liveRevisionId: { not: null }, unpublishAt: { lte: cutoff } },
      ],
    },
    select: {
      id: true,
      slug: true,
      publishAt: true,
      unpublishAt: true,
      latestRevision: { select: { title: true } },
    },
    orderBy: { updatedAt: "asc" },
    take: 50,
  });
}

export const recordScheduleJob: Job = {
  name: "editorial-schedule",
  // Each tick of the job loop: a late recording never makes the public site late (see above).
  intervalSeconds: 15,
  async run(db, now) {
    const { published, unpublished, late } = await recordDueTransitions(db, now);
    return `recorded ${published.length} publications (${late} caught up late) and ${unpublished.length} unpublications`;
  },
};
