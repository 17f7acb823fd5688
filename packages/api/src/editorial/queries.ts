import { ContentKind, ContentStatus, type Db, Prisma } from "@observatory/db";
import { z } from "zod";
import { renderedImages } from "../media/render.ts";
import { AppError, notFound } from "../errors.ts";
import { formatDateTime, parseDay, startOfLondonDay } from "@observatory/time";
import { type StaffContext, statusLabel } from "./common.ts";
import { reviewView, waitingStepNames } from "../workflows/queries.ts";
import { groupIdsOf } from "../workflows/groups.ts";
import { PRESENCE_TTL_MS } from "./presence.ts";
import { canApprove, canArchive, canEdit, canPublish, canSubmit, canTake } from "./workflow.ts";
import { apiConfig } from "../config.ts";
import { checkBody, renderBody, renderBodyDiff, storedDocument } from "../content/body.ts";
import { acceptancesOf, unacceptedWarnings } from "./accessibility-gate.ts";
import { findOverdueTransitions } from "./scheduler.ts";
import { asksForChange } from "./publication-history.ts";
import { isVisibleSql, publicRevisions, recentlyVisible } from "../content/visibility.ts";
import { containsPattern } from "../like-pattern.ts";

export const LIST_PAGE_SIZE = 25;

const londonDay = z
  .string()
  .trim()
  .refine((v) => v === "" || parseDay(v) !== null, "Enter a real date, for example 21/11/2026")
  .default("");

export const listItemsInput = z.object({
  q: z.string().trim().max(200, "Search for 200 characters or fewer").default(""),
  status: z.enum(ContentStatus, "Choose a status from the list").optional(),
  kind: z.enum(ContentKind, "Choose a kind of content from the list").optional(),
  workstreamId: z.string().max(40).optional(),
  authorId: z.string().max(40).optional(),
  /** Items whose next review is past ("overdue") or falls in the next 30 days ("soon"). */
  reviewDue: z.enum(["overdue", "soon"], { error: "Choose overdue or due soon" }).optional(),
  /** Items published without review that no second editor has reviewed yet (decision 026). */
  unreviewed: z.boolean().optional(),
  /** Withdrawn items: on the site with a banner, out of listings (decision 027). */
  withdrawn: z.boolean().optional(),
  /** Items in review waiting at the step of this name ("Clinical sign-off"). */
  step: z.string().trim().max(60).optional(),
  updatedFrom: londonDay,
  updatedTo: londonDay,
  sort: z.enum(["updated-desc", "updated-asc", "title-asc"], "Choose an order from the list").default("updated-desc"),
  /** Opaque position from the previous page (keyset pagination: constant cost however deep). */
  after: z.string().max(400).optional(),
});
export type ListItemsInput = z.input<typeof listItemsInput>;

type Cursor = { value: string; id: string };

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.value, cursor.id])).toString("base64url");
}

function decodeCursor(text: string): Cursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
    const [value, id] = z.tuple([z.string(), z.string()]).parse(parsed);
    return { value, id };
  } catch {
    throw new AppError("BAD_REQUEST", "That page link is not valid: start again from the first page.");
  }
}

function dayStart(text: string, plusDays = 0): Date | null {
  const day = text ? parseDay(text) : null;
  return day ? startOfLondonDay(day.year, day.month, day.day + plusDays) : null;
}

type ListRow = {
  id: string;
  kind: ContentKind;
  slug: string;
  status: ContentStatus;
  updatedAt: Date;
  publishAt: Date | null;
  title: string;
  authorName: string;
  stepName: string | null;
  /** On the public site now, by the public site's own rule (see content/visibility.ts). */
  isLive: boolean;
  publishedWithoutReview: boolean;
  withdrawnAt: Date | null;
  /** Unpublished from the site: its address answers 410 or redirects (decision 027). */
  removalReason: string | null;
};

/** Published without review and not yet reviewed by a second editor (forced-publication.ts). */
const awaitsReviewAfterPublication = (itemId: Prisma.Sql) =>
  Prisma.sql`EXISTS (SELECT 1 FROM "ForcedPublication" f WHERE f."itemId" = ${itemId} AND f."reviewedAt" IS NULL)`;

