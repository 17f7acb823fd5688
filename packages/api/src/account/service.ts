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
      select: { name: true, email: true, role: true, createdAt: true, lastSignInAt: true, keyboardShortcuts: true },
    }),
    ctx.db.session.count({ where: { userId: ctx.user.id, expiresAt: { gt: now } } }),
  ]);
  return { ...user, activeSessions };
}

export const changePasswordInput = z.object({
  currentPassword: z.string().max(1000, "That is not your current password"),
  password: newPasswordField,
  confirmPassword: newPasswordField,
});

/** What a person has chosen for themselves; read by the pages that honour it (the moderation queue). */
export async function accountPreferences(ctx: Pick<Context, "db"> & { user: SessionUser }) {
  return ctx.db.user.findUniqueOrThrow({ where: { id: ctx.user.id }, select: { keyboardShortcuts: true } });
}

export const preferencesInput = z.object({ keyboardShortcuts: z.boolean() });

/** Turns the single-key shortcuts on or off for oneself (WCAG 2.1.4 Character Key Shortcuts). */
export async function setPreferences(
  ctx: Pick<Context, "db" | "request"> & { user: SessionUser },
  input: z.infer<typeof preferencesInput>,
) {
  await ctx.db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: ctx.user.id }, data: { keyboardShortcuts: input.keyboardShortcuts } });
    await recordAudit(tx, ctx, {
      action: "account.preferencesChanged",
      targetType: "User",
      targetId: ctx.user.id,
      summary: `${ctx.user.name} turned keyboard shortcuts ${input.keyboardShortcuts ? "on" : "off"}`,
    });
  });
  return { keyboardShortcuts: input.keyboardShortcuts };
}

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
