/*
  Warnings:

  - You are about to drop the column `count` on the `RateLimitBucket` table. All the data in the column will be lost.
  - You are about to drop the column `windowStart` on the `RateLimitBucket` table. All the data in the column will be lost.
  - Added the required column `expiresAt` to the `RateLimitBucket` table without a default value. This is not possible if the table is not empty.

*/
-- Fixed-window counts cannot become a list of hit times: forgetting them gives every sender one
-- fresh window, once.
DELETE FROM "RateLimitBucket";

-- DropIndex
DROP INDEX "RateLimitBucket_windowStart_idx";

-- AlterTable
ALTER TABLE "RateLimitBucket" DROP COLUMN "count",
DROP COLUMN "windowStart",
ADD COLUMN     "expiresAt" TIMESTAMPTZ(3) NOT NULL,
ADD COLUMN     "hits" TIMESTAMPTZ(3)[];

-- CreateTable
CREATE TABLE "CommentRefusalCount" (
    "day" DATE NOT NULL,
    "rule" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "CommentRefusalCount_pkey" PRIMARY KEY ("day","rule")
);

-- CreateIndex
CREATE INDEX "RateLimitBucket_expiresAt_idx" ON "RateLimitBucket"("expiresAt");

-- A sliding-window rate limit over one or more keys, decided together (rate-limit.ts): a hit is
-- allowed when, for every key, fewer than "limits"[i] allowed hits fall within the last
-- "windowSeconds"[i] before "at". Only an allowed hit is stored (against every key), so a refused
-- sender's retries do not push its wait further out. For each key it returns whether that key
-- allowed the hit and, if not, the true wait: until enough of its counted hits leave the window.
-- A limit of 0 or less never refuses and stores nothing. The rows are locked in key order, so
-- concurrent hits on overlapping keys are counted exactly and cannot deadlock.
CREATE FUNCTION "rate_limit_hit"("keys" text[], "limits" int[], "windowSeconds" int[], "at" timestamptz)
RETURNS TABLE ("key" text, "allowed" boolean, "retryAfterSeconds" int)
LANGUAGE plpgsql VOLATILE
AS $$
DECLARE
  "i" int;
  "inWindow" timestamptz[];
  "isAllowed" boolean;
  "allAllowed" boolean := true;
BEGIN
  INSERT INTO "RateLimitBucket" ("key", "hits", "expiresAt")
  SELECT k, '{}', rate_limit_hit."at" FROM unnest(rate_limit_hit."keys") k ORDER BY k
  ON CONFLICT DO NOTHING;
  PERFORM 1 FROM "RateLimitBucket" b WHERE b."key" = ANY(rate_limit_hit."keys") ORDER BY b."key" FOR UPDATE;
  FOR "i" IN 1 .. coalesce(array_length(rate_limit_hit."keys", 1), 0) LOOP
    SELECT coalesce(array_agg(h ORDER BY h), '{}') INTO "inWindow"
    FROM "RateLimitBucket" b, unnest(b."hits") h
    WHERE b."key" = rate_limit_hit."keys"["i"]
      AND h > rate_limit_hit."at" - make_interval(secs => rate_limit_hit."windowSeconds"["i"]);
    "isAllowed" := rate_limit_hit."limits"["i"] <= 0 OR cardinality("inWindow") < rate_limit_hit."limits"["i"];
    "allAllowed" := "allAllowed" AND "isAllowed";
    "key" := rate_limit_hit."keys"["i"];
    "allowed" := "isAllowed";
    -- With n hits in the window and a limit of l, the next is allowed once the (n - l + 1)th oldest
    -- has left it (the limit may have been lowered since those hits were allowed).
    "retryAfterSeconds" := CASE WHEN "isAllowed" THEN 0 ELSE greatest(1, ceil(extract(epoch FROM
      "inWindow"[cardinality("inWindow") - rate_limit_hit."limits"["i"] + 1]
      + make_interval(secs => rate_limit_hit."windowSeconds"["i"]) - rate_limit_hit."at"))::int) END;
    RETURN NEXT;
  END LOOP;
  IF "allAllowed" THEN
    FOR "i" IN 1 .. coalesce(array_length(rate_limit_hit."keys", 1), 0) LOOP
      CONTINUE WHEN rate_limit_hit."limits"["i"] <= 0;
      UPDATE "RateLimitBucket" b SET
        "hits" = array(
          SELECT h FROM unnest(b."hits") h
          WHERE h > rate_limit_hit."at" - make_interval(secs => rate_limit_hit."windowSeconds"["i"])
          ORDER BY h
        ) || rate_limit_hit."at",
        "expiresAt" = greatest(b."expiresAt", rate_limit_hit."at" + make_interval(secs => rate_limit_hit."windowSeconds"["i"]))
      WHERE b."key" = rate_limit_hit."keys"["i"];
    END LOOP;
  END IF;
END
$$;