/** The content list for staff: filters, title search, three orders, keyset pages of 25. */
export async function listItems(db: Db, rawInput: z.output<typeof listItemsInput>, now = new Date()) {
  const input = rawInput;
  // Reads only ContentItem's own columns (its `title` is the latest revision's, kept in step by a
  // trigger), so each order and filter is an index scan: constant cost at 100k items.
  const where: Prisma.Sql[] = [Prisma.sql`i."latestRevisionId" IS NOT NULL`];
  if (input.status) where.push(Prisma.sql`i."status" = ${input.status}::"ContentStatus"`);
  if (input.kind) where.push(Prisma.sql`i."kind" = ${input.kind}::"ContentKind"`);
  if (input.authorId) where.push(Prisma.sql`i."createdById" = ${input.authorId}`);
  if (input.reviewDue) {
    const now = new Date();
    where.push(
      input.reviewDue === "overdue"
        ? Prisma.sql`i."nextReviewDue" <= ${now}`
        : Prisma.sql`i."nextReviewDue" > ${now} AND i."nextReviewDue" <= ${new Date(now.getTime() + 30 * 86_400_000)}`,
    );
  }
  if (input.workstreamId) {
    where.push(Prisma.sql`EXISTS (SELECT 1 FROM "RevisionWorkstream" w
      WHERE w."revisionId" = i."latestRevisionId" AND w."workstreamId" = ${input.workstreamId})`);
  }
  if (input.unreviewed) where.push(awaitsReviewAfterPublication(Prisma.sql`i."id"`));
  if (input.withdrawn) where.push(Prisma.sql`i."withdrawnAt" IS NOT NULL`);
  if (input.step) {
    where.push(Prisma.sql`EXISTS (SELECT 1 FROM "ReviewRound" r WHERE r."revisionId" = i."latestRevisionId"
      AND r."status" = 'IN_PROGRESS' AND r."stepName" = ${input.step})`);
  }
  const from = dayStart(input.updatedFrom);
  const to = dayStart(input.updatedTo, 1);
  if (from) where.push(Prisma.sql`i."updatedAt" >= ${from}`);
  if (to) where.push(Prisma.sql`i."updatedAt" < ${to}`);
  if (input.q) {
    const pattern = containsPattern(input.q);
    // Both columns have trigram indexes, so a match anywhere in the text needs no full scan.
    where.push(Prisma.sql`(i."title" ILIKE ${pattern} OR i."slug" ILIKE ${pattern})`);
  }
  const cursor = input.after ? decodeCursor(input.after) : null;
  let order: Prisma.Sql;
  if (input.sort === "title-asc") {
    order = Prisma.sql`i."title" ASC, i."id" ASC`;
    if (cursor) where.push(Prisma.sql`(i."title", i."id") > (${cursor.value}, ${cursor.id})`);
  } else if (input.sort === "updated-asc") {
    order = Prisma.sql`i."updatedAt" ASC, i."id" ASC`;
    if (cursor) where.push(Prisma.sql`(i."updatedAt", i."id") > (${new Date(cursor.value)}, ${cursor.id})`);
  } else {
    order = Prisma.sql`i."updatedAt" DESC, i."id" DESC`;
    if (cursor) where.push(Prisma.sql`(i."updatedAt", i."id") < (${new Date(cursor.value)}, ${cursor.id})`);
  }
  const matching = Prisma.sql`
    SELECT i."id", i."kind", i."slug", i."status", i."updatedAt", i."publishAt", i."title", u."name" AS "authorName",
      i."withdrawnAt", i."removalReason",
      (SELECT r."stepName" FROM "ReviewRound" r WHERE r."revisionId" = i."latestRevisionId"
        AND r."status" = 'IN_PROGRESS' LIMIT 1) AS "stepName"
    FROM "ContentItem" i
    JOIN "User" u ON u."id" = i."createdById"
    WHERE ${Prisma.join(where, " AND ")}`;
  // A search of three or more characters reads its matches through the trigram indexes and sorts
  // them (OFFSET 0 keeps the planner from merging the two): walking an order's index and filtering
  // would assume matches are spread evenly, and titles that start with the words searched are not.
  const isTrigramSearch = input.q.length >= 3;
  // Whether each row is on the site, or awaits review after publication, is asked of the page's rows
  // only, after the limit.
  const rows = await db.$queryRaw<ListRow[]>`
    SELECT i.*, ${isVisibleSql(Prisma.sql`i."id"`, now)} AS "isLive",
      ${awaitsReviewAfterPublication(Prisma.sql`i."id"`)} AS "publishedWithoutReview" FROM (
      SELECT * FROM (${matching} ${isTrigramSearch ? Prisma.sql`OFFSET 0` : Prisma.empty}) AS i
      ORDER BY ${order}
      LIMIT ${LIST_PAGE_SIZE + 1}
    ) AS i
    ORDER BY ${order}`;
  const items = rows.slice(0, LIST_PAGE_SIZE);
  const last = items.at(-1);
  const next =
    rows.length > LIST_PAGE_SIZE && last
      ? encodeCursor({
          value: input.sort === "title-asc" ? last.title : last.updatedAt.toISOString(),
          id: last.id,
        })
      : null;
  return {
    items: items.map((row) => ({ ...row, statusLabel: statusLabel(row.status, row.stepName) })),
    next,
  };
}

