import type { Db } from "@observatory/db";
import { recordAudit } from "../audit/record.ts";
import { assertLatest, lockItem, type StaffContext } from "../editorial/common.ts";
import { issueSignedToken } from "../editorial/signed-tokens.ts";
import { assertCanTake, canTake, workflow } from "../editorial/workflow.ts";
import { AppError, notFound } from "../errors.ts";
import { queueEmail } from "../mail/outbox.ts";
import { requestEmail } from "./emails.ts";
import { closingInstant, deadlineOf, verdictLabels } from "./rules.ts";
import { closuresOf, recipientStatus, recipientStatusLabels } from "./state.ts";

// Fact-check requests from the staff side (decision 028): sending one for the latest revision of a
// draft, withdrawing it, and the list on the item's page. Whoever may edit the item may do each.

export async function sendFactCheckRequest(
  ctx: StaffContext,
  input: { itemId: string; revisionId: string; emails: string[]; message: string; deadline: string },
  now = new Date(),
) {
  const closesAt = closingInstant(input.deadline, now);
  return ctx.db.$transaction(async (tx) => {
    const item = await lockItem(tx, input.itemId);
    assertCanTake("requestFactCheck", ctx.user, item);
    const latest = assertLatest(item, input.revisionId);
    // The experts must read what stays: an autosaved working copy becomes a real revision.
    if (latest.isAutosave) await tx.revision.update({ where: { id: latest.id }, data: { isAutosave: false } });
    const request = await tx.factCheckRequest.create({
      data: {
        itemId: item.id,
        revisionId: latest.id,
        requestedById: ctx.user.id,
        message: input.message,
        closesAt,
        createdAt: now,
      },
      select: { id: true },
    });
    for (const email of input.emails) {
      const { token, tokenHash } = issueSignedToken("fact-check");
      await tx.factCheckRecipient.create({ data: { requestId: request.id, email, tokenHash } });
      // The token leaves only in this email; the database keeps its hash.
      await queueEmail(
        tx,
        requestEmail({
          to: email,
          token,
          title: latest.title,
          requesterName: ctx.user.name,
          message: input.message,
          closesAt,
        }),
      );
    }
    await recordAudit(tx, ctx, {
      action: workflow.requestFactCheck.audit,
      targetType: "ContentItem",
      targetId: item.id,
      summary: `Asked ${input.emails.join(", ")} to check the facts of revision ${latest.number} of "${latest.title}" by ${deadlineOf(closesAt)}`,
      data: {
        factCheckRequestId: request.id,
        revisionId: latest.id,
        emails: input.emails,
        closesAt: closesAt.toISOString(),
      },
    });
    return { id: request.id, closesAt, experts: input.emails.length };
  });
}

export async function withdrawFactCheckRequest(ctx: StaffContext, input: { id: string }, now = new Date()) {
  return ctx.db.$transaction(async (tx) => {
    const request = await tx.factCheckRequest.findUnique({
      where: { id: input.id },
      select: { id: true, itemId: true, createdAt: true, closesAt: true, closedReason: true },
    });
    if (!request) throw notFound("That fact-check request");
    const item = await lockItem(tx, request.itemId);
    if (!workflow.requestFactCheck.who.test(ctx.user, item)) {
      throw new AppError("FORBIDDEN", workflow.requestFactCheck.who.refusal);
    }
    const closure = (await closuresOf(tx, [request], now)).get(request) ?? null;
    if (closure) {
      throw new AppError("CONFLICT", "This request has already closed, so there is nothing to withdraw.");
    }
    // Only one withdrawal counts, however many people press the button at once.
    const { count } = await tx.factCheckRequest.updateMany({
      where: { id: request.id, closedAt: null },
      data: { closedAt: now, closedReason: "WITHDRAWN", closedById: ctx.user.id },
    });
    if (count === 0) throw new AppError("CONFLICT", "This request has just closed. Reload the page.");
    const recipients = await tx.factCheckRecipient.findMany({
      where: { requestId: request.id },
      select: { email: true },
      orderBy: { email: "asc" },
    });
    await recordAudit(tx, ctx, {
      action: "content.factCheckWithdraw",
      targetType: "ContentItem",
      targetId: request.itemId,
      summary: `Withdrew the fact-check request sent to ${recipients.map((r) => r.email).join(", ")}`,
      data: { factCheckRequestId: request.id },
    });
    return { closedAt: now };
  });
}

/** The item's fact-check requests, newest first, each expert's state and answer. */
export async function factChecksOf(ctx: StaffContext, itemId: string, now = new Date()) {
  const item = await ctx.db.contentItem.findUnique({
    where: { id: itemId },
    select: { id: true, status: true, createdById: true, latestRevision: { select: { id: true, number: true } } },
  });
  if (!item) throw notFound("That content item");
  const requests = await ctx.db.factCheckRequest.findMany({
    where: { itemId },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: {
      id: true,
      itemId: true,
      message: true,
      createdAt: true,
      closesAt: true,
      closedAt: true,
      closedReason: true,
      requestedBy: { select: { name: true } },
      closedBy: { select: { name: true } },
      revision: { select: { id: true, number: true } },
      recipients: {
        orderBy: { email: "asc" },
        select: { id: true, email: true, openedAt: true, answeredAt: true, verdict: true, comments: true },
      },
    },
  });
  const closures = await closuresOf(ctx.db, requests, now);
  const mayChange = workflow.requestFactCheck.who.test(ctx.user, item);
  return {
    canRequest: canTake("requestFactCheck", ctx.user, item),
    mayEdit: mayChange,
    latestRevision: item.latestRevision,
    requests: requests.map((row) => {
      const { recipients, ...request } = row;
      const closure = closures.get(row) ?? null;
      return {
        ...request,
        closure,
        deadline: deadlineOf(request.closesAt),
        // The answers are about this revision; the item may have moved on since.
        isLatestRevision: request.revision.id === item.latestRevision?.id,
        canWithdraw: mayChange && closure === null,
        recipients: recipients.map((recipient) => {
          const status = recipientStatus(recipient, closure);
          return {
            ...recipient,
            status,
            statusLabel: recipientStatusLabels[status],
            verdictLabel: recipient.verdict ? verdictLabels[recipient.verdict] : null,
          };
        }),
      };
    }),
  };
}

/** How many experts are still to answer, and how many answers there are, for the item's page. */
export async function factCheckCounts(db: Db, itemId: string, now = new Date()) {
  const requests = await db.factCheckRequest.findMany({
    where: { itemId },
    select: {
      itemId: true,
      createdAt: true,
      closesAt: true,
      closedReason: true,
      recipients: { select: { answeredAt: true } },
    },
  });
  const closures = await closuresOf(db, requests, now);
  let waiting = 0;
  let answered = 0;
  for (const request of requests) {
    for (const recipient of request.recipients) {
      const status = recipientStatus(recipient, closures.get(request) ?? null);
      if (status === "WAITING") waiting += 1;
      if (status === "ANSWERED") answered += 1;
    }
  }
  return { requests: requests.length, waiting, answered };
}
