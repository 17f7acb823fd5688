import { type ContentKind, type Db, Prisma, queryRows } from "@observatory/db";
import { startOfLondonDay } from "@observatory/time";
import { type RenderedImage, renderedImages } from "../media/render.ts";
import { itemPath } from "./kinds.ts";
import { renderBody } from "./body.ts";
import { titleAtPath } from "./site-path.ts";
import { listedItems, visibleItems } from "./visibility.ts";
import { publicReviewDates, readReviewDueSettings } from "../review-due/settings.ts";

// Read-only queries behind the public portal. Every one starts from `visibleItems` (or `listedItems`,
// which leaves withdrawn items out), so nothing unpublished, scheduled for later or expired can
// leak, and each runs a fixed number of queries whatever the number of rows, straight on the
// client's pool (`queryRows`: a public page runs several for every reader; decision 036).

export type WorkstreamTag = { slug: string; title: string };

/** One dated entry of an item's public history: its first publication (note null) or a major change. */
export type PublicUpdate = { at: Date; note: string | null };

export type ItemSummary = {
  id: string;
  kind: ContentKind;
  slug: string;
  path: string;
  title: string;
  summary: string;
  publishedAt: Date;
  /** "Last updated": the last major change readers were told of (the publication date when none). */
  updatedAt: Date;
  /** When what the page shows last changed, minor changes included: for HTTP validators. */
  changedAt: Date;
  workstreams: WorkstreamTag[];
  /** The revision's lead image: the card image in listings and the page's og:image. */
  leadImage: RenderedImage | null;
  /** Set only where withdrawn items are read (feeds keep their entries, marked: decision 027). */
  withdrawnAt: Date | null;
};

export type SummaryRow = {
  id: string;
  kind: ContentKind;
  slug: string;
  publishedAt: Date | null;
  liveSince: Date | null;
  revisionId: string;
  title: string;
  summary: string;
  withdrawnAt?: Date | null;
  /** How many rows match in all, as pg reads a count (a string), where asked for. */
  total?: string;
} & SummaryColumns;

/** What `summaryColumns` reads beside each row. */
type SummaryColumns = {
  leadImageId: string | null;
  workstreams: WorkstreamTag[];
  updates: { at: string; note: string | null }[];
};

/**
 * What a summary shows beside its row, read by the statement that reads the rows (`r` is the row's
 * revision): the revision's priorities (in their order) and lead image, and its item's public history
 * at `now` (first publication, then each major change, newest first). In the same statement as the
 * rows: each statement is a turn the embedded database takes alone, on every page that lists or
 * shows an item.
 */
export function summaryColumns(now: Date): Prisma.Sql {
  return Prisma.sql`r."leadImageId",
    COALESCE((SELECT json_agg(json_build_object('slug', w."slug", 'title', w."title") ORDER BY w."position")
      FROM "RevisionWorkstream" rw JOIN "Workstream" w ON w."id" = rw."workstreamId"
      WHERE rw."revisionId" = r."id"), '[]'::json) AS "workstreams",
    COALESCE((SELECT json_agg(json_build_object('at', u."at", 'note', u."note") ORDER BY u."at" DESC)
      FROM "public_updates"(${now}) u WHERE u."itemId" = r."itemId"), '[]'::json) AS "updates"`;
}

/** The rows, read with `summaryColumns`, as the summaries listings and pages show. */
export async function summariesOf(db: Db, rows: SummaryRow[]): Promise<ItemSummary[]> {
  return (await summarise(db, rows)).summaries;
}

/** The rows as summaries, with the public history each one's "Last updated" was read from. */
async function summarise(db: Db, rows: SummaryRow[]) {
  const images = await renderedImages(
    db,
    rows.flatMap((row) => (row.leadImageId ? [row.leadImageId] : [])),
  );
  const updates = new Map(
    rows.map((row): [string, PublicUpdate[]] => [
      row.id,
      row.updates.map((u) => ({ at: new Date(u.at), note: u.note })),
    ]),
  );
  const summaries = rows.map((row): ItemSummary => {
    const publishedAt = row.publishedAt ?? row.liveSince ?? new Date(0);
    const latest = updates.get(row.id)?.[0]?.at;
    return {
      id: row.id,
      kind: row.kind,
      slug: row.slug,
      path: itemPath(row.kind, row.slug),
      title: row.title,
      summary: row.summary,
      publishedAt,
      updatedAt: latest && latest > publishedAt ? latest : publishedAt,
      changedAt: row.liveSince ?? publishedAt,
      workstreams: row.workstreams,
      leadImage: (row.leadImageId && images.get(row.leadImageId)) || null,
      withdrawnAt: row.withdrawnAt ?? null,
    };
  });
  return { summaries, updates };
}