const revisionSelect = {
  id: true,
  number: true,
  title: true,
  summary: true,
  document: true,
  bodyText: true,
  accessibilityAcceptances: true,
  seoTitle: true,
  seoDescription: true,
  isAutosave: true,
  submittedAt: true,
  approvedAt: true,
  createdAt: true,
  updatedAt: true,
  baseRevisionId: true,
  leadImageId: true,
  wentLiveAt: true,
  changeNote: true,
  minorChange: true,
  author: { select: { id: true, name: true } },
  workstreams: { select: { workstream: { select: { id: true, title: true, slug: true } } } },
} as const satisfies Prisma.RevisionSelect;

/** An item as the editor shows it: its latest revision, what is live and scheduled, its reviews. */
export async function getItemForEditor(ctx: StaffContext, itemId: string) {
  const item = await ctx.db.contentItem.findUnique({
    where: { id: itemId },
    include: {
      createdBy: { select: { id: true, name: true } },
      latestRevision: { select: revisionSelect },
      liveRevision: { select: { id: true, number: true, title: true } },
      scheduledRevision: { select: { id: true, number: true, title: true, wentLiveAt: true } },
      redirects: { select: { fromSlug: true }, orderBy: { createdAt: "desc" } },
    },
  });
  if (!item?.latestRevision) throw notFound("That content item");
  const reviews = await ctx.db.review.findMany({
    where: { revision: { itemId } },
    include: {
      reviewer: { select: { name: true } },
      revision: { select: { number: true } },
    },
    orderBy: { createdAt: "desc" },
    take: 20,
  });
  const { latestRevision, archivedFrom, ...rest } = item;
  const review = await reviewView(ctx, itemId);
  // What the public sees now, by the site's rule: a schedule whose time has passed is on the site
  // already, whether or not the scheduler has recorded it.
  const onSite = (await publicRevisions(ctx.db, [itemId], new Date())).get(itemId) ?? null;
  const shown = onSite && [item.liveRevision, item.scheduledRevision].find((r) => r?.id === onSite.revisionId);
  return {
    item: { ...rest, statusLabel: statusLabel(item.status, review?.steps.find((s) => s.state === "waiting")?.name) },
    /** The review the latest revision is in, step by step; null when it is not in review. */
    review,
    onSite: shown ? { ...shown, since: onSite.since } : null,
    /** Whether publishing the latest or the scheduled revision asks "major or minor change". */
    asksForChange: {
      latest: asksForChange(item, latestRevision),
      scheduled: item.scheduledRevision !== null && asksForChange(item, item.scheduledRevision),
    },
    /** The scheduled publication still to come (null once its time has passed). */
    pendingSchedule:
      item.scheduledRevision && item.scheduledRevision.id !== onSite?.revisionId ? item.scheduledRevision : null,
    revision: {
      ...latestRevision,
      ...(await bodyViews(ctx.db, latestRevision.document, latestRevision.accessibilityAcceptances)),
      workstreamIds: latestRevision.workstreams.map((w) => w.workstream.id),
    },
    reviews: reviews.map((r) => ({
      id: r.id,
      stepName: r.stepName,
      decision: r.decision,
      reason: r.reason,
      createdAt: r.createdAt,
      reviewerName: r.reviewer.name,
      revisionNumber: r.revision.number,
    })),
    can: {
      edit: canEdit(ctx.user, item),
      submit: canSubmit(ctx.user, item),
      review: canApprove(ctx.user, item) && review !== null && review.refusal === null,
      publish: canPublish(ctx.user, item),
      archive: canArchive(ctx.user, item),
      undoArchive: canTake("undoArchive", ctx.user, item) && archivedFrom !== null,
      restore: item.status === "ARCHIVED" && canTake("restore", ctx.user, item),
      withdraw: canTake("withdraw", ctx.user, item) && Boolean(shown) && item.withdrawnAt === null,
      unwithdraw: canTake("unwithdraw", ctx.user, item) && item.withdrawnAt !== null,
    },
  };
}

