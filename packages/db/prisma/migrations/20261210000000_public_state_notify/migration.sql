-- Every bump of the public content version also tells whoever listens (the web app's page cache, on
-- every instance) by NOTIFY on the channel "public_content_version", delivered when the change
-- commits, so a cached page is served without asking the database whether it is still current
-- (decision 031). The payload is the new version.
CREATE OR REPLACE FUNCTION "bump_public_content_version"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  bumped BIGINT;
BEGIN
  UPDATE "PublicContentVersion" SET "version" = "version" + 1, "changedAt" = now() WHERE "id" = 1
    RETURNING "version" INTO bumped;
  PERFORM pg_notify('public_content_version', bumped::text);
  RETURN NULL;
END;
$$;
