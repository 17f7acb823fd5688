import { SESSION_COOKIE } from "./lucia.ts";
import type { Context } from "../trpc.ts";

type SessionContext = Pick<Context, "auth" | "session" | "request" | "responseHeaders">;

/** Replaces any session cookie already queued for this response (e.g. a sliding refresh) with `cookie`. */
function setSessionCookie(headers: Headers, cookie: string): void {
  const others = headers.getSetCookie().filter((c) => !c.startsWith(`${SESSION_COOKIE}=`));
  headers.delete("set-cookie");
  for (const other of others) headers.append("set-cookie", other);
  headers.append("set-cookie", cookie);
}

/**
 * Starts a new session for `userId` and sets its cookie, ending the session the request came with:
 * a token that existed before signing in (or before the second factor) never gains rights.
 */
export async function startSession(ctx: SessionContext, userId: string, options: { mfaVerified: boolean }) {
  if (ctx.session) await ctx.auth.invalidateSession(ctx.session.id);
  const { cookie } = await ctx.auth.createSession(userId, {
    ipHash: ctx.request.ipHash,
    userAgent: ctx.request.userAgent,
    mfaVerified: options.mfaVerified,
  });
  setSessionCookie(ctx.responseHeaders, cookie);
}

/** Ends the request's session on the server and clears its cookie. */
export async function endSession(ctx: SessionContext): Promise<void> {
  if (ctx.session) await ctx.auth.invalidateSession(ctx.session.id);
  setSessionCookie(ctx.responseHeaders, ctx.auth.blankCookie());
}
