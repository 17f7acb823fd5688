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

/** A staff member's full name as a form sends it; `whose` words the messages ("your", "their"). */
export const staffNameField = (whose: "your" | "their") => {
  const label = `${whose[0]?.toUpperCase()}${whose.slice(1)} name`;
  return z
    .string()
    .trim()
    .min(1, `Enter ${whose} full name`)
    .max(100, `${label} must be 100 characters or fewer`)
    .refine(...oneLine(label));
};

export const inviteInput = z.object({ email: emailField, role: roleField });

type Tx = Parameters<Parameters<Context["db"]["$transaction"]>[0]>[0];

/** Issues a new invitation link for `email` (older ones stop working) and emails it. */
async function sendInvitation(tx: Tx, ctx: StaffContext, invitation: { email: string; role: Role }) {
  const existing = await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true } });
  if (existing) {
    throw new AppError("CONFLICT", "There is already an account with this email address.", {
      email: "There is already an account with this email address",
    });
  }
  const issued = await issueEmailToken(tx, {
    kind: "INVITATION",
    email: invitation.email,
    role: invitation.role,
    invitedById: ctx.user.id,
    ttlMs: INVITATION_DAYS * 24 * 60 * 60 * 1000,
  });
  await queueEmail(
    tx,
    invitationEmail({
      to: invitation.email,
      role: invitation.role,
      invitedBy: ctx.user.name,
      link: new URL(`/invitations/${issued.token}`, apiConfig().adminSiteUrl).toString(),
      expiresAt: issued.expiresAt,
    }),
  );
  return { id: issued.id, expiresAt: issued.expiresAt };
}

export async function inviteUser(ctx: StaffContext, input: z.infer<typeof inviteInput>) {
  return ctx.db.$transaction(async (tx) => {
    const { id, expiresAt } = await sendInvitation(tx, ctx, input);
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

/** Days an expired invitation stays listed, so that it can be sent again. */
const EXPIRED_LISTED_DAYS = 30;

/** Invitations neither accepted nor withdrawn (expired ones for a while), newest first. */
export async function pendingInvitations(db: Context["db"], now = new Date()) {
  const listedSince = new Date(now.getTime() - EXPIRED_LISTED_DAYS * 24 * 60 * 60 * 1000);
  return db.authToken.findMany({
    where: { kind: "INVITATION", usedAt: null, revokedAt: null, expiresAt: { gt: listedSince } },
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

/** Sends the invitation again with a new link, valid for another week; the old link stops working. */
export async function resendInvitation(ctx: StaffContext, id: string) {
  return ctx.db.$transaction(async (tx) => {
    const invitation = await tx.authToken.findFirst({
      where: { id, kind: "INVITATION", usedAt: null, revokedAt: null },
      select: { email: true, role: true },
    });
    if (!invitation?.role)
      throw new AppError("NOT_FOUND", "That invitation was not found, or has already been used or withdrawn.");
    const sent = await sendInvitation(tx, ctx, { email: invitation.email, role: invitation.role });
    await recordAudit(tx, ctx, {
      action: "user.invitationResent",
      targetType: "Invitation",
      targetId: sent.id,
      summary: `Sent the invitation to ${invitation.email} again`,
      data: { replaces: id },
    });
    return { email: invitation.email, expiresAt: sent.expiresAt };
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
  name: staffNameField("your"),
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
