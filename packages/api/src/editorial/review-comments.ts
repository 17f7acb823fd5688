import type { Db } from "@observatory/db";
import { z } from "zod";
import { recordAudit } from "../audit/record.ts";
import { AppError, notFound } from "../errors.ts";
import { queueEmail } from "../mail/outbox.ts";
import { can } from "../permissions.ts";
import { adminLink, type StaffContext } from "./common.ts";

// Comments on a draft, between its reviewers and its author: about a passage of the body (quoted
// from it, so the comment still says what it meant after the text changes) or about one field;
// answered in threads; resolved when dealt with. Each stays with the revision it was made on.

export const commentFields = {
  body: "Body",
  title: "Title",
  summary: "Summary",
  workstreams: "Priorities",
  seoTitle: "Search engine title",
  seoDescription: "Search engine description",
} as const;
type CommentField = keyof typeof commentFields;

export const addCommentInput = z.object({
  itemId: z.string().min(1).max(40),
  revisionId: z.string().min(1).max(40),
  /** Replying: the thread's first comment. */
  parentId: z.string().max(40).default(""),
  field: z.enum(Object.keys(commentFields) as [CommentField, ...CommentField[]], {
    error: "Choose what the comment is about",
  }),
  quote: z.string().max(1000, "Quote 1,000 characters or fewer: the start of the passage is enough").default(""),
  text: z.string().trim().min(1, "Write your comment").max(4000, "Your comment must be 4,000 characters or fewer"),
});

const normalised = (text: string) => text.replace(/\s+/g, " ").trim();

const quotableFields = {
  bodyText: true,
  title: true,
  summary: true,
  seoTitle: true,
  seoDescription: true,
  workstreams: { select: { workstream: { select: { title: true } } } },
} as const;

type QuotableRevision = {
  bodyText: string | null;
  title: string;
  summary: string | null;
  seoTitle: string | null;
  seoDescription: string | null;
  workstreams: { workstream: { title: string } }[];
};

/** The text a quote must come from: the body's reader text, or the field's value. */
function quotable(revision: QuotableRevision, field: CommentField): string {
  if (field === "workstreams") return revision.workstreams.map((w) => w.workstream.title).join(", ");
  return (field === "body" ? revision.bodyText : (revision[field] ?? "")) || "";
}

export async function addComment(ctx: StaffContext, input: z.output<typeof addCommentInput>) {
  const revision = await ctx.db.revision.findFirst({
    where: { id: input.revisionId, itemId: input.itemId },
    select: { id: true, number: true, authorId: true, ...quotableFields },
  });
  if (!revision) throw notFound("That revision");
  const parent = input.parentId
    ? await ctx.db.reviewComment.findFirst({
        where: { id: input.parentId, revisionId: revision.id, parentId: null },
        select: { id: true, field: true, quote: true },
      })
    : null;
  if (input.parentId && !parent) throw notFound("The comment you are replying to");
  const quote = parent ? parent.quote : normalised(input.quote);
  const field = parent ? (parent.field as CommentField) : input.field;
  if (quote && !normalised(quotable(revision, field)).includes(quote)) {
    const message = `“${quote.slice(0, 80)}${quote.length > 80 ? "…" : ""}” is not in the ${commentFields[field].toLowerCase()} of revision ${revision.number}: copy the passage exactly, or leave it empty to comment on the whole ${commentFields[field].toLowerCase()}`;
    throw new AppError("BAD_REQUEST", message, { quote: message });
  }
  return ctx.db.$transaction(async (tx) => {
    const comment = await tx.reviewComment.create({
      data: {
        revisionId: revision.id,
        parentId: parent?.id ?? null,
        authorId: ctx.user.id,
        field,
        quote,
        text: input.text,
      },
    });
    await recordAudit(tx, ctx, {
      action: parent ? "content.replyToComment" : "content.comment",
      targetType: "ContentItem",
      targetId: input.itemId,
      summary: `${parent ? "Replied to a comment" : "Commented"} on the ${commentFields[field].toLowerCase()} of revision ${revision.number} of "${revision.title}"`,
      data: { revisionId: revision.id, commentId: comment.id },
    });
    // Everyone in the thread hears of it, and the revision's author, but not the person writing.
    const threadId = parent?.id ?? comment.id;
    const inThread = await tx.reviewComment.findMany({
      where: { OR: [{ id: threadId }, { parentId: threadId }] },
      select: { authorId: true },
    });
    const recipients = await tx.user.findMany({
      where: {
        id: { in: [revision.authorId, ...inThread.map((c) => c.authorId)], not: ctx.user.id },
        disabledAt: null,
      },
      select: { email: true, name: true },
    });
    for (const person of recipients) {
      await queueEmail(tx, {
        to: person.email,
        subject: `${ctx.user.name} ${parent ? "replied" : "commented"}: ${revision.title}`.slice(0, 200),
        text: `Hello ${person.name},\n\n${ctx.user.name} ${parent ? "replied to a comment" : "commented"} on the ${commentFields[field].toLowerCase()} of "${revision.title}" (revision ${revision.number})${quote ? `, about “${quote}”` : ""}:\n\n${input.text}\n\nSee the thread: ${adminLink(`/content/${input.itemId}/comments#comment-${threadId}`)}\n`,
      });
    }
    return { id: comment.id, threadId };
  });
}

