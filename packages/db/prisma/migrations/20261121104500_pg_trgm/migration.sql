-- Trigram matching, for the indexes behind staff search (content titles, comment text) with ILIKE '%…%'.
-- The embedded database loads the extension when it is opened (src/embedded/pglite.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
