-- Bodies and priority descriptions become structured documents (decision 011). The Markdown is kept,
-- renamed, only until the deploy step that follows the migrations converts it and empties the
-- column (packages/db/src/migrations/markdown-bodies.ts); it is not read for anything else.

ALTER TABLE "Revision" RENAME COLUMN "body" TO "markdownBody";
ALTER TABLE "Revision" ALTER COLUMN "markdownBody" DROP NOT NULL, ALTER COLUMN "markdownBody" DROP DEFAULT;
ALTER TABLE "Revision" DROP COLUMN "bodyHtml";
ALTER TABLE "Revision"
  ADD COLUMN "document" JSONB NOT NULL DEFAULT '{"type":"doc","content":[{"type":"paragraph"}]}',
  ADD COLUMN "bodyText" TEXT NOT NULL DEFAULT '';

ALTER TABLE "Workstream" RENAME COLUMN "description" TO "markdownDescription";
ALTER TABLE "Workstream" ALTER COLUMN "markdownDescription" DROP NOT NULL;
ALTER TABLE "Workstream" DROP COLUMN "descriptionHtml";
ALTER TABLE "Workstream"
  ADD COLUMN "description" JSONB NOT NULL DEFAULT '{"type":"doc","content":[{"type":"paragraph"}]}';
