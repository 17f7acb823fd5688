import type { Role } from "@observatory/db";
import { z } from "zod";
import { recordAudit } from "../audit/record.ts";
import { kindSections } from "../content/kinds.ts";
import { awaitingLabel, type LockedItem, lockItem, type StaffContext, type Tx } from "../editorial/common.ts";
import { notifyAuthor, notifyReviewers } from "../editorial/notifications.ts";
import { workflow } from "../editorial/workflow.ts";
import { AppError } from "../errors.ts";
import { workflowFor } from "./definitions.ts";
import { groupMembers } from "./groups.ts";

// A review round: one pass of a submitted revision through its workflow. Submitting starts one with
// the workflow's steps copied in; each step waits for one member of its group, or all of them; a
// request for changes at any step ends the round, and the author's next submission starts a new one.
//
// Rules that hold at every step:
// - nobody decides on their own revision;
// - each person decides once per round (so a person in two groups cannot sign off two steps alone);
// - membership is read when a decision is made: someone added to "Clinical reviewers" today can sign
//   off an item that has been waiting since last week.

const roundSteps = z.array(z.object({ name: z.string(), groupId: z.string(), requirement: z.enum(["ANY", "ALL"]) }));
export type RoundStep = z.output<typeof roundSteps>[number];

const stepsOf = (stored: unknown): RoundStep[] => roundSteps.parse(stored);

type RevisionForRound = { id: string; number: number; title: string; authorId: string; author: { name: string } };
type Round = Awaited<ReturnType<typeof openRoundOf>> & {};

export async function openRoundOf(tx: Tx, revisionId: string) {
  return tx.reviewRound.findFirst({ where: { revisionId, status: "IN_PROGRESS" }, orderBy: { startedAt: "desc" } });
}

/** Ends any review of the item's earlier revisions: a save, a restore or an archive supersedes them. */
export async function closeOpenRounds(tx: Tx, itemId: string) {
  await tx.reviewRound.updateMany({
    where: { status: "IN_PROGRESS", revision: { itemId } },
    data: { status: "CLOSED", finishedAt: new Date(), stepName: null, stepGroupId: null },
  });
}

/**
 * Starts reviewing `revision` on the workflow that applies to the item now, and tells the first
 * step's group. Null when no workflow reviews this kind of content.
 */
export async function startRound(tx: Tx, item: LockedItem, revision: RevisionForRound) {
  const tags = await tx.revisionWorkstream.findMany({
    where: { revisionId: revision.id },
    select: { workstreamId: true },
  });
  const workflow = await workflowFor(
    tx,
    item.kind,
    tags.map((t) => t.workstreamId),
  );
  const first = workflow?.steps[0];
  if (!workflow || !first) return null;
  const steps: RoundStep[] = workflow.steps.map((s) => ({
    name: s.name,
    groupId: s.groupId,
    requirement: s.requirement,
  }));
  const round = await tx.reviewRound.create({
    data: {
      revisionId: revision.id,
      workflowId: workflow.id,
      workflowName: workflow.name,
      workflowVersion: workflow.version,
      steps,
      stepIndex: 0,
      stepName: first.name,
      stepGroupId: first.groupId,
    },
  });
  await notifyStep(tx, item, revision, [], first);
  return round;
}

/** Tells `step`'s group, but not the author nor anyone who has already decided in this round. */
async function notifyStep(tx: Tx, item: LockedItem, revision: RevisionForRound, decidedBy: string[], step: RoundStep) {
  const skip = new Set([revision.authorId, ...decidedBy]);
  const recipients = (await groupMembers(tx, step.groupId)).filter((m) => !skip.has(m.id));
  await notifyReviewers(
    tx,
    { id: item.id, title: revision.title, authorName: revision.author.name },
    recipients,
    step.name,
  );
}

/**
 * Where the round stands: its steps, who decided what, who may still act at the waiting step, and
 * why `user` may not (null when they may).
 */
