import { hashPassword } from "../auth/password.ts";
import { z } from "zod";
import { recordAudit } from "../audit/record.ts";
import { assertCurrentPassword } from "../auth/current-password.ts";
import type { CurrentSession, SessionUser } from "../auth/lucia.ts";
import { assertNewPassword, newPasswordField } from "../auth/password-policy.ts";
import { endSession } from "../auth/session.ts";
import { AppError } from "../errors.ts";
import type { Context } from "../trpc.ts";

type AccountContext = Pick<Context, "db" | "auth" | "request" | "responseHeaders"> & {
  user: SessionUser;
  session: CurrentSession;
};

export async function accountOverview(ctx: Pick<Context, "db"> & { user: SessionUser }) {
  const now = new Date();
  const [user, activeSessions] = await Promise.all([
    ctx.db.user.findUniqueOrThrow({
      where: { id: ctx.user.id },
      select: { name: true, email: true, role: true, createdAt: true, lastSignInAt: true },
    }),
    ctx.db.session.count({ where: { userId: ctx.user.id, expiresAt: { gt: now } } }),
  ]);
  return { ...user, activeSessions };
}

export const changePasswordInput = z.object({
  currentPassword: z.string().max(1000),
  password: newPasswordField,
  confirmPassword: newPasswordField,
});

/** Changes the password after checking the current one; every other session of the user ends. */
export async function changePassword(ctx: AccountContext, input: z.infer<typeof changePasswordInput>) {
  await assertCurrentPassword(ctx, input.currentPassword, "currentPassword");
  assertNewPassword(input, ctx.user.email);
  if (input.password === input.currentPassword) {
    const message = "Your new password must be different from your current password";
    throw new AppError("BAD_REQUEST", message, { password: message });
  }
  const passwordHash = await hashPassword(input.password);
  await ctx.db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: ctx.user.id }, data: { passwordHash } });
    await recordAudit(tx, ctx, {
      action: "account.passwordChanged",
      targetType: "User",
      targetId: ctx.user.id,
      summary: `${ctx.user.name} changed their password`,
    });
  });
  await ctx.auth.invalidateOtherSessions(ctx.user.id, ctx.session.id);
}

/** Ends every session of the user, this one included. */
export async function signOutEverywhere(ctx: AccountContext) {
  await recordAudit(ctx.db, ctx, {
    action: "account.signedOutEverywhere",
    targetType: "User",
    targetId: ctx.user.id,
    summary: `${ctx.user.name} signed out everywhere`,
  });
  await ctx.auth.invalidateUserSessions(ctx.user.id);
  await endSession({ ...ctx, session: null });
}
