-- The contact page, press releases, the accessibility statement, the privacy notice and every
-- item's share block print the organisation's details: changing them changes pages.
CREATE TRIGGER "Setting_organisation_public_version" AFTER INSERT OR UPDATE ON "Setting"
  FOR EACH ROW WHEN (NEW."key" = 'organisation.details')
  EXECUTE FUNCTION "bump_public_content_version"();
CREATE TRIGGER "Setting_organisation_delete_public_version" AFTER DELETE ON "Setting"
  FOR EACH ROW WHEN (OLD."key" = 'organisation.details')
  EXECUTE FUNCTION "bump_public_content_version"();
