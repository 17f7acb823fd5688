-- DropIndex
DROP INDEX "Comment_authorEmail_trgm_idx";

-- DropIndex
DROP INDEX "Comment_authorName_trgm_idx";

-- DropIndex
DROP INDEX "Comment_body_trgm_idx";

-- CreateTable
CREATE TABLE "CommentSearch" (
    "commentId" TEXT NOT NULL,
    "text" TEXT NOT NULL,

    CONSTRAINT "CommentSearch_pkey" PRIMARY KEY ("commentId")
);

-- CreateIndex
CREATE INDEX "CommentSearch_text_trgm_idx" ON "CommentSearch" USING GIN ("text" gin_trgm_ops);

-- AddForeignKey
ALTER TABLE "CommentSearch" ADD CONSTRAINT "CommentSearch_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The text the queue's search looks in (body, name and email, one per line), kept in step with
-- Comment by triggers (hand-written: Prisma does not model triggers). It lives apart from Comment so
-- that moderating, which rewrites a comment's row, never touches the trigram index: only a new
-- comment, a redaction or an erasure does.
CREATE FUNCTION "comment_search_text"(body text, author_name text, author_email text) RETURNS text
  LANGUAGE sql IMMUTABLE AS $$ SELECT body || E'\n' || author_name || E'\n' || author_email $$;

CREATE FUNCTION "comment_search_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "CommentSearch" ("commentId", "text")
    SELECT "id", "comment_search_text"("body", "authorName", "authorEmail") FROM new_rows;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Comment_search_insert" AFTER INSERT ON "Comment"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "comment_search_insert"();

CREATE FUNCTION "comment_search_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "CommentSearch" SET "text" = "comment_search_text"(NEW."body", NEW."authorName", NEW."authorEmail")
    WHERE "commentId" = NEW."id";
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Comment_search_update" AFTER UPDATE OF "body", "authorName", "authorEmail" ON "Comment"
  FOR EACH ROW WHEN (OLD."body" IS DISTINCT FROM NEW."body" OR OLD."authorName" IS DISTINCT FROM NEW."authorName"
    OR OLD."authorEmail" IS DISTINCT FROM NEW."authorEmail")
  EXECUTE FUNCTION "comment_search_update"();

-- Backfill: the comments already there.
INSERT INTO "CommentSearch" ("commentId", "text")
  SELECT "id", "comment_search_text"("body", "authorName", "authorEmail") FROM "Comment";
