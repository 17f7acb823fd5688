-- Review due (decision 014): every item has an owner and its review dates; the dates move from the
-- revision (where they were typed in the content form) to the item, where publishing and "Mark as
-- reviewed" keep them.

-- CreateEnum
CREATE TYPE "ReviewReminderStage" AS ENUM ('DUE_SOON', 'OVERDUE');

-- AlterTable
ALTER TABLE "ContentItem" ADD COLUMN     "lastReviewedAt" TIMESTAMPTZ(3),
ADD COLUMN     "nextReviewDue" TIMESTAMPTZ(3),
ADD COLUMN     "ownerId" TEXT,
ADD COLUMN     "reviewIntervalMonths" INTEGER;

-- The owner is the creator unless someone names another.
UPDATE "ContentItem" SET "ownerId" = "createdById";

-- A live item keeps the dates its live revision showed. One that showed none was last reviewed when it
-- went live, and is next due a year later (the default interval of every kind), at the start of that
-- London day.
UPDATE "ContentItem" i SET
  "lastReviewedAt" = COALESCE(r."lastReviewedAt", i."liveSince", i."publishedAt"),
  "nextReviewDue" = COALESCE(
    r."nextReviewDue",
    (date_trunc('day', COALESCE(r."lastReviewedAt", i."liveSince", i."publishedAt") AT TIME ZONE 'Europe/London')
      + interval '12 months') AT TIME ZONE 'Europe/London'
  )
FROM "Revision" r
WHERE r."id" = i."liveRevisionId";

-- AlterTable
ALTER TABLE "Revision" DROP COLUMN "lastReviewedAt",
DROP COLUMN "nextReviewDue";

-- Items written without an owner get their creator (Prisma cannot default one column to another).
CREATE FUNCTION "content_item_default_owner"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."ownerId" := COALESCE(NEW."ownerId", NEW."createdById");
  RETURN NEW;
END;
$$;
CREATE TRIGGER "ContentItem_default_owner" BEFORE INSERT ON "ContentItem"
  FOR EACH ROW EXECUTE FUNCTION "content_item_default_owner"();

-- Whether public pages show the review dates is a setting per kind: changing it changes pages.
CREATE TRIGGER "Setting_review_due_public_version" AFTER INSERT OR UPDATE ON "Setting"
  FOR EACH ROW WHEN (NEW."key" = 'content.reviewDue')
  EXECUTE FUNCTION "bump_public_content_version"();
CREATE TRIGGER "Setting_review_due_delete_public_version" AFTER DELETE ON "Setting"
  FOR EACH ROW WHEN (OLD."key" = 'content.reviewDue')
  EXECUTE FUNCTION "bump_public_content_version"();

-- CreateTable
CREATE TABLE "ReviewReminder" (
    "itemId" TEXT NOT NULL,
    "stage" "ReviewReminderStage" NOT NULL,
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "ownerId" TEXT,
    "sentAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewReminder_pkey" PRIMARY KEY ("itemId","stage","dueAt")
);

-- CreateIndex
CREATE INDEX "ReviewReminder_sentAt_idx" ON "ReviewReminder"("sentAt");

-- CreateIndex
CREATE INDEX "ContentItem_nextReviewDue_idx" ON "ContentItem"("nextReviewDue");

-- CreateIndex
CREATE INDEX "ContentItem_ownerId_nextReviewDue_idx" ON "ContentItem"("ownerId", "nextReviewDue");

-- AddForeignKey
ALTER TABLE "ContentItem" ADD CONSTRAINT "ContentItem_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewReminder" ADD CONSTRAINT "ReviewReminder_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "ContentItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;