export async function listRevisions(db: Db, itemId: string) {
  const item = await db.contentItem.findUnique({
    where: { id: itemId },
    select: {
      id: true,
      slug: true,
      liveRevisionId: true,
      latestRevisionId: true,
      scheduledRevisionId: true,
      publishAt: true,
    },
  });
  if (!item) throw notFound("That content item");
  const onSite = (await publicRevisions(db, [itemId], new Date())).get(itemId) ?? null;
  const revisions = await db.revision.findMany({
    where: { itemId },
    select: {
      id: true,
      number: true,
      title: true,
      isAutosave: true,
      submittedAt: true,
      approvedAt: true,
      createdAt: true,
      updatedAt: true,
      author: { select: { name: true } },
    },
    orderBy: { number: "desc" },
  });
  return {
    item,
    revisions: revisions.map((r) => ({
      ...r,
      // By the public site's rule: a scheduled revision is live from its time, recorded or not.
      isLive: r.id === onSite?.revisionId,
      isLatest: r.id === item.latestRevisionId,
      isScheduled: r.id === item.scheduledRevisionId && r.id !== onSite?.revisionId,
    })),
  };
}

/** One revision, for previews (staff) and the compare page. */
export async function getRevision(db: Db, revisionId: string) {
  const revision = await db.revision.findUnique({
    where: { id: revisionId },
    select: {
      ...revisionSelect,
      item: {
        select: {
          id: true,
          kind: true,
          slug: true,
          publishedAt: true,
          liveRevisionId: true,
          scheduledRevisionId: true,
          publishAt: true,
          unpublishAt: true,
          createdBy: { select: { name: true } },
        },
      },
    },
  });
  if (!revision) throw notFound("That revision");
  const leadImage = revision.leadImageId
    ? ((await renderedImages(db, [revision.leadImageId])).get(revision.leadImageId) ?? null)
    : null;
  const onSite = (await publicRevisions(db, [revision.item.id], new Date())).get(revision.item.id);
  return {
    ...revision,
    ...(await bodyViews(db, revision.document, revision.accessibilityAcceptances)),
    leadImage,
    /** Whether readers see this revision now, by the public site's rule. */
    isOnSite: onSite?.revisionId === revision.id,
  };
}

/**
 * A revision's body as staff see it beside its fields: the document, its rendering (as the public
 * site renders it, so that a preview is the page itself) and its accessibility check.
 */
async function bodyViews(db: Db, stored: unknown, storedAcceptances: unknown) {
  const document = storedDocument(stored);
  const [bodyHtml, findings] = await Promise.all([
    renderBody(db, document, { now: new Date(), siteUrl: apiConfig().publicSiteUrl }),
    checkBody(db, document),
  ]);
  const acceptances = acceptancesOf(storedAcceptances);
  return { document, bodyHtml, findings, acceptances, openWarnings: unacceptedWarnings(findings, acceptances) };
}

type FieldChange = { field: string; label: string; before: string; after: string };

