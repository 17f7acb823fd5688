import { verifyPassword } from "./password.ts";
import { AppError } from "../errors.ts";
import { hitRateLimit, waitInWords } from "../rate-limit.ts";
import type { Context } from "../trpc.ts";

const ATTEMPTS = { limit: 10, windowSeconds: 15 * 60 };

/**
 * Asks a signed-in user for their password again before a sensitive change (new password, turning
 * off the authenticator, new recovery codes), so an unattended session cannot make it.
 */
export async function assertCurrentPassword(
  ctx: Pick<Context, "db"> & { user: { id: string } },
  password: string,
  field: string,
): Promise<void> {
  const limit = await hitRateLimit(ctx.db, `reauthenticate:${ctx.user.id}`, ATTEMPTS);
  if (!limit.allowed) {
    throw new AppError(
      "TOO_MANY_REQUESTS",
      `You have entered a wrong password too many times. Try again in ${waitInWords(limit.retryAfterSeconds)}.`,
    );
  }
  const user = await ctx.db.user.findUnique({ where: { id: ctx.user.id }, select: { passwordHash: true } });
  if (!password || !user?.passwordHash || !(await verifyPassword(user.passwordHash, password))) {
    const message = password ? "Your current password is not correct" : "Enter your current password";
    throw new AppError("BAD_REQUEST", message, { [field]: message });
  }
}
