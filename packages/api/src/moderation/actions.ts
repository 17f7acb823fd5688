import type { CommentStatus, Db } from "@observatory/db";
import { z } from "zod";
import { recordAudit } from "../audit/record.ts";
import { AppError } from "../errors.ts";
import type { Context } from "../trpc.ts";
import { queuePublishedEmail } from "../comments/notifications.ts";
import { commentStatuses } from "./queue.ts";
import { blockSenderOf } from "../comments/settings.ts";
import { MAX_COMMENT_LENGTH } from "../comments/public-service.ts";

// Moderation decisions. Every action names the state the moderator saw (status and updatedAt); the
// rows are locked, compared with it and changed in one transaction, so of two moderators acting on
// the same comment at once exactly one wins and the other is told what happened instead.

type Actor = Pick<Context, "db" | "request"> & { user: { id: string; name: string; email: string } };
type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** What the moderator saw: the action applies only if the comment is still exactly so. */
export const seenComment = z.object({
  id: z.string().min(1).max(100),
  status: z.enum(commentStatuses),
  updatedAt: z.coerce.date(),
});
export type SeenComment = z.infer<typeof seenComment>;

export const reasonInput = z.string().trim().max(1000, "The reason must be 1,000 characters or fewer").optional();

export type Decision = "approve" | "reject" | "spam" | "trash" | "restore" | "delete";

/** The decisions that move a comment to one status; restoring brings back the one it had before the trash. */
const targetStatus: Record<Exclude<Decision, "delete" | "restore">, CommentStatus> = {
  approve: "APPROVED",
  reject: "REJECTED",
  spam: "SPAM",
  trash: "TRASH",
};

const pastTense: Record<Decision, string> = {
  approve: "approved",
  reject: "rejected",
  spam: "marked as spam",
  trash: "moved to the trash",
  restore: "restored from the trash",
  delete: "deleted",
};

const auditAction: Record<Decision, string> = {
  approve: "comment.approved",
  reject: "comment.rejected",
  spam: "comment.markedSpam",
  trash: "comment.trashed",
  restore: "comment.restored",
  delete: "comment.deleted",
};

export const statusWords: Record<CommentStatus, string> = {
  PENDING: "pending",
  APPROVED: "approved",
  REJECTED: "rejected",
  SPAM: "spam",
  TRASH: "in the trash",
};

export type Failure = { id: string; reason: string };
export type BulkResult = { succeeded: string[]; failed: Failure[] };

type Current = {
  id: string;
  status: CommentStatus;
  updatedAt: Date;
  itemId: string;
  authorName: string;
  authorEmail: string;
  approvedAt: Date | null;
  notifyOnPublish: boolean;
  statusBeforeTrash: CommentStatus | null;
};

const currentFields = {
  id: true,
  status: true,
  updatedAt: true,
  itemId: true,
  authorName: true,
  authorEmail: true,
  approvedAt: true,
  notifyOnPublish: true,
  statusBeforeTrash: true,
} as const;

/** Why `seen` can no longer be acted on, or null when it still can. */
function refusal(seen: SeenComment, current: Current | undefined, decision: Decision): string | null {
  if (!current) return "This comment no longer exists: someone has deleted it.";
  if (current.status !== seen.status)
    return `Someone else has already moderated this comment: it is now ${statusWords[current.status]}. Nothing was changed.`;
  if (current.updatedAt.getTime() !== seen.updatedAt.getTime())
    return "Someone else has changed this comment since you opened it. Reload the queue to see it. Nothing was changed.";
  if (decision === "restore")
    return current.status === "TRASH"
      ? null
      : `This comment is not in the trash: it is ${statusWords[current.status]}.`;
  if (decision === "delete") return null;
  if (current.status === targetStatus[decision]) return `This comment is already ${statusWords[current.status]}.`;
  // A comment in the trash comes back as it was before anything else is decided about it.
  if (current.status === "TRASH") return "This comment is in the trash: restore it first. Nothing was changed.";
  return null;
}

