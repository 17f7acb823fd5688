import { Prisma } from "./generated/prisma/client.ts";
import type { Db } from "./client.ts";

type Writer = Pick<Db, "$executeRaw">;

// A revision's search index, refreshed whenever a revision is written:
// - `searchVector` (GIN-indexed): title weighted above summary above the body's reader text;
// - its words in `SearchWord` (trigram-indexed), from which search suggests a spelling ("Did you mean").

/** Refreshes the search index of the revisions that `which` selects (a condition on `"Revision" r`). */
export async function refreshSearchIndexWhere(db: Writer, which: Prisma.Sql): Promise<void> {
  await db.$executeRaw`
    UPDATE "Revision" r SET "searchVector" =
      setweight(to_tsvector('english', coalesce(r."title", '')), 'A') ||
      setweight(to_tsvector('english', coalesce(r."summary", '')), 'B') ||
      setweight(to_tsvector('english', coalesce(r."bodyText", '')), 'C') ||
      -- A publication's attachments: their titles, and the text of its HTML publications (decision 029).
      setweight(to_tsvector('english', coalesce((SELECT string_agg(x."title", ' ') FROM "Attachment" x WHERE x."revisionId" = r."id"), '')), 'B') ||
      setweight(to_tsvector('english', coalesce((SELECT string_agg(x."bodyText", ' ') FROM "Attachment" x WHERE x."revisionId" = r."id"), '')), 'C')
    WHERE ${which}`;
  await db.$executeRaw`DELETE FROM "SearchWord" w USING "Revision" r WHERE w."revisionId" = r."id" AND ${which}`;
  await db.$executeRaw`
    INSERT INTO "SearchWord" ("revisionId", "word")
    SELECT DISTINCT r."id", t."word"
    FROM "Revision" r
    CROSS JOIN LATERAL regexp_split_to_table(lower(r."title" || ' ' || r."summary" || ' ' || r."bodyText" || ' ' ||
      coalesce((SELECT string_agg(x."title" || ' ' || x."bodyText", ' ') FROM "Attachment" x WHERE x."revisionId" = r."id"), '')),
      '[^[:alpha:]]+') AS t("word")
    WHERE ${which} AND length(t."word") BETWEEN 3 AND 40`;
}

/** Refreshes one revision's search index. */
export function refreshSearchIndex(db: Writer, revisionId: string): Promise<void> {
  return refreshSearchIndexWhere(db, Prisma.sql`r."id" = ${revisionId}`);
}
