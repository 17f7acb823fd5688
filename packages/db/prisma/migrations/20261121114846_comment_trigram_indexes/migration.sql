/*
  Warnings:

  - You are about to drop the `CommentSearch` table. If the table is not empty, all the data it contains will be lost.

*/
-- DropForeignKey
ALTER TABLE "CommentSearch" DROP CONSTRAINT "CommentSearch_commentId_fkey";

-- DropTable
DROP TABLE "CommentSearch";

-- CreateIndex
CREATE INDEX "Comment_body_trgm_idx" ON "Comment" USING GIN ("body" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Comment_authorName_trgm_idx" ON "Comment" USING GIN ("authorName" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Comment_authorEmail_trgm_idx" ON "Comment" USING GIN ("authorEmail" gin_trgm_ops);

-- Back to trigram indexes on Comment itself (hand-written part: the triggers and functions of the
-- comment_search migration). A search through a separate table joined it row by row when common
-- words were absent from the newest comments (150 ms and more for a queue page); see decision 004.
DROP TRIGGER IF EXISTS "Comment_search_insert" ON "Comment";
DROP TRIGGER IF EXISTS "Comment_search_update" ON "Comment";
DROP FUNCTION IF EXISTS "comment_search_insert"();
DROP FUNCTION IF EXISTS "comment_search_update"();
DROP FUNCTION IF EXISTS "comment_search_text"(text, text, text);