export async function roundState(tx: Tx, round: Round, authorId: string, user: { id: string; role: Role }) {
  const steps = stepsOf(round.steps);
  const index = round.stepIndex;
  const step = steps[index];
  if (!step)
    throw new AppError("CONFLICT", "This review has no step waiting. Reload the page to see its current state.");
  const [reviews, members, group] = await Promise.all([
    tx.review.findMany({
      where: { roundId: round.id },
      include: { reviewer: { select: { name: true } } },
      orderBy: { createdAt: "asc" },
    }),
    groupMembers(tx, step.groupId),
    tx.reviewGroup.findUnique({ where: { id: step.groupId }, select: { name: true } }),
  ]);
  const decidedBy = new Set(reviews.map((r) => r.reviewerId));
  const decidedEarlier = new Set(reviews.filter((r) => r.stepIndex < index).map((r) => r.reviewerId));
  const approvedHere = new Set(
    reviews.filter((r) => r.stepIndex === index && r.decision === "APPROVED").map((r) => r.reviewerId),
  );
  // Who may still act here, and (for a step every member must approve) whose approval is missing.
  const eligible = members.filter((m) => m.id !== authorId && !decidedBy.has(m.id));
  const required = members.filter((m) => m.id !== authorId && !decidedEarlier.has(m.id));
  const stillNeeded = step.requirement === "ALL" ? required.filter((m) => !approvedHere.has(m.id)) : [];
  const groupName = group?.name ?? "a group that no longer exists";
  const isMember = members.some((m) => m.id === user.id);
  const refusal =
    user.id === authorId
      ? "You cannot review your own revision: someone else must."
      : decidedBy.has(user.id)
        ? "You have already given your decision on this revision."
        : !isMember
          ? `This revision is ${awaitingLabel(step.name).toLowerCase()}, which only members of ${groupName} can give.`
          : null;
  return { steps, index, step, groupName, reviews, eligible, stillNeeded, refusal };
}

export type RoundState = Awaited<ReturnType<typeof roundState>>;

/** Records `ctx.user`'s decision at the waiting step and moves the round (and the item) on. */
export async function decide(
  tx: Tx,
  ctx: StaffContext,
  item: LockedItem,
  revision: RevisionForRound & { author: { name: string; email: string; id: string } },
  decision: { kind: "approve"; comment: string } | { kind: "changes"; reason: string },
) {
  const round = await openRoundOf(tx, revision.id);
  if (!round) {
    throw new AppError(
      "CONFLICT",
      "This revision is not waiting for a review decision. Reload the page to see its current state.",
    );
  }
  const state = await roundState(tx, round, revision.authorId, ctx.user);
  if (state.refusal) throw new AppError("FORBIDDEN", state.refusal);
  const { step, index, steps } = state;
  const target = { targetType: "ContentItem", targetId: item.id } as const;
  const what = `revision ${revision.number} of "${revision.title}"`;
  await tx.review.create({
    data: {
      revisionId: revision.id,
      roundId: round.id,
      reviewerId: ctx.user.id,
      stepIndex: index,
      stepName: step.name,
      decision: decision.kind === "changes" ? "CHANGES_REQUESTED" : "APPROVED",
      reason: (decision.kind === "changes" ? decision.reason : decision.comment) || null,
    },
  });

  if (decision.kind === "changes") {
    await finishRound(tx, round.id, "CHANGES_REQUESTED");
    await tx.contentItem.update({ where: { id: item.id }, data: { status: "CHANGES_REQUESTED" } });
    await recordAudit(tx, ctx, {
      action: workflow.requestChanges.audit,
      ...target,
      summary: `Requested changes to ${what} at ${step.name}`,
      data: { revisionId: revision.id, step: step.name, reason: decision.reason },
    });
    await notifyAuthor(tx, revision.author, item.id, revision.title, {
      kind: "changesRequested",
      reason: decision.reason,
      step: step.name,
    });
    return { status: "CHANGES_REQUESTED" as const, awaiting: null };
  }
  const missing = state.stillNeeded.filter((m) => m.id !== ctx.user.id);
  if (missing.length > 0) {
    await recordAudit(tx, ctx, {
      action: "content.approveStep",
      ...target,
      summary: `Approved ${what} at ${step.name}; waiting for ${missing.length} more`,
      data: { revisionId: revision.id, step: step.name },
    });
    return { status: "IN_REVIEW" as const, awaiting: step.name };
  }
  const next = steps[index + 1];
  if (next) {
    await tx.reviewRound.update({
      where: { id: round.id },
      data: { stepIndex: index + 1, stepName: next.name, stepGroupId: next.groupId, stepStartedAt: new Date() },
    });
    await recordAudit(tx, ctx, {
      action: "content.approveStep",
      ...target,
      summary: `Approved ${what} at ${step.name}; ${next.name} next`,
      data: { revisionId: revision.id, step: step.name, next: next.name },
    });
    const decidedBy = [...state.reviews.map((r) => r.reviewerId), ctx.user.id];
    await notifyStep(tx, item, revision, decidedBy, next);
    return { status: "IN_REVIEW" as const, awaiting: next.name };
  }
  await finishRound(tx, round.id, "APPROVED");
  await approve(tx, ctx, item, revision, `Approved ${what}${steps.length > 1 ? ` (last step: ${step.name})` : ""}`);
  return { status: "APPROVED" as const, awaiting: null };
}

