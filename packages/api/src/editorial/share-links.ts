import { recordAudit } from "../audit/record.ts";
import { renderBody } from "../content/body.ts";
import { apiConfig } from "../config.ts";
import { publicReviewDates, readReviewDueSettings } from "../review-due/settings.ts";
import { AppError, notFound } from "../errors.ts";
import type { Context } from "../trpc.ts";
import type { StaffContext } from "./common.ts";
import { formatDateTime } from "@observatory/time";
import { renderedImages } from "../media/render.ts";
import { hashSignedToken, isSignedToken, issueSignedToken } from "./signed-tokens.ts";

// Preview links for reviewers outside the observatory, signed and stored as a hash (signed-tokens.ts).
// Links expire, can be revoked, and every use is logged.

export const MAX_SHARE_DAYS = 30;

export const sharePreviewUrl = (token: string) => new URL(`/preview/${token}`, apiConfig().publicSiteUrl).toString();

export async function createShareLink(
  ctx: StaffContext,
  input: { revisionId: string; days: number },
  now = new Date(),
) {
  const revision = await ctx.db.revision.findUnique({
    where: { id: input.revisionId },
    select: { id: true, number: true, title: true, itemId: true },
  });
  if (!revision) throw notFound("That revision");
  const { token, tokenHash } = issueSignedToken("share-link");
  const expiresAt = new Date(now.getTime() + input.days * 86_400_000);
  const link = await ctx.db.$transaction(async (tx) => {
    const created = await tx.shareLink.create({
      data: { revisionId: revision.id, tokenHash, createdById: ctx.user.id, expiresAt },
      select: { id: true },
    });
    await recordAudit(tx, ctx, {
      action: "content.shareLink",
      targetType: "ContentItem",
      targetId: revision.itemId,
      summary: `Shared a preview of revision ${revision.number} of "${revision.title}" until ${formatDateTime(expiresAt)}`,
      data: { shareLinkId: created.id, revisionId: revision.id },
    });
    return created;
  });
  // The token is shown once, here; only its hash is kept.
  return { id: link.id, url: sharePreviewUrl(token), expiresAt };
}

export async function revokeShareLink(ctx: StaffContext, input: { id: string }) {
  return ctx.db.$transaction(async (tx) => {
    const link = await tx.shareLink.findUnique({
      where: { id: input.id },
      include: { revision: { select: { itemId: true, number: true } } },
    });
    if (!link) throw notFound("That share link");
    if (link.revokedAt) return { revokedAt: link.revokedAt };
    const revokedAt = new Date();
    await tx.shareLink.update({ where: { id: link.id }, data: { revokedAt } });
    await recordAudit(tx, ctx, {
      action: "content.revokeShareLink",
      targetType: "ContentItem",
      targetId: link.revision.itemId,
      summary: `Revoked a preview link of revision ${link.revision.number}`,
      data: { shareLinkId: link.id },
    });
    return { revokedAt };
  });
}

export async function listShareLinks(db: Context["db"], itemId: string) {
  const links = await db.shareLink.findMany({
    where: { revision: { itemId } },
    select: {
      id: true,
      expiresAt: true,
      revokedAt: true,
      createdAt: true,
      createdBy: { select: { name: true } },
      revision: { select: { number: true } },
      _count: { select: { uses: true } },
      uses: { select: { usedAt: true }, orderBy: { usedAt: "desc" }, take: 1 },
    },
    orderBy: { createdAt: "desc" },
  });
  return links.map(({ _count, uses, ...link }) => ({
    ...link,
    useCount: _count.uses,
    lastUsedAt: uses[0]?.usedAt ?? null,
  }));
}

/**
 * A revision as the public article page would render it: what outside readers of an unpublished
 * revision see (share links, fact-check requests).
 */
export async function revisionAsPublished(db: Context["db"], revisionId: string, now: Date) {
  const r = await db.revision.findUnique({
    where: { id: revisionId },
    select: {
      title: true,
      summary: true,
      document: true,
      leadImageId: true,
      workstreams: { select: { workstream: { select: { slug: true, title: true } } } },
      item: {
        select: {
          kind: true,
          publishedAt: true,
          lastReviewedAt: true,
          nextReviewDue: true,
          createdBy: { select: { name: true } },
        },
      },
    },
  });
  if (!r) throw notFound("That revision");
  return {
    kind: r.item.kind,
    title: r.title,
    summary: r.summary,
    bodyHtml: await renderBody(db, r.document, { now, siteUrl: apiConfig().publicSiteUrl }),
    // The byline the public page will show: the item's author, whoever wrote this revision.
    authorName: r.item.createdBy.name,
    publishedAt: r.item.publishedAt ?? now,
    // The review dates the public page shows now (the item's, not the revision's).
    ...publicReviewDates(await readReviewDueSettings(db), r.item, now),
    workstreams: r.workstreams.map((w) => w.workstream),
    leadImage: r.leadImageId ? ((await renderedImages(db, [r.leadImageId])).get(r.leadImageId) ?? null) : null,
  };
}

/**
 * The revision a share link shows, as the public article page would render it; logs the use.
 * Every refusal reads the same to the visitor, so a link's state is not disclosed.
 */
export async function openShareLink(ctx: Pick<Context, "db" | "request">, token: string, now = new Date()) {
  const refused = new AppError("NOT_FOUND", "This preview link is not valid: it may have expired or been withdrawn.");
  if (!isSignedToken("share-link", token)) throw refused;
  const link = await ctx.db.shareLink.findUnique({
    where: { tokenHash: hashSignedToken(token) },
    select: { id: true, expiresAt: true, revokedAt: true, revisionId: true },
  });
  if (!link || link.revokedAt || link.expiresAt <= now) throw refused;
  await ctx.db.shareLinkUse.create({
    data: { shareLinkId: link.id, ipHash: ctx.request.ipHash, userAgent: ctx.request.userAgent?.slice(0, 300) ?? null },
  });
  return { ...(await revisionAsPublished(ctx.db, link.revisionId, now)), expiresAt: link.expiresAt };
}
