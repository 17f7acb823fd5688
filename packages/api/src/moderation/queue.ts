import { type CommentStatus, type ContentKind, type Db, Prisma } from "@observatory/db";
import { startOfLondonDay } from "@observatory/time";
import { z } from "zod";
import { shownAuthorName } from "../comments/public-service.ts";
import { describeFlag } from "../comments/spam-rules.ts";
import { itemPath } from "../content/kinds.ts";
import { decodeTimeCursor, encodeTimeCursor, type TimeCursor } from "../keyset-cursor.ts";
import { AppError, notFound } from "../errors.ts";
import { TRASH_DAYS } from "./trash.ts";
import { containsPattern } from "../like-pattern.ts";

// The moderation queue: one tab per status, filtered by article, date and text, newest or oldest
// first, in keyset pages over the (status, createdAt DESC, id) index so that page 1,000 costs what
// page 1 does, at a million comments. Text search uses trigram indexes on body, name and email;
// the tab counts come from a table of totals kept by triggers, and are bounded under a filter.

export const commentStatuses = [
  "PENDING",
  "APPROVED",
  "SPAM",
  "REJECTED",
  "TRASH",
] as const satisfies readonly CommentStatus[];

/** How many comments a queue page may show: the choices a moderator has. */
export const queuePageSizes = [10, 25, 50, 100] as const;

/**
 * Tab counts under a filter stop at this many: a bounded count costs the same however many comments
 * match (a text search that matches most of a million comments checks at most this many per tab).
 */
export const FILTERED_COUNT_CAP = 1_000;

const day = z.iso.date();

/** The instant a London day (2026-07-15), or one `after` days later, begins. */
function startOfDay(isoDay: string, after = 0): Date {
  const [year = 0, month = 1, date = 1] = isoDay.split("-").map(Number);
  return startOfLondonDay(year, month, date + after);
}

export const queueInput = z.object({
  status: z.enum(commentStatuses).default("PENDING"),
  itemId: z.string().max(100).optional(),
  /** London calendar days, inclusive. */
  from: day.optional(),
  to: day.optional(),
  q: z.string().trim().max(200, "Search for 200 characters or fewer").optional(),
  /** Exactly this sender's comments (the "other comments from this email" links). */
  email: z.string().trim().toLowerCase().max(254).optional(),
  order: z.enum(["newest", "oldest"]).default("newest"),
  /** Opaque: the position after which the page starts (from the previous page's `nextCursor`). */
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(100).default(25),
});

export type QueueInput = z.input<typeof queueInput>;

function decodeCursor(cursor: string): TimeCursor {
  const decoded = decodeTimeCursor(cursor);
  if (!decoded) throw new AppError("BAD_REQUEST", "That page link is not valid.");
  return decoded;
}

/** The filters shared by the page and the tab counts, as SQL conditions (status excluded). */
function filterSql(input: z.output<typeof queueInput>): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  if (input.itemId) conditions.push(Prisma.sql`"itemId" = ${input.itemId}`);
  if (input.email) conditions.push(Prisma.sql`"authorEmail" = ${input.email}`);
  if (input.from) conditions.push(Prisma.sql`"createdAt" >= ${startOfDay(input.from)}`);
  if (input.to) conditions.push(Prisma.sql`"createdAt" < ${startOfDay(input.to, 1)}`);
  if (input.q) {
    const pattern = containsPattern(input.q);
    // Text, name and email have one trigram index together (migration comment_search_trigram): a rare
    // term is looked up in it, common words are checked row by row while walking the status index in
    // page order.
    conditions.push(Prisma.sql`"comment_search_text"("body", "authorName", "authorEmail") ILIKE ${pattern}`);
  }
  return conditions;
}

const and = (conditions: Prisma.Sql[]) =>
  conditions.length ? Prisma.sql`AND ${Prisma.join(conditions, " AND ")}` : Prisma.empty;

export type QueueRow = Awaited<ReturnType<typeof loadRows>>[number];

