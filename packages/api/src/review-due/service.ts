import type { ContentKind, Db, DbOrTransaction, Prisma } from "@observatory/db";
import { addLondonMonths, formatDate, londonDay, startOfLondonDay } from "@observatory/time";
import { recordAudit } from "../audit/record.ts";
import { AppError, notFound } from "../errors.ts";
import { can } from "../permissions.ts";
import type { StaffContext, Tx } from "../editorial/common.ts";
import { assertCanOwn, intervalFor, ownerRoles, type ReviewDueSettings, readReviewDueSettings } from "./settings.ts";

// Review due (decision 014): every live item has a last-reviewed date and a next-review-due date, the
// start of a London day a number of calendar months on. Publishing sets them; "Mark as reviewed"
// renews them without a new revision. Past the due instant an item is overdue; within its kind's
// "due soon" days before, it is due soon.

export type ReviewStage = "OVERDUE" | "DUE_SOON";

/** The start of the London day `days` days before the London date of `due`. */
export function dueSoonFrom(due: Date, days: number): Date {
  const { year, month, day } = londonDay(due);
  const d = new Date(Date.UTC(year, month - 1, day - days));
  return startOfLondonDay(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function reviewStage(
  settings: ReviewDueSettings,
  item: { kind: ContentKind; nextReviewDue: Date | null },
  now: Date,
): ReviewStage | null {
  if (!item.nextReviewDue) return null;
  if (item.nextReviewDue <= now) return "OVERDUE";
  return dueSoonFrom(item.nextReviewDue, settings[item.kind].dueSoonDays) <= now ? "DUE_SOON" : null;
}

/**
 * Records a review at `at` (publication, or someone confirming the content): last reviewed is `at`,
 * next due the item's interval later. Called inside the change's transaction.
 */
export async function renewReviewDates(
  tx: DbOrTransaction,
  itemId: string,
  at: Date,
  settings?: ReviewDueSettings,
): Promise<{ lastReviewedAt: Date; nextReviewDue: Date }> {
  const item = await tx.contentItem.findUniqueOrThrow({
    where: { id: itemId },
    select: { kind: true, reviewIntervalMonths: true },
  });
  const interval = intervalFor(settings ?? (await readReviewDueSettings(tx)), item);
  const dates = { lastReviewedAt: at, nextReviewDue: addLondonMonths(at, interval) };
  await tx.contentItem.update({ where: { id: itemId }, data: dates, select: { id: true } });
  return dates;
}

/** The owner of new items of `kind`: the kind's default owner when set and still able to own, else the creator. */
export async function ownerForNewItem(tx: DbOrTransaction, kind: ContentKind, creatorId: string) {
  const ownerId = (await readReviewDueSettings(tx))[kind].defaultOwnerId;
  if (!ownerId) return creatorId;
  const owner = await tx.user.findFirst({
    where: { id: ownerId, disabledAt: null, role: { in: [...ownerRoles] } },
    select: { id: true },
  });
  return owner?.id ?? creatorId;
}

function canMarkReviewed(user: StaffContext["user"], item: { ownerId: string | null }): boolean {
  return can(user.role, "content.editAny") || (item.ownerId === user.id && can(user.role, "content.write"));
}

async function lockForReview(tx: Tx, itemId: string) {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "ContentItem" WHERE "id" = ${itemId} FOR UPDATE`;
  if (!locked.length) throw notFound("That content item");
  return tx.contentItem.findUniqueOrThrow({
    where: { id: itemId },
    select: {
      id: true,
      kind: true,
      slug: true,
      title: true,
      status: true,
      ownerId: true,
      liveRevisionId: true,
      lastReviewedAt: true,
      nextReviewDue: true,
      reviewIntervalMonths: true,
    },
  });
}

/** "Mark as reviewed": the content was checked and still stands. Renews the dates; no new revision. */
export async function markReviewed(ctx: StaffContext, input: { itemId: string; note: string }, now = new Date()) {
  return ctx.db.$transaction(async (tx) => {
    const item = await lockForReview(tx, input.itemId);
    if (!canMarkReviewed(ctx.user, item)) {
      throw new AppError("FORBIDDEN", "Only the item's owner or an editor can mark it as reviewed.");
    }
    if (!item.liveRevisionId || item.status === "ARCHIVED") {
      throw new AppError(
        "CONFLICT",
        "Only content on the public site can be marked as reviewed: publishing it sets its review dates.",
      );
    }
    const dates = await renewReviewDates(tx, item.id, now);
    const note = input.note.trim();
    await recordAudit(tx, ctx, {
      action: "content.markReviewed",
      targetType: "ContentItem",
      targetId: item.id,
      summary: `Marked "${item.title}" as reviewed; next review due ${formatDate(dates.nextReviewDue)}${note ? `: ${note}` : ""}`,
      data: {
        note,
        lastReviewedAt: dates.lastReviewedAt.toISOString(),
        nextReviewDue: dates.nextReviewDue.toISOString(),
        previousDue: item.nextReviewDue?.toISOString() ?? null,
      },
    });
    return { itemId: item.id, title: item.title, ...dates };
  });
}

/** Changes who owns an item and its own review interval (null: its kind's); editors only. */
export async function updateItemReview(
  ctx: StaffContext,
  input: { itemId: string; ownerId: string; intervalMonths: number | null },
) {
  if (!can(ctx.user.role, "content.editAny")) {
    throw new AppError("FORBIDDEN", "Only an editor can change who owns an item or how often it is reviewed.");
  }
  return ctx.db.$transaction(async (tx) => {
    const item = await lockForReview(tx, input.itemId);
    const owner = await assertCanOwn(tx, input.ownerId, "ownerId");
    const settings = await readReviewDueSettings(tx);
    const data: Prisma.ContentItemUpdateInput = {};
    const changes: string[] = [];
    if (item.ownerId !== owner.id) {
      data.owner = { connect: { id: owner.id } };
      changes.push(`owner now ${owner.name}`);
    }
    if (item.reviewIntervalMonths !== input.intervalMonths) {
      data.reviewIntervalMonths = input.intervalMonths;
      const interval = intervalFor(settings, { kind: item.kind, reviewIntervalMonths: input.intervalMonths });
      changes.push(
        input.intervalMonths === null
          ? `reviewed every ${interval} months, as its kind is`
          : `reviewed every ${interval} months`,
      );
      // The next review moves with the interval, counted from the last one.
      if (item.lastReviewedAt) data.nextReviewDue = addLondonMonths(item.lastReviewedAt, interval);
    }
    if (!changes.length) return { changed: false };
    await tx.contentItem.update({ where: { id: item.id }, data, select: { id: true } });
    await recordAudit(tx, ctx, {
      action: "content.reviewOwnership",
      targetType: "ContentItem",
      targetId: item.id,
      summary: `Changed the review of "${item.title}": ${changes.join("; ")}`,
      data: {
        ownerId: { from: item.ownerId, to: owner.id },
        intervalMonths: { from: item.reviewIntervalMonths, to: input.intervalMonths },
      },
    });
    return { changed: true };
  });
}

/** Gives an item a new owner, keeping its review interval (a bulk action of the content list). */
export async function assignOwner(ctx: StaffContext, input: { itemId: string; ownerId: string }) {
  const item = await ctx.db.contentItem.findUnique({
    where: { id: input.itemId },
    select: { reviewIntervalMonths: true },
  });
  if (!item) throw notFound("That content item");
  return updateItemReview(ctx, { ...input, intervalMonths: item.reviewIntervalMonths });
}

/** Who can be chosen as an owner. */
export function ownerOptions(db: Pick<Db, "user">) {
  return db.user.findMany({
    where: { disabledAt: null, role: { in: [...ownerRoles] } },
    select: { id: true, name: true, email: true, role: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}

/** The review side of an item's editor page. */
export async function itemReview(ctx: StaffContext, itemId: string, now = new Date()) {
  const item = await ctx.db.contentItem.findUnique({
    where: { id: itemId },
    select: {
      id: true,
      kind: true,
      status: true,
      liveRevisionId: true,
      ownerId: true,
      owner: { select: { id: true, name: true, disabledAt: true } },
      lastReviewedAt: true,
      nextReviewDue: true,
      reviewIntervalMonths: true,
    },
  });
  if (!item) throw notFound("That content item");
  const settings = await readReviewDueSettings(ctx.db);
  const history = await ctx.db.auditEvent.findMany({
    where: { targetType: "ContentItem", targetId: itemId, action: "content.markReviewed" },
    select: { id: true, createdAt: true, data: true, actor: { select: { name: true } } },
    orderBy: { createdAt: "desc" },
    take: 5,
  });
  const live = item.liveRevisionId !== null && item.status !== "ARCHIVED";
  return {
    owner: item.owner ? { id: item.owner.id, name: item.owner.name, active: item.owner.disabledAt === null } : null,
    lastReviewedAt: item.lastReviewedAt,
    nextReviewDue: item.nextReviewDue,
    stage: live ? reviewStage(settings, item, now) : null,
    intervalMonths: intervalFor(settings, item),
    ownInterval: item.reviewIntervalMonths,
    kindInterval: settings[item.kind].intervalMonths,
    showOnPage: settings[item.kind].showOnPage,
    live,
    history: history.map((h) => ({
      id: h.id,
      at: h.createdAt,
      by: h.actor?.name ?? "Someone since removed",
      note: typeof (h.data as { note?: unknown } | null)?.note === "string" ? (h.data as { note: string }).note : "",
    })),
    can: {
      markReviewed: live && canMarkReviewed(ctx.user, item),
      changeOwner: can(ctx.user.role, "content.editAny"),
    },
    owners: can(ctx.user.role, "content.editAny") ? await ownerOptions(ctx.db) : [],
  };
}

export type ReviewDueFilter = {
  ownerId?: string | undefined;
  kind?: ContentKind | undefined;
  stage?: ReviewStage | undefined;
};

const LISTED = 500;

/**
 * Live items overdue or due soon, most overdue first, with counts per owner and kind (the
 * administrators' report). Filtered by owner, kind and stage.
 */
export async function listReviewDue(ctx: StaffContext, filter: ReviewDueFilter, now = new Date()) {
  const settings = await readReviewDueSettings(ctx.db);
  const longestSoon = Math.max(...Object.values(settings).map((s) => s.dueSoonDays));
  const horizon = new Date(now.getTime() + (longestSoon + 2) * 86_400_000);
  const rows = await ctx.db.contentItem.findMany({
    where: {
      liveRevisionId: { not: null },
      status: { not: "ARCHIVED" },
      nextReviewDue: { not: null, lte: horizon },
    },
    select: {
      id: true,
      kind: true,
      slug: true,
      title: true,
      ownerId: true,
      owner: { select: { name: true, disabledAt: true } },
      lastReviewedAt: true,
      nextReviewDue: true,
    },
    orderBy: [{ nextReviewDue: "asc" }, { id: "asc" }],
  });
  const all = rows.flatMap((row) => {
    const stage = reviewStage(settings, row, now);
    return stage
      ? [
          {
            id: row.id,
            kind: row.kind,
            slug: row.slug,
            title: row.title,
            ownerId: row.ownerId,
            ownerName: row.owner ? `${row.owner.name}${row.owner.disabledAt ? " (account disabled)" : ""}` : "No owner",
            lastReviewedAt: row.lastReviewedAt,
            nextReviewDue: row.nextReviewDue as Date,
            stage,
            canMarkReviewed: canMarkReviewed(ctx.user, row),
          },
        ]
      : [];
  });
  const report = new Map<
    string,
    { ownerId: string | null; ownerName: string; kind: ContentKind; overdue: number; dueSoon: number }
  >();
  for (const item of all) {
    const key = `${item.ownerId ?? ""}|${item.kind}`;
    const entry = report.get(key) ?? {
      ownerId: item.ownerId,
      ownerName: item.ownerName,
      kind: item.kind,
      overdue: 0,
      dueSoon: 0,
    };
    if (item.stage === "OVERDUE") entry.overdue += 1;
    else entry.dueSoon += 1;
    report.set(key, entry);
  }
  const items = all.filter(
    (i) =>
      (!filter.ownerId || i.ownerId === filter.ownerId) &&
      (!filter.kind || i.kind === filter.kind) &&
      (!filter.stage || i.stage === filter.stage),
  );
  return {
    items: items.slice(0, LISTED),
    total: items.length,
    totals: {
      overdue: all.filter((i) => i.stage === "OVERDUE").length,
      dueSoon: all.filter((i) => i.stage === "DUE_SOON").length,
    },
    report: [...report.values()].sort(
      (a, b) => b.overdue - a.overdue || a.ownerName.localeCompare(b.ownerName) || a.kind.localeCompare(b.kind),
    ),
    owners: await ownerOptions(ctx.db),
  };
}

/** The signed-in person's own items that are overdue or due soon (the dashboard's panel). */
export async function myReviewDue(ctx: StaffContext, now = new Date()) {
  const { items } = await listReviewDue(ctx, { ownerId: ctx.user.id }, now);
  return { items: items.slice(0, 10), total: items.length };
}
