import { z } from "zod";
import { recordAudit } from "../audit/record.ts";
import { AppError } from "../errors.ts";
import { hitRateLimit, waitInWords } from "../rate-limit.ts";
import type { Context } from "../trpc.ts";
import { assertCurrentPassword } from "./current-password.ts";
import type { CurrentSession, SessionUser } from "./lucia.ts";
import { isMfaRequiredFor } from "./mfa-policy.ts";
import { hashRecoveryCode, newRecoveryCodes, normaliseRecoveryCode } from "./recovery-codes.ts";
import { seal, unseal } from "./secret-box.ts";
import { startSession } from "./session.ts";
import { matchTotp, newTotpSecret, totpCodePattern, totpUri } from "./totp.ts";

type UserContext = Pick<Context, "db" | "auth" | "request" | "responseHeaders"> & {
  user: SessionUser;
  session: CurrentSession;
};
type Tx = Parameters<Parameters<Context["db"]["$transaction"]>[0]>[0];

/** How long a set-up page stays usable: time to find the phone and scan the code. */
const SETUP_MINUTES = 30;
const VERIFY_ATTEMPTS = { limit: 10, windowSeconds: 15 * 60 };
const WRONG_CODE = "The code is not correct. Enter the 6-digit code your authenticator app shows now";

export const codeField = z
  .string()
  .trim()
  .min(1, "Enter the 6-digit code from your authenticator app")
  .max(40, "Enter the 6-digit code from your authenticator app");

// ---------------------------------------------------------------------------------------------
// Setting up an authenticator app

/**
 * The secret to show (QR code and text). It is not stored until a code from it is confirmed: it
 * travels as `setupToken`, sealed to this user and dated, so a stale or someone else's set-up
 * cannot be confirmed. Given a still-valid `setupToken`, the same secret is shown again (the page
 * can be reloaded, or re-shown after a wrong code, without the app having to be set up twice).
 */
export function startTotpSetup(user: SessionUser, setupToken?: string) {
  if (user.totpEnabled) throw new AppError("CONFLICT", "You already have an authenticator app set up.");
  const reopened = setupToken ? readSetupToken(setupToken, user.id) : null;
  if (reopened && setupToken) return { secret: reopened.secret, uri: totpUri(reopened.secret, user.email), setupToken };
  const secret = newTotpSecret();
  const expiresAt = Date.now() + SETUP_MINUTES * 60 * 1000;
  return {
    secret,
    uri: totpUri(secret, user.email),
    setupToken: seal("totp-setup", JSON.stringify({ secret, expiresAt }), user.id),
  };
}

const sealedSetup = z.object({ secret: z.string().min(16), expiresAt: z.number() });

/** The set-up's secret, or null when the token is not this user's, was altered, or has expired. */
function readSetupToken(setupToken: string, userId: string): z.infer<typeof sealedSetup> | null {
  const opened = unseal("totp-setup", setupToken, userId);
  const setup = opened ? sealedSetup.safeParse(JSON.parse(opened)) : null;
  return setup?.success && setup.data.expiresAt > Date.now() ? setup.data : null;
}

export const totpSetupInput = z.object({ setupToken: z.string().max(1000).optional() });

export const enableTotpInput = z.object({ setupToken: z.string().min(1).max(1000), code: codeField });

async function replaceRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })) });
  return codes;
}