export async function listQueue(db: Db, raw: QueueInput) {
  const input = queueInput.parse(raw);
  const filters = filterSql(input);
  const newest = input.order === "newest";
  // Newest first walks the index forwards (createdAt DESC, id ASC); oldest first walks it backwards.
  // The keyset condition keeps a plain range on createdAt, so both engines use the index for it.
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const keyset = after
    ? newest
      ? Prisma.sql`AND "createdAt" <= ${after.createdAt} AND ("createdAt" < ${after.createdAt} OR "id" > ${after.id})`
      : Prisma.sql`AND "createdAt" >= ${after.createdAt} AND ("createdAt" > ${after.createdAt} OR "id" < ${after.id})`
    : Prisma.empty;
  const order = newest ? Prisma.sql`"createdAt" DESC, "id" ASC` : Prisma.sql`"createdAt" ASC, "id" DESC`;
  const [page, counts] = await Promise.all([
    loadRows(
      db,
      // The page's keys first (an index-only scan of the status index), then their rows: asked for
      // whole rows at once, the planner may prefer walking the createdAt index and sorting.
      Prisma.sql`SELECT "Comment".* FROM (
          SELECT "id" FROM "Comment"
          WHERE "status" = ${input.status}::"CommentStatus" ${and(filters)} ${keyset}
          ORDER BY ${order} LIMIT ${input.limit + 1}
        ) AS k JOIN "Comment" ON "Comment"."id" = k."id"`,
      newest ? Prisma.sql`c."createdAt" DESC, c."id" ASC` : Prisma.sql`c."createdAt" ASC, c."id" DESC`,
    ),
    filters.length ? countFiltered(db, filters) : countAll(db),
  ]);
  const rows = page.slice(0, input.limit);
  const last = rows[input.limit - 1];
  return {
    rows,
    counts,
    /** Counts under filters stop at this many; without filters they are exact (null). */
    countCap: filters.length ? FILTERED_COUNT_CAP : null,
    nextCursor: page.length > input.limit && last ? encodeTimeCursor(last) : null,
  };
}

type RawRow = {
  id: string;
  status: CommentStatus;
  body: string;
  authorName: string;
  authorEmail: string;
  ipHash: string | null;
  flags: string[];
  notifyOnPublish: boolean;
  moderationNote: string | null;
  moderatedAt: Date | null;
  moderatedBy: string | null;
  trashedAt: Date | null;
  statusBeforeTrash: CommentStatus | null;
  createdAt: Date;
  updatedAt: Date;
  staffAuthorId: string | null;
  itemId: string;
  itemKind: ContentKind;
  itemSlug: string;
  itemTitle: string;
  parentId: string | null;
  parentAuthorName: string | null;
  parentBody: string | null;
  parentStatus: CommentStatus | null;
  parentStaffAuthorId: string | null;
  pending: number | null;
  approved: number | null;
  rejected: number | null;
  spam: number | null;
};

/**
 * The comments `comments` selects (a query over "Comment", named c), in `order`, each with its context (article,
 * the comment it answers, who moderated it) and the history of its email address: one statement,
 * so a page costs one round trip to the database however many rows it has.
 */
