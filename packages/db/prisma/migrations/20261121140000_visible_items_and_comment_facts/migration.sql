-- What the public may see, decided at query time from the stored schedule (never from whether a
-- background job has run): per item, the scheduled revision once its "publishAt" has passed,
-- otherwise the live revision; nothing once "unpublishAt" has passed or the item is archived.
-- This is the one definition of that rule: every public query selects from it (visibility.ts),
-- and the planner inlines it into each, so it costs nothing over writing the conditions out.
CREATE FUNCTION "visible_items"("at" timestamptz)
RETURNS TABLE (
  "id" text, "kind" "ContentKind", "slug" text, "publishedAt" timestamptz, "commentsOpen" boolean,
  "liveSince" timestamptz, "revisionId" text
)
LANGUAGE sql STABLE
AS $$
  SELECT i."id", i."kind", i."slug", i."publishedAt", i."commentsOpen", i."liveSince",
    CASE WHEN i."scheduledRevisionId" IS NOT NULL AND i."publishAt" <= "at"
      THEN i."scheduledRevisionId" ELSE i."liveRevisionId" END
  FROM "ContentItem" i
  WHERE i."status" <> 'ARCHIVED'
    AND (i."unpublishAt" IS NULL OR i."unpublishAt" > "at")
    AND (i."liveRevisionId" IS NOT NULL OR (i."scheduledRevisionId" IS NOT NULL AND i."publishAt" <= "at"))
$$;

-- Everything the decision on a new comment reads (comments/public-service.ts), in one call. A
-- PL/pgSQL function keeps its statements' plans for the session, so a submission is not planned
-- afresh each time: planning this against the Comment table's indexes cost more than running it.
CREATE FUNCTION "comment_submission_facts"(
  "at" timestamptz, "rulesKey" text, "itemId" text, "parentId" text, "email" text, "body" text
)
RETURNS TABLE (
  -- The saved spam rules as JSON text, or null while the defaults apply.
  "rules" text,
  -- The item is visible to the public now and open for comments.
  "commentable" boolean,
  -- Depth of the approved comment replied to on this item (1 = top level), or null.
  "parentDepth" int,
  -- When this email last sent this exact text.
  "lastSameAt" timestamptz,
  -- The email has an earlier approved comment (not a staff reply).
  "hasApproved" boolean
)
LANGUAGE plpgsql STABLE
AS $$
BEGIN
  "rules" := (SELECT s."value"::text FROM "Setting" s WHERE s."key" = comment_submission_facts."rulesKey");
  "commentable" := EXISTS (
    SELECT 1 FROM "visible_items"(comment_submission_facts."at") v
    WHERE v."id" = comment_submission_facts."itemId" AND v."commentsOpen");
  IF comment_submission_facts."parentId" IS NOT NULL THEN
    "parentDepth" := (
      WITH RECURSIVE chain AS (
        SELECT c."id", c."parentId", 1 AS depth FROM "Comment" c
        WHERE c."id" = comment_submission_facts."parentId" AND c."itemId" = comment_submission_facts."itemId"
          AND c."status" = 'APPROVED'
        UNION ALL
        SELECT c."id", c."parentId", chain.depth + 1 FROM "Comment" c JOIN chain ON c."id" = chain."parentId"
        WHERE chain.depth < 50
      ) SELECT max(chain.depth)::int FROM chain);
  END IF;
  "lastSameAt" := (
    SELECT max(c."createdAt") FROM "Comment" c
    WHERE c."authorEmail" = comment_submission_facts."email" AND c."body" = comment_submission_facts."body");
  "hasApproved" := EXISTS (
    SELECT 1 FROM "Comment" c
    WHERE c."authorEmail" = comment_submission_facts."email" AND c."status" = 'APPROVED' AND c."staffAuthorId" IS NULL);
  RETURN NEXT;
END
$$;
