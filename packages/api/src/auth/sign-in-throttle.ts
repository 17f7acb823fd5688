import type { Db } from "@observatory/db";
import { hashToken } from "./tokens.ts";

// Failed sign-ins are counted per (email, IP hash) pair, whether or not the email belongs to
// anyone, so the throttle itself says nothing about which accounts exist. From the 5th failure the
// pair must wait before trying again (5 s, doubling); at the 10th it is locked for 15 minutes, and
// each failure after that locks it again. A success clears the count; a quiet day forgets it.

export const SLOW_DOWN_AFTER = 5;
export const LOCK_AFTER = 10;
export const LOCK_MINUTES = 15;
const FORGET_AFTER_MS = 24 * 60 * 60 * 1000;

type Writer = Pick<Db, "signInThrottle" | "$queryRaw">;

export function throttleKey(email: string, ipHash: string | null): string {
  return `${hashToken(email)}:${ipHash ?? "unknown"}`;
}

/** Seconds the pair must wait after its last failure before trying again. */
export function waitSecondsAfter(failures: number): number {
  return failures < SLOW_DOWN_AFTER ? 0 : 5 * 2 ** (failures - SLOW_DOWN_AFTER);
}

export type ThrottleCheck = { allowed: true } | { allowed: false; locked: boolean; retryAfterSeconds: number };

export async function checkThrottle(db: Writer, key: string, now = new Date()): Promise<ThrottleCheck> {
  const row = await db.signInThrottle.findUnique({ where: { key } });
  if (!row || now.getTime() - row.lastFailureAt.getTime() > FORGET_AFTER_MS) return { allowed: true };
  if (row.lockedUntil && row.lockedUntil > now) {
    return { allowed: false, locked: true, retryAfterSeconds: secondsUntil(row.lockedUntil, now) };
  }
  if (row.failures >= LOCK_AFTER) return { allowed: true };
  const waitUntil = new Date(row.lastFailureAt.getTime() + waitSecondsAfter(row.failures) * 1000);
  return waitUntil > now
    ? { allowed: false, locked: false, retryAfterSeconds: secondsUntil(waitUntil, now) }
    : { allowed: true };
}

/** Counts a failure (one atomic upsert, safe under concurrent attempts); says whether it locked the pair. */
export async function recordFailure(db: Writer, key: string, now = new Date()): Promise<{ locked: boolean }> {
  const forgetBefore = new Date(now.getTime() - FORGET_AFTER_MS);
  const lockUntil = new Date(now.getTime() + LOCK_MINUTES * 60 * 1000);
  const [row] = await db.$queryRaw<{ failures: number }[]>`
    INSERT INTO "SignInThrottle" ("key", "failures", "lastFailureAt") VALUES (${key}, 1, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN "SignInThrottle"."lastFailureAt" < ${forgetBefore} THEN 1
                        ELSE "SignInThrottle"."failures" + 1 END,
      "lastFailureAt" = EXCLUDED."lastFailureAt"
    RETURNING "failures"`;
  if ((row?.failures ?? 0) < LOCK_AFTER) return { locked: false };
  await db.signInThrottle.update({ where: { key }, data: { lockedUntil: lockUntil } });
  return { locked: true };
}

export async function clearThrottle(db: Pick<Db, "signInThrottle">, key: string): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key } });
}

/** After a password reset the owner starts afresh, from every address. */
export async function clearThrottlesForEmail(db: Pick<Db, "signInThrottle">, email: string): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key: { startsWith: `${hashToken(email)}:` } } });
}

function secondsUntil(time: Date, now: Date): number {
  return Math.max(1, Math.ceil((time.getTime() - now.getTime()) / 1000));
}