async function finishRound(tx: Tx, roundId: string, status: "APPROVED" | "CHANGES_REQUESTED") {
  await tx.reviewRound.update({
    where: { id: roundId },
    data: { status, finishedAt: new Date(), stepName: null, stepGroupId: null },
  });
}

/** The revision has passed review (or needs none): editors may publish it. */
async function approve(
  tx: Tx,
  ctx: StaffContext,
  item: LockedItem,
  revision: RevisionForRound & { author: { name: string; email: string } },
  summary: string,
) {
  const now = new Date();
  await tx.revision.update({
    where: { id: revision.id },
    data: { approvedAt: now, approvedById: ctx.user.id },
  });
  await tx.contentItem.update({ where: { id: item.id }, data: { status: "APPROVED" } });
  await recordAudit(tx, ctx, {
    action: workflow.approve.audit,
    targetType: "ContentItem",
    targetId: item.id,
    summary,
    data: { revisionId: revision.id },
  });
  await notifyAuthor(tx, revision.author, item.id, revision.title, { kind: "approved" });
}

/**
 * Submitting: the revision starts a round on its workflow, or, where no workflow reviews this kind
 * of content, is approved at once (the administrators chose to have no review for it).
 */
export async function beginReview(
  tx: Tx,
  ctx: StaffContext,
  item: LockedItem,
  revision: RevisionForRound & { author: { name: string; email: string } },
) {
  const round = await startRound(tx, item, revision);
  if (round) {
    await tx.contentItem.update({ where: { id: item.id }, data: { status: "IN_REVIEW" } });
    return { status: "IN_REVIEW" as const, awaiting: round.stepName };
  }
  await approve(
    tx,
    ctx,
    item,
    revision,
    `Approved revision ${revision.number} of "${revision.title}" on submission: no workflow reviews ${kindSections[item.kind].label.toLowerCase()}`,
  );
  return { status: "APPROVED" as const, awaiting: null };
}

/**
 * An administrator moves an item in review onto the workflow that applies to it now (after the
 * workflow changed, or a group can no longer decide): the round so far is closed, and review starts
 * again at the first step. Earlier decisions stay in the history.
 */
export async function moveReview(ctx: StaffContext, itemId: string) {
  return ctx.db.$transaction(async (tx) => {
    const item = await lockItem(tx, itemId);
    const revision = item.latestRevision;
    const round = revision && item.status === "IN_REVIEW" ? await openRoundOf(tx, revision.id) : null;
    if (!revision || !round) {
      throw new AppError("CONFLICT", "This item is not in review, so there is nothing to move. Reload the page.");
    }
    const full = await tx.revision.findUniqueOrThrow({
      where: { id: revision.id },
      include: { author: { select: { id: true, name: true, email: true } } },
    });
    await closeOpenRounds(tx, item.id);
    const next = await startRound(tx, item, full);
    if (!next) {
      throw new AppError(
        "CONFLICT",
        `No workflow reviews ${kindSections[item.kind].label.toLowerCase()} now. Attach one before moving this item.`,
      );
    }
    await recordAudit(tx, ctx, {
      action: "content.reviewMoved",
      targetType: "ContentItem",
      targetId: item.id,
      summary: `Moved the review of "${full.title}" from "${round.workflowName}" (version ${round.workflowVersion}, at ${round.stepName}) to "${next.workflowName}" (version ${next.workflowVersion}), starting at ${next.stepName}`,
      data: { revisionId: full.id, fromRoundId: round.id, toRoundId: next.id },
    });
    return { awaiting: next.stepName };
  });
}