export type ListFilter = {
  kinds?: ContentKind[];
  workstreamId?: string;
  /** Published in this calendar year, in UK time. */
  year?: number;
  excludeItemId?: string;
  revisionTagsOf?: string;
  /** Feeds only: withdrawn items keep their entries (decision 027); every listing leaves them out. */
  includeWithdrawn?: boolean;
};

export function filterSql(filter: ListFilter): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (filter.year) {
    const from = startOfLondonDay(filter.year, 1, 1);
    const to = startOfLondonDay(filter.year + 1, 1, 1);
    parts.push(Prisma.sql`v."publishedAt" >= ${from} AND v."publishedAt" < ${to}`);
  }
  if (filter.kinds?.length) parts.push(Prisma.sql`v."kind"::text IN (${Prisma.join(filter.kinds)})`);
  if (filter.workstreamId) {
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "RevisionWorkstream" rw
      WHERE rw."revisionId" = v."revisionId" AND rw."workstreamId" = ${filter.workstreamId})`);
  }
  if (filter.revisionTagsOf) {
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "RevisionWorkstream" rw JOIN "RevisionWorkstream" mine
      ON mine."workstreamId" = rw."workstreamId" AND mine."revisionId" = ${filter.revisionTagsOf}
      WHERE rw."revisionId" = v."revisionId")`);
  }
  if (filter.excludeItemId) parts.push(Prisma.sql`v."id" <> ${filter.excludeItemId}`);
  return parts.length ? Prisma.sql`WHERE ${Prisma.join(parts, " AND ")}` : Prisma.empty;
}

/** Published items, newest first, one page at a time, and how many there are in all. */
export async function listPublished(
  db: Db,
  filter: ListFilter,
  { page, pageSize, now }: { page: number; pageSize: number; now: Date },
): Promise<{ items: ItemSummary[]; total: number }> {
  const rows = await summaryRows(db, filter, now, { limit: pageSize, offset: (page - 1) * pageSize, counted: true });
  let total = Number(rows[0]?.total ?? 0);
  if (!rows.length && page > 1) {
    const [count] = await queryRows<{ n: string }>(
      db,
      Prisma.sql`WITH v AS (${itemsOf(filter, now)}) SELECT count(*) AS n FROM v ${filterSql(filter)}`,
    );
    total = Number(count?.n ?? 0);
  }
  return { items: await summariesOf(db, rows), total };
}

/** The newest `limit` published items, without counting the rest (the home page, related items, feeds). */
export async function newestPublished(db: Db, filter: ListFilter, { limit, now }: { limit: number; now: Date }) {
  return summariesOf(db, await summaryRows(db, filter, now, { limit, offset: 0, counted: false }));
}

const itemsOf = (filter: ListFilter, now: Date) => (filter.includeWithdrawn ? visibleItems(now) : listedItems(now));

function summaryRows(
  db: Db,
  filter: ListFilter,
  now: Date,
  { limit, offset, counted }: { limit: number; offset: number; counted: boolean },
) {
  // Counting every match is most of the statement's work where it is asked for the first few.
  const total = counted ? Prisma.sql`, count(*) OVER () AS "total"` : Prisma.empty;
  // The page's rows first, then what each shows: the facts are read for these rows only.
  return queryRows<SummaryRow>(
    db,
    Prisma.sql`
    WITH v AS (${itemsOf(filter, now)}),
    page AS (
      SELECT v."id", v."kind", v."slug", v."publishedAt", v."liveSince", v."revisionId", v."withdrawnAt"${total}
      FROM v ${filterSql(filter)}
      ORDER BY v."publishedAt" DESC NULLS LAST, v."id" DESC
      LIMIT ${limit} OFFSET ${offset})
    SELECT page.*, r."title", r."summary", ${summaryColumns(now)}
    FROM page JOIN "Revision" r ON r."id" = page."revisionId"
    ORDER BY page."publishedAt" DESC NULLS LAST, page."id" DESC`,
  );
}

/** What the banner on a withdrawn page says (decision 027); the replacement's title when it is an item. */
export type Withdrawal = { at: Date; reason: string; replacement: { path: string; title: string | null } | null };

export type PublishedItem = ItemSummary & {
  bodyHtml: string;
  seoTitle: string | null;
  seoDescription: string | null;
  authorName: string;
  lastReviewedAt: Date | null;
  nextReviewDue: Date | null;
  commentsOpen: boolean;
  revisionId: string;
  /** "See all updates": the first publication and each major change, newest first. */
  updates: PublicUpdate[];
  withdrawal: Withdrawal | null;
};