async function loadRows(db: Db, comments: Prisma.Sql, order: Prisma.Sql) {
  const raw = await db.$queryRaw<RawRow[]>`
    WITH "page" AS (${comments}),
    "history" AS (
      SELECT "authorEmail",
             count(*) FILTER (WHERE "status" = 'PENDING')::int AS "pending",
             count(*) FILTER (WHERE "status" = 'APPROVED')::int AS "approved",
             count(*) FILTER (WHERE "status" = 'REJECTED')::int AS "rejected",
             count(*) FILTER (WHERE "status" = 'SPAM')::int AS "spam"
      FROM "Comment"
      WHERE "authorEmail" IN (SELECT "authorEmail" FROM "page" WHERE "authorEmail" <> '')
        AND "status" IN ('PENDING', 'APPROVED', 'REJECTED', 'SPAM')
      GROUP BY "authorEmail"
    )
    SELECT c."id", c."status"::text AS "status", c."body", c."authorName", c."authorEmail", c."ipHash", c."flags",
           c."notifyOnPublish", c."moderationNote", c."moderatedAt", m."name" AS "moderatedBy", c."trashedAt",
           c."statusBeforeTrash"::text AS "statusBeforeTrash", c."createdAt",
           c."updatedAt", c."staffAuthorId", i."id" AS "itemId", i."kind"::text AS "itemKind", i."slug" AS "itemSlug",
           COALESCE(live."title", NULLIF(i."title", ''), i."slug") AS "itemTitle",
           p."id" AS "parentId", p."authorName" AS "parentAuthorName", p."body" AS "parentBody",
           p."status"::text AS "parentStatus", p."staffAuthorId" AS "parentStaffAuthorId",
           h."pending", h."approved", h."rejected", h."spam"
    FROM "page" AS c
    JOIN "ContentItem" AS i ON i."id" = c."itemId"
    LEFT JOIN "Revision" AS live ON live."id" = i."liveRevisionId"
    LEFT JOIN "User" AS m ON m."id" = c."moderatedById"
    LEFT JOIN "Comment" AS p ON p."id" = c."parentId"
    LEFT JOIN "history" AS h ON h."authorEmail" = c."authorEmail"
    ORDER BY ${order}`;
  return raw.map((c) => {
    // The row itself is not part of its own history.
    const own = (status: CommentStatus) => (c.status === status ? 1 : 0);
    return {
      id: c.id,
      status: c.status,
      body: c.body,
      authorName: c.authorName,
      authorEmail: c.authorEmail,
      ipHash: c.ipHash,
      flags: c.flags.map((code) => ({ code, label: describeFlag(code) })),
      notifyOnPublish: c.notifyOnPublish,
      moderationNote: c.moderationNote,
      moderatedAt: c.moderatedAt,
      moderatedBy: c.moderatedBy,
      trashedAt: c.trashedAt,
      /** When the purge job deletes it for good. */
      purgeAt: c.trashedAt ? new Date(c.trashedAt.getTime() + TRASH_DAYS * 86_400_000) : null,
      statusBeforeTrash: c.statusBeforeTrash,
      createdAt: c.createdAt,
      updatedAt: c.updatedAt,
      isStaffReply: c.staffAuthorId !== null,
      item: { id: c.itemId, title: c.itemTitle, path: itemPath(c.itemKind, c.itemSlug) },
      parent: c.parentId
        ? {
            id: c.parentId,
            authorName: shownAuthorName({ authorName: c.parentAuthorName ?? "", staffAuthorId: c.parentStaffAuthorId }),
            body: c.parentBody ?? "",
            status: c.parentStatus ?? "APPROVED",
          }
        : null,
      otherComments: c.authorEmail
        ? {
            email: c.authorEmail,
            pending: (c.pending ?? 0) - own("PENDING"),
            approved: (c.approved ?? 0) - own("APPROVED"),
            rejected: (c.rejected ?? 0) - own("REJECTED"),
            spam: (c.spam ?? 0) - own("SPAM"),
          }
        : null,
    };
  });
}

/** One comment as the queue shows it. */
export async function getQueueRow(db: Db, id: string) {
  const [row] = await loadRows(db, Prisma.sql`SELECT * FROM "Comment" WHERE "id" = ${id}`, Prisma.sql`c."id"`);
  if (!row) throw notFound("That comment");
  return row;
}

/** Every tab's count, exact: the per-status totals that triggers keep (migration comment_queue_search_and_counts). */
async function countAll(db: Db): Promise<Record<CommentStatus, number>> {
  const totals = await db.$queryRaw<{ status: CommentStatus; n: number }[]>`
    SELECT "status"::text AS "status", sum("total")::int AS "n" FROM "CommentStatusCount" GROUP BY "status"`;
  const counts: Record<CommentStatus, number> = { PENDING: 0, APPROVED: 0, REJECTED: 0, SPAM: 0, TRASH: 0 };
  for (const { status, n } of totals) counts[status] = n;
  return counts;
}