/**
 * Marks a thread resolved (or open again). The people it concerns may: whoever started it, the
 * revision's author, and editors.
 */
export async function resolveComment(ctx: StaffContext, input: { id: string; resolved: boolean }) {
  const comment = await ctx.db.reviewComment.findFirst({
    where: { id: input.id, parentId: null },
    select: {
      id: true,
      authorId: true,
      resolvedAt: true,
      revision: { select: { itemId: true, number: true, title: true, authorId: true } },
    },
  });
  if (!comment) throw notFound("That comment");
  const mayResolve =
    comment.authorId === ctx.user.id ||
    comment.revision.authorId === ctx.user.id ||
    can(ctx.user.role, "content.editAny");
  if (!mayResolve) {
    throw new AppError(
      "FORBIDDEN",
      "Only the person who started the thread, the revision's author or an editor can resolve it.",
    );
  }
  if (Boolean(comment.resolvedAt) === input.resolved) return { id: comment.id };
  await ctx.db.$transaction(async (tx) => {
    await tx.reviewComment.update({
      where: { id: comment.id },
      data: input.resolved
        ? { resolvedAt: new Date(), resolvedById: ctx.user.id }
        : { resolvedAt: null, resolvedById: null },
    });
    await recordAudit(tx, ctx, {
      action: input.resolved ? "content.resolveComment" : "content.reopenComment",
      targetType: "ContentItem",
      targetId: comment.revision.itemId,
      summary: `${input.resolved ? "Resolved" : "Reopened"} a comment on revision ${comment.revision.number} of "${comment.revision.title}"`,
      data: { commentId: comment.id },
    });
  });
  return { id: comment.id };
}

/** The item's comment threads, newest revision first: each with its replies and whether it is resolved. */
export async function listComments(db: Db, itemId: string, revisionIds?: string[]) {
  const threads = await db.reviewComment.findMany({
    where: { parentId: null, revision: { itemId }, ...(revisionIds ? { revisionId: { in: revisionIds } } : {}) },
    select: {
      id: true,
      field: true,
      quote: true,
      text: true,
      createdAt: true,
      resolvedAt: true,
      authorId: true,
      author: { select: { name: true } },
      resolvedBy: { select: { name: true } },
      revision: { select: { id: true, number: true, authorId: true } },
      replies: {
        select: { id: true, text: true, createdAt: true, author: { select: { name: true } } },
        orderBy: { createdAt: "asc" },
      },
    },
    orderBy: [{ revision: { number: "desc" } }, { createdAt: "asc" }],
  });
  return threads.map((t) => ({
    id: t.id,
    revisionId: t.revision.id,
    revisionNumber: t.revision.number,
    field: t.field,
    fieldLabel: commentFields[t.field as CommentField] ?? t.field,
    quote: t.quote,
    text: t.text,
    createdAt: t.createdAt,
    authorName: t.author.name,
    authorId: t.authorId,
    revisionAuthorId: t.revision.authorId,
    resolvedAt: t.resolvedAt,
    resolvedByName: t.resolvedBy?.name ?? null,
    replies: t.replies.map((r) => ({ id: r.id, text: r.text, createdAt: r.createdAt, authorName: r.author.name })),
  }));
}
