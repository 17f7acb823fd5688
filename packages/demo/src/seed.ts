import { hashPassword, importPublishedItem, readReviewDueSettings } from "@observatory/api";
import { addLondonMonths } from "@observatory/time";
import { documentFromMarkdown } from "@observatory/content";
import type { Db } from "@observatory/db";
import { comments, type SeedItem, items, workstreams } from "./content.ts";
import { type DemoImageName, seedImages } from "./images.ts";
import { seedOrganisation } from "./organisation.ts";
import { demoReviewGroups, demoUsers } from "./users.ts";

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

  for (const group of demoReviewGroups) {
    const { id } = await db.reviewGroup.upsert({
      where: { name: group.name },
      create: { name: group.name, description: group.description },
      update: {},
      select: { id: true },
    });
    for (const email of group.members) {
      const userId = userIds.get(email);
      if (userId) {
        await db.reviewGroupMember.upsert({
          where: { groupId_userId: { groupId: id, userId } },
          create: { groupId: id, userId },
          update: {},
        });
      }
    }
  }

  for (const w of workstreams) {
    await db.workstream.upsert({
      where: { slug: w.slug },
      create: { ...w, description: documentFromMarkdown(w.description) },
      update: {},
    });
  }

  const imageIds = await seedImages(db, userIds.get("editor@observatory.test") ?? "");
  const itemIds = new Map<string, string>();
  const reviewSettings = await readReviewDueSettings(db);
  for (const item of items) {
    const months = reviewSettings[item.kind].intervalMonths;
    const { itemId, created } = await importItem(db, item, userIds, imageIds, lastReviewed(item, months));
    itemIds.set(item.slug, itemId);
    const ownerId = item.ownerEmail && userIds.get(item.ownerEmail);
    if (created && ownerId) await db.contentItem.update({ where: { id: itemId }, data: { ownerId } });
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
  await seedOrganisation(db);

  return { users: demoUsers.length, workstreams: workstreams.length, items: items.length, comments: comments.length };
}

function depth(id: string, rows: { id: string; parentId: string | null }[]): number {
  const parent = rows.find((r) => r.id === id)?.parentId;
  return parent ? 1 + depth(parent, rows) : 0;
}

/**
 * When a demo item was last reviewed: an interval before the day its review is due (`reviewDueInDays`
 * from now), else a few weeks ago; never before it was published.
 */
function lastReviewed(item: SeedItem, intervalMonths: number, now = new Date()): Date {
  const published = new Date(item.publishedAt);
  const at =
    item.reviewDueInDays === undefined
      ? new Date(now.getTime() - 21 * 86_400_000)
      : addLondonMonths(new Date(now.getTime() + item.reviewDueInDays * 86_400_000), -intervalMonths);
  return at < published ? published : at;
}

function importItem(
  db: Db,
  item: SeedItem,
  userIds: Map<string, string>,
  imageIds: Map<DemoImageName, string>,
  lastReviewedAt: Date,
): Promise<{ itemId: string; created: boolean }> {
  const authorId = userIds.get(item.authorEmail);
  if (!authorId) throw new Error(`seed item ${item.slug}: unknown author ${item.authorEmail}`);
  // Someone other than the author approved it, as the workflow requires.
  const approver =
    item.authorEmail === "editor@observatory.test" ? "admin@observatory.test" : "editor@observatory.test";
  return importPublishedItem(db, {
    kind: item.kind,
    slug: item.slug,
    title: item.title,
    summary: item.summary,
    body: documentFromMarkdown(item.body),
    commentsOpen: item.commentsOpen,
    ...(item.image ? { leadImageId: imageIds.get(item.image) } : {}),
    workstreamSlugs: item.workstreams,
    authorId,
    approvedById: userIds.get(approver) ?? null,
    publishedAt: new Date(item.publishedAt),
    lastReviewedAt,
  });
}
