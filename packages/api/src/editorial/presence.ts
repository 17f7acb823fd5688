import type { StaffContext } from "./common.ts";

/** Someone whose editor has not checked in for this long has closed it. */
export const PRESENCE_TTL_MS = 60_000;

/**
 * Notes that the user has the item open; returns when (an ISO time the page keeps, to leave with)
 * and who else has it open now.
 */
export async function touchPresence(ctx: StaffContext, itemId: string, now = new Date()) {
  await ctx.db.editorPresence.upsert({
    where: { itemId_userId: { itemId, userId: ctx.user.id } },
    create: { itemId, userId: ctx.user.id, seenAt: now },
    update: { seenAt: now },
  });
  return { seenAt: now.toISOString(), others: await othersEditing(ctx, itemId, now) };
}

async function othersEditing(ctx: StaffContext, itemId: string, now: Date) {
  const present = await ctx.db.editorPresence.findMany({
    where: { itemId, userId: { not: ctx.user.id }, seenAt: { gt: new Date(now.getTime() - PRESENCE_TTL_MS) } },
    select: { seenAt: true, user: { select: { name: true } } },
    orderBy: { seenAt: "desc" },
  });
  return present.map((p) => ({ name: p.user.name, seenAt: p.seenAt }));
}

/**
 * Takes the user off the item as a page of theirs closes, unless they have checked in since that
 * page's last check (`seenAt`): the page a reload opens, or another tab on the same item, keeps
 * them on it whichever request arrives first.
 */
export async function leavePresence(ctx: StaffContext, itemId: string, seenAt: Date) {
  await ctx.db.editorPresence.deleteMany({ where: { itemId, userId: ctx.user.id, seenAt: { lte: seenAt } } });
}
