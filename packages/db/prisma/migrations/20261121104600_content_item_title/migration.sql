-- DropIndex
DROP INDEX "ContentItem_updatedAt_id_idx";

-- AlterTable
ALTER TABLE "ContentItem" ADD COLUMN     "title" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE INDEX "ContentItem_updatedAt_id_idx" ON "ContentItem"("updatedAt", "id");

-- CreateIndex
CREATE INDEX "ContentItem_title_id_idx" ON "ContentItem"("title", "id");

-- CreateIndex
CREATE INDEX "ContentItem_title_trgm_idx" ON "ContentItem" USING GIN ("title" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "ContentItem_slug_trgm_idx" ON "ContentItem" USING GIN ("slug" gin_trgm_ops);

-- ContentItem."title" is the latest revision's title, so the staff list can order and search by it
-- with an index (hand-written: Prisma does not model triggers). It follows the latest revision
-- however that changes: the item pointed at another revision, or that revision (an autosave working
-- copy) edited in place.
CREATE FUNCTION "content_item_title_from_latest"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."latestRevisionId" IS NOT NULL THEN
    NEW."title" := COALESCE((SELECT "title" FROM "Revision" WHERE "id" = NEW."latestRevisionId"), NEW."title");
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "ContentItem_title_from_latest" BEFORE INSERT OR UPDATE OF "latestRevisionId" ON "ContentItem"
  FOR EACH ROW EXECUTE FUNCTION "content_item_title_from_latest"();

CREATE FUNCTION "revision_title_to_content_item"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "ContentItem" SET "title" = NEW."title" WHERE "latestRevisionId" = NEW."id" AND "title" <> NEW."title";
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Revision_title_to_content_item" AFTER UPDATE OF "title" ON "Revision"
  FOR EACH ROW WHEN (OLD."title" IS DISTINCT FROM NEW."title") EXECUTE FUNCTION "revision_title_to_content_item"();

-- Backfill: every existing item takes its latest revision's title.
UPDATE "ContentItem" AS i SET "title" = r."title" FROM "Revision" AS r WHERE r."id" = i."latestRevisionId";
