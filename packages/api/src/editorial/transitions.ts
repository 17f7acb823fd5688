import { recordAudit } from "../audit/record.ts";
import { AppError, notFound } from "../errors.ts";
import { assertLatest, type LockedItem, lockItem, type StaffContext, type Tx } from "./common.ts";
import { notifyAuthor } from "./notifications.ts";
import { passAccessibilityCheck } from "./accessibility-gate.ts";
import { assertCanTake, workflow } from "./workflow.ts";
import { isVisibleAt } from "../content/visibility.ts";
import { beginReview, decide } from "../workflows/rounds.ts";
import { formatDateTime } from "@observatory/time";
import { renewReviewDates } from "../review-due/service.ts";
import { queuePublicationAlerts } from "../alerts/sending.ts";
import { type ChangeChoice, isFirstPublication, recordChange } from "./publication-history.ts";

// The workflow's transitions. Each one locks the item, checks the state it starts from and the
// actor's right to make it, changes the pointers the public site reads (see content/visibility.ts),
// writes its audit event and queues its emails, all in one transaction.
//
// Status is the state of the latest revision (what editors work on). Decisions worth knowing:
// - Unpublishing takes the item off the site and leaves it APPROVED when its latest revision was the
//   one on show (it can be published again without another review); a pending draft stays as it is.
// - `publishedAt` (the date readers see) is provisional until an item first goes live: scheduling
//   a first publication sets it to the scheduled time, cancelling clears it, republishing keeps it.

type ItemRef = { itemId: string };
type RevisionRef = ItemRef & { revisionId: string };
/** Submitting and publishing may carry the reason the accessibility check's warnings can stand. */
type GatedRef = RevisionRef & { warningsReason?: string };
/** Publishing and scheduling over a page readers have seen say how the change is announced. */
type PublishRef = GatedRef & ChangeChoice;

export async function revisionWithAuthor(tx: Tx, revisionId: string) {
  const revision = await tx.revision.findUnique({
    where: { id: revisionId },
    include: { author: { select: { id: true, name: true, email: true } } },
  });
  if (!revision) throw notFound("That revision");
  return revision;
}

export async function submitForReview(ctx: StaffContext, input: GatedRef) {
  return ctx.db.$transaction(async (tx) => {
    const item = await lockItem(tx, input.itemId);
    assertCanTake("submit", ctx.user, item);
    assertLatest(item, input.revisionId);
    const draft = await revisionWithAuthor(tx, input.revisionId);
    await passAccessibilityCheck(tx, ctx, item.id, draft, input.warningsReason ?? "", "submitted");
    const revision = await tx.revision.update({
      where: { id: input.revisionId },
      // An autosaved working copy becomes a real revision once submitted.
      data: { submittedAt: new Date(), isAutosave: false },
      include: { author: { select: { id: true, name: true, email: true } } },
    });
    await recordAudit(tx, ctx, {
      action: workflow.submit.audit,
      targetType: "ContentItem",
      targetId: item.id,
      summary: `Submitted revision ${revision.number} of "${revision.title}" for review`,
      data: { revisionId: revision.id },
    });
    return beginReview(tx, ctx, item, revision);
  });
}

/** A reviewer's decision at the step the revision is waiting for (workflows/rounds.ts). */
export async function reviewDecision(
  ctx: StaffContext,
  input: RevisionRef & ({ decision: "approve"; comment: string } | { decision: "changes"; reason: string }),
) {
  return ctx.db.$transaction(async (tx) => {
    const item = await lockItem(tx, input.itemId);
    assertCanTake(input.decision === "approve" ? "approve" : "requestChanges", ctx.user, item);
    assertLatest(item, input.revisionId);
    const revision = await revisionWithAuthor(tx, input.revisionId);
    return decide(
      tx,
      ctx,
      item,
      revision,
      input.decision === "approve"
        ? { kind: "approve", comment: input.comment }
        : { kind: "changes", reason: input.reason },
    );
  });
}