/** One published item by kind and slug; null if it is not visible now. */
export async function findPublished(db: Db, kind: ContentKind, slug: string, now: Date): Promise<PublishedItem | null> {
  const [row] = await queryRows<
    SummaryRow &
      Omit<PublishedItem, keyof ItemSummary | "revisionId" | "bodyHtml" | "withdrawal"> & {
        document: unknown;
        withdrawalReason: string | null;
        withdrawalReplacementPath: string | null;
      }
  >(
    db,
    Prisma.sql`
    WITH v AS (${visibleItems(now)})
    SELECT v."id", v."kind", v."slug", v."publishedAt", v."liveSince", v."revisionId", v."commentsOpen",
      r."title", r."summary", r."document", r."seoTitle", r."seoDescription", i."lastReviewedAt", i."nextReviewDue",
      u."name" AS "authorName", v."withdrawnAt", i."withdrawalReason", i."withdrawalReplacementPath",
      ${summaryColumns(now)}
    FROM v JOIN "Revision" r ON r."id" = v."revisionId" JOIN "ContentItem" i ON i."id" = v."id"
      JOIN "User" u ON u."id" = i."createdById"
    WHERE v."slug" = ${slug} AND v."kind"::text = ${kind}`,
  );
  if (!row) return null;
  const replacementPath = row.withdrawnAt ? row.withdrawalReplacementPath : null;
  const [{ summaries, updates }, bodyHtml, reviewSettings, replacementTitle] = await Promise.all([
    summarise(db, [row]),
    renderBody(db, row.document, { now }),
    readReviewDueSettings(db),
    replacementPath ? titleAtPath(db, replacementPath, now) : null,
  ]);
  const [summary] = summaries;
  if (!summary) return null;
  return {
    ...summary,
    revisionId: row.revisionId,
    bodyHtml,
    seoTitle: row.seoTitle,
    seoDescription: row.seoDescription,
    authorName: row.authorName,
    // Only for kinds that show them, and never a due date already past (decision 014).
    ...publicReviewDates(reviewSettings, row, now),
    commentsOpen: row.commentsOpen,
    updates: updates.get(row.id) ?? [],
    withdrawal: row.withdrawnAt
      ? {
          at: row.withdrawnAt,
          reason: row.withdrawalReason ?? "",
          replacement: replacementPath ? { path: replacementPath, title: replacementTitle } : null,
        }
      : null,
  };
}

/**
 * What the address of an item no longer on the site answers (decisions 027, 030), for the caller
 * that found it not visible: when it was unpublished by archiving, a redirect to the page chosen or
 * that it was removed, when and why (410 Gone); when it was taken off otherwise (by hand or at its
 * set time), that it was removed (410, no reason recorded). Null for an item never on the site (a 404).
 */
export async function findRemoved(
  db: Db,
  kind: ContentKind,
  slug: string,
): Promise<{ kind: "redirect"; location: string } | { kind: "gone"; removedAt: Date; reason: string } | null> {
  const item = await db.contentItem.findFirst({
    where: { kind, slug },
    select: {
      status: true,
      archivedAt: true,
      removalReason: true,
      removalRedirectPath: true,
      unpublishAt: true,
      updatedAt: true,
      revisions: { where: { wentLiveAt: { not: null } }, select: { id: true }, take: 1 },
    },
  });
  if (!item) return null;
  if (item.status === "ARCHIVED" && item.removalReason && item.archivedAt) {
    return item.removalRedirectPath
      ? { kind: "redirect", location: item.removalRedirectPath }
      : { kind: "gone", removedAt: item.archivedAt, reason: item.removalReason };
  }
  if (item.revisions.length === 0) return null;
  return { kind: "gone", removedAt: item.unpublishAt ?? item.updatedAt, reason: "" };
}

/** Where an old slug now lives, if the item it belonged to is visible. */
export async function findRedirect(db: Db, slug: string, now: Date): Promise<string | null> {
  const [row] = await queryRows<{ kind: ContentKind; slug: string }>(
    db,
    Prisma.sql`
    WITH v AS (${visibleItems(now)})
    SELECT v."kind", v."slug" FROM "SlugRedirect" s JOIN v ON v."id" = s."itemId" WHERE s."fromSlug" = ${slug}`,
  );
  return row ? itemPath(row.kind, row.slug) : null;
}

/** Every listed item's path and last change, for the sitemap (withdrawn items are left out). */
export async function listAllPublishedPaths(db: Db, now: Date): Promise<{ path: string; updatedAt: Date }[]> {
  const rows = await queryRows<{ kind: ContentKind; slug: string; liveSince: Date | null; publishedAt: Date | null }>(
    db,
    Prisma.sql`
    WITH v AS (${listedItems(now)}) SELECT v."kind", v."slug", v."liveSince", v."publishedAt" FROM v
    ORDER BY v."publishedAt" DESC NULLS LAST`,
  );
  return rows.map((r) => ({ path: itemPath(r.kind, r.slug), updatedAt: r.liveSince ?? r.publishedAt ?? new Date(0) }));
}
