import type { ContentKind, Db } from "@observatory/db";
import { itemPath } from "./kinds.ts";
import { visibleItems } from "./visibility.ts";
import { containsPattern } from "../like-pattern.ts";

/**
 * Published items whose title contains the words typed, newest first: what the editor offers when
 * a link to a page on this site is chosen (the link keeps the item's id, so it follows a new address).
 */
export async function findLinkTargets(db: Db, query: string, now: Date) {
  const pattern = containsPattern(query);
  const rows = await db.$queryRaw<{ id: string; kind: ContentKind; slug: string; title: string }[]>`
    WITH v AS (${visibleItems(now)})
    SELECT v."id", v."kind", v."slug", r."title"
    FROM v JOIN "Revision" r ON r."id" = v."revisionId"
    WHERE r."title" ILIKE ${pattern}
    ORDER BY v."publishedAt" DESC NULLS LAST, v."id" DESC
    LIMIT 10`;
  return rows.map((r) => ({ id: r.id, title: r.title, path: itemPath(r.kind, r.slug) }));
}
