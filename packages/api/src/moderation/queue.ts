import { type CommentStatus, type Db, Prisma } from "@observatory/db";
import { z } from "zod";
import { describeFlag } from "../comments/spam-rules.ts";
import { itemPath } from "../content/kinds.ts";
import { AppError, notFound } from "../errors.ts";

// The moderation queue: one tab per status, filtered by article, date and text, newest or oldest
// first, in keyset pages over the (status, createdAt DESC, id) index so that page 1,000 costs what
// page 1 does, at a million comments.

export const commentStatuses = ["PENDING", "APPROVED", "SPAM", "REJECTED"] as const satisfies readonly CommentStatus[];

/** Tab counts stop at this many (a bounded count stays fast however many rows a status has). */
export const COUNT_CAP = 10_000;

const day = z.iso.date();

export const queueInput = z.object({
  status: z.enum(commentStatuses).default("PENDING"),
  itemId: z.string().max(100).optional(),
  /** Europe/London calendar days are close enough to UTC days for a filter; inclusive. */
  from: day.optional(),
  to: day.optional(),
  q: z.string().trim().max(200).optional(),
  order: z.enum(["newest", "oldest"]).default("newest"),
  /** Opaque: the position after which the page starts (from the previous page's `nextCursor`). */
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(100).default(25),
});

export type QueueInput = z.input<typeof queueInput>;

type Cursor = { createdAt: Date; id: string };

function encodeCursor({ createdAt, id }: Cursor): string {
  return Buffer.from(`${createdAt.toISOString()}|${id}`).toString("base64url");
}

function decodeCursor(cursor: string): Cursor {
  const [iso = "", id = ""] = Buffer.from(cursor, "base64url").toString().split("|");
  const createdAt = new Date(iso);
  if (Number.isNaN(createdAt.getTime()) || !id) throw new AppError("BAD_REQUEST", "That page link is not valid.");
  return { createdAt, id };
}

/** The filters shared by the page and the tab counts, as SQL conditions (status excluded). */
function filterSql(input: z.output<typeof queueInput>): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  if (input.itemId) conditions.push(Prisma.sql`"itemId" = ${input.itemId}`);
  if (input.from) conditions.push(Prisma.sql`"createdAt" >= ${new Date(`${input.from}T00:00:00Z`)}`);
  if (input.to)
    conditions.push(Prisma.sql`"createdAt" < ${new Date(Date.parse(`${input.to}T00:00:00Z`) + 86_400_000)}`);
  if (input.q) {
    const pattern = `%${input.q.replace(/[\\%_]/g, "\\$&")}%`;
    conditions.push(
      Prisma.sql`("body" ILIKE ${pattern} OR "authorName" ILIKE ${pattern} OR "authorEmail" ILIKE ${pattern})`,
    );
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
  const page = await db.$queryRaw<{ id: string; createdAt: Date }[]>`
    SELECT "id", "createdAt" FROM "Comment"
    WHERE "status" = ${input.status}::"CommentStatus" ${and(filters)} ${keyset}
    ORDER BY ${order} LIMIT ${input.limit + 1}`;
  const hasMore = page.length > input.limit;
  const ids = page.slice(0, input.limit).map((r) => r.id);
  const last = page[input.limit - 1];

  const [rows, counts] = await Promise.all([loadRows(db, ids), countByStatus(db, filters)]);
  return {
    rows,
    counts,
    countCap: COUNT_CAP,
    nextCursor: hasMore && last ? encodeCursor(last) : null,
  };
}

/** The rows for `ids`, in that order, with their context and the history of their email address. */
async function loadRows(db: Db, ids: string[]) {
  const comments = await db.comment.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      status: true,
      body: true,
      authorName: true,
      authorEmail: true,
      ipHash: true,
      flags: true,
      notifyOnPublish: true,
      moderationNote: true,
      moderatedAt: true,
      createdAt: true,
      updatedAt: true,
      staffAuthorId: true,
      moderatedBy: { select: { name: true } },
      item: {
        select: {
          id: true,
          kind: true,
          slug: true,
          liveRevision: { select: { title: true } },
          latestRevision: { select: { title: true } },
        },
      },
      parent: { select: { id: true, authorName: true, body: true, status: true, staffAuthorId: true } },
    },
  });
  const prior = await priorDecisions(
    db,
    comments.map((c) => c.authorEmail),
  );
  const byId = new Map(comments.map((c) => [c.id, c]));
  return ids.flatMap((id) => {
    const c = byId.get(id);
    if (!c) return [];
    const history = prior.get(c.authorEmail) ?? { APPROVED: 0, REJECTED: 0, SPAM: 0 };
    // The row itself is not part of its own history.
    const own = (status: CommentStatus) => (c.status === status ? 1 : 0);
    return [
      {
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
        moderatedBy: c.moderatedBy?.name ?? null,
        createdAt: c.createdAt,
        updatedAt: c.updatedAt,
        isStaffReply: c.staffAuthorId !== null,
        item: {
          id: c.item.id,
          title: c.item.liveRevision?.title ?? c.item.latestRevision?.title ?? c.item.slug,
          path: itemPath(c.item.kind, c.item.slug),
        },
        parent: c.parent
          ? {
              id: c.parent.id,
              authorName: c.parent.staffAuthorId ? "NHS Race and Health Observatory" : c.parent.authorName,
              body: c.parent.body,
              status: c.parent.status,
            }
          : null,
        otherComments: c.authorEmail
          ? {
              approved: history.APPROVED - own("APPROVED"),
              rejected: history.REJECTED - own("REJECTED"),
              spam: history.SPAM - own("SPAM"),
            }
          : null,
      },
    ];
  });
}

/** One comment as the queue shows it. */
export async function getQueueRow(db: Db, id: string) {
  const [row] = await loadRows(db, [id]);
  if (!row) throw notFound("That comment");
  return row;
}

/** Tab counts under the current filters, each bounded by COUNT_CAP. */
async function countByStatus(db: Db, filters: Prisma.Sql[]): Promise<Record<CommentStatus, number>> {
  const counts = await Promise.all(
    commentStatuses.map(async (status) => {
      const [row] = await db.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM (
          SELECT 1 FROM "Comment" WHERE "status" = ${status}::"CommentStatus" ${and(filters)} LIMIT ${COUNT_CAP}
        ) AS capped`;
      return [status, row?.n ?? 0] as const;
    }),
  );
  return Object.fromEntries(counts) as Record<CommentStatus, number>;
}

/** Approved, rejected and spam counts per email, for a whole page in one grouped query. */
async function priorDecisions(db: Db, emails: string[]) {
  const distinct = [...new Set(emails.filter(Boolean))];
  const groups = distinct.length
    ? await db.comment.groupBy({
        by: ["authorEmail", "status"],
        where: { authorEmail: { in: distinct }, status: { in: ["APPROVED", "REJECTED", "SPAM"] } },
        _count: { _all: true },
      })
    : [];
  const result = new Map<string, Record<"APPROVED" | "REJECTED" | "SPAM", number>>();
  for (const group of groups) {
    const entry = result.get(group.authorEmail) ?? { APPROVED: 0, REJECTED: 0, SPAM: 0 };
    if (group.status !== "PENDING") entry[group.status] = group._count._all;
    result.set(group.authorEmail, entry);
  }
  return result;
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
