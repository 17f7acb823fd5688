import { auditListInput, listAuditEvents } from "../audit/query.ts";
import { notFound } from "../errors.ts";
import { roleLabels } from "../permissions.ts";
import type { Context } from "../trpc.ts";
import { groupIdsOf } from "../workflows/groups.ts";
import { pendingEmailChange } from "./profile.ts";
import { accountFields } from "./service.ts";
import { userSessions } from "./sessions.ts";

const RECENT_ACTIONS = 10;

/** A user's page: the account, its sessions, review groups, authenticator and latest actions. */
export async function userOverview(db: Context["db"], id: string, now = new Date()) {
  const user = await db.user.findFirst({
    where: { id, deletedAt: null },
    select: {
      ...accountFields,
      createdAt: true,
      _count: { select: { recoveryCodes: { where: { usedAt: null } } } },
    },
  });
  if (!user) throw notFound("That user");
  const { _count, ...account } = user;
  const [sessions, groups, recent, emailChange] = await Promise.all([
    userSessions(db, id, now),
    reviewGroupsOf(db, user),
    listAuditEvents(db, auditListInput.parse({ actorId: id, limit: RECENT_ACTIONS })),
    pendingEmailChange(db, id, now),
  ]);
  return {
    ...account,
    recoveryCodesLeft: _count.recoveryCodes,
    sessions,
    groups,
    recentActions: recent.events.map(({ id: eventId, action, summary, createdAt }) => ({
      id: eventId,
      action,
      summary,
      createdAt,
    })),
    hasMoreActions: recent.nextCursor !== null,
    emailChange,
  };
}

/** The review groups the user is in, and whether by name or through their role. */
async function reviewGroupsOf(db: Context["db"], user: { id: string; role: keyof typeof roleLabels }) {
  const ids = await groupIdsOf(db, user);
  if (ids.length === 0) return [];
  const groups = await db.reviewGroup.findMany({
    where: { id: { in: ids } },
    select: { id: true, name: true, members: { where: { userId: user.id }, select: { userId: true } } },
    orderBy: { name: "asc" },
  });
  return groups.map((group) => ({
    id: group.id,
    name: group.name,
    through: group.members.length > 0 ? "Named member" : `As ${roleLabels[user.role].toLowerCase()}`,
  }));
}
