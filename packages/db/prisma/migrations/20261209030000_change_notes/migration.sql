-- Change notes and page history (decision 030). Each revision records when it first went on the
-- public site and, when it replaced an earlier one, whether that was a major change (with the note
-- readers see) or a minor one.
ALTER TABLE "Revision" ADD COLUMN     "changeNote" TEXT,
ADD COLUMN     "minorChange" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "wentLiveAt" TIMESTAMPTZ(3);

CREATE INDEX "Revision_itemId_wentLiveAt_idx" ON "Revision"("itemId", "wentLiveAt");

-- Whatever makes a revision the live one (publishing, the scheduler's record, undoing an archive,
-- an import) records when it first went live: the time the item says it went live.
CREATE FUNCTION "revision_went_live"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Revision" SET "wentLiveAt" = COALESCE(NEW."liveSince", now())
  WHERE "id" = NEW."liveRevisionId" AND "wentLiveAt" IS NULL;
  RETURN NULL;
END $$;

CREATE TRIGGER "ContentItem_revision_went_live" AFTER INSERT OR UPDATE OF "liveRevisionId" ON "ContentItem"
  FOR EACH ROW WHEN (NEW."liveRevisionId" IS NOT NULL) EXECUTE FUNCTION "revision_went_live"();

-- What is live today went live when the item was first published, as far as anyone can now tell:
-- its history starts there.
UPDATE "Revision" r SET "wentLiveAt" = COALESCE(i."publishedAt", i."liveSince")
FROM "ContentItem" i WHERE i."liveRevisionId" = r."id";

-- The public history of every visible item at "at": its first publication and each major change
-- since, by the same rule as what the public sees (visible_items). A scheduled revision counts from
-- its publication time, whether or not the scheduler has recorded it yet; a minor change never
-- counts. "note" is null for the first publication.
CREATE FUNCTION "public_updates"("at" timestamptz)
RETURNS TABLE ("itemId" text, "revisionId" text, "at" timestamptz, "note" text)
LANGUAGE sql STABLE
AS $$
  SELECT r."itemId", r."id", COALESCE(r."wentLiveAt", i."publishAt"), r."changeNote"
  FROM "visible_items"("at") v
    JOIN "ContentItem" i ON i."id" = v."id"
    JOIN "Revision" r ON r."itemId" = v."id"
  WHERE NOT r."minorChange"
    AND (r."wentLiveAt" <= "at" OR (r."id" = v."revisionId" AND r."wentLiveAt" IS NULL))
$$;

-- Readers who asked to be told hear of each revision that goes out as news: the first publication
-- and each major change. A delivery is now once per subscriber and revision; those already made
-- were of the revision on show when they were sent (or, for an item taken off since, its latest).
ALTER TABLE "AlertDelivery" ADD COLUMN "revisionId" TEXT;
UPDATE "AlertDelivery" d SET "revisionId" = COALESCE(i."liveRevisionId", i."latestRevisionId")
FROM "ContentItem" i WHERE i."id" = d."itemId";
DELETE FROM "AlertDelivery" WHERE "revisionId" IS NULL;
ALTER TABLE "AlertDelivery" ALTER COLUMN "revisionId" SET NOT NULL,
DROP CONSTRAINT "AlertDelivery_pkey",
ADD CONSTRAINT "AlertDelivery_pkey" PRIMARY KEY ("subscriptionId", "revisionId");

CREATE INDEX "AlertDelivery_revisionId_idx" ON "AlertDelivery"("revisionId");

ALTER TABLE "AlertDelivery" ADD CONSTRAINT "AlertDelivery_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "Revision"("id") ON DELETE CASCADE ON UPDATE CASCADE;