/**
 * Applies one decision to each comment the moderator saw, in one transaction: the rows are locked
 * (in id order, so concurrent bulk actions cannot deadlock), each is checked against what was seen,
 * and only those still as seen change. Returns which succeeded and why the others did not.
 */
export async function moderateMany(
  ctx: Actor,
  decision: Decision,
  seen: SeenComment[],
  reason?: string,
): Promise<BulkResult> {
  const unique = [...new Map(seen.map((s) => [s.id, s])).values()];
  const ids = unique.map((s) => s.id).sort();
  return ctx.db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "Comment" WHERE "id" = ANY(${ids}::text[]) ORDER BY "id" FOR UPDATE`;
    const rows = await tx.comment.findMany({ where: { id: { in: ids } }, select: currentFields });
    const current = new Map(rows.map((r) => [r.id, r]));
    const failed: Failure[] = [];
    const eligible: Current[] = [];
    for (const s of unique) {
      const row = current.get(s.id);
      const why = refusal(s, row, decision);
      if (why || !row) failed.push({ id: s.id, reason: why ?? "This comment no longer exists." });
      else eligible.push(row);
    }
    if (eligible.length) await apply(tx, ctx, decision, eligible, reason);
    return { succeeded: eligible.map((r) => r.id), failed };
  });
}

async function apply(tx: Tx, ctx: Actor, decision: Decision, rows: Current[], reason?: string) {
  const now = new Date();
  const ids = rows.map((r) => r.id);
  const note = reason?.trim() || null;
  if (decision === "delete") {
    const replies = await tx.comment.groupBy({
      by: ["parentId"],
      where: { parentId: { in: ids } },
      _count: { _all: true },
    });
    const repliesOf = new Map(replies.map((r) => [r.parentId, r._count._all]));
    // Replies go with their comment (the foreign key cascades): a thread without its start makes no sense.
    await tx.comment.deleteMany({ where: { id: { in: ids } } });
    for (const row of rows) {
      const replyCount = repliesOf.get(row.id) ?? 0;
      await recordAudit(tx, ctx, {
        action: auditAction.delete,
        targetType: "Comment",
        targetId: row.id,
        summary: `Deleted permanently a ${statusWords[row.status]} comment by ${row.authorName}${replyCount ? ` and ${replyCount} direct ${replyCount === 1 ? "reply" : "replies"}` : ""}`,
        data: { itemId: row.itemId, status: row.status, directReplies: replyCount },
      });
    }
    return;
  }
  if (decision === "trash" || decision === "restore") return moveTrash(tx, ctx, decision, rows, now);
  const status = targetStatus[decision];
  await tx.comment.updateMany({
    where: { id: { in: ids } },
    data: {
      status,
      moderatedById: ctx.user.id,
      moderatedAt: now,
      moderationNote: decision === "approve" ? undefined : note,
    },
  });
  if (decision === "approve") {
    // The first publication sets approvedAt; re-approving keeps the original date.
    await tx.comment.updateMany({ where: { id: { in: ids }, approvedAt: null }, data: { approvedAt: now } });
  }
  for (const row of rows) {
    await recordAudit(tx, ctx, {
      action: auditAction[decision],
      targetType: "Comment",
      targetId: row.id,
      summary: `${capitalise(pastTense[decision])} a comment by ${row.authorName}${note && decision !== "approve" ? ` (${note})` : ""}`,
      data: { from: row.status, to: status, ...(note && decision !== "approve" ? { reason: note } : {}) },
    });
    if (decision === "approve" && row.notifyOnPublish && row.approvedAt === null) await queuePublishedEmail(tx, row);
  }
}

/**
 * Moves comments to the trash (remembering each one's status) or back out of it. Who last decided
 * their status and when stays as it was: the trash is not a moderation decision, only a bin.
 */
async function moveTrash(tx: Tx, ctx: Actor, decision: "trash" | "restore", rows: Current[], now: Date) {
  const statusOf = (r: Current) => (decision === "trash" ? r.status : (r.statusBeforeTrash ?? "PENDING"));
  for (const status of new Set(rows.map(statusOf))) {
    await tx.comment.updateMany({
      where: { id: { in: rows.filter((r) => statusOf(r) === status).map((r) => r.id) } },
      data:
        decision === "trash"
          ? { status: "TRASH", trashedAt: now, statusBeforeTrash: status }
          : { status, trashedAt: null, statusBeforeTrash: null },
    });
  }
  for (const row of rows) {
    const to = decision === "trash" ? "TRASH" : (row.statusBeforeTrash ?? "PENDING");
    await recordAudit(tx, ctx, {
      action: auditAction[decision],
      targetType: "Comment",
      targetId: row.id,
      summary: `${capitalise(pastTense[decision])} a comment by ${row.authorName}${decision === "restore" ? ` (now ${statusWords[to]})` : ""}`,
      data: { from: row.status, to },
    });
  }
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** One comment: as moderateMany, but a refusal is an error the moderator sees. */
async function moderateOne(ctx: Actor, decision: Decision, seen: SeenComment, reason?: string): Promise<void> {
  const { failed } = await moderateMany(ctx, decision, [seen], reason);
  const [failure] = failed;
  if (failure) throw new AppError("CONFLICT", failure.reason);
}

export const approveComment = (ctx: Actor, seen: SeenComment) => moderateOne(ctx, "approve", seen);
export const rejectComment = (ctx: Actor, seen: SeenComment, reason?: string) =>
  moderateOne(ctx, "reject", seen, reason);
export const markSpam = (ctx: Actor, seen: SeenComment, reason?: string) => moderateOne(ctx, "spam", seen, reason);
export const trashComment = (ctx: Actor, seen: SeenComment) => moderateOne(ctx, "trash", seen);
export const restoreComment = (ctx: Actor, seen: SeenComment) => moderateOne(ctx, "restore", seen);
export const deleteComment = (ctx: Actor, seen: SeenComment) => moderateOne(ctx, "delete", seen);

/** Locks the comment the moderator saw and returns it, or says why it can no longer be changed. */
async function lockAsSeen(tx: Tx, seen: SeenComment) {
  await tx.$queryRaw`SELECT "id" FROM "Comment" WHERE "id" = ${seen.id} FOR UPDATE`;
  const row = await tx.comment.findUnique({
    where: { id: seen.id },
    select: { ...currentFields, body: true, staffAuthorId: true },
  });
  const why = refusal(seen, row ?? undefined, "delete");
  if (why || !row) throw new AppError("CONFLICT", why ?? "This comment no longer exists.");
  return row;
}

export const redactInput = seenComment.extend({
  phrase: z.string().trim().min(1, "Enter the words to remove").max(500, "Enter 500 characters or fewer to remove"),
  replacement: z.string().trim().max(50, "The replacement must be 50 characters or fewer").default("[removed]"),
});

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Replaces every occurrence of a phrase (whatever its case) in a comment's text. The audit event
 * keeps the original text, so nothing is lost to the record, only to the public.
 */
export async function redactComment(ctx: Actor, input: z.input<typeof redactInput>): Promise<{ body: string }> {
  const { phrase, replacement, ...seen } = redactInput.parse(input);
  return ctx.db.$transaction(async (tx) => {
    const row = await lockAsSeen(tx, seen);
    const pattern = new RegExp(escapeRegExp(phrase), "giu");
    if (!pattern.test(row.body))
      throw new AppError("BAD_REQUEST", "Those words are not in the comment.", {
        phrase: "Enter words that appear in the comment",
      });
    const body = row.body.replace(pattern, replacement);
    await tx.comment.update({
      where: { id: row.id },
      data: { body, moderatedById: ctx.user.id, moderatedAt: new Date() },
    });
    await recordAudit(tx, ctx, {
      action: "comment.redacted",
      targetType: "Comment",
      targetId: row.id,
      summary: `Redacted a comment by ${row.authorName}`,
      data: { originalBody: row.body, body, phrase },
    });
    return { body };
  });
}

export const editInput = seenComment.extend({
  authorName: z
    .string()
    .trim()
    .min(1, "Enter the name to show")
    .max(100, "The name must be 100 characters or fewer")
    .refine((name) => !/[\r\n]/.test(name), "The name must be on one line"),
  body: z
    .string()
    .trim()
    .min(1, "Enter the comment's text")
    .max(MAX_COMMENT_LENGTH, `The comment must be ${MAX_COMMENT_LENGTH.toLocaleString("en-GB")} characters or fewer`),
});

/**
 * Changes a comment's text and the name shown with it. The audit event keeps both as they were,
 * as a redaction's does: the trail of every version of a comment is its audit events.
 */
export async function editComment(ctx: Actor, input: z.input<typeof editInput>): Promise<void> {
  const { authorName, body, ...seen } = editInput.parse(input);
  const text = body.replace(/\r\n/g, "\n");
  await ctx.db.$transaction(async (tx) => {
    const row = await lockAsSeen(tx, seen);
    // A staff reply is shown under the observatory's name, whatever the name stored with it.
    const name = row.staffAuthorId ? row.authorName : authorName;
    if (name === row.authorName && text === row.body)
      throw new AppError("BAD_REQUEST", "Nothing was changed.", { body: "Change the text or the name, then save" });
    await tx.comment.update({ where: { id: row.id }, data: { authorName: name, body: text } });
    const changed = [text !== row.body && "text", name !== row.authorName && "name"].filter(Boolean).join(" and ");
    await recordAudit(tx, ctx, {
      action: "comment.edited",
      targetType: "Comment",
      targetId: row.id,
      summary: `Edited the ${changed} of a comment by ${row.authorName}`,
      data: { originalBody: row.body, body: text, originalAuthorName: row.authorName, authorName: name },
    });
  });
}

export const replyInput = z.object({
  parentId: z.string().min(1).max(100),
  body: z.string().trim().min(1, "Enter your reply").max(2000, "A reply must be 2,000 characters or fewer"),
});

/** Publishes at once a reply from the observatory (shown under its name) to an approved comment. */
export async function replyAsStaff(ctx: Actor, input: z.input<typeof replyInput>): Promise<{ id: string }> {
  const { parentId, body } = replyInput.parse(input);
  return ctx.db.$transaction(async (tx) => {
    const parent = await tx.comment.findUnique({
      where: { id: parentId },
      select: { id: true, itemId: true, status: true, authorName: true },
    });
    if (!parent) throw new AppError("CONFLICT", "This comment no longer exists: someone has deleted it.");
    if (parent.status !== "APPROVED")
      throw new AppError("CONFLICT", "Approve the comment before replying: a reply is shown under its comment.");
    const now = new Date();
    const reply = await tx.comment.create({
      data: {
        itemId: parent.itemId,
        parentId: parent.id,
        authorName: ctx.user.name,
        authorEmail: ctx.user.email.toLowerCase(),
        body: body.replace(/\r\n/g, "\n"),
        status: "APPROVED",
        flags: ["staff-reply"],
        staffAuthorId: ctx.user.id,
        moderatedById: ctx.user.id,
        moderatedAt: now,
        approvedAt: now,
      },
      select: { id: true },
    });
    await recordAudit(tx, ctx, {
      action: "comment.staffReply",
      targetType: "Comment",
      targetId: reply.id,
      summary: `Replied as the observatory to ${parent.authorName}`,
      data: { parentId: parent.id },
    });
    return reply;
  });
}

/**
 * Marks a comment as spam (unless it already is) and blocks its sender's email address and IP hash,
 * so whatever they send next goes straight to spam.
 */
export async function blockSender(ctx: Actor, seen: SeenComment): Promise<void> {
  if (seen.status !== "SPAM") await markSpam(ctx, seen, "Sender blocked");
  const row = await ctx.db.comment.findUnique({
    where: { id: seen.id },
    select: { authorEmail: true, ipHash: true, staffAuthorId: true },
  });
  if (!row) throw new AppError("CONFLICT", "This comment no longer exists: someone has deleted it.");
  if (row.staffAuthorId) throw new AppError("BAD_REQUEST", "A reply from the observatory has no sender to block.");
  await blockSenderOf(ctx, { commentId: seen.id, email: row.authorEmail || null, ipHash: row.ipHash });
}
