import { z } from "zod";
import { recordAudit } from "../audit/record.ts";
import { describeDevice } from "../auth/device.ts";
import { AppError } from "../errors.ts";
import type { Context } from "../trpc.ts";
import { findTarget, type StaffContext } from "./service.ts";

// A user's sessions as an administrator sees them: the device in words, when it was last used and,
// for "where", only the start of the keyed IP hash: enough to tell two places apart, never the address.

const PLACE_CHARACTERS = 6;

export async function userSessions(db: Context["db"], userId: string, now = new Date()) {
  const rows = await db.session.findMany({
    where: { userId, expiresAt: { gt: now } },
    select: { id: true, userAgent: true, ipHash: true, createdAt: true, lastSeenAt: true },
    orderBy: [{ lastSeenAt: "desc" }, { id: "asc" }],
  });
  return rows.map((row) => ({
    id: row.id,
    device: describeDevice(row.userAgent),
    place: row.ipHash ? row.ipHash.slice(0, PLACE_CHARACTERS) : null,
    signedInAt: row.createdAt,
    lastSeenAt: row.lastSeenAt,
  }));
}

export const endSessionInput = z.object({ id: z.string().min(1).max(100), sessionId: z.string().min(1).max(100) });

/** Ends one session of the user, for example on a device they no longer have. */
export async function endUserSession(ctx: StaffContext, input: z.infer<typeof endSessionInput>) {
  await ctx.db.$transaction(async (tx) => {
    const target = await findTarget(tx, input.id);
    const session = await tx.session.findFirst({
      where: { id: input.sessionId, userId: target.id },
      select: { userAgent: true },
    });
    if (!session) throw new AppError("NOT_FOUND", "That session has already ended.");
    await tx.session.deleteMany({ where: { id: input.sessionId } });
    await recordAudit(tx, ctx, {
      action: "user.sessionEnded",
      targetType: "User",
      targetId: target.id,
      summary: `Ended a session of ${target.name} (${describeDevice(session.userAgent)})`,
    });
  });
}

export async function endUserSessions(ctx: StaffContext, id: string) {
  return ctx.db.$transaction(async (tx) => {
    const target = await findTarget(tx, id);
    const ended = await tx.session.deleteMany({ where: { userId: id } });
    await recordAudit(tx, ctx, {
      action: "user.sessionsEnded",
      targetType: "User",
      targetId: id,
      summary: `Ended all sessions of ${target.name} (${ended.count})`,
    });
    return { ended: ended.count };
  });
}
