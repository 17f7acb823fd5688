import { type Db, Prisma } from "@observatory/db";
import { listedKinds } from "../content/kinds.ts";
import { visibleItems } from "../content/visibility.ts";
import type { Job } from "../jobs/runner.ts";
import { queueEmail } from "../mail/outbox.ts";
import { describeChoices } from "./choices.ts";
import { type AlertItem, alertEmail, digestEmail } from "./emails.ts";

// Who hears of an item, and when. Only confirmed subscriptions ever match. The one matching rule:
// a subscription wants an item if it asked for everything, for the item's kind, or for any of the
// priorities the item's revision on show is tagged with. Strategy pages (PAGE) are not announced.

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** The matching rule, over the subscription `s`, for an item of `kind` showing `revisionId`. */
function wants(kind: Prisma.Sql, revisionId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(s."everything" OR ${kind} = ANY(s."kinds") OR EXISTS (
    SELECT 1 FROM "AlertSubscriptionPriority" p JOIN "RevisionWorkstream" rw ON rw."workstreamId" = p."workstreamId"
    WHERE p."subscriptionId" = s."id" AND rw."revisionId" = ${revisionId}))`;
}

const announced = Prisma.sql`ARRAY[${Prisma.join(listedKinds.map((k) => Prisma.sql`${k}::"ContentKind"`))}]`;

/** What each subscriber's emails say they asked for. */
async function coverage(db: Pick<Db, "alertSubscription">, ids: string[]) {
  const rows = await db.alertSubscription.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      everything: true,
      kinds: true,
      priorities: { select: { workstream: { select: { title: true } } } },
    },
  });
  return new Map(
    rows.map((s) => [s.id, describeChoices({ ...s, priorities: s.priorities.map((p) => p.workstream) })] as const),
  );
}

/**
 * Queues the alert of what an item now shows, its first publication (`first`) or a major change
 * (its revision has a change note; decision 030), to every confirmed immediate subscriber who wants
 * it, in the transaction that publishes it (by hand or by the scheduler). A minor change is never
 * announced. A delivery row is inserted per subscriber first, and mail is queued only for the rows
 * this call inserted: its key (subscription, revision) makes each alert once only, however many
 * times or in however many processes this runs.
 */
export async function queuePublicationAlerts(tx: Tx, itemId: string, { first }: { first: boolean }): Promise<number> {
  const recipients = await tx.$queryRaw<({ id: string; email: string } & AlertItem)[]>`
    WITH item AS (
      SELECT i."id", i."kind", i."slug", r."id" AS "revisionId", r."title", r."summary",
        CASE WHEN ${first} THEN NULL ELSE r."changeNote" END AS "changeNote"
      FROM "ContentItem" i JOIN "Revision" r ON r."id" = i."liveRevisionId"
      WHERE i."id" = ${itemId} AND i."kind" = ANY(${announced}) AND (${first} OR r."changeNote" IS NOT NULL)
    ), delivered AS (
      INSERT INTO "AlertDelivery" ("subscriptionId", "itemId", "revisionId")
      SELECT s."id", item."id", item."revisionId" FROM "AlertSubscription" s, item
      WHERE s."confirmedAt" IS NOT NULL AND s."frequency" = 'IMMEDIATE'
        AND ${wants(Prisma.sql`item."kind"`, Prisma.sql`item."revisionId"`)}
      ON CONFLICT DO NOTHING
      RETURNING "subscriptionId"
    )
    SELECT s."id", s."email", item."kind", item."slug", item."title", item."summary", item."changeNote"
    FROM delivered d JOIN "AlertSubscription" s ON s."id" = d."subscriptionId", item`;
  const covers = await coverage(
    tx,
    recipients.map((r) => r.id),
  );
  for (const { id, email, ...item } of recipients) {
    await queueEmail(tx, alertEmail({ id, email }, item, covers.get(id) ?? ""));
  }
  return recipients.length;
}

export const DIGEST_DAYS = 7;
const DIGEST_BATCH = 200;
/** A digest lists at most this many items (the newest). */
const DIGEST_ITEMS = 50;

/**
 * Sends each confirmed weekly subscriber whose last digest is a week old one email listing the
 * matching items first published or changed in a major way since then (on the site now), or
 * nothing when there are none.
 * Each subscriber's period is moved on by a conditional update in the transaction that queues the
 * email, so a digest is never sent twice for one period, even by two runs at once.
 */
export async function sendWeeklyDigests(db: Db, now = new Date()): Promise<{ sent: number; empty: number }> {
  const dueBefore = new Date(now.getTime() - DIGEST_DAYS * 86_400_000);
  let sent = 0;
  let empty = 0;
  for (;;) {
    const due = await db.alertSubscription.findMany({
      where: { confirmedAt: { not: null }, frequency: "WEEKLY", lastDigestAt: { lte: dueBefore } },
      select: { id: true, email: true, lastDigestAt: true },
      orderBy: { lastDigestAt: "asc" },
      take: DIGEST_BATCH,
    });
    const covers = await coverage(
      db,
      due.map((s) => s.id),
    );
    for (const subscriber of due) {
      const since = subscriber.lastDigestAt ?? dueBefore;
      // Each item first published in the week, or changed in a major way in it (with its latest note).
      const items = await db.$queryRaw<AlertItem[]>`
        SELECT v."kind", v."slug", r."title", r."summary", u."note" AS "changeNote"
        FROM (${visibleItems(now)}) v JOIN "Revision" r ON r."id" = v."revisionId",
          LATERAL (SELECT pu."at", pu."note" FROM "public_updates"(${now}) pu
            WHERE pu."itemId" = v."id" ORDER BY pu."at" DESC LIMIT 1) u,
          "AlertSubscription" s
        WHERE s."id" = ${subscriber.id} AND v."kind" = ANY(${announced})
          AND u."at" > ${since} AND u."at" <= ${now}
          AND ${wants(Prisma.sql`v."kind"`, Prisma.sql`v."revisionId"`)}
        ORDER BY u."at" DESC, v."id" LIMIT ${DIGEST_ITEMS}`;
      const claimed = await db.$transaction(async (tx) => {
        const moved = await tx.alertSubscription.updateMany({
          where: { id: subscriber.id, lastDigestAt: since },
          data: { lastDigestAt: now },
        });
        if (moved.count === 1 && items.length > 0)
          await queueEmail(tx, digestEmail(subscriber, items, covers.get(subscriber.id) ?? ""));
        return moved.count === 1;
      });
      if (claimed && items.length > 0) sent += 1;
      else if (claimed) empty += 1;
    }
    if (due.length < DIGEST_BATCH) return { sent, empty };
  }
}

/** Deletes subscriptions whose confirmation link has lapsed unopened: the address is not kept. */
export async function purgeUnconfirmed(db: Db, now = new Date()): Promise<number> {
  const { count } = await db.alertSubscription.deleteMany({
    where: { confirmedAt: null, confirmExpiresAt: { lt: now } },
  });
  return count;
}

export const alertJobs: Job[] = [
  {
    name: "alert-digests",
    // Hourly, so each subscriber's digest comes within the hour of a week after the last.
    intervalSeconds: 60 * 60,
    async run(db, now) {
      const { sent, empty } = await sendWeeklyDigests(db, now);
      return `queued ${sent} weekly alert digests (${empty} subscribers had nothing new)`;
    },
  },
  {
    name: "alert-unconfirmed-purge",
    intervalSeconds: 60 * 60,
    run: async (db, now) => `deleted ${await purgeUnconfirmed(db, now)} unconfirmed alert subscriptions`,
  },
];
