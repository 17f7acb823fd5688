-- Withdrawal and unpublishing with an answer at the old address (decision 027).
ALTER TABLE "ContentItem" ADD COLUMN     "removalReason" TEXT,
ADD COLUMN     "removalRedirectPath" TEXT,
ADD COLUMN     "withdrawalReason" TEXT,
ADD COLUMN     "withdrawalReplacementPath" TEXT,
ADD COLUMN     "withdrawnAt" TIMESTAMPTZ(3);

-- The public rule, with what withdrawal changes: a withdrawn item is still visible at its address
-- (so it stays here), says when it was withdrawn (listings, search and the sitemap leave it out:
-- `listedItems` in visibility.ts), and takes no more comments. Same rule otherwise as in
-- 20261121140000; the function is replaced whole because its result gains a column.
DROP FUNCTION "visible_items"(timestamptz);
CREATE FUNCTION "visible_items"("at" timestamptz)
RETURNS TABLE (
  "id" text, "kind" "ContentKind", "slug" text, "publishedAt" timestamptz, "commentsOpen" boolean,
  "liveSince" timestamptz, "revisionId" text, "withdrawnAt" timestamptz
)
LANGUAGE sql STABLE
AS $$
  SELECT i."id", i."kind", i."slug", i."publishedAt", i."commentsOpen" AND i."withdrawnAt" IS NULL, i."liveSince",
    CASE WHEN i."scheduledRevisionId" IS NOT NULL AND i."publishAt" <= "at"
      THEN i."scheduledRevisionId" ELSE i."liveRevisionId" END,
    i."withdrawnAt"
  FROM "ContentItem" i
  WHERE i."status" <> 'ARCHIVED'
    AND (i."unpublishAt" IS NULL OR i."unpublishAt" > "at")
    AND (i."liveRevisionId" IS NOT NULL OR (i."scheduledRevisionId" IS NOT NULL AND i."publishAt" <= "at"))
$$;