/** The approved revision a publish or schedule refers to: the latest (when approved) or the scheduled one. */
async function publishableRevision(tx: Tx, item: LockedItem, revisionId: string, action: string) {
  const isLatestApproved =
    item.latestRevisionId === revisionId && (item.status === "APPROVED" || item.status === "SCHEDULED");
  if (!isLatestApproved && item.scheduledRevisionId !== revisionId) {
    throw new AppError(
      "CONFLICT",
      `Only an approved revision can be ${action}. This item is ${item.status === "PUBLISHED" ? "already published" : "not approved"}: reload the page to see its current state.`,
    );
  }
  const revision = await revisionWithAuthor(tx, revisionId);
  if (!revision.approvedAt) throw new AppError("CONFLICT", `Only an approved revision can be ${action}.`);
  return revision;
}

export async function publishNow(ctx: StaffContext, input: PublishRef) {
  return ctx.db.$transaction(async (tx) => {
    const item = await lockItem(tx, input.itemId);
    assertCanTake("publish", ctx.user, item);
    const revision = await publishableRevision(tx, item, input.revisionId, "published");
    await passAccessibilityCheck(tx, ctx, item.id, revision, input.warningsReason ?? "", "published");
    const now = await putLive(tx, item, revision, input);
    await recordAudit(tx, ctx, {
      action: workflow.publish.audit,
      targetType: "ContentItem",
      targetId: item.id,
      summary: `Published revision ${revision.number} of "${revision.title}"`,
      data: { revisionId: revision.id },
    });
    return { status: "PUBLISHED" as const, liveSince: now };
  });
}

/**
 * Puts `revision` on the public site now, in place of any schedule, and tells its author: the part
 * of publishing that publishing with and without review share.
 */
export async function putLive(
  tx: Tx,
  item: LockedItem,
  revision: Awaited<ReturnType<typeof revisionWithAuthor>>,
  change: ChangeChoice,
) {
  await recordChange(tx, item, revision, change);
  const now = new Date();
  await tx.contentItem.update({
    where: { id: item.id },
    data: {
      liveRevisionId: revision.id,
      liveSince: now,
      ...(isFirstPublication(item) ? { publishedAt: now } : {}),
      // A schedule left behind would replace what was just published.
      scheduledRevisionId: null,
      publishAt: null,
      ...(item.unpublishAt && item.unpublishAt <= now ? { unpublishAt: null } : {}),
      ...(item.latestRevisionId === revision.id ? { status: "PUBLISHED" } : {}),
    },
  });
  await renewReviewDates(tx, item.id, now);
  // Readers who asked to be told hear of an item when it first goes out and of each major change.
  await queuePublicationAlerts(tx, item.id, { first: isFirstPublication(item) });
  await notifyAuthor(tx, revision.author, item.id, revision.title, { kind: "published", when: formatDateTime(now) });
  return now;
}

export async function schedulePublication(ctx: StaffContext, input: PublishRef & { publishAt: Date }) {
  return ctx.db.$transaction(async (tx) => {
    const item = await lockItem(tx, input.itemId);
    assertCanTake("schedule", ctx.user, item);
    const revision = await publishableRevision(tx, item, input.revisionId, "scheduled");
    await passAccessibilityCheck(tx, ctx, item.id, revision, input.warningsReason ?? "", "scheduled");
    const now = new Date();
    if (input.publishAt <= now) {
      throw new AppError("BAD_REQUEST", "The publication time must be in the future", {
        publishAt: `The publication time must be in the future (it is now ${formatDateTime(now)}). To publish straight away, use Publish now`,
      });
    }
    if (item.unpublishAt && item.unpublishAt <= input.publishAt) {
      throw new AppError("BAD_REQUEST", "The publication time must be before the unpublication time", {
        publishAt: `The item is set to come off the site on ${formatDateTime(item.unpublishAt)}: choose an earlier time, or change that first`,
      });
    }
    await recordChange(tx, item, revision, input);
    await tx.contentItem.update({
      where: { id: item.id },
      data: {
        scheduledRevisionId: revision.id,
        publishAt: input.publishAt,
        ...(isFirstPublication(item) ? { publishedAt: input.publishAt } : {}),
        ...(item.latestRevisionId === revision.id ? { status: "SCHEDULED" } : {}),
      },
    });
    await recordAudit(tx, ctx, {
      action: workflow.schedule.audit,
      targetType: "ContentItem",
      targetId: item.id,
      summary: `Scheduled revision ${revision.number} of "${revision.title}" for ${formatDateTime(input.publishAt)}`,
      data: { revisionId: revision.id, publishAt: input.publishAt.toISOString() },
    });
    return { status: "SCHEDULED" as const, publishAt: input.publishAt };
  });
}

