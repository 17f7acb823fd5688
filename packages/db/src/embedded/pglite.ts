import { PGlite, type PGliteOptions } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";

/**
 * Every embedded database is opened here, with the extensions the migrations create (pg_trgm, for
 * the trigram indexes behind staff title and comment text search): a PGlite instance can only load
 * an extension that was named when it was opened.
 */
export function openPglite(dataDir?: string, options: Omit<PGliteOptions, "extensions"> = {}): Promise<PGlite> {
  return PGlite.create(dataDir, { ...options, extensions: { pg_trgm } });
}
