import { createHmac } from "node:crypto";
import { z } from "zod";
import { recordAudit } from "../audit/record.ts";
import { itemPath } from "../content/kinds.ts";
import { apiConfig } from "../config.ts";
import type { Context } from "../trpc.ts";

// A commenter's rights under UK GDPR: a copy of everything held under their email address, and its
// erasure. Erasure either deletes the comments (and the replies to them) or anonymises them: the
// text stays in its thread, but the name, email address, IP hash and notification wish are gone.

type Actor = Pick<Context, "db" | "request"> & { user: { id: string } };

export const emailInput = z.object({
  email: z
    .string()
    .trim()
    .min(1, "Enter an email address")
    .max(254)
    .pipe(z.email("Enter an email address in the correct format, like name@example.com"))
    .transform((e) => e.toLowerCase()),
});

export const eraseInput = emailInput.extend({ mode: z.enum(["delete", "anonymise"]) });

/** Shown in place of an erased commenter's name. */
export const ANONYMOUS_NAME = "Anonymous";

/**
 * The audit trail names an erased address only by a keyed hash: enough to answer "did we erase
 * this address?" when asked again, without keeping the address the person asked us to erase.
 */
export function emailDigest(email: string): string {
  return createHmac("sha256", apiConfig().appSecret).update(`erased-email:${email}`).digest("hex").slice(0, 32);
}

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
  };
}

export async function eraseCommentsByEmail(
  ctx: Actor,
  input: z.input<typeof eraseInput>,
): Promise<{ count: number; mode: "delete" | "anonymise" }> {
  const { email, mode } = eraseInput.parse(input);
  return ctx.db.$transaction(async (tx) => {
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
    await tx.rateLimitBucket.deleteMany({ where: { key: `comment:email:${email}` } });
    const isStaff = (await tx.user.count({ where: { email } })) > 0;
    const emails = isStaff ? { count: 0 } : await tx.emailMessage.deleteMany({ where: { to: email } });
    await recordAudit(tx, ctx, {
      action: "comment.personalDataErased",
      targetType: "Commenter",
      targetId: emailDigest(email),
      summary: `${mode === "delete" ? "Deleted" : "Anonymised"} ${result.count} comment${result.count === 1 ? "" : "s"} at a commenter's request`,
      data: { count: result.count, mode, emailsDeleted: emails.count },
    });
    return { count: result.count, mode };
  });
}
