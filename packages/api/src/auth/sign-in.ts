import { hashPassword, verifyPassword } from "./password.ts";
import { z } from "zod";
import { emailDigest } from "../audit/pseudonym.ts";
import { recordAudit } from "../audit/record.ts";
import { AppError } from "../errors.ts";
import type { Context } from "../trpc.ts";
import { type MfaState, mfaStateOf } from "./mfa-policy.ts";
import { PASSWORD_MAX_LENGTH } from "./password-rules.ts";
import { endSession, startSession } from "./session.ts";
import { checkThrottle, clearThrottle, recordFailure, throttleKey } from "./sign-in-throttle.ts";

export const WRONG_CREDENTIALS = "Enter a correct email address and password";

/** An email address as a form sends it, lower-cased; `whose` words the empty-field message. */
export const emailFieldFor = (whose: "your" | "their") =>
  z
    .string()
    .trim()
    .toLowerCase()
    .min(1, `Enter ${whose} email address`)
    .max(254, "Email address must be 254 characters or fewer")
    .pipe(z.email("Enter an email address in the correct format, like name@example.com"));

export const emailField = emailFieldFor("your");

export const signInInput = z.object({
  email: emailField,
  password: z.string().min(1, "Enter your password").max(PASSWORD_MAX_LENGTH, WRONG_CREDENTIALS),
});

// A real argon2id hash of a throwaway password: verifying against it when there is no such user
// costs what verifying a real password costs, so response times do not tell accounts apart.
let dummyHash: Promise<string> | undefined;
const timingDummy = () => {
  dummyHash ??= hashPassword("no-such-user-timing-equaliser");
  return dummyHash;
};

const count = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;

type SignInContext = Pick<Context, "db" | "auth" | "session" | "request" | "responseHeaders">;

/** Checks the password (with throttling) and starts a new session; says whether a second factor is still due. */
export async function signIn(ctx: SignInContext, input: z.infer<typeof signInInput>): Promise<{ mfa: MfaState }> {
  const key = throttleKey(input.email, ctx.request.ipHash);
  const throttle = await checkThrottle(ctx.db, key);
  if (!throttle.allowed) {
    const account = await ctx.db.user.findUnique({ where: { email: input.email }, select: { id: true } });
    await recordSignInEvent(ctx, account, input.email, {
      action: "auth.signInThrottled",
      summary: (who) => `Sign-in refused for ${who}: too many failed attempts`,
    });
    throw new AppError(
      "TOO_MANY_REQUESTS",
      throttle.locked
        ? `You have tried to sign in too many times. Wait ${count(Math.ceil(throttle.retryAfterSeconds / 60), "minute")}, then try again, or reset your password.`
        : `You have tried to sign in too many times. Wait ${count(throttle.retryAfterSeconds, "second")}, then try again.`,
    );
  }

  const user = await ctx.db.user.findUnique({
    where: { email: input.email },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      passwordHash: true,
      disabledAt: true,
      totpEnabledAt: true,
    },
  });
  const passwordMatches = await verifyPassword(user?.passwordHash ?? (await timingDummy()), input.password);
  if (!user?.passwordHash || !passwordMatches) {
    const { locked } = await recordFailure(ctx.db, key);
    await recordSignInEvent(ctx, user, input.email, {
      action: "auth.signInFailed",
      summary: (who) => (user ? `Failed sign-in for ${who}: wrong password` : `Failed sign-in for ${who}`),
    });
    if (locked) {
      await recordSignInEvent(ctx, user, input.email, {
        action: "auth.signInLocked",
        summary: (who) => `Sign-in locked for ${who} after repeated failures`,
      });
    }
    throw new AppError("BAD_REQUEST", WRONG_CREDENTIALS);
  }
  if (user.disabledAt) {
    await recordSignInEvent(ctx, user, input.email, {
      action: "auth.signInRefused",
      summary: (who) => `Sign-in refused for ${who}: the account is disabled`,
    });
    // Said only to someone who knows the password.
    throw new AppError("BAD_REQUEST", "Your account has been disabled. Ask an administrator if you need access again.");
  }

  await clearThrottle(ctx.db, key);
  await startSession(ctx, user.id, { mfaVerified: false });
  await ctx.db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
    await recordAudit(
      tx,
      { user, request: ctx.request },
      {
        action: "auth.signedIn",
        targetType: "User",
        targetId: user.id,
        summary: `${user.name} signed in`,
      },
    );
  });
  const mfa = await mfaStateOf(
    ctx.db,
    { role: user.role, totpEnabled: user.totpEnabledAt !== null },
    { mfaVerifiedAt: null },
  );
  return { mfa };
}

/**
 * Records a sign-in that did not happen. The address typed is named only when it is an account's;
 * otherwise the event says "an unknown account" and keeps a keyed hash of the address, so repeated
 * attempts at one address link up without the log collecting addresses (or mistyped passwords: the
 * password is never recorded).
 */
async function recordSignInEvent(
  ctx: Pick<Context, "db" | "request">,
  account: { id: string } | null,
  email: string,
  event: { action: string; summary: (who: string) => string },
) {
  await recordAudit(
    ctx.db,
    { user: null, request: ctx.request },
    {
      action: event.action,
      targetType: "User",
      targetId: account?.id ?? null,
      summary: event.summary(account ? email : "an unknown account"),
      data: account ? { email } : { account: "unknown", emailDigest: emailDigest(email) },
    },
  );
}

/** Ends the request's session (if any) on the server and clears the cookie. */
export async function signOut(ctx: Pick<Context, "db" | "auth" | "user" | "session" | "request" | "responseHeaders">) {
  if (ctx.user && ctx.session) {
    await recordAudit(ctx.db, ctx, {
      action: "auth.signedOut",
      targetType: "User",
      targetId: ctx.user.id,
      summary: `${ctx.user.name} signed out`,
    });
  }
  await endSession(ctx);
}