export async function cancelSchedule(ctx: StaffContext, input: ItemRef) {
  return ctx.db.$transaction(async (tx) => {
    const item = await lockItem(tx, input.itemId);
    const now = new Date();
    if (!item.scheduledRevisionId || !item.publishAt) {
      throw new AppError("CONFLICT", "This item has no scheduled publication to cancel.");
    }
    if (item.publishAt <= now) {
      throw new AppError(
        "CONFLICT",
        "Its scheduled time has passed, so it is already on the site: unpublish it instead.",
      );
    }
    await tx.contentItem.update({
      where: { id: item.id },
      data: {
        scheduledRevisionId: null,
        publishAt: null,
        ...(isFirstPublication(item) ? { publishedAt: null } : {}),
        ...(item.latestRevisionId === item.scheduledRevisionId ? { status: "APPROVED" } : {}),
      },
    });
    await recordAudit(tx, ctx, {
      action: "content.cancelSchedule",
      targetType: "ContentItem",
      targetId: item.id,
      summary: `Cancelled the publication scheduled for ${formatDateTime(item.publishAt)}`,
    });
    return { status: item.latestRevisionId === item.scheduledRevisionId ? ("APPROVED" as const) : item.status };
  });
}

/** Sets (or with null, clears) when the item comes off the public site. */
export async function scheduleUnpublish(ctx: StaffContext, input: ItemRef & { unpublishAt: Date | null }) {
  return ctx.db.$transaction(async (tx) => {
    const item = await lockItem(tx, input.itemId);
    assertCanTake("scheduleUnpublish", ctx.user, item);
    const now = new Date();
    if (input.unpublishAt) {
      if (!item.liveRevisionId && !item.scheduledRevisionId) {
        throw new AppError(
          "CONFLICT",
          "This item is neither published nor scheduled, so there is nothing to unpublish.",
        );
      }
      if (input.unpublishAt <= now) {
        throw new AppError("BAD_REQUEST", "The unpublication time must be in the future", {
          unpublishAt: "The unpublication time must be in the future. To take it off the site now, use Unpublish",
        });
      }
      if (item.publishAt && input.unpublishAt <= item.publishAt) {
        throw new AppError("BAD_REQUEST", "The item cannot come off the site before it goes on", {
          unpublishAt: `It is scheduled to be published on ${formatDateTime(item.publishAt)}: choose a later time`,
        });
      }
    }
    await tx.contentItem.update({ where: { id: item.id }, data: { unpublishAt: input.unpublishAt } });
    await recordAudit(tx, ctx, {
      action: input.unpublishAt ? workflow.scheduleUnpublish.audit : "content.cancelUnpublish",
      targetType: "ContentItem",
      targetId: item.id,
      summary: input.unpublishAt
        ? `Set to come off the site on ${formatDateTime(input.unpublishAt)}`
        : "Cancelled the scheduled unpublication",
    });
    return { unpublishAt: input.unpublishAt };
  });
}

export async function unpublish(ctx: StaffContext, input: ItemRef) {
  return ctx.db.$transaction(async (tx) => {
    const item = await lockItem(tx, input.itemId);
    const now = new Date();
    if (!(await isVisibleAt(tx, item.id, now))) throw new AppError("CONFLICT", "This item is not on the public site.");
    const wasShowingLatest =
      item.latestRevisionId === item.liveRevisionId || item.latestRevisionId === item.scheduledRevisionId;
    await tx.contentItem.update({
      where: { id: item.id },
      data: {
        liveRevisionId: null,
        liveSince: null,
        scheduledRevisionId: null,
        publishAt: null,
        unpublishAt: null,
        ...(wasShowingLatest ? { status: "APPROVED" } : {}),
      },
    });
    await recordAudit(tx, ctx, {
      action: "content.unpublish",
      targetType: "ContentItem",
      targetId: item.id,
      summary: `Took "${item.latestRevision?.title ?? item.slug}" off the public site`,
    });
    return { status: wasShowingLatest ? ("APPROVED" as const) : item.status };
  });
}
