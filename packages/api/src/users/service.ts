import { type Prisma, Role } from "@observatory/db";
import { z } from "zod";
import { recordAudit } from "../audit/record.ts";
import { AppError, notFound } from "../errors.ts";
import { roleLabels } from "../permissions.ts";
import type { Context } from "../trpc.ts";
import { roleField } from "./invitations.ts";

export type StaffContext = Pick<Context, "db" | "request"> & { user: { id: string; name: string } };
export type Tx = Parameters<Parameters<Context["db"]["$transaction"]>[0]>[0];

export const USERS_PAGE_SIZE = 25;

/** What the users list and a user's page show of an account (never its secrets). */
export const accountFields = {
  id: true,
  name: true,
  email: true,
  role: true,
  disabledAt: true,
  lastSignInAt: true,
  totpEnabledAt: true,
} as const;

export const listUsersInput = z.object({
  search: z.string().trim().max(200, "Search for 200 characters or fewer").optional(),
  role: z.enum(Role).optional(),
  status: z.enum(["active", "disabled"]).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

export async function listUsers(db: Context["db"], { search, role, status, page }: z.output<typeof listUsersInput>) {
  const where: Prisma.UserWhereInput = {
    deletedAt: null,
    ...(role ? { role } : {}),
    ...(status === "active" ? { disabledAt: null } : status === "disabled" ? { disabledAt: { not: null } } : {}),
    ...(search
      ? { OR: [{ name: { contains: search, mode: "insensitive" } }, { email: { contains: search.toLowerCase() } }] }
      : {}),
  };
  const [total, users] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      select: accountFields,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (page - 1) * USERS_PAGE_SIZE,
      take: USERS_PAGE_SIZE,
    }),
  ]);
  return { users, total, page, pageCount: Math.max(1, Math.ceil(total / USERS_PAGE_SIZE)) };
}

/**
 * Refuses a change that would leave no active administrator. The active administrators' rows are
 * locked first, so two administrators demoting each other at the same moment cannot both succeed.
 */
export async function assertAnotherActiveAdmin(tx: Tx, userId: string): Promise<void> {
  const admins = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "User" WHERE "role" = 'ADMIN' AND "disabledAt" IS NULL FOR UPDATE`;
  if (!admins.some((admin) => admin.id !== userId)) {
    throw new AppError(
      "CONFLICT",
      "This is the only active administrator. Make someone else an administrator first, so that someone can still manage users.",
    );
  }
}

/** A user an administrator may act on: any account but a deleted one. */
export async function findTarget(tx: Pick<Tx, "user">, id: string) {
  const user = await tx.user.findFirst({
    where: { id, deletedAt: null },
    select: { id: true, name: true, email: true, role: true, disabledAt: true },
  });
  if (!user) throw notFound("That user");
  return user;
}

export const changeRoleInput = z.object({ id: z.string().min(1).max(100), role: roleField });

/** Takes effect on the user's next request: sessions read the role from the user row every time. */
export async function changeRole(ctx: StaffContext, input: z.infer<typeof changeRoleInput>) {
  return ctx.db.$transaction(async (tx) => {
    const target = await findTarget(tx, input.id);
    if (target.role === input.role) return target;
    if (target.role === "ADMIN" && !target.disabledAt) await assertAnotherActiveAdmin(tx, target.id);
    const updated = await tx.user.update({
      where: { id: target.id },
      data: { role: input.role },
      select: { id: true, name: true, email: true, role: true, disabledAt: true },
    });
    await recordAudit(tx, ctx, {
      action: "user.roleChanged",
      targetType: "User",
      targetId: target.id,
      summary: `Changed ${target.name}'s role from ${roleLabels[target.role]} to ${roleLabels[input.role]}`,
      data: { from: target.role, to: input.role },
    });
    return updated;
  });
}

export const userIdInput = z.object({ id: z.string().min(1).max(100) });

/** Disables the account and ends all its sessions in the same transaction: the user is out at once. */
export async function disableUser(ctx: StaffContext, id: string) {
  if (id === ctx.user.id) throw new AppError("CONFLICT", "You cannot disable your own account.");
  await ctx.db.$transaction(async (tx) => {
    const target = await findTarget(tx, id);
    if (target.disabledAt) return;
    if (target.role === "ADMIN") await assertAnotherActiveAdmin(tx, target.id);
    await tx.user.update({ where: { id }, data: { disabledAt: new Date() } });
    await tx.session.deleteMany({ where: { userId: id } });
    await recordAudit(tx, ctx, {
      action: "user.disabled",
      targetType: "User",
      targetId: id,
      summary: `Disabled ${target.name} (${target.email})`,
    });
  });
}

export async function enableUser(ctx: StaffContext, id: string) {
  await ctx.db.$transaction(async (tx) => {
    const target = await findTarget(tx, id);
    if (!target.disabledAt) return;
    await tx.user.update({ where: { id }, data: { disabledAt: null } });
    await recordAudit(tx, ctx, {
      action: "user.enabled",
      targetType: "User",
      targetId: id,
      summary: `Re-enabled ${target.name} (${target.email})`,
    });
  });
}

/** For a lost phone: removes the authenticator and recovery codes, and ends the user's sessions. */
export async function resetUserMfa(ctx: StaffContext, id: string) {
  await ctx.db.$transaction(async (tx) => {
    const target = await findTarget(tx, id);
    await tx.user.update({ where: { id }, data: { totpSecret: null, totpEnabledAt: null, totpLastUsedStep: null } });
    await tx.recoveryCode.deleteMany({ where: { userId: id } });
    await tx.session.deleteMany({ where: { userId: id } });
    await recordAudit(tx, ctx, {
      action: "user.mfaReset",
      targetType: "User",
      targetId: id,
      summary: `Removed ${target.name}'s authenticator app and recovery codes`,
    });
  });
}
