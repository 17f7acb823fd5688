-- One trigram index over a comment's text, name and email together, instead of one on each: every
-- new comment (the public site's busiest write) and every moderation (a status change rewrites the
-- row's index entries) then updates one GIN index, not three. The queue searches the same
-- expression: `comment_search_text("body", "authorName", "authorEmail") ILIKE '%term%'`. The parts
-- are joined by a line break, which no search term contains, so a match never spans two fields.
DROP INDEX "Comment_body_trgm_idx";
DROP INDEX "Comment_authorName_trgm_idx";
DROP INDEX "Comment_authorEmail_trgm_idx";

CREATE FUNCTION "comment_search_text"(body text, author_name text, author_email text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT body || E'\n' || author_name || E'\n' || author_email $$;

CREATE INDEX "Comment_search_trgm_idx" ON "Comment"
  USING GIN ("comment_search_text"("body", "authorName", "authorEmail") gin_trgm_ops);