/**
 * How many comments await moderation, for the badge in every page's navigation: one read of the
 * trigger-kept totals (eight rows at most), so it costs the same at a million comments.
 */
export async function countPending(db: Db): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT COALESCE(sum("total"), 0)::int AS "n" FROM "CommentStatusCount" WHERE "status" = 'PENDING'`;
  return row?.n ?? 0;
}

/**
 * Tab counts under the current filters, each bounded by FILTERED_COUNT_CAP. Counting a tab stops at
 * the cap, which is cheap when matches are common; a rare search term is better counted in one pass
 * over its few matches (one trigram index lookup instead of one per tab). The planner's own estimate
 * of the matches picks between the two; either way the counts are right, only the cost differs.
 */
async function countFiltered(db: Db, filters: Prisma.Sql[]): Promise<Record<CommentStatus, number>> {
  const capped = (status: CommentStatus) =>
    Prisma.sql`(SELECT count(*) FROM (
      SELECT 1 FROM "Comment" WHERE "status" = ${status}::"CommentStatus" ${and(filters)} LIMIT ${FILTERED_COUNT_CAP}
    ) AS capped)::int`;
  if ((await estimateMatches(db, filters)) > FILTERED_COUNT_CAP) {
    const counts = await Promise.all(
      commentStatuses.map(async (status) => {
        const [row] = await db.$queryRaw<{ n: number }[]>`SELECT ${capped(status)} AS n`;
        return [status, row?.n ?? 0] as const;
      }),
    );
    return Object.fromEntries(counts) as Record<CommentStatus, number>;
  }
  // One pass over at most cap + 1 matches; past the cap (a wrong estimate) the CASE falls back to
  // counting each tab, and PostgreSQL runs those subqueries only then.
  const columns = commentStatuses.map(
    (status) =>
      Prisma.sql`(CASE WHEN t."all" <= ${FILTERED_COUNT_CAP}
        THEN count(m."status") FILTER (WHERE m."status" = ${status}::"CommentStatus") ELSE ${capped(status)} END)::int`,
  );
  const [row] = await db.$queryRaw<{ counts: number[] }[]>`
    WITH "matches" AS MATERIALIZED (
      SELECT "status" FROM "Comment" WHERE TRUE ${and(filters)} LIMIT ${FILTERED_COUNT_CAP + 1}
    ), t AS (SELECT count(*) AS "all" FROM "matches")
    SELECT ARRAY[${Prisma.join(columns)}] AS "counts" FROM t LEFT JOIN "matches" AS m ON TRUE GROUP BY t."all"`;
  return Object.fromEntries(commentStatuses.map((status, i) => [status, row?.counts[i] ?? 0])) as Record<
    CommentStatus,
    number
  >;
}

/** How many comments the planner expects the filters to match (EXPLAIN: planned, not run). */
async function estimateMatches(db: Db, filters: Prisma.Sql[]): Promise<number> {
  const [explained] = await db.$queryRaw<{ "QUERY PLAN": [{ Plan: { "Plan Rows": number } }] }[]>`
    EXPLAIN (FORMAT JSON) SELECT 1 FROM "Comment" WHERE TRUE ${and(filters)}`;
  return explained?.["QUERY PLAN"][0].Plan["Plan Rows"] ?? Number.POSITIVE_INFINITY;
}

/** The articles offered in the queue's article filter: every item that has been published, newest first. */
export async function listCommentedItems(db: Db) {
  const items = await db.contentItem.findMany({
    where: { kind: { not: "PAGE" }, liveRevisionId: { not: null } },
    select: { id: true, slug: true, liveRevision: { select: { title: true } } },
    orderBy: { publishedAt: "desc" },
    take: 500,
  });
  return items.map((i) => ({ id: i.id, title: i.liveRevision?.title ?? i.slug }));
}
