-- What archiving cleared, kept so that undoing the archive puts the item back as it was.
ALTER TABLE "ContentItem" ADD COLUMN "archivedFrom" JSONB;