/** Confirms the app with a current code, stores the secret encrypted, and returns new recovery codes (shown once). */
export async function enableTotp(ctx: UserContext, input: z.infer<typeof enableTotpInput>) {
  const setup = readSetupToken(input.setupToken, ctx.user.id);
  if (!setup) throw new AppError("PRECONDITION_FAILED", "This set-up has expired or could not be read. Start again.");
  const { secret } = setup;
  const timeStep = await matchTotp(secret, input.code, null);
  if (timeStep === null) throw new AppError("BAD_REQUEST", WRONG_CODE, { code: WRONG_CODE });

  const recoveryCodes = await ctx.db.$transaction(async (tx) => {
    const enabled = await tx.user.updateMany({
      where: { id: ctx.user.id, totpEnabledAt: null },
      data: {
        totpSecret: seal("totp-secret", secret, ctx.user.id),
        totpEnabledAt: new Date(),
        totpLastUsedStep: timeStep,
      },
    });
    if (enabled.count === 0) throw new AppError("CONFLICT", "You already have an authenticator app set up.");
    const codes = await replaceRecoveryCodes(tx, ctx.user.id);
    await recordAudit(tx, ctx, {
      action: "account.mfaEnabled",
      targetType: "User",
      targetId: ctx.user.id,
      summary: `${ctx.user.name} set up an authenticator app`,
    });
    return codes;
  });
  // This session has just proved the second factor. It was started by this sign-in's password
  // step, so it is marked verified rather than replaced: the page that shows the recovery codes is
  // rendered in the same request, with the same cookie.
  await ctx.db.session.update({ where: { id: ctx.session.id }, data: { mfaVerifiedAt: new Date() } });
  return { recoveryCodes };
}

// ---------------------------------------------------------------------------------------------
// The second step of signing in

export const verifyMfaInput = z.object({ code: codeField });

/** Accepts a current authenticator code (each one once) or an unused recovery code, then starts a verified session. */
export async function verifyMfa(ctx: UserContext, input: z.infer<typeof verifyMfaInput>) {
  const attempts = await hitRateLimit(ctx.db, `mfa-verify:${ctx.user.id}`, VERIFY_ATTEMPTS);
  if (!attempts.allowed) {
    await recordCodeRefusal(ctx, "auth.mfaThrottled", "was refused a code check: too many wrong codes");
    throw new AppError(
      "TOO_MANY_REQUESTS",
      `You have entered too many wrong codes. Wait ${waitInWords(attempts.retryAfterSeconds)}, then try again.`,
    );
  }
  const user = await ctx.db.user.findUnique({
    where: { id: ctx.user.id },
    select: { totpSecret: true, totpEnabledAt: true, totpLastUsedStep: true },
  });
  const secret = user?.totpSecret && user.totpEnabledAt ? unseal("totp-secret", user.totpSecret, ctx.user.id) : null;
  if (!user || !secret) throw new AppError("PRECONDITION_FAILED", "Set up an authenticator app first.");

  const code = input.code.replace(/\s/g, "");
  let usedRecoveryCode = false;
  if (totpCodePattern.test(code)) {
    const timeStep = await matchTotp(secret, code, user.totpLastUsedStep);
    // Recording the step only if it is newer than the last one makes a replayed code fail even when two requests race.
    const recorded =
      timeStep !== null &&
      (
        await ctx.db.user.updateMany({
          where: { id: ctx.user.id, OR: [{ totpLastUsedStep: null }, { totpLastUsedStep: { lt: timeStep } }] },
          data: { totpLastUsedStep: timeStep },
        })
      ).count === 1;
    if (!recorded) {
      // A code that is right but already used (or older than the last used one) is a replay, worth telling apart.
      const isReplay = timeStep !== null || (await matchTotp(secret, code, null)) !== null;
      await recordCodeRefusal(
        ctx,
        isReplay ? "auth.mfaCodeReused" : "auth.mfaCodeWrong",
        isReplay ? "entered an authenticator code that had already been used" : "entered a wrong authenticator code",
      );
      throw new AppError("BAD_REQUEST", WRONG_CODE, { code: WRONG_CODE });
    }
  } else {
    const codeHash = hashRecoveryCode(normaliseRecoveryCode(code));
    const used = await ctx.db.recoveryCode.updateMany({
      where: { userId: ctx.user.id, codeHash, usedAt: null },
      data: { usedAt: new Date() },
    });
    if (used.count !== 1) {
      const isReused = (await ctx.db.recoveryCode.count({ where: { userId: ctx.user.id, codeHash } })) > 0;
      await recordCodeRefusal(
        ctx,
        isReused ? "auth.recoveryCodeReused" : "auth.recoveryCodeWrong",
        isReused ? "entered a recovery code that had already been used" : "entered a wrong recovery code",
      );
      throw new AppError("BAD_REQUEST", WRONG_CODE, { code: WRONG_CODE });
    }
    usedRecoveryCode = true;
  }

  const recoveryCodesLeft = await ctx.db.recoveryCode.count({ where: { userId: ctx.user.id, usedAt: null } });
  await recordAudit(ctx.db, ctx, {
    action: usedRecoveryCode ? "auth.recoveryCodeUsed" : "auth.mfaVerified",
    targetType: "User",
    targetId: ctx.user.id,
    summary: usedRecoveryCode
      ? `${ctx.user.name} signed in with a recovery code (${recoveryCodesLeft} left)`
      : `${ctx.user.name} entered an authenticator code`,
  });
  await startSession(ctx, ctx.user.id, { mfaVerified: true });
  return { usedRecoveryCode, recoveryCodesLeft };
}

