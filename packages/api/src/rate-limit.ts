import type { Db } from "@observatory/db";

export type RateLimit = { limit: number; windowSeconds: number };

/**
 * Counts one hit against `key` in a fixed window shared by every app instance (one atomic upsert),
 * and says whether it is within the limit. A limit of 0 disables the check.
 */
export async function hitRateLimit(db: Pick<Db, "$queryRaw">, key: string, { limit, windowSeconds }: RateLimit) {
  if (limit <= 0) return { allowed: true, retryAfterSeconds: 0 };
  const now = Date.now();
  const windowStart = new Date(now - (now % (windowSeconds * 1000)));
  const [row] = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "count") VALUES (${key}, ${windowStart}, 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitBucket"."windowStart" = EXCLUDED."windowStart" THEN "RateLimitBucket"."count" + 1 ELSE 1 END,
      "windowStart" = EXCLUDED."windowStart"
    RETURNING "count"`;
  const count = row?.count ?? 1;
  const retryAfterSeconds = Math.ceil((windowStart.getTime() + windowSeconds * 1000 - now) / 1000);
  return { allowed: count <= limit, retryAfterSeconds };
}
