import type { Db } from "../client.ts";
import { renderMarkdown } from "../markdown.ts";
import { hashPassword } from "../password.ts";
import { refreshSearchVector } from "../search.ts";
import { comments, items, workstreams, type SeedItem } from "./content.ts";
import { demoUsers } from "./users.ts";

export { demoUsers } from "./users.ts";
export { BENCH_ARTICLE_SLUG, seedVolume } from "./volume.ts";
export * as seedContent from "./content.ts";

export type SeedSummary = { users: number; workstreams: number; items: number; comments: number };

/**
 * Writes the demo content. Safe to run again: existing users, workstreams, items and comments are
 * left as they are (matched by email, slug and a stable comment id), so nothing is duplicated and
 * nothing edited since is overwritten.
 */
export async function seed(db: Db): Promise<SeedSummary> {
  const userIds = new Map<string, string>();
  for (const user of demoUsers) {
    const existing = await db.user.findUnique({ where: { email: user.email }, select: { id: true } });
    const id =
      existing?.id ??
      (
        await db.user.create({
          data: {
            email: user.email,
            name: user.name,
            role: user.role,
            passwordHash: await hashPassword(user.password),
          },
          select: { id: true },
        })
      ).id;
    userIds.set(user.email, id);
  }

  const workstreamIds = new Map<string, string>();
  for (const w of workstreams) {
    const row = await db.workstream.upsert({
      where: { slug: w.slug },
      create: { ...w, descriptionHtml: renderMarkdown(w.description) },
      update: {},
      select: { id: true },
    });
    workstreamIds.set(w.slug, row.id);
  }

  const itemIds = new Map<string, string>();
  for (const item of items) {
    itemIds.set(item.slug, await seedItem(db, item, userIds, workstreamIds));
  }

  const commentRows = comments.map((c) => {
    const itemId = itemIds.get(c.itemSlug);
    if (!itemId) throw new Error(`seed comment ${c.key}: unknown item ${c.itemSlug}`);
    const createdAt = new Date(c.createdAt);
    return {
      id: `seed_${c.key}`,
      itemId,
      parentId: c.parentKey ? `seed_${c.parentKey}` : null,
      authorName: c.authorName,
      authorEmail: c.authorEmail.toLowerCase(),
      body: c.body,
      status: c.status,
      moderationNote: c.moderationNote ?? null,
      createdAt,
      approvedAt: c.status === "APPROVED" ? createdAt : null,
      moderatedAt: c.status === "PENDING" ? null : createdAt,
    };
  });
  // Parents first, so every reply's parent exists when it is inserted.
  const ordered = [...commentRows].sort((a, b) => depth(a.id, commentRows) - depth(b.id, commentRows));
  await db.comment.createMany({ data: ordered, skipDuplicates: true });

  return { users: demoUsers.length, workstreams: workstreams.length, items: items.length, comments: comments.length };
}

function depth(id: string, rows: { id: string; parentId: string | null }[]): number {
  const parent = rows.find((r) => r.id === id)?.parentId;
  return parent ? 1 + depth(parent, rows) : 0;
}

async function seedItem(
  db: Db,
  item: SeedItem,
  userIds: Map<string, string>,
  workstreamIds: Map<string, string>,
): Promise<string> {
  const existing = await db.contentItem.findUnique({ where: { slug: item.slug }, select: { id: true } });
  if (existing) return existing.id;
  const authorId = userIds.get(item.authorEmail);
  if (!authorId) throw new Error(`seed item ${item.slug}: unknown author ${item.authorEmail}`);
  const reviewerId = userIds.get(
    item.authorEmail === "editor@observatory.test" ? "admin@observatory.test" : "editor@observatory.test",
  );
  const publishedAt = new Date(item.publishedAt);
  return db.$transaction(async (tx) => {
    const created = await tx.contentItem.create({
      data: {
        kind: item.kind,
        slug: item.slug,
        createdById: authorId,
        commentsOpen: item.commentsOpen,
        createdAt: publishedAt,
      },
      select: { id: true },
    });
    const revision = await tx.revision.create({
      data: {
        itemId: created.id,
        number: 1,
        authorId,
        title: item.title,
        summary: item.summary,
        body: item.body,
        bodyHtml: renderMarkdown(item.body),
        lastReviewedAt: item.nextReviewDue ? publishedAt : null,
        nextReviewDue: item.nextReviewDue ? new Date(item.nextReviewDue) : null,
        submittedAt: publishedAt,
        approvedAt: publishedAt,
        approvedById: reviewerId ?? null,
        createdAt: publishedAt,
        workstreams: {
          create: item.workstreams.map((slug) => {
            const workstreamId = workstreamIds.get(slug);
            if (!workstreamId) throw new Error(`seed item ${item.slug}: unknown workstream ${slug}`);
            return { workstreamId };
          }),
        },
      },
      select: { id: true },
    });
    if (reviewerId) {
      await tx.review.create({
        data: { revisionId: revision.id, reviewerId, decision: "APPROVED", createdAt: publishedAt },
      });
    }
    await refreshSearchVector(tx, revision.id);
    await tx.contentItem.update({
      where: { id: created.id },
      data: {
        status: "PUBLISHED",
        liveRevisionId: revision.id,
        latestRevisionId: revision.id,
        publishedAt,
        liveSince: publishedAt,
      },
    });
    return created.id;
  });
}
