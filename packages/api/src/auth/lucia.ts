// The only module that imports lucia (deprecated upstream, frozen here; biome.json enforces it):
// session cookies and validation go through the functions below, rows through session-store.ts.
import type { Db, Role } from "@observatory/db";
import { Lucia, TimeSpan } from "lucia";
import { columnsAsAttributes, createSessionStore, type SessionColumns, type UserColumns } from "./session-store.ts";
import { createToken, hashToken } from "./tokens.ts";

export const SESSION_COOKIE = "observatory_session";

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabledAt: Date | null;
  /** Has a confirmed authenticator app (TOTP). */
  totpEnabled: boolean;
};
export type CurrentSession = { id: string; expiresAt: Date; fresh: boolean; mfaVerifiedAt: Date | null };

function createLucia(db: Db, secure: boolean) {
  return new Lucia(createSessionStore(db, columnsAsAttributes), {
    sessionExpiresIn: new TimeSpan(12, "h"),
    // The cookie's Max-Age is the session's lifetime, and it is sent again whenever the session is
    // extended: a cookie outliving its session would only carry a dead token around.
    sessionCookie: { name: SESSION_COOKIE, expires: true, attributes: { secure, sameSite: "lax" } },
    getUserAttributes: (a) => ({
      email: a.email,
      name: a.name,
      role: a.role,
      disabledAt: a.disabledAt,
      totpEnabled: a.totpEnabledAt !== null,
    }),
    getSessionAttributes: (a) => ({ mfaVerifiedAt: a.mfaVerifiedAt, lastSeenAt: a.lastSeenAt }),
  });
}

declare module "lucia" {
  interface Register {
    Lucia: ReturnType<typeof createLucia>;
    DatabaseUserAttributes: UserColumns;
    DatabaseSessionAttributes: SessionColumns;
  }
}

/** How stale a session's "last seen" may get before a request writes it again: not a write per click. */
const LAST_SEEN_PRECISION_MS = 5 * 60 * 1000;

/** The cookie holds a random token; the database holds only its SHA-256, so a leaked table signs no one in. */
export const hashSessionToken = hashToken;

export type Auth = ReturnType<typeof createAuth>;

export function createAuth(db: Db, options: { secureCookies: boolean }) {
  const lucia = createLucia(db, options.secureCookies);
  return {
    async createSession(
      userId: string,
      meta: { ipHash: string | null; userAgent: string | null; mfaVerified: boolean },
    ) {
      const token = createToken();
      const session = await lucia.createSession(
        userId,
        {
          ipHash: meta.ipHash,
          userAgent: meta.userAgent?.slice(0, 300) ?? null,
          mfaVerifiedAt: meta.mfaVerified ? new Date() : null,
          lastSeenAt: new Date(),
        },
        { sessionId: hashSessionToken(token) },
      );
      return { token, cookie: lucia.createSessionCookie(token).serialize(), expiresAt: session.expiresAt };
    },
    /** Validates the cookie's token, extending the session when it is half spent (sliding expiry). */
    async validateToken(
      token: string,
    ): Promise<{ user: SessionUser; session: CurrentSession; cookie: string | null } | null> {
      const { session, user } = await lucia.validateSession(hashSessionToken(token));
      if (!session || !user) return null;
      const now = new Date();
      if (now.getTime() - session.lastSeenAt.getTime() > LAST_SEEN_PRECISION_MS) {
        await db.session.updateMany({ where: { id: session.id }, data: { lastSeenAt: now } });
      }
      const refreshed = session.fresh ? lucia.createSessionCookie(token).serialize() : null;
      return {
        user: {
          id: user.id,
          email: user.email,
          name: user.name,
          role: user.role,
          disabledAt: user.disabledAt,
          totpEnabled: user.totpEnabled,
        },
        session: {
          id: session.id,
          expiresAt: session.expiresAt,
          fresh: session.fresh,
          mfaVerifiedAt: session.mfaVerifiedAt,
        },
        cookie: refreshed,
      };
    },
    invalidateSession: (sessionId: string) => lucia.invalidateSession(sessionId),
    invalidateUserSessions: (userId: string) => lucia.invalidateUserSessions(userId),
    /** Ends every session of the user except `keepSessionId` (the one making the request). */
    invalidateOtherSessions: async (userId: string, keepSessionId: string | null) => {
      await db.session.deleteMany({ where: { userId, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) } });
    },
    blankCookie: () => lucia.createBlankSessionCookie().serialize(),
    readToken: (cookieHeader: string | null) => lucia.readSessionCookie(cookieHeader ?? ""),
  };
}
