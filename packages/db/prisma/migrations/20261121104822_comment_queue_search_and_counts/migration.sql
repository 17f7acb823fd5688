-- CreateTable
CREATE TABLE "CommentStatusCount" (
    "status" "CommentStatus" NOT NULL,
    "slot" SMALLINT NOT NULL,
    "total" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "CommentStatusCount_pkey" PRIMARY KEY ("status","slot")
);

-- CreateIndex
CREATE INDEX "Comment_body_trgm_idx" ON "Comment" USING GIN ("body" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Comment_authorName_trgm_idx" ON "Comment" USING GIN ("authorName" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Comment_authorEmail_trgm_idx" ON "Comment" USING GIN ("authorEmail" gin_trgm_ops);

-- The moderation queue's tab counts without counting rows: per-status totals kept by statement-level
-- triggers (hand-written: Prisma does not model triggers). Each statement adds its net change to one
-- of eight slots picked at random, so concurrent submissions seldom wait for each other's row lock;
-- the queue sums the slots.
CREATE FUNCTION "comment_status_count_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  chosen smallint := floor(random() * 8);
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    DELETE FROM "CommentStatusCount";
  ELSIF TG_OP = 'INSERT' THEN
    INSERT INTO "CommentStatusCount" AS c ("status", "slot", "total")
      SELECT "status", chosen, count(*) FROM new_rows GROUP BY "status"
      ON CONFLICT ("status", "slot") DO UPDATE SET "total" = c."total" + EXCLUDED."total";
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "CommentStatusCount" AS c ("status", "slot", "total")
      SELECT "status", chosen, -count(*) FROM old_rows GROUP BY "status"
      ON CONFLICT ("status", "slot") DO UPDATE SET "total" = c."total" + EXCLUDED."total";
  ELSE
    INSERT INTO "CommentStatusCount" AS c ("status", "slot", "total")
      SELECT "status", chosen, sum(n) FROM (
        SELECT "status", 1 AS n FROM new_rows UNION ALL SELECT "status", -1 FROM old_rows
      ) AS changes GROUP BY "status" HAVING sum(n) <> 0
      ON CONFLICT ("status", "slot") DO UPDATE SET "total" = c."total" + EXCLUDED."total";
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Comment_status_count_insert" AFTER INSERT ON "Comment"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "comment_status_count_apply"();
CREATE TRIGGER "Comment_status_count_update" AFTER UPDATE ON "Comment"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "comment_status_count_apply"();
CREATE TRIGGER "Comment_status_count_delete" AFTER DELETE ON "Comment"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "comment_status_count_apply"();
CREATE TRIGGER "Comment_status_count_truncate" AFTER TRUNCATE ON "Comment"
  FOR EACH STATEMENT EXECUTE FUNCTION "comment_status_count_apply"();

-- Backfill: the comments already there.
INSERT INTO "CommentStatusCount" ("status", "slot", "total") SELECT "status", 0, count(*) FROM "Comment" GROUP BY "status";
