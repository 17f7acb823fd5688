-- The public privacy notice shows the comment settings it describes (how long IP hashes are kept,
-- whether trusted commenters are published at once), so changing them must invalidate cached pages
-- like a content change does. Only those two keys: other settings are not shown to the public.
CREATE TRIGGER "Setting_public_version" AFTER INSERT OR UPDATE ON "Setting"
  FOR EACH ROW WHEN (NEW."key" IN ('comments.spamRules', 'comments.ipHashRetentionDays'))
  EXECUTE FUNCTION "bump_public_content_version"();
CREATE TRIGGER "Setting_delete_public_version" AFTER DELETE ON "Setting"
  FOR EACH ROW WHEN (OLD."key" IN ('comments.spamRules', 'comments.ipHashRetentionDays'))
  EXECUTE FUNCTION "bump_public_content_version"();
