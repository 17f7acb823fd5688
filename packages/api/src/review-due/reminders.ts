import type { ContentKind, Db } from "@observatory/db";
import { formatDate, toLondonFields } from "@observatory/time";
import { apiConfig } from "../config.ts";
import { itemPath } from "../content/kinds.ts";
import type { Job } from "../jobs/runner.ts";
import { queueEmail } from "../mail/outbox.ts";
import { permissionTable } from "../permissions.ts";
import { ownerRoles, readReviewDueSettings } from "./settings.ts";
import { type ReviewStage, reviewStage } from "./service.ts";

// The owners' review digest: one email per owner listing the items that became due soon or overdue
// since the last one. Each (item, stage, due date) is claimed by inserting a ReviewReminder row;
// only the run whose insert happened mails it, in the same transaction, so any number of instances
// running this at once (or a run retried after a crash) mention each item once per stage. The job
// ticks hourly and sends from 07:00 London time, so the digest arrives with the working day.

/** Digests are sent from this London hour: due dates fall at midnight, so it is one mail a day. */
export const DIGEST_FROM_HOUR = 7;

type Claimed = { itemId: string; stage: ReviewStage; dueAt: Date };

export async function sendReviewReminders(db: Db, now: Date): Promise<string> {
  if (Number(toLondonFields(now).time.slice(0, 2)) < DIGEST_FROM_HOUR) return `waiting until ${DIGEST_FROM_HOUR}:00`;
  const settings = await readReviewDueSettings(db);
  const longestSoon = Math.max(...Object.values(settings).map((s) => s.dueSoonDays));
  const horizon = new Date(now.getTime() + (longestSoon + 2) * 86_400_000);

  return db.$transaction(async (tx) => {
    const candidates = await tx.contentItem.findMany({
      where: { liveRevisionId: { not: null }, status: { not: "ARCHIVED" }, nextReviewDue: { not: null, lte: horizon } },
      select: { id: true, kind: true, nextReviewDue: true, ownerId: true },
      // One order for every run, so that concurrent claims never wait on each other in a circle.
      orderBy: { id: "asc" },
    });
    const due = candidates.flatMap((c) => {
      const stage = reviewStage(settings, c, now);
      return stage && c.nextReviewDue ? [{ itemId: c.id, stage, dueAt: c.nextReviewDue, ownerId: c.ownerId }] : [];
    });
    if (!due.length) return "no reviews newly due";

    // The claim: a row that already exists (this stage of this due date was mailed, or another run
    // has just inserted it) is skipped; a concurrent insert waits for the other transaction and then skips.
    const claimed: Claimed[] = [];
    for (let start = 0; start < due.length; start += 500) {
      const batch = due.slice(start, start + 500);
      claimed.push(
        ...(await tx.$queryRaw<Claimed[]>`
          INSERT INTO "ReviewReminder" ("itemId", "stage", "dueAt", "ownerId", "sentAt")
          SELECT d."itemId", d."stage"::"ReviewReminderStage", d."dueAt", d."ownerId", ${now}
          FROM jsonb_to_recordset(${JSON.stringify(batch)}::jsonb)
            AS d("itemId" text, "stage" text, "dueAt" timestamptz, "ownerId" text)
          ON CONFLICT DO NOTHING
          RETURNING "itemId", "stage"::text AS "stage", "dueAt"`),
      );
    }
    if (!claimed.length) return "every review due was already in a digest";

    const items = await tx.contentItem.findMany({
      where: { id: { in: claimed.map((c) => c.itemId) } },
      select: {
        id: true,
        kind: true,
        slug: true,
        title: true,
        owner: { select: { id: true, name: true, email: true, disabledAt: true, role: true } },
      },
    });
    // An item whose owner cannot act (gone, disabled, or no longer writing) goes to its kind's
    // default owner, else to the administrators, so no reminder falls on the floor.
    const activeOwners = await tx.user.findMany({
      where: {
        disabledAt: null,
        OR: [
          { id: { in: Object.values(settings).flatMap((s) => (s.defaultOwnerId ? [s.defaultOwnerId] : [])) } },
          { role: { in: [...permissionTable["settings.manage"]] } },
        ],
      },
      select: { id: true, name: true, email: true, role: true },
    });
    const admins = activeOwners.filter((u) =>
      (permissionTable["settings.manage"] as readonly string[]).includes(u.role),
    );
    const recipientsFor = (item: (typeof items)[number]) => {
      const o = item.owner;
      if (o && !o.disabledAt && (ownerRoles as readonly string[]).includes(o.role)) return [o];
      const fallback = activeOwners.find((u) => u.id === settings[item.kind as ContentKind].defaultOwnerId);
      return fallback ? [fallback] : admins;
    };

    const digests = new Map<
      string,
      { name: string; email: string; overdue: string[]; soon: string[]; orphaned: boolean }
    >();
    const adminUrl = apiConfig().adminSiteUrl;
    const siteUrl = apiConfig().publicSiteUrl;
    for (const claim of claimed) {
      const item = items.find((i) => i.id === claim.itemId);
      if (!item) continue;
      const line = `- ${item.title} (${formatDate(claim.dueAt)}): ${new URL(itemPath(item.kind, item.slug), siteUrl)}\n  Edit or mark as reviewed: ${new URL(`/content/${item.id}`, adminUrl)}`;
      const recipients = recipientsFor(item);
      for (const person of recipients) {
        const digest = digests.get(person.id) ?? {
          name: person.name,
          email: person.email,
          overdue: [],
          soon: [],
          orphaned: false,
        };
        (claim.stage === "OVERDUE" ? digest.overdue : digest.soon).push(line);
        if (item.owner?.id !== person.id) digest.orphaned = true;
        digests.set(person.id, digest);
      }
    }
    const listUrl = new URL("/content/review-due", adminUrl).toString();
    for (const digest of digests.values()) {
      const parts = [
        ...(digest.overdue.length ? [`${digest.overdue.length} overdue`] : []),
        ...(digest.soon.length ? [`${digest.soon.length} due soon`] : []),
      ];
      const text = [
        `Dear ${digest.name},`,
        "",
        "Content you look after needs reviewing, so that what readers find stays true.",
        ...(digest.overdue.length
          ? ["", "Overdue (the public page no longer shows a next review date):", ...digest.overdue]
          : []),
        ...(digest.soon.length ? ["", "Due soon:", ...digest.soon] : []),
        ...(digest.orphaned
          ? ["", "Some of these are listed to you because their owner can no longer act on them: choose a new owner."]
          : []),
        "",
        `Check each one; if it still stands, mark it as reviewed (no new revision is needed), or edit and publish it. Everything due: ${listUrl}`,
        "",
        "You receive this because you own this content. Each item is in one reminder when it is due soon and one when it is overdue.",
      ].join("\n");
      await queueEmail(tx, { to: digest.email, subject: `Content review: ${parts.join(", ")}`, text });
    }
    return `sent ${digests.size} review digests for ${claimed.length} items`;
  });
}

export const reviewReminderJob: Job = {
  name: "review-reminders",
  intervalSeconds: 60 * 60,
  run: sendReviewReminders,
};
