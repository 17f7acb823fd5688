import { Role } from "@observatory/db";
import { hashPassword } from "../auth/password.ts";
import { z } from "zod";
import { recordAudit } from "../audit/record.ts";
import { consumeEmailToken, findEmailToken, issueEmailToken, type TokenStatus } from "../auth/email-tokens.ts";
import { invitationEmail } from "../auth/emails.ts";
import { assertNewPassword, newPasswordField } from "../auth/password-policy.ts";
import { emailField } from "../auth/sign-in.ts";
import { apiConfig } from "../config.ts";
import { AppError } from "../errors.ts";
import { queueEmail } from "../mail/outbox.ts";
import { roleLabels } from "../permissions.ts";
import type { Context } from "../trpc.ts";
import { oneLine } from "../input-text.ts";

export const INVITATION_DAYS = 7;

type StaffContext = Pick<Context, "db" | "request"> & { user: { id: string; name: string } };

/** A role as a form sends it: any string in, one of the roles out ("Select a role" otherwise). */
export const roleField = z.string("Select a role").pipe(z.enum(Role, "Select a role"));

export const inviteInput = z.object({ email: emailField, role: roleField });

export async function inviteUser(ctx: StaffContext, input: z.infer<typeof inviteInput>) {
  return ctx.db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
    if (existing) {
      throw new AppError("CONFLICT", "There is already an account with this email address.", {
        email: "There is already an account with this email address",
      });
    }
    const { token, id, expiresAt } = await issueEmailToken(tx, {
      kind: "INVITATION",
      email: input.email,
      role: input.role,
      invitedById: ctx.user.id,
      ttlMs: INVITATION_DAYS * 24 * 60 * 60 * 1000,
    });
    await queueEmail(
      tx,
      invitationEmail({
        to: input.email,
        role: input.role,
        invitedBy: ctx.user.name,
        link: new URL(`/invitations/${token}`, apiConfig().adminSiteUrl).toString(),
        expiresAt,
      }),
    );
    await recordAudit(tx, ctx, {
      action: "user.invited",
      targetType: "Invitation",
      targetId: id,
      summary: `Invited ${input.email} as ${roleLabels[input.role]}`,
      data: { email: input.email, role: input.role },
    });
    return { id, email: input.email, role: input.role, expiresAt };
  });
}

/** Invitations that can still be accepted, newest first. */
export async function pendingInvitations(db: Context["db"], now = new Date()) {
  return db.authToken.findMany({
    where: { kind: "INVITATION", usedAt: null, revokedAt: null, expiresAt: { gt: now } },
    select: {
      id: true,
      email: true,
      role: true,
      createdAt: true,
      expiresAt: true,
      invitedBy: { select: { name: true } },
    },
    orderBy: { createdAt: "desc" },
  });
}

export async function revokeInvitation(ctx: StaffContext, id: string) {
  await ctx.db.$transaction(async (tx) => {
    const revoked = await tx.authToken.updateMany({
      where: { id, kind: "INVITATION", usedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (revoked.count === 0)
      throw new AppError("NOT_FOUND", "That invitation was not found, or has already been used or withdrawn.");
    const invitation = await tx.authToken.findUniqueOrThrow({ where: { id }, select: { email: true } });
    await recordAudit(tx, ctx, {
      action: "user.invitationWithdrawn",
      targetType: "Invitation",
      targetId: id,
      summary: `Withdrew the invitation to ${invitation.email}`,
    });
  });
}

export type InvitationView =
  | { status: "valid"; email: string; role: Role; invitedBy: string | null }
  | { status: Exclude<TokenStatus, "valid"> };

export async function viewInvitation(db: Context["db"], token: string): Promise<InvitationView> {
  const found = await findEmailToken(db, "INVITATION", token);
  if (found.status !== "valid") return { status: found.status };
  const { email, role, invitedBy } = found.token;
  if (!role) return { status: "invalid" };
  return { status: "valid", email, role, invitedBy: invitedBy?.name ?? null };
}

export const acceptInvitationInput = z.object({
  token: z.string().min(1).max(200),
  name: z
    .string()
    .trim()
    .min(1, "Enter your full name")
    .max(100, "Your name must be 100 characters or fewer")
    .refine(...oneLine("Your name")),
  password: newPasswordField,
  confirmPassword: newPasswordField,
});

const invitationProblems: Record<Exclude<TokenStatus, "valid">, string> = {
  expired: "This invitation has expired. Ask an administrator to invite you again.",
  used: "This invitation has already been used. Sign in instead.",
  revoked: "This invitation has been withdrawn. Ask an administrator if you need an account.",
  invalid: "This invitation link is not valid. Check you copied the whole link from the email.",
};

/** Creates the invitee's account with the invited role; they then sign in. */
export async function acceptInvitation(
  ctx: Pick<Context, "db" | "request">,
  input: z.infer<typeof acceptInvitationInput>,
) {
  const invitation = await viewInvitation(ctx.db, input.token);
  if (invitation.status !== "valid") throw new AppError("PRECONDITION_FAILED", invitationProblems[invitation.status]);
  assertNewPassword(input, invitation.email);
  const passwordHash = await hashPassword(input.password);

  return ctx.db.$transaction(async (tx) => {
    const consumed = await consumeEmailToken(tx, "INVITATION", input.token);
    if (consumed.status !== "valid" || !consumed.token.role) {
      throw new AppError(
        "PRECONDITION_FAILED",
        invitationProblems[consumed.status === "valid" ? "invalid" : consumed.status],
      );
    }
    const { email, role, id: invitationId } = consumed.token;
    if (await tx.user.findUnique({ where: { email }, select: { id: true } })) {
      throw new AppError("CONFLICT", "There is already an account with this email address. Sign in instead.");
    }
    const user = await tx.user.create({
      data: { email, name: input.name, role, passwordHash },
      select: { id: true, email: true, name: true, role: true },
    });
    await tx.authToken.update({ where: { id: invitationId }, data: { userId: user.id } });
    await recordAudit(
      tx,
      { user, request: ctx.request },
      {
        action: "user.invitationAccepted",
        targetType: "User",
        targetId: user.id,
        summary: `${user.name} (${user.email}) accepted the invitation as ${roleLabels[role]}`,
      },
    );
    return user;
  });
}
