-- An update of an approved comment changes the public site only when it changes what readers see
-- (its status, text, name, place in a thread or item, or staff mark). The trigger fired on every
-- update before, so clearing old IP hashes (the purge job) bumped the public content version once
-- per approved row: a long purge, and every cached public page thrown away for nothing.
DROP TRIGGER "Comment_update_public_version" ON "Comment";
CREATE TRIGGER "Comment_update_public_version"
  AFTER UPDATE OF "status", "body", "authorName", "parentId", "itemId", "staffAuthorId", "createdAt" ON "Comment"
  FOR EACH ROW WHEN (
    (OLD."status" = 'APPROVED' OR NEW."status" = 'APPROVED')
    AND (OLD."status", OLD."body", OLD."authorName", OLD."parentId", OLD."itemId", OLD."staffAuthorId", OLD."createdAt")
      IS DISTINCT FROM
      (NEW."status", NEW."body", NEW."authorName", NEW."parentId", NEW."itemId", NEW."staffAuthorId", NEW."createdAt")
  )
  EXECUTE FUNCTION "bump_public_content_version"();
