import { z } from "zod";
import { recordAudit } from "../audit/record.ts";
import { consumeEmailToken, findEmailToken, issueEmailToken, type TokenStatus } from "../auth/email-tokens.ts";
import { emailChangeConfirmationEmail, emailChangeNoticeEmail } from "../auth/emails.ts";
import { sendPasswordResetLink } from "../auth/password-reset.ts";
import { emailFieldFor } from "../auth/sign-in.ts";
import { apiConfig } from "../config.ts";
import { AppError } from "../errors.ts";
import { queueEmail } from "../mail/outbox.ts";
import type { Context } from "../trpc.ts";
import { staffNameField } from "./invitations.ts";
import { findTarget, type StaffContext, type Tx } from "./service.ts";

// An administrator corrects a user's name at once. A new email address takes effect only when the
// link sent to it is opened (so a typing mistake cannot lock anyone out, nor hand the account's
// password resets to a stranger); the old address is told it is changing.

export const EMAIL_CHANGE_DAYS = 3;

export const updateProfileInput = z.object({
  id: z.string().min(1).max(100),
  name: staffNameField("their"),
  email: emailFieldFor("their"),
});

const addressTaken = "There is already an account with this email address";

async function assertAddressFree(tx: Pick<Tx, "user">, email: string, userId: string) {
  const owner = await tx.user.findUnique({ where: { email }, select: { id: true } });
  if (owner && owner.id !== userId) throw new AppError("CONFLICT", `${addressTaken}.`, { email: addressTaken });
}

/** Saves the name; for a new address, sends the confirmation link to it and a notice to the old one. */
export async function updateProfile(ctx: StaffContext, input: z.infer<typeof updateProfileInput>) {
  return ctx.db.$transaction(async (tx) => {
    const target = await findTarget(tx, input.id);
    if (input.name !== target.name) {
      await tx.user.update({ where: { id: target.id }, data: { name: input.name } });
      await recordAudit(tx, ctx, {
        action: "user.renamed",
        targetType: "User",
        targetId: target.id,
        summary: `Changed the name of ${target.name} (${target.email}) to ${input.name}`,
        data: { from: target.name, to: input.name },
      });
    }
    if (input.email === target.email) return { emailChangeSentTo: null };
    await assertAddressFree(tx, input.email, target.id);
    // Only the newest requested address can be confirmed.
    await tx.authToken.updateMany({
      where: { kind: "EMAIL_CHANGE", userId: target.id, usedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    const { token, id, expiresAt } = await issueEmailToken(tx, {
      kind: "EMAIL_CHANGE",
      email: input.email,
      userId: target.id,
      ttlMs: EMAIL_CHANGE_DAYS * 24 * 60 * 60 * 1000,
    });
    const link = new URL(`/email-change/${token}`, apiConfig().adminSiteUrl).toString();
    await queueEmail(tx, emailChangeConfirmationEmail({ to: input.email, name: input.name, link, expiresAt }));
    await queueEmail(tx, emailChangeNoticeEmail({ to: target.email, name: input.name, newEmail: input.email }));
    await recordAudit(tx, ctx, {
      action: "user.emailChangeRequested",
      targetType: "User",
      targetId: target.id,
      summary: `Asked ${input.email} to confirm it as the new email address of ${input.name} (now ${target.email})`,
      data: { tokenId: id },
    });
    return { emailChangeSentTo: input.email };
  });
}

/** The new address waiting to be confirmed, if any. */
export async function pendingEmailChange(db: Context["db"], userId: string, now = new Date()) {
  const row = await db.authToken.findFirst({
    where: { kind: "EMAIL_CHANGE", userId, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
    select: { email: true, expiresAt: true },
    orderBy: { createdAt: "desc" },
  });
  return row;
}

export type EmailChangeView = { status: "valid"; email: string } | { status: Exclude<TokenStatus, "valid"> };

export async function viewEmailChange(db: Context["db"], token: string): Promise<EmailChangeView> {
  const found = await findEmailToken(db, "EMAIL_CHANGE", token);
  return found.status === "valid" ? { status: "valid", email: found.token.email } : { status: found.status };
}

const changeProblems: Record<Exclude<TokenStatus, "valid">, string> = {
  expired: "This link has expired. Ask an administrator to change your email address again.",
  used: "This link has already been used: your email address has been changed. Sign in with the new one.",
  revoked: "This link has been replaced by a newer one. Use the link in the most recent email.",
  invalid: "This link is not valid. Check you copied the whole link from the email.",
};

/** Opening the link (and pressing its button) makes the new address the account's. */
export async function confirmEmailChange(ctx: Pick<Context, "db" | "request">, token: string) {
  return ctx.db.$transaction(async (tx) => {
    const consumed = await consumeEmailToken(tx, "EMAIL_CHANGE", token);
    if (consumed.status !== "valid") throw new AppError("PRECONDITION_FAILED", changeProblems[consumed.status]);
    const { email, userId } = consumed.token;
    const user = userId
      ? await tx.user.findFirst({
          where: { id: userId, deletedAt: null },
          select: { id: true, name: true, email: true },
        })
      : null;
    if (!user) throw new AppError("PRECONDITION_FAILED", changeProblems.invalid);
    await assertAddressFree(tx, email, user.id);
    await tx.user.update({ where: { id: user.id }, data: { email } });
    // Done by whoever holds the new mailbox: the person, whether or not they are signed in.
    await recordAudit(
      tx,
      { user, request: ctx.request },
      {
        action: "user.emailChanged",
        targetType: "User",
        targetId: user.id,
        summary: `${user.name} confirmed ${email} as their email address (was ${user.email})`,
      },
    );
    return { email };
  });
}

/** An administrator sends the user a password reset link (for a forgotten password or a first sign-in). */
export async function sendPasswordResetFor(ctx: StaffContext, id: string) {
  await ctx.db.$transaction(async (tx) => {
    const target = await findTarget(tx, id);
    if (target.disabledAt) {
      throw new AppError("CONFLICT", "This account is disabled. Re-enable it before sending a password reset link.");
    }
    await sendPasswordResetLink(tx, target);
    await recordAudit(tx, ctx, {
      action: "user.passwordResetSent",
      targetType: "User",
      targetId: target.id,
      summary: `Sent ${target.name} a password reset link at ${target.email}`,
    });
  });
}
