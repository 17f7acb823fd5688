import type { Db, SessionModel, UserModel } from "@observatory/db";

// Lucia's storage adapter over the project's own Prisma client. Its shape is Lucia's `Adapter`
// interface, written out here so that lucia itself stays imported by lucia.ts alone.

/** The session columns a session carries besides its id, user and expiry. */
export type SessionColumns = Pick<SessionModel, "mfaVerifiedAt" | "ipHash" | "userAgent" | "lastSeenAt">;
/** The user columns a signed-in request needs (never the password hash or the TOTP secret). */
export type UserColumns = Pick<UserModel, "email" | "name" | "role" | "disabledAt" | "totpEnabledAt">;

/** How the attributes of a stored session and of its user are read from and written to their columns. */
export type AttributeMapping<SessionAttributes, UserAttributes> = {
  readSession: (columns: SessionColumns) => SessionAttributes;
  writeSession: (attributes: SessionAttributes) => SessionColumns;
  readUser: (columns: UserColumns) => UserAttributes;
};

/** The project's mapping: each attribute is the column of the same name. */
export const columnsAsAttributes: AttributeMapping<SessionColumns, UserColumns> = {
  readSession: (columns) => columns,
  writeSession: ({ mfaVerifiedAt, ipHash, userAgent, lastSeenAt }) => ({
    mfaVerifiedAt,
    ipHash,
    userAgent,
    lastSeenAt,
  }),
  readUser: (columns) => columns,
};

export type StoredSession<Attributes> = { id: string; userId: string; expiresAt: Date; attributes: Attributes };
export type StoredUser<Attributes> = { id: string; attributes: Attributes };

const sessionSelect = {
  id: true,
  userId: true,
  expiresAt: true,
  mfaVerifiedAt: true,
  ipHash: true,
  userAgent: true,
  lastSeenAt: true,
} as const;
const userSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  disabledAt: true,
  totpEnabledAt: true,
} as const;

export type SessionStore<SessionAttributes, UserAttributes> = ReturnType<
  typeof createSessionStore<SessionAttributes, UserAttributes>
>;

export function createSessionStore<SessionAttributes, UserAttributes>(
  db: Db,
  mapping: AttributeMapping<SessionAttributes, UserAttributes>,
) {
  const toSession = ({
    id,
    userId,
    expiresAt,
    ...columns
  }: SessionColumns & Pick<SessionModel, "id" | "userId" | "expiresAt">): StoredSession<SessionAttributes> => ({
    id,
    userId,
    expiresAt,
    attributes: mapping.readSession(columns),
  });

  return {
    async getSessionAndUser(
      sessionId: string,
    ): Promise<[StoredSession<SessionAttributes> | null, StoredUser<UserAttributes> | null]> {
      const row = await db.session.findUnique({
        where: { id: sessionId },
        select: { ...sessionSelect, user: { select: userSelect } },
      });
      if (!row) return [null, null];
      const {
        user: { id, ...userColumns },
        ...session
      } = row;
      return [toSession(session), { id, attributes: mapping.readUser(userColumns) }];
    },

    async getUserSessions(userId: string): Promise<StoredSession<SessionAttributes>[]> {
      const rows = await db.session.findMany({ where: { userId }, select: sessionSelect });
      return rows.map(toSession);
    },

    async setSession({ id, userId, expiresAt, attributes }: StoredSession<SessionAttributes>): Promise<void> {
      await db.session.create({ data: { id, userId, expiresAt, ...mapping.writeSession(attributes) } });
    },

    // The *Many forms make a session ended meanwhile (signed out in another tab) a no-op, not an error.
    async updateSessionExpiration(sessionId: string, expiresAt: Date): Promise<void> {
      await db.session.updateMany({ where: { id: sessionId }, data: { expiresAt } });
    },

    async deleteSession(sessionId: string): Promise<void> {
      await db.session.deleteMany({ where: { id: sessionId } });
    },

    async deleteUserSessions(userId: string): Promise<void> {
      await db.session.deleteMany({ where: { userId } });
    },

    async deleteExpiredSessions(): Promise<void> {
      await db.session.deleteMany({ where: { expiresAt: { lte: new Date() } } });
    },
  };
}