/** Two revisions of one item side by side: each field that differs, and the body's words that changed. */
export async function compareRevisions(db: Db, input: { fromId: string; toId: string }) {
  const [from, to] = await Promise.all([getRevision(db, input.fromId), getRevision(db, input.toId)]);
  if (from.item.id !== to.item.id) throw new AppError("BAD_REQUEST", "Choose two revisions of the same item.");
  const tags = (r: typeof from) =>
    r.workstreams
      .map((w) => w.workstream.title)
      .sort()
      .join(", ");
  // "Live" by the public site's rule, so that this agrees with the site at the scheduled instant.
  const scheduleOf = (r: typeof from) =>
    r.isOnSite
      ? "live"
      : r.id === r.item.scheduledRevisionId && r.item.publishAt
        ? `scheduled for ${formatDateTime(r.item.publishAt)}`
        : r.approvedAt
          ? "approved"
          : "not approved";
  const fields: FieldChange[] = [
    { field: "title", label: "Title", before: from.title, after: to.title },
    { field: "summary", label: "Summary", before: from.summary, after: to.summary },
    { field: "workstreams", label: "Priorities", before: tags(from), after: tags(to) },
    { field: "seoTitle", label: "Search engine title", before: from.seoTitle ?? "", after: to.seoTitle ?? "" },
    {
      field: "seoDescription",
      label: "Search engine description",
      before: from.seoDescription ?? "",
      after: to.seoDescription ?? "",
    },
    { field: "schedule", label: "Publication", before: scheduleOf(from), after: scheduleOf(to) },
  ];
  return {
    from: { id: from.id, number: from.number, author: from.author.name, createdAt: from.createdAt },
    to: { id: to.id, number: to.number, author: to.author.name, createdAt: to.createdAt },
    itemId: from.item.id,
    changes: fields.filter((f) => f.before !== f.after),
    unchanged: fields.filter((f) => f.before === f.after).map((f) => f.label),
    bodyChanged: JSON.stringify(from.document) !== JSON.stringify(to.document),
    /** The newer body as readers would see it, with the words taken out and put in marked. */
    bodyDiffHtml: await renderBodyDiff(db, from.document, to.document),
  };
}

/**
 * What the item's latest revision changes, for its reviewer: compared with what is live, or (for an
 * item never published) with the revision it was edited from. Null for a first draft.
 */
export async function latestChanges(db: Db, itemId: string) {
  const item = await db.contentItem.findUnique({
    where: { id: itemId },
    select: {
      liveRevision: { select: { id: true, number: true, document: true } },
      latestRevision: { select: { id: true, document: true, baseRevisionId: true } },
    },
  });
  if (!item?.latestRevision) throw notFound("That content item");
  const latest = item.latestRevision;
  const against =
    item.liveRevision && item.liveRevision.id !== latest.id
      ? { ...item.liveRevision, label: `the live revision (revision ${item.liveRevision.number})` }
      : latest.baseRevisionId
        ? await db.revision
            .findUnique({ where: { id: latest.baseRevisionId }, select: { id: true, number: true, document: true } })
            .then((r) => r && { ...r, label: `revision ${r.number}` })
        : null;
  if (!against) return null;
  return { since: against.label, html: await renderBodyDiff(db, against.document, latest.document) };
}

/**
 * The dashboard's panels for the signed-in person, each oldest-waiting first: what waits for their
 * decision, theirs in review (at which step), changes asked of them, their drafts, what is scheduled,
 * who is editing what now, and what was published lately; and the overdue warning.
 */
