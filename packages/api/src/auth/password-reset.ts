import type { Db } from "@observatory/db";
import { hashPassword } from "./password.ts";
import { z } from "zod";
import { recordAudit } from "../audit/record.ts";
import { apiConfig } from "../config.ts";
import { AppError } from "../errors.ts";
import { queueEmail } from "../mail/outbox.ts";
import { hitRateLimit, waitInWords } from "../rate-limit.ts";
import type { Context } from "../trpc.ts";
import { consumeEmailToken, findEmailToken, issueEmailToken, type TokenStatus } from "./email-tokens.ts";
import { passwordResetEmail } from "./emails.ts";
import { assertNewPassword, newPasswordField } from "./password-policy.ts";
import { emailField } from "./sign-in.ts";
import { clearThrottlesForEmail } from "./sign-in-throttle.ts";
import { hashToken } from "./tokens.ts";

export const RESET_MINUTES = 60;
/** Requests from one address, and emails to one account, per hour. */
const PER_IP = { limit: 10, windowSeconds: 3600 };
const PER_EMAIL = { limit: 3, windowSeconds: 3600 };

export const requestResetInput = z.object({ email: emailField });

/**
 * Emails a reset link when the address belongs to an active account. The answer is the same
 * either way, so the form tells no one which addresses have accounts; past the per-account limit
 * nothing more is sent, also without saying so.
 */
export async function requestPasswordReset(
  ctx: Pick<Context, "db" | "request">,
  input: z.infer<typeof requestResetInput>,
) {
  const perIp = await hitRateLimit(ctx.db, `password-reset:ip:${ctx.request.ipHash ?? "unknown"}`, PER_IP);
  if (!perIp.allowed) {
    throw new AppError(
      "TOO_MANY_REQUESTS",
      `You have asked for too many password reset emails. Try again in ${waitInWords(perIp.retryAfterSeconds)}.`,
    );
  }
  const perEmail = await hitRateLimit(ctx.db, `password-reset:email:${hashToken(input.email)}`, PER_EMAIL);
  if (!perEmail.allowed) return;
  const user = await ctx.db.user.findUnique({
    where: { email: input.email },
    select: { id: true, name: true, email: true, disabledAt: true },
  });
  if (!user || user.disabledAt) return;
  await ctx.db.$transaction(async (tx) => {
    await sendPasswordResetLink(tx, user);
    await recordAudit(
      tx,
      { user: null, request: ctx.request },
      {
        action: "auth.passwordResetRequested",
        targetType: "User",
        targetId: user.id,
        summary: `A password reset link was sent to ${user.email}`,
      },
    );
  });
}

/**
 * Emails `user` a new reset link (older ones stop working). Call inside the transaction that
 * records why it was sent: the person's own request, or an administrator's.
 */
export async function sendPasswordResetLink(
  tx: Pick<Db, "authToken" | "emailMessage">,
  user: { id: string; name: string; email: string },
) {
  const { token, expiresAt } = await issueEmailToken(tx, {
    kind: "PASSWORD_RESET",
    email: user.email,
    userId: user.id,
    ttlMs: RESET_MINUTES * 60 * 1000,
  });
  await queueEmail(
    tx,
    passwordResetEmail({
      to: user.email,
      name: user.name,
      link: new URL(`/password-reset/${token}`, apiConfig().adminSiteUrl).toString(),
      expiresAt,
    }),
  );
}

export type PasswordResetView = { status: "valid"; email: string } | { status: Exclude<TokenStatus, "valid"> };

export async function viewPasswordReset(db: Context["db"], token: string): Promise<PasswordResetView> {
  const found = await findEmailToken(db, "PASSWORD_RESET", token);
  return found.status === "valid" ? { status: "valid", email: found.token.email } : { status: found.status };
}

export const resetPasswordInput = z.object({
  token: z.string().min(1).max(200),
  password: newPasswordField,
  confirmPassword: newPasswordField,
});

const resetProblems: Record<Exclude<TokenStatus, "valid">, string> = {
  expired: "This link has expired. Ask for a new password reset email.",
  used: "This link has already been used. Ask for a new password reset email if you need one.",
  revoked: "This link has been replaced by a newer one. Use the link in the most recent email.",
  invalid: "This link is not valid. Check you copied the whole link from the email.",
};

/** Sets the new password and ends every other session of the account. */
export async function resetPassword(
  ctx: Pick<Context, "db" | "auth" | "session" | "request">,
  input: z.infer<typeof resetPasswordInput>,
) {
  const view = await viewPasswordReset(ctx.db, input.token);
  if (view.status !== "valid") throw new AppError("PRECONDITION_FAILED", resetProblems[view.status]);
  assertNewPassword(input, view.email);
  const passwordHash = await hashPassword(input.password);

  const user = await ctx.db.$transaction(async (tx) => {
    const consumed = await consumeEmailToken(tx, "PASSWORD_RESET", input.token);
    if (consumed.status !== "valid") throw new AppError("PRECONDITION_FAILED", resetProblems[consumed.status]);
    const owner = consumed.token.userId
      ? await tx.user.findUnique({
          where: { id: consumed.token.userId },
          select: { id: true, name: true, email: true, disabledAt: true },
        })
      : null;
    if (!owner || owner.disabledAt) throw new AppError("PRECONDITION_FAILED", resetProblems.invalid);
    await tx.user.update({ where: { id: owner.id }, data: { passwordHash } });
    await recordAudit(
      tx,
      { user: owner, request: ctx.request },
      {
        action: "auth.passwordReset",
        targetType: "User",
        targetId: owner.id,
        summary: `${owner.name} set a new password with a reset link`,
      },
    );
    return owner;
  });
  await ctx.auth.invalidateOtherSessions(user.id, ctx.session?.id ?? null);
  await clearThrottlesForEmail(ctx.db, user.email);
}
