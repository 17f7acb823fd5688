-- The log's pages run newest first with the id as tie-break, both descending: one index walk, with
-- no sort step, gives each keyset page.
-- DropIndex
DROP INDEX "AuditEvent_createdAt_id_idx";

-- CreateIndex
CREATE INDEX "AuditEvent_createdAt_id_idx" ON "AuditEvent"("createdAt" DESC, "id" DESC);

-- The audit log's free-text search: one trigram index over what an event says (summary), what it is
-- (action) and what it is about (target type and id), searched with
-- `audit_search_text("summary", "action", "targetType", "targetId") ILIKE '%term%'`. The parts are
-- joined by a line break, which no search term contains, so a match never spans two fields. Actors
-- are matched by their current name and email in "User" (a few hundred rows), not copied here.
-- The event's data is left out on purpose: it can hold a redacted comment's text.
CREATE FUNCTION "audit_search_text"(summary text, action text, target_type text, target_id text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT summary || E'\n' || action || E'\n' || target_type || E'\n' || coalesce(target_id, '') $$;

CREATE INDEX "AuditEvent_search_trgm_idx" ON "AuditEvent"
  USING GIN ("audit_search_text"("summary", "action", "targetType", "targetId") gin_trgm_ops);
