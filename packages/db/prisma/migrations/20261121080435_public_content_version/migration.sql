-- CreateTable
CREATE TABLE "PublicContentVersion" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" BIGINT NOT NULL DEFAULT 0,
    "changedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PublicContentVersion_pkey" PRIMARY KEY ("id")
);

-- The one row, and the triggers that bump it (hand-written: Prisma does not model triggers).
INSERT INTO "PublicContentVersion" ("id", "version") VALUES (1, 0) ON CONFLICT DO NOTHING;

CREATE FUNCTION "bump_public_content_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "PublicContentVersion" SET "version" = "version" + 1, "changedAt" = now() WHERE "id" = 1;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "ContentItem_public_version" AFTER INSERT OR UPDATE OR DELETE ON "ContentItem"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_public_content_version"();
CREATE TRIGGER "Workstream_public_version" AFTER INSERT OR UPDATE OR DELETE ON "Workstream"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_public_content_version"();
CREATE TRIGGER "SlugRedirect_public_version" AFTER INSERT OR UPDATE OR DELETE ON "SlugRedirect"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_public_content_version"();
CREATE TRIGGER "User_name_public_version" AFTER UPDATE OF "name" ON "User"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_public_content_version"();
-- Comments matter only once approved (or when an approved one changes or goes).
CREATE TRIGGER "Comment_insert_public_version" AFTER INSERT ON "Comment"
  FOR EACH ROW WHEN (NEW."status" = 'APPROVED') EXECUTE FUNCTION "bump_public_content_version"();
CREATE TRIGGER "Comment_update_public_version" AFTER UPDATE ON "Comment"
  FOR EACH ROW WHEN (OLD."status" = 'APPROVED' OR NEW."status" = 'APPROVED') EXECUTE FUNCTION "bump_public_content_version"();
CREATE TRIGGER "Comment_delete_public_version" AFTER DELETE ON "Comment"
  FOR EACH ROW WHEN (OLD."status" = 'APPROVED') EXECUTE FUNCTION "bump_public_content_version"();
