import { ContentStatus, Prisma } from "@observatory/db";
import { formatDateTime } from "@observatory/time";
import { z } from "zod";
import { recordAudit } from "../audit/record.ts";
import { AppError } from "../errors.ts";
import { checkSitePath } from "../content/site-path.ts";
import { isVisibleAt } from "../content/visibility.ts";
import { type LockedItem, lockItem, type StaffContext } from "./common.ts";
import { restoreInto } from "./drafts.ts";
import { assertCanTake, workflow } from "./workflow.ts";
import { closeOpenRounds } from "../workflows/rounds.ts";

// Archiving, and the two ways back. Archiving takes the item off the public site by clearing its
// live and scheduled pointers and closes any review in progress; what it cleared is kept on the item
// (`archivedFrom`), so that undoing it puts the item back exactly as it was (the review reopened at
// its step), as long as nothing has happened to it since. Restoring
// is the other way back, at any time: the latest revision becomes a new draft (decision 013).

/** A review in progress when the item was archived: archiving closes it, undoing reopens it. */
const openRound = z.object({ id: z.string(), stepName: z.string().nullable(), stepGroupId: z.string().nullable() });

/** What archiving cleared. Times are ISO strings: the column is JSON. */
const archivedFrom = z.object({
  status: z.enum(ContentStatus),
  latestRevisionId: z.string().nullable(),
  liveRevisionId: z.string().nullable(),
  liveSince: z.iso.datetime().nullable(),
  scheduledRevisionId: z.string().nullable(),
  publishAt: z.iso.datetime().nullable(),
  unpublishAt: z.iso.datetime().nullable(),
  openRounds: z.array(openRound).default([]),
});

const iso = (date: Date | null) => date?.toISOString() ?? null;
const date = (text: string | null) => (text ? new Date(text) : null);
const titleOf = (item: LockedItem) => item.latestRevision?.title ?? item.slug;

/** Why an item on the site is being unpublished: required then (see `archive`), shown on its 410 page. */
export const removalReason = z.string().trim().max(1000, "Reason must be 1,000 characters or fewer").default("");

/**
 * Archives the item. Archiving an item readers can see unpublishes it (decision 027): that needs a
 * reason, and its address then answers 410 Gone with the reason, or redirects to `redirectPath`.
 */
export async function archive(ctx: StaffContext, input: { itemId: string; reason?: string; redirectPath?: string }) {
  return ctx.db.$transaction(async (tx) => {
    const item = await lockItem(tx, input.itemId);
    assertCanTake("archive", ctx.user, item);
    const now = new Date();
    const wasOnSite = await isVisibleAt(tx, item.id, now);
    const reason = input.reason?.trim() ?? "";
    if (wasOnSite && !reason) {
      throw new AppError("BAD_REQUEST", "Enter why it is being unpublished", {
        reason: "Enter why it is being unpublished: readers see this at its old address",
      });
    }
    const redirectPath = wasOnSite
      ? await checkSitePath(tx, input.redirectPath ?? "", { field: "redirectPath", itemId: item.id, now })
      : null;
    const openRounds = await tx.reviewRound.findMany({
      where: { status: "IN_PROGRESS", revision: { itemId: item.id } },
      select: { id: true, stepName: true, stepGroupId: true },
    });
    const before: z.output<typeof archivedFrom> = {
      status: item.status,
      latestRevisionId: item.latestRevisionId,
      liveRevisionId: item.liveRevisionId,
      liveSince: iso(item.liveSince),
      scheduledRevisionId: item.scheduledRevisionId,
      publishAt: iso(item.publishAt),
      unpublishAt: iso(item.unpublishAt),
      openRounds,
    };
    await closeOpenRounds(tx, item.id);
    await tx.contentItem.update({
      where: { id: item.id },
      data: {
        status: "ARCHIVED",
        archivedAt: now,
        archivedFrom: before,
        // What its address answers from now on: set only when readers could see it (decision 027).
        removalReason: wasOnSite ? reason : null,
        removalRedirectPath: redirectPath,
        liveRevisionId: null,
        liveSince: null,
        scheduledRevisionId: null,
        publishAt: null,
        unpublishAt: null,
      },
    });
    await recordAudit(tx, ctx, {
      action: workflow.archive.audit,
      targetType: "ContentItem",
      targetId: item.id,
      summary: `Archived "${titleOf(item)}"${wasOnSite ? `, taking it off the public site (${redirectPath ? `its address redirects to ${redirectPath}` : "its address answers that it was removed"}): ${reason}` : ""}`,
      data: { before, ...(wasOnSite ? { reason, redirectPath } : {}) },
    });
    return { status: "ARCHIVED" as const, archivedAt: now, wasOnSite };
  });
}

/**
 * Puts an archived item back exactly as archiving found it: status, live revision, schedules.
 * `archivedAt` names the archiving being undone (the one the person saw); anything since (it was
 * restored, or archived again) refuses the undo, and nothing changes.
 */
export async function undoArchive(ctx: StaffContext, input: { itemId: string; archivedAt: Date }) {
  return ctx.db.$transaction(async (tx) => {
    const item = await lockItem(tx, input.itemId);
    assertCanTake("undoArchive", ctx.user, item);
    const before = archivedFrom.safeParse(item.archivedFrom);
    const isSameArchiving = item.archivedAt?.getTime() === input.archivedAt.getTime();
    if (!before.success || !isSameArchiving || before.data.latestRevisionId !== item.latestRevisionId) {
      throw new AppError(
        "CONFLICT",
        "This item has changed since it was archived, so the archiving cannot be undone. Restore it as a draft instead.",
      );
    }
    const was = before.data;
    for (const round of was.openRounds) {
      await tx.reviewRound.update({
        where: { id: round.id },
        data: { status: "IN_PROGRESS", finishedAt: null, stepName: round.stepName, stepGroupId: round.stepGroupId },
      });
    }
    await tx.contentItem.update({
      where: { id: item.id },
      data: {
        status: was.status,
        archivedAt: null,
        archivedFrom: Prisma.DbNull,
        removalReason: null,
        removalRedirectPath: null,
        liveRevisionId: was.liveRevisionId,
        liveSince: date(was.liveSince),
        scheduledRevisionId: was.scheduledRevisionId,
        publishAt: date(was.publishAt),
        unpublishAt: date(was.unpublishAt),
      },
    });
    const isOnSite = await isVisibleAt(tx, item.id, new Date());
    await recordAudit(tx, ctx, {
      action: workflow.undoArchive.audit,
      targetType: "ContentItem",
      targetId: item.id,
      summary: `Undid the archiving of "${titleOf(item)}" (archived ${formatDateTime(input.archivedAt)})${isOnSite ? ": back on the public site" : ""}`,
      data: { restored: was },
    });
    return { status: was.status, isOnSite };
  });
}

/** Brings an archived item back as a draft of its latest revision, by the restore transition. */
export async function restoreFromArchive(ctx: StaffContext, input: { itemId: string }) {
  return ctx.db.$transaction(async (tx) => {
    const item = await lockItem(tx, input.itemId);
    assertCanTake("restore", ctx.user, item);
    if (item.status !== "ARCHIVED" || !item.latestRevisionId) {
      throw new AppError("CONFLICT", "This item is not archived. Reload the page to see its current state.");
    }
    return restoreInto(tx, ctx, item, item.latestRevisionId);
  });
}