export async function dashboard(ctx: StaffContext, now = new Date()) {
  const latest = { select: { title: true, submittedAt: true, author: { select: { id: true, name: true } } } };
  const select = {
    id: true,
    slug: true,
    kind: true,
    status: true,
    updatedAt: true,
    publishAt: true,
    liveSince: true,
    latestRevisionId: true,
    latestRevision: latest,
  } as const;
  const mine = { OR: [{ createdById: ctx.user.id }, { latestRevision: { authorId: ctx.user.id } }] };
  const myGroups = await groupIdsOf(ctx.db, ctx.user);
  const [waiting, inReview, changesRequested, myDrafts, scheduled, recentlyPublished, editing, overdue] =
    await Promise.all([
      // Rounds at a step one of my groups decides, on an item's latest revision, neither mine nor
      // already decided by me in this round.
      ctx.db.reviewRound.findMany({
        where: {
          status: "IN_PROGRESS",
          stepGroupId: { in: myGroups },
          revision: { authorId: { not: ctx.user.id }, latestOf: { isNot: null } },
          reviews: { none: { reviewerId: ctx.user.id } },
        },
        select: {
          stepName: true,
          stepStartedAt: true,
          revision: { select: { author: { select: { name: true } }, latestOf: { select } } },
        },
        orderBy: { stepStartedAt: "asc" },
        take: 10,
      }),
      ctx.db.contentItem.findMany({
        where: { status: "IN_REVIEW", ...mine },
        select,
        orderBy: { updatedAt: "asc" },
        take: 10,
      }),
      ctx.db.contentItem.findMany({
        where: { status: "CHANGES_REQUESTED", ...mine },
        select,
        orderBy: { updatedAt: "asc" },
        take: 10,
      }),
      ctx.db.contentItem.findMany({
        where: { status: "DRAFT", ...mine },
        select,
        orderBy: { updatedAt: "asc" },
        take: 10,
      }),
      ctx.db.contentItem.findMany({
        where: { scheduledRevisionId: { not: null }, publishAt: { gt: now } },
        select,
        orderBy: { publishAt: "asc" },
        take: 10,
      }),
      // By the public site's rule, so that an item is here from its scheduled instant on.
      recentlyVisible(ctx.db, now, 10).then(async (visible) => {
        const rows = await ctx.db.contentItem.findMany({ where: { id: { in: visible.map((v) => v.id) } }, select });
        const byId = new Map(rows.map((r) => [r.id, r]));
        return visible.flatMap((v) => {
          const row = byId.get(v.id);
          return row ? [{ ...row, liveSince: v.since }] : [];
        });
      }),
      ctx.db.editorPresence.findMany({
        where: { seenAt: { gt: new Date(now.getTime() - PRESENCE_TTL_MS) } },
        select: { seenAt: true, user: { select: { id: true, name: true } }, item: { select } },
        orderBy: { seenAt: "desc" },
        take: 20,
      }),
      findOverdueTransitions(ctx.db, now),
    ]);
  type Item = (typeof myDrafts)[number];
  const [steps, reasons] = await Promise.all([
    waitingStepNames(
      ctx.db,
      inReview.flatMap((i) => (i.latestRevisionId ? [i.latestRevisionId] : [])),
    ),
    ctx.db.review.findMany({
      where: {
        decision: "CHANGES_REQUESTED",
        revisionId: { in: changesRequested.flatMap((i) => (i.latestRevisionId ? [i.latestRevisionId] : [])) },
      },
      select: { revisionId: true, reason: true, stepName: true, reviewer: { select: { name: true } } },
      orderBy: { createdAt: "desc" },
    }),
  ]);
  const row = (i: Item, since: Date | null, stepName?: string | null) => ({
    id: i.id,
    slug: i.slug,
    kind: i.kind,
    status: i.status,
    statusLabel: statusLabel(i.status, stepName),
    title: i.latestRevision?.title ?? i.slug,
    authorName: i.latestRevision?.author.name ?? "",
    since: since ?? i.updatedAt,
    waitingMs: Math.max(0, now.getTime() - (since ?? i.updatedAt).getTime()),
    publishAt: i.publishAt,
  });
  return {
    awaitingDecision: waiting.flatMap((r) =>
      r.revision.latestOf ? [row(r.revision.latestOf, r.stepStartedAt, r.stepName)] : [],
    ),
    inReview: inReview.map((i) => {
      const stepName = i.latestRevisionId ? steps.get(i.latestRevisionId) : null;
      return row(i, i.latestRevision?.submittedAt ?? null, stepName);
    }),
    changesRequested: changesRequested.map((i) => {
      const review = reasons.find((r) => r.revisionId === i.latestRevisionId);
      return {
        ...row(i, i.updatedAt),
        reason: review?.reason ?? "",
        reviewerName: review?.reviewer.name ?? "",
        stepName: review?.stepName ?? "",
      };
    }),
    myDrafts: myDrafts.map((i) => row(i, i.updatedAt)),
    scheduled: scheduled.map((i) => row(i, i.updatedAt)),
    recentlyPublished: recentlyPublished.map((i) => row(i, i.liveSince)),
    editingNow: editing.map((p) => ({
      ...row(p.item, p.seenAt),
      editorId: p.user.id,
      editorName: p.user.id === ctx.user.id ? "You" : p.user.name,
    })),
    overdue: overdue.map((i) => ({
      id: i.id,
      slug: i.slug,
      title: i.latestRevision?.title ?? i.slug,
      dueAt: i.publishAt ?? i.unpublishAt,
    })),
  };
}

/** The names of review steps, for the content list's status filter: every workflow's, and any still waited on. */
export async function reviewStepNames(db: Db): Promise<string[]> {
  const [steps, waiting] = await Promise.all([
    db.workflowStep.findMany({ select: { name: true }, distinct: ["name"] }),
    db.reviewRound.findMany({
      where: { status: "IN_PROGRESS", stepName: { not: null } },
      select: { stepName: true },
      distinct: ["stepName"],
    }),
  ]);
  return [
    ...new Set([...steps.map((s) => s.name), ...waiting.flatMap((r) => (r.stepName ? [r.stepName] : []))]),
  ].sort();
}
