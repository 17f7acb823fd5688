import { z } from "zod";
import { commenterReference, emailDigest } from "../audit/pseudonym.ts";
import { recordAudit } from "../audit/record.ts";
import { itemPath } from "../content/kinds.ts";
import { findSubscription } from "../alerts/admin.ts";
import type { Context } from "../trpc.ts";

// A reader's rights under UK GDPR: a copy of everything held under their email address (comments
// and email alerts), and its erasure. Erasure either deletes the comments (and the replies to them)
// or anonymises them: the text stays in its thread, but the name, email address, IP hash and
// notification wish are gone. An alert subscription is deleted either way.

type Actor = Pick<Context, "db" | "request"> & { user: { id: string } };

export const emailInput = z.object({
  email: z
    .string()
    .trim()
    .min(1, "Enter an email address")
    .max(254, "Email address must be 254 characters or fewer")
    .pipe(z.email("Enter an email address in the correct format, like name@example.com"))
    .transform((e) => e.toLowerCase()),
});

export const eraseInput = emailInput.extend({
  mode: z.enum(["delete", "anonymise"], "Choose whether to delete the comments or anonymise them"),
});

/** Shown in place of an erased commenter's name. */
export const ANONYMOUS_NAME = "Anonymous";

export async function exportCommentsByEmail(ctx: Actor, input: z.input<typeof emailInput>) {
  const { email } = emailInput.parse(input);
  const comments = await ctx.db.comment.findMany({
    where: { authorEmail: email, staffAuthorId: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      authorName: true,
      authorEmail: true,
      body: true,
      status: true,
      ipHash: true,
      flags: true,
      notifyOnPublish: true,
      moderationNote: true,
      moderatedAt: true,
      approvedAt: true,
      createdAt: true,
      updatedAt: true,
      parentId: true,
      item: { select: { kind: true, slug: true, liveRevision: { select: { title: true } } } },
    },
  });
  const alertSubscription = await findSubscription(ctx.db, email);
  await recordAudit(ctx.db, ctx, {
    action: "comment.personalDataExported",
    targetType: "Commenter",
    targetId: emailDigest(email),
    summary: `Exported ${comments.length} comment${comments.length === 1 ? "" : "s"} held under an email address`,
    data: { count: comments.length },
  });
  return {
    email,
    exportedAt: new Date().toISOString(),
    comments: comments.map(({ item, ...c }) => ({
      ...c,
      page: { title: item.liveRevision?.title ?? item.slug, path: itemPath(item.kind, item.slug) },
    })),
    alertSubscription: alertSubscription && {
      ...alertSubscription,
      priorities: alertSubscription.priorities.map((p) => p.workstream.title),
    },
  };
}

export async function eraseCommentsByEmail(
  ctx: Actor,
  input: z.input<typeof eraseInput>,
): Promise<{ count: number; mode: "delete" | "anonymise"; alertSubscriptionDeleted: boolean }> {
  const { email, mode } = eraseInput.parse(input);
  return ctx.db.$transaction(async (tx) => {
    const erased = await tx.comment.findMany({
      where: { authorEmail: email, staffAuthorId: null },
      select: { id: true, authorName: true },
    });
    await scrubAuditTrail(tx, email, erased);
    const result =
      mode === "delete"
        ? await tx.comment.deleteMany({ where: { authorEmail: email, staffAuthorId: null } })
        : await tx.comment.updateMany({
            where: { authorEmail: email, staffAuthorId: null },
            // An empty address can never be submitted, so erased comments never join anyone's history.
            data: { authorName: ANONYMOUS_NAME, authorEmail: "", ipHash: null, notifyOnPublish: false },
          });
    // Rate-limit counters are keyed by the address too, and the emails we sent it (publication
    // notices) repeat the name and the address; a member of staff's own mail is not a commenter's.
    await tx.rateLimitBucket.deleteMany({
      where: { key: { in: [`comment:email:${email}`, `alerts:email:${email}`] } },
    });
    const alerts = await tx.alertSubscription.deleteMany({ where: { email } });
    const isStaff = (await tx.user.count({ where: { email } })) > 0;
    const emails = isStaff ? { count: 0 } : await tx.emailMessage.deleteMany({ where: { to: email } });
    await recordAudit(tx, ctx, {
      action: "comment.personalDataErased",
      targetType: "Commenter",
      targetId: emailDigest(email),
      summary: `${mode === "delete" ? "Deleted" : "Anonymised"} ${result.count} comment${result.count === 1 ? "" : "s"} at a commenter's request`,
      data: { count: result.count, mode, emailsDeleted: emails.count, alertSubscriptionsDeleted: alerts.count },
    });
    return { count: result.count, mode, alertSubscriptionDeleted: alerts.count > 0 };
  });
}

type Tx = Parameters<Parameters<Actor["db"]["$transaction"]>[0]>[0];

/**
 * The audit events about a commenter's comments name them in their summaries ("Approved a comment
 * by Ada Reader", "Replied as the observatory to Ada Reader") and a blocked sender's event keeps
 * their address, and a redaction's event keeps the words it took out. Erasure replaces the first
 * two with a pseudonymous reference ("commenter #1a2b3c4d", from
 * the keyed hash the erasure event is filed under), so the trail still links what was done to
 * their comments without saying whose they were. Longer names go first, so "Ada Reader" is never
 * half-replaced as "Ada"; the redacted words are removed.
 */
async function scrubAuditTrail(tx: Tx, email: string, comments: { id: string; authorName: string }[]) {
  const ids = comments.map((c) => c.id);
  const reference = commenterReference(email);
  // An edited name is gone from the comment but still in the summaries written before the edit.
  const earlierNames = await tx.$queryRaw<{ name: string }[]>`
    SELECT DISTINCT "data"->>'originalAuthorName' AS "name" FROM "AuditEvent"
    WHERE "action" = 'comment.edited' AND "targetType" = 'Comment' AND "targetId" = ANY(${ids}::text[])`;
  const names = [...new Set([...comments.map((c) => c.authorName), ...earlierNames.map((e) => e.name)])].sort(
    (a, b) => b.length - a.length,
  );
  for (const name of names) {
    await tx.$executeRaw`
      UPDATE "AuditEvent" SET "summary" = replace(replace("summary", ${` by ${name}`}, ${` by ${reference}`}),
        ${` to ${name}`}, ${` to ${reference}`})
      WHERE ("targetType" = 'Comment' AND "targetId" = ANY(${ids}::text[]))
         OR ("action" = 'comment.staffReply' AND "data"->>'parentId' = ANY(${ids}::text[]))`;
  }
  await tx.$executeRaw`
    UPDATE "AuditEvent" SET "data" = jsonb_set("data", '{email}', to_jsonb(${reference}::text))
    WHERE "action" = 'settings.senderBlocked' AND "data"->>'email' = ${email}`;
  // A redaction's or an edit's event keeps the text as it was (and the words taken out): the very
  // words the commenter's erasure asks to be rid of. The event stays, saying that it happened.
  await tx.$executeRaw`
    UPDATE "AuditEvent"
    SET "data" = ("data" - 'originalBody' - 'body' - 'phrase' - 'originalAuthorName' - 'authorName')
      || '{"textErased": true}'::jsonb
    WHERE "action" IN ('comment.redacted', 'comment.edited') AND "targetType" = 'Comment'
      AND "targetId" = ANY(${ids}::text[])`;
}
