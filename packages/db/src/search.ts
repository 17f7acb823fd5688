import type { Db } from "./client.ts";

// The full-text vector of a revision: title weighted above summary above the body's reader text. Kept in the
// `searchVector` column (GIN-indexed) and refreshed whenever a revision is written.
export async function refreshSearchVector(db: Pick<Db, "$executeRaw">, revisionId: string): Promise<void> {
  await db.$executeRaw`
    UPDATE "Revision" SET "searchVector" =
      setweight(to_tsvector('english', coalesce("title", '')), 'A') ||
      setweight(to_tsvector('english', coalesce("summary", '')), 'B') ||
      setweight(to_tsvector('english', coalesce("bodyText", '')), 'C')
    WHERE "id" = ${revisionId}`;
}
