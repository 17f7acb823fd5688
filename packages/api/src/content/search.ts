import { type ContentKind, type Db, Prisma, queryRows } from "@observatory/db";
import { londonDay } from "@observatory/time";
import {
  filterSql,
  type ItemSummary,
  type ListFilter,
  type SummaryRow,
  summaryColumns,
  summariesOf,
} from "./public-service.ts";
import { MATCH_START, MATCH_STOP, type SnippetSegment, snippetSegments } from "./snippet.ts";
import { listedItems } from "./visibility.ts";

// Search of what is published now and not withdrawn (`listedItems`): PostgreSQL full-text search (the `searchVector` of each public
// revision), filters by kind, priority and year, and a spelling suggestion drawn only from the words
// of public revisions (`SearchWord`), so that it can never reveal a draft.

export type SearchHit = ItemSummary & { snippet: SnippetSegment[]; rank: number };

/** Full-text search over what is published now, ranked, with a snippet of each result (snippet.ts). */
export async function searchPublished(
  db: Db,
  query: string,
  filter: ListFilter,
  { page, pageSize, now }: { page: number; pageSize: number; now: Date },
): Promise<{ hits: SearchHit[]; total: number }> {
  const where = filterSql(filter);
  const rows = await queryRows<SummaryRow & { rank: number; headline: string }>(
    db,
    Prisma.sql`
    WITH v AS (SELECT v.* FROM (${listedItems(now)}) v ${where}),
    q AS (SELECT websearch_to_tsquery('english', ${query}) AS query),
    ranked AS (
      SELECT v."id", v."kind", v."slug", v."publishedAt", v."liveSince", v."revisionId",
        ts_rank_cd(r."searchVector", q.query) AS "rank", count(*) OVER () AS "total"
      FROM v JOIN "Revision" r ON r."id" = v."revisionId" CROSS JOIN q
      WHERE r."searchVector" @@ q.query
      ORDER BY "rank" DESC, v."publishedAt" DESC NULLS LAST, v."id" DESC
      LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}
    )
    SELECT ranked.*, r."title", r."summary", ${summaryColumns(now)},
      ts_headline('english', r."summary" || E'\n' || r."bodyText", q.query,
        ${`StartSel=${MATCH_START}, StopSel=${MATCH_STOP}, HighlightAll=true`}) AS "headline"
    FROM ranked JOIN "Revision" r ON r."id" = ranked."revisionId" CROSS JOIN q
    ORDER BY ranked."rank" DESC, ranked."publishedAt" DESC NULLS LAST, ranked."id" DESC`,
  );
  let total = Number(rows[0]?.total ?? 0);
  if (!rows.length && page > 1) {
    // Past the last page: still say how many results there are, so the page can link back.
    const [count] = await queryRows<{ n: string }>(
      db,
      Prisma.sql`
      WITH v AS (SELECT v.* FROM (${listedItems(now)}) v ${where})
      SELECT count(*) AS n FROM v JOIN "Revision" r ON r."id" = v."revisionId"
      WHERE r."searchVector" @@ websearch_to_tsquery('english', ${query})`,
    );
    total = Number(count?.n ?? 0);
  }
  const summaries = await summariesOf(db, rows);
  return {
    hits: summaries.map((s, i) => ({
      ...s,
      rank: Number(rows[i]?.rank ?? 0),
      snippet: snippetSegments(rows[i]?.headline ?? ""),
    })),
    total,
  };
}

/** The years something visible (of these kinds, when given) was published in, newest first, for the year filter. */
export async function publishedYears(db: Db, now: Date, kinds?: ContentKind[]): Promise<number[]> {
  const [range] = await queryRows<{ first: Date | null; last: Date | null }>(
    db,
    Prisma.sql`
    WITH v AS (${listedItems(now)})
    SELECT min(v."publishedAt") AS "first", max(v."publishedAt") AS "last" FROM v ${filterSql({ kinds })}`,
  );
  if (!range?.first || !range.last) return [];
  const last = londonDay(range.last).year;
  const first = londonDay(range.first).year;
  return Array.from({ length: last - first + 1 }, (_, n) => last - n);
}

const WORD = /\p{L}+/gu;

/**
 * Edits between two words, counting a swap of neighbouring letters as one ("sickel" is one edit from
 * "sickle", two from "sick"): the optimal string alignment distance.
 */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => rows[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      (rows[i] as number[])[j] = best;
    }
  }
  return at(a.length, b.length);
}

/** How many edits a word of this length may be from the word it was meant to be. */
const editsAllowed = (length: number) => (length <= 4 ? 1 : 2);

/**
 * The query with each word that no public page uses (in any form) replaced by the closest word that
 * one does: fewest edits, then the word more pages use, then the more alike by trigrams. Null when
 * every word is known or nothing close enough is.
 */
export async function suggestSpelling(db: Db, query: string, now: Date): Promise<string | null> {
  const typed = [...new Set(query.toLowerCase().match(WORD) ?? [])].filter((w) => w.length >= 3 && w.length <= 40);
  if (!typed.length) return null;
  const candidates = await queryRows<{
    typed: string;
    word: string;
    pages: string;
    likeness: number;
    sameStem: boolean;
  }>(
    db,
    Prisma.sql`
    WITH v AS (${listedItems(now)}),
    typed AS (SELECT unnest(${typed}::text[]) AS "typed")
    SELECT t."typed", c."word", c."pages", c."likeness",
      to_tsvector('english', c."word") = to_tsvector('english', t."typed") AS "sameStem"
    FROM typed t CROSS JOIN LATERAL (
      SELECT w."word", count(*) AS "pages", similarity(w."word", t."typed") AS "likeness"
      FROM "SearchWord" w JOIN v ON v."revisionId" = w."revisionId"
      WHERE w."word" % t."typed"
      GROUP BY w."word"
      ORDER BY "likeness" DESC, w."word"
      LIMIT 10
    ) c`,
  );
  const corrections = new Map<string, string>();
  for (const word of typed) {
    const alike = candidates.filter((c) => c.typed === word);
    if (alike.some((c) => c.word === word || c.sameStem)) continue;
    const best = alike
      .map((c) => ({ ...c, edits: editDistance(word, c.word) }))
      .filter((c) => c.edits <= editsAllowed(word.length))
      .sort((a, b) => a.edits - b.edits || Number(b.pages) - Number(a.pages) || b.likeness - a.likeness)[0];
    if (best) corrections.set(word, best.word);
  }
  if (!corrections.size) return null;
  return query.replace(WORD, (w) => corrections.get(w.toLowerCase()) ?? w);
}
