-- DropIndex
DROP INDEX "Media_createdAt_idx";

-- AlterTable
ALTER TABLE "Media" ADD COLUMN     "caption" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "credit" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "decorative" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "title" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "variants" JSONB NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "Revision" ADD COLUMN     "leadImageId" TEXT;

-- CreateIndex
CREATE INDEX "Media_createdAt_id_idx" ON "Media"("createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Revision_leadImageId_idx" ON "Revision"("leadImageId");

-- AddForeignKey
ALTER TABLE "Revision" ADD CONSTRAINT "Revision_leadImageId_fkey" FOREIGN KEY ("leadImageId") REFERENCES "Media"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Images uploaded before the library are found by their file name until someone names them.
UPDATE "Media" SET "title" = "fileName" WHERE "title" = '';

-- What readers see of a library image (its text, and the files a page lists) is part of the public
-- content: changing it must reach cached pages, as a change to an item does.
CREATE TRIGGER "Media_public_version" AFTER UPDATE ON "Media"
  FOR EACH ROW WHEN (
    OLD."alt" IS DISTINCT FROM NEW."alt" OR OLD."decorative" IS DISTINCT FROM NEW."decorative"
    OR OLD."caption" IS DISTINCT FROM NEW."caption" OR OLD."credit" IS DISTINCT FROM NEW."credit"
    OR OLD."variants" IS DISTINCT FROM NEW."variants"
  ) EXECUTE FUNCTION "bump_public_content_version"();
