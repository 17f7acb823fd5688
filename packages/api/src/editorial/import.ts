import type { Db } from "@observatory/db";
import { recordAudit } from "../audit/record.ts";
import { AppError } from "../errors.ts";
import { insertItem, type RevisionFields } from "./drafts.ts";

/** An item that was already published elsewhere, with the people who wrote and approved it. */
export type ImportedItem = Omit<RevisionFields, "workstreamIds" | "seoTitle" | "seoDescription"> & {
  slug: string;
  workstreamSlugs: string[];
  authorId: string;
  approvedById: string | null;
  publishedAt: Date;
};

/**
 * Brings in a published item (the demo content, or content moved from another site) through the
 * same creation path as a person's new draft, then records it as reviewed and published at its
 * original date. An item whose web address is taken is left as it is, so importing again changes
 * nothing; returns the item's id and whether it was created.
 */
export async function importPublishedItem(
  db: Db,
  imported: ImportedItem,
): Promise<{ itemId: string; created: boolean }> {
  const { slug, workstreamSlugs, authorId, approvedById, publishedAt, ...fields } = imported;
  const existing = await db.contentItem.findUnique({ where: { slug }, select: { id: true } });
  if (existing) return { itemId: existing.id, created: false };
  return db.$transaction(async (tx) => {
    const workstreams = await tx.workstream.findMany({
      where: { slug: { in: workstreamSlugs } },
      select: { id: true, slug: true },
    });
    const unknown = workstreamSlugs.filter((s) => !workstreams.some((w) => w.slug === s));
    if (unknown.length) throw new AppError("BAD_REQUEST", `${slug}: no priority called ${unknown.join(", ")}`);
    const workstreamIds = workstreamSlugs.map((s) => workstreams.find((w) => w.slug === s)?.id ?? "");
    const { item, revision } = await insertItem(
      tx,
      { ...fields, slug, workstreamIds, seoTitle: null, seoDescription: null },
      authorId,
      publishedAt,
    );
    await tx.revision.update({
      where: { id: revision.id },
      data: {
        submittedAt: publishedAt,
        approvedAt: publishedAt,
        approvedById,
        lastReviewedAt: revision.nextReviewDue ? publishedAt : null,
      },
    });
    if (approvedById) {
      await tx.review.create({
        data: {
          revisionId: revision.id,
          reviewerId: approvedById,
          stepName: "Editorial review",
          decision: "APPROVED",
          createdAt: publishedAt,
        },
      });
    }
    await tx.contentItem.update({
      where: { id: item.id },
      data: { status: "PUBLISHED", liveRevisionId: revision.id, publishedAt, liveSince: publishedAt },
    });
    await recordAudit(
      tx,
      { user: { id: authorId }, request: { ipHash: null } },
      {
        action: "content.import",
        targetType: "ContentItem",
        targetId: item.id,
        summary: `Imported "${fields.title}" as published on ${publishedAt.toISOString().slice(0, 10)}`,
      },
    );
    return { itemId: item.id, created: true };
  });
}
