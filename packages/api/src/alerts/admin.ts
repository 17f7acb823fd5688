import type { Db } from "@observatory/db";
import { emailDigest } from "../audit/pseudonym.ts";
import { recordAudit } from "../audit/record.ts";
import type { Context } from "../trpc.ts";
import type { Frequency } from "./choices.ts";

// What administrators see of alert subscribers: numbers per list, and one address at a time when
// someone asks to be removed. They never see the list of addresses, and cannot send to it.

type Actor = Pick<Context, "db" | "request"> & { user: { id: string } };

export type ListCount = { immediate: number; weekly: number; pending: number };
type Row = { list: string; frequency: Frequency; confirmed: boolean; count: number };

/**
 * Subscriptions per list ("everything", each kind, each priority by slug, and "all" for the
 * total): confirmed ones by frequency, and those waiting for confirmation.
 */
export async function countSubscriptions(db: Db) {
  const rows = await db.$queryRaw<Row[]>`
    WITH lists AS (
      SELECT 'all' AS "list", s.* FROM "AlertSubscription" s
      UNION ALL SELECT 'everything', s.* FROM "AlertSubscription" s WHERE s."everything"
      UNION ALL SELECT k::text, s.* FROM "AlertSubscription" s, unnest(s."kinds") k
      UNION ALL SELECT 'priority:' || w."slug", s.* FROM "AlertSubscription" s
        JOIN "AlertSubscriptionPriority" p ON p."subscriptionId" = s."id" JOIN "Workstream" w ON w."id" = p."workstreamId"
    )
    SELECT "list", "frequency", "confirmedAt" IS NOT NULL AS "confirmed", count(*)::int AS "count"
    FROM lists GROUP BY 1, 2, 3`;
  const counts = new Map<string, ListCount>();
  for (const row of rows) {
    const count = counts.get(row.list) ?? { immediate: 0, weekly: 0, pending: 0 };
    if (!row.confirmed) count.pending += row.count;
    else if (row.frequency === "IMMEDIATE") count.immediate += row.count;
    else count.weekly += row.count;
    counts.set(row.list, count);
  }
  return Object.fromEntries(counts);
}

/** The subscription held under an address, if any: what a removal request is checked against. */
export async function findSubscription(db: Db, email: string) {
  return db.alertSubscription.findUnique({
    where: { email },
    select: {
      email: true,
      everything: true,
      kinds: true,
      frequency: true,
      confirmedAt: true,
      createdAt: true,
      priorities: { select: { workstream: { select: { title: true } } } },
    },
  });
}

/** Deletes the subscription under an address; the audit trail names the address only by its keyed hash. */
export async function removeSubscription(ctx: Actor, email: string): Promise<{ removed: boolean }> {
  return ctx.db.$transaction(async (tx) => {
    const { count } = await tx.alertSubscription.deleteMany({ where: { email } });
    if (count > 0)
      await recordAudit(tx, ctx, {
        action: "alerts.subscriptionRemoved",
        targetType: "AlertSubscriber",
        targetId: emailDigest(email),
        summary: "Removed an email address from the alert subscribers",
      });
    return { removed: count > 0 };
  });
}
