import type { Db } from "@observatory/db";
import type { StaffContext } from "../editorial/common.ts";
import { awaitingLabel } from "../editorial/common.ts";
import { isOnEarlierVersion } from "./definitions.ts";
import { openRoundOf, roundState } from "./rounds.ts";

// What staff screens show of a review: the round the latest revision is in, step by step.

const requirementWords = { ANY: "one member", ALL: "every member" } as const;

/**
 * The review of the item's latest revision: each step with its decisions, the waiting step and who
 * may decide it, and whether the person asking may (or why not). Null when it is not in review.
 */
export async function reviewView(ctx: StaffContext, itemId: string) {
  const item = await ctx.db.contentItem.findUnique({
    where: { id: itemId },
    select: { status: true, latestRevision: { select: { id: true, authorId: true } } },
  });
  const revision = item?.latestRevision;
  if (!revision || item.status !== "IN_REVIEW") return null;
  const round = await openRoundOf(ctx.db, revision.id);
  if (!round) return null;
  const state = await roundState(ctx.db, round, revision.authorId, ctx.user);
  const groups = await ctx.db.reviewGroup.findMany({
    where: { id: { in: state.steps.map((s) => s.groupId) } },
    select: { id: true, name: true },
  });
  const current = await ctx.db.workflow.findUnique({
    where: { id: round.workflowId ?? "" },
    select: { version: true },
  });
  return {
    roundId: round.id,
    workflowName: round.workflowName,
    isEarlierVersion: isOnEarlierVersion(round, current),
    startedAt: round.startedAt,
    stepStartedAt: round.stepStartedAt,
    waitingLabel: awaitingLabel(state.step.name),
    steps: state.steps.map((step, index) => ({
      name: step.name,
      groupName: groups.find((g) => g.id === step.groupId)?.name ?? "a deleted group",
      requirement: requirementWords[step.requirement],
      state: index < state.index ? ("done" as const) : index === state.index ? ("waiting" as const) : ("next" as const),
      decisions: state.reviews
        .filter((r) => r.stepIndex === index)
        .map((r) => ({
          reviewerName: r.reviewer.name,
          decision: r.decision,
          comment: r.reason,
          at: r.createdAt,
        })),
    })),
    /** Who may still decide the waiting step. */
    whoMayAct: state.eligible.map((m) => m.name),
    /** For a step every member must approve: whose approval is missing. */
    stillNeeded: state.stillNeeded.map((m) => m.name),
    refusal: state.refusal,
  };
}

/** For the list, dashboard and editor: "Awaiting clinical sign-off" for items in review. */
export async function waitingStepNames(db: Db, revisionIds: string[]): Promise<Map<string, string>> {
  if (!revisionIds.length) return new Map();
  const rounds = await db.reviewRound.findMany({
    where: { revisionId: { in: revisionIds }, status: "IN_PROGRESS" },
    select: { revisionId: true, stepName: true },
  });
  return new Map(rounds.flatMap((r) => (r.stepName ? [[r.revisionId, r.stepName] as const] : [])));
}
