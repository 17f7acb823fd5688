import type { Context } from "../trpc.ts";
import { recordAudit } from "../audit/record.ts";
import { revisionAsPublished } from "../editorial/share-links.ts";
import { hashSignedToken, isSignedToken } from "../editorial/signed-tokens.ts";
import { AppError } from "../errors.ts";
import { queueEmail } from "../mail/outbox.ts";
import { hitRateLimit, waitInWords } from "../rate-limit.ts";
import { answerEmail } from "./emails.ts";
import { deadlineOf, MAX_COMMENTS, type Verdict, verdictLabels, verdicts } from "./rules.ts";
import { type Closure, closureSentences, closuresOf } from "./state.ts";

// The expert's side of a fact check (decision 028): no account, only the signed link from their
// email. While the request is open the link shows the revision asked about, as it will look, and
// takes one answer; once it has closed it says so (never a 404), and an answer sent then is refused
// with nothing stored.

type PublicContext = Pick<Context, "db" | "request">;

/** Per address and per link: enough for someone correcting their form, not for a flood. */
const LIMITS = { ip: { limit: 20, windowSeconds: 3600 }, link: { limit: 10, windowSeconds: 3600 } };

const invalidLink = () =>
  new AppError(
    "NOT_FOUND",
    "This fact-check link is not valid. Check that you opened the whole link from the email you were sent.",
  );

async function recipientOf(db: Context["db"], token: string) {
  if (!isSignedToken("fact-check", token)) throw invalidLink();
  const recipient = await db.factCheckRecipient.findUnique({
    where: { tokenHash: hashSignedToken(token) },
    select: {
      id: true,
      email: true,
      openedAt: true,
      answeredAt: true,
      verdict: true,
      comments: true,
      request: {
        select: {
          id: true,
          itemId: true,
          message: true,
          createdAt: true,
          closesAt: true,
          closedReason: true,
          requestedBy: { select: { name: true, email: true, deletedAt: true } },
          revision: { select: { id: true, number: true, title: true } },
        },
      },
    },
  });
  if (!recipient) throw invalidLink();
  return recipient;
}

type Recipient = Awaited<ReturnType<typeof recipientOf>>;

const closureOf = async (db: Context["db"], recipient: Recipient, now: Date): Promise<Closure | null> =>
  (await closuresOf(db, [recipient.request], now)).get(recipient.request) ?? null;

const answerOf = (recipient: Recipient) =>
  recipient.answeredAt && recipient.verdict
    ? {
        answeredAt: recipient.answeredAt,
        verdict: verdictLabels[recipient.verdict],
        comments: recipient.comments,
      }
    : null;

/** What the expert's link shows now: the draft and the form, their answer, or that it has closed. */
export async function openFactCheck(ctx: PublicContext, token: string, now = new Date()) {
  const recipient = await recipientOf(ctx.db, token);
  const { request } = recipient;
  const closure = await closureOf(ctx.db, recipient, now);
  const common = {
    title: request.revision.title,
    requesterName: request.requestedBy?.name ?? "The observatory",
    deadline: deadlineOf(request.closesAt),
    answer: answerOf(recipient),
  };
  if (closure) return { state: "closed" as const, ...common, reason: closureSentences[closure] };
  if (!recipient.openedAt) {
    await ctx.db.factCheckRecipient.updateMany({
      where: { id: recipient.id, openedAt: null },
      data: { openedAt: now },
    });
  }
  if (common.answer) return { state: "answered" as const, ...common };
  return {
    state: "open" as const,
    ...common,
    email: recipient.email,
    message: request.message,
    verdicts: verdicts.map((value) => ({ value, label: verdictLabels[value] })),
    maxComments: MAX_COMMENTS,
    article: await revisionAsPublished(ctx.db, request.revision.id, now),
  };
}

/** The expert's one answer: stored with the request (and so its revision), audited, mailed to the requester. */
export async function answerFactCheck(
  ctx: PublicContext,
  input: { token: string; verdict: Verdict; comments: string },
  now = new Date(),
) {
  for (const [key, limit] of [
    ...(ctx.request.ipHash ? [[`fact-check:ip:${ctx.request.ipHash}`, LIMITS.ip] as const] : []),
    [`fact-check:link:${hashSignedToken(input.token)}`, LIMITS.link] as const,
  ]) {
    const { allowed, retryAfterSeconds } = await hitRateLimit(ctx.db, key, limit, now);
    if (!allowed) {
      throw new AppError(
        "TOO_MANY_REQUESTS",
        `Too many answers have been sent. Try again in ${waitInWords(retryAfterSeconds)}.`,
      );
    }
  }
  const recipient = await recipientOf(ctx.db, input.token);
  const { request } = recipient;
  return ctx.db.$transaction(async (tx) => {
    // Withdrawing and publishing change the request's row: both wait for this answer, or it for them.
    await tx.$queryRaw`SELECT "id" FROM "FactCheckRequest" WHERE "id" = ${request.id} FOR UPDATE`;
    const current = await tx.factCheckRequest.findUniqueOrThrow({
      where: { id: request.id },
      select: { itemId: true, createdAt: true, closesAt: true, closedReason: true },
    });
    const closure = (await closuresOf(tx, [current], now)).get(current) ?? null;
    if (closure) {
      throw new AppError("CONFLICT", `This fact-check request has closed: ${closureSentences[closure]}`);
    }
    const { count } = await tx.factCheckRecipient.updateMany({
      where: { id: recipient.id, answeredAt: null },
      data: { answeredAt: now, verdict: input.verdict, comments: input.comments },
    });
    if (count === 0) throw new AppError("CONFLICT", "You have already answered this request.");
    await recordAudit(
      tx,
      { user: null, request: ctx.request },
      {
        action: "content.factCheckAnswer",
        targetType: "ContentItem",
        targetId: request.itemId,
        summary: `${recipient.email} answered the fact check of revision ${request.revision.number} of "${request.revision.title}": ${verdictLabels[input.verdict]}`,
        data: {
          factCheckRequestId: request.id,
          recipientId: recipient.id,
          revisionId: request.revision.id,
          verdict: input.verdict,
        },
      },
    );
    const requester = request.requestedBy;
    if (requester && !requester.deletedAt) {
      await queueEmail(
        tx,
        answerEmail({
          to: requester.email,
          requesterName: requester.name,
          expert: recipient.email,
          title: request.revision.title,
          itemId: request.itemId,
          verdict: input.verdict,
          comments: input.comments,
          revisionNumber: request.revision.number,
        }),
      );
    }
    return { answeredAt: now };
  });
}
