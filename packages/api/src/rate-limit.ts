import type { Db } from "@observatory/db";

export type RateLimit = { limit: number; windowSeconds: number };

export type RateLimitResult = { allowed: boolean; retryAfterSeconds: number };

/**
 * Counts one hit against `key` in a sliding window shared by every app instance (the SQL function
 * `rate_limit_hit`, one statement): at most `limit` hits are allowed in any `windowSeconds`, so no
 * burst across a window boundary lets twice the limit through. Only allowed hits are counted; a
 * refusal says how long until the oldest counted hit leaves the window. A limit of 0 disables it.
 */
export async function hitRateLimit(
  db: Pick<Db, "$queryRaw">,
  key: string,
  { limit, windowSeconds }: RateLimit,
  at = new Date(),
): Promise<RateLimitResult> {
  const [row] = await db.$queryRaw<RateLimitResult[]>`
    SELECT "allowed", "retryAfterSeconds" FROM "rate_limit_hit"(ARRAY[${key}]::text[], ARRAY[${limit}]::int[],
      ARRAY[${windowSeconds}]::int[], ${at}::timestamptz)`;
  return row ?? { allowed: true, retryAfterSeconds: 0 };
}

/** "40 seconds", "1 minute", "23 minutes": a wait, rounded up to what a person can act on. */
export function waitInWords(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}