/** Records a refused second-factor attempt; never the code itself. */
async function recordCodeRefusal(ctx: UserContext, action: string, what: string) {
  await recordAudit(ctx.db, ctx, {
    action,
    targetType: "User",
    targetId: ctx.user.id,
    summary: `${ctx.user.name} ${what}`,
  });
}

// ---------------------------------------------------------------------------------------------
// Managing it from the account page

export async function mfaOverview(ctx: Pick<Context, "db"> & { user: SessionUser }) {
  const [user, recoveryCodesLeft, required] = await Promise.all([
    ctx.db.user.findUnique({ where: { id: ctx.user.id }, select: { totpEnabledAt: true } }),
    ctx.db.recoveryCode.count({ where: { userId: ctx.user.id, usedAt: null } }),
    isMfaRequiredFor(ctx.db, ctx.user.role),
  ]);
  return { enabledAt: user?.totpEnabledAt ?? null, recoveryCodesLeft, required };
}

export const confirmWithPasswordInput = z.object({ password: z.string().max(1000, "That is not your password") });

export async function disableTotp(
  ctx: Pick<Context, "db" | "request"> & { user: SessionUser },
  input: z.infer<typeof confirmWithPasswordInput>,
) {
  if (await isMfaRequiredFor(ctx.db, ctx.user.role)) {
    throw new AppError("FORBIDDEN", "Your role must use an authenticator app, so it cannot be turned off.");
  }
  await assertCurrentPassword(ctx, input.password, "password");
  await ctx.db.$transaction(async (tx) => {
    const disabled = await tx.user.updateMany({
      where: { id: ctx.user.id, totpEnabledAt: { not: null } },
      data: { totpSecret: null, totpEnabledAt: null, totpLastUsedStep: null },
    });
    if (disabled.count === 0) throw new AppError("CONFLICT", "You do not have an authenticator app set up.");
    await tx.recoveryCode.deleteMany({ where: { userId: ctx.user.id } });
    await recordAudit(tx, ctx, {
      action: "account.mfaDisabled",
      targetType: "User",
      targetId: ctx.user.id,
      summary: `${ctx.user.name} turned off their authenticator app`,
    });
  });
}

export async function regenerateRecoveryCodes(
  ctx: Pick<Context, "db" | "request"> & { user: SessionUser },
  input: z.infer<typeof confirmWithPasswordInput>,
) {
  await assertCurrentPassword(ctx, input.password, "password");
  return ctx.db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: ctx.user.id }, select: { totpEnabledAt: true } });
    if (!user?.totpEnabledAt) throw new AppError("CONFLICT", "Set up an authenticator app first.");
    const recoveryCodes = await replaceRecoveryCodes(tx, ctx.user.id);
    await recordAudit(tx, ctx, {
      action: "account.recoveryCodesReplaced",
      targetType: "User",
      targetId: ctx.user.id,
      summary: `${ctx.user.name} replaced their recovery codes`,
    });
    return { recoveryCodes };
  });
}
