import { ContentKind, type Db, type DbOrTransaction } from "@observatory/db";
import { formatDateTime } from "@observatory/time";
import { z } from "zod";
import { recordAudit } from "../audit/record.ts";
import { settingChanges, summariseChanges } from "../audit/setting-changes.ts";
import { kindSections } from "../content/kinds.ts";
import { AppError, notFound } from "../errors.ts";
import { closeOpenRounds } from "../workflows/rounds.ts";
import { passAccessibilityCheck } from "./accessibility-gate.ts";
import { assertLatest, lockItem, type StaffContext } from "./common.ts";
import { putLive, revisionWithAuthor } from "./transitions.ts";
import type { ChangeChoice } from "./publication-history.ts";
import { assertCanTake, workflow } from "./workflow.ts";
import { storedSetting } from "../settings/stored.ts";

// The recorded emergency route (decision 026). When something cannot wait for review, an editor may
// publish the latest revision as it stands, only with a written reason and only for the kinds an
// administrator allows. The item is flagged "Published without review" (content list, dashboard,
// its own page) until a second editor has reviewed it afterwards. Both steps are audited.

export const FORCE_PUBLISH_SETTING = "content.forcePublishKinds";

/** News and press releases are what may have to go out at once; blogs and pages can wait. */
export const defaultForcePublishKinds: ContentKind[] = ["NEWS", "PRESS_RELEASE"];

const kindList = z.array(z.enum(ContentKind));

/** The kinds that may be published without review: the stored setting, or the default. */
export async function readForcePublishKinds(db: DbOrTransaction): Promise<ContentKind[]> {
  const stored = kindList.safeParse(await storedSetting(db, FORCE_PUBLISH_SETTING));
  return stored.success ? stored.data : defaultForcePublishKinds;
}

const inWords = (kinds: ContentKind[]) =>
  Object.fromEntries(Object.values(ContentKind).map((kind) => [kind, kinds.includes(kind)]));
const labels = Object.fromEntries(
  Object.values(ContentKind).map((kind) => [kind, `${kindSections[kind].label}: may be published without review`]),
);

export async function updateForcePublishKinds(ctx: StaffContext, kinds: ContentKind[]): Promise<ContentKind[]> {
  const ordered = Object.values(ContentKind).filter((kind) => kinds.includes(kind));
  await ctx.db.$transaction(async (tx) => {
    const before = await readForcePublishKinds(tx);
    await tx.setting.upsert({
      where: { key: FORCE_PUBLISH_SETTING },
      create: { key: FORCE_PUBLISH_SETTING, value: ordered, updatedById: ctx.user.id },
      update: { value: ordered, updatedById: ctx.user.id },
    });
    const changes = settingChanges(inWords(before), inWords(ordered), labels);
    await recordAudit(tx, ctx, {
      action: "settings.forcePublish",
      targetType: "Setting",
      targetId: FORCE_PUBLISH_SETTING,
      summary: summariseChanges("publishing without review", changes),
      data: { changes },
    });
  });
  return ordered;
}

export const forcePublishReason = z
  .string()
  .trim()
  .min(20, "Say why this cannot wait for review, in at least 20 characters: other editors will read it")
  .max(2000, "Reason must be 2,000 characters or fewer");

export async function forcePublish(
  ctx: StaffContext,
  input: { itemId: string; revisionId: string; reason: string; warningsReason?: string } & ChangeChoice,
) {
  return ctx.db.$transaction(async (tx) => {
    const item = await lockItem(tx, input.itemId);
    assertCanTake("forcePublish", ctx.user, item);
    assertLatest(item, input.revisionId);
    if (!(await readForcePublishKinds(tx)).includes(item.kind)) {
      throw new AppError(
        "FORBIDDEN",
        `${kindSections[item.kind].label} cannot be published without review. An administrator can change this in the publishing settings.`,
      );
    }
    const draft = await revisionWithAuthor(tx, input.revisionId);
    await passAccessibilityCheck(tx, ctx, item.id, draft, input.warningsReason ?? "", "published");
    // What the review was doing is overtaken; the review afterwards takes its place.
    await closeOpenRounds(tx, item.id);
    // An autosaved working copy becomes a real revision once published.
    const revision = draft.isAutosave
      ? await tx.revision.update({
          where: { id: draft.id },
          data: { isAutosave: false },
          include: { author: { select: { id: true, name: true, email: true } } },
        })
      : draft;
    const now = await putLive(tx, item, revision, input);
    await tx.forcedPublication.create({
      data: {
        itemId: item.id,
        revisionId: revision.id,
        publishedById: ctx.user.id,
        reason: input.reason,
        publishedAt: now,
      },
    });
    await recordAudit(tx, ctx, {
      action: workflow.forcePublish.audit,
      targetType: "ContentItem",
      targetId: item.id,
      summary: `Published revision ${revision.number} of "${revision.title}" without review: ${input.reason}`,
      data: { revisionId: revision.id, reason: input.reason },
    });
    return { status: "PUBLISHED" as const, liveSince: now };
  });
}

/** The second editor's review of a publication without review: anyone who may publish, but not its publisher. */
export async function reviewForcedPublication(ctx: StaffContext, input: { id: string; note: string }) {
  return ctx.db.$transaction(async (tx) => {
    const forced = await tx.forcedPublication.findUnique({
      where: { id: input.id },
      include: { reviewedBy: { select: { name: true } }, revision: { select: { number: true, title: true } } },
    });
    if (!forced) throw notFound("That publication without review");
    if (forced.reviewedAt) {
      throw new AppError(
        "CONFLICT",
        `${forced.reviewedBy?.name ?? "Another editor"} already reviewed this on ${formatDateTime(forced.reviewedAt)}.`,
      );
    }
    if (forced.publishedById === ctx.user.id) {
      throw new AppError(
        "FORBIDDEN",
        "You published this without review, so a second editor must review it. Ask another editor.",
      );
    }
    const reviewedAt = new Date();
    // Only one review counts, however many editors press the button at once.
    const { count } = await tx.forcedPublication.updateMany({
      where: { id: forced.id, reviewedAt: null },
      data: { reviewedById: ctx.user.id, reviewedAt, reviewNote: input.note },
    });
    if (count === 0) throw new AppError("CONFLICT", "Another editor has just reviewed this. Reload the page.");
    await recordAudit(tx, ctx, {
      action: "content.forcePublishReviewed",
      targetType: "ContentItem",
      targetId: forced.itemId,
      summary: `Reviewed revision ${forced.revision.number} of "${forced.revision.title}", published without review${input.note ? `: ${input.note}` : ""}`,
      data: { forcedPublicationId: forced.id, note: input.note },
    });
    return { reviewedAt };
  });
}

const forcedSelect = {
  id: true,
  reason: true,
  publishedAt: true,
  reviewedAt: true,
  reviewNote: true,
  publishedById: true,
  publishedBy: { select: { name: true } },
  reviewedBy: { select: { name: true } },
  revision: { select: { number: true } },
  item: { select: { id: true, kind: true, title: true } },
} as const;

/**
 * Publications without review, newest first: those still waiting for a second editor ("open"), or
 * those reviewed (the record administrators keep).
 */
export async function listForcedPublications(db: Db, input: { state: "open" | "reviewed"; take: number }) {
  return db.forcedPublication.findMany({
    where: { reviewedAt: input.state === "open" ? null : { not: null } },
    orderBy: input.state === "open" ? { publishedAt: "desc" } : { reviewedAt: "desc" },
    take: input.take,
    select: forcedSelect,
  });
}

/** The item's publications without review, newest first (its page shows them and offers the review). */
export async function forcedPublicationsOf(db: Db, itemId: string) {
  return db.forcedPublication.findMany({
    where: { itemId },
    orderBy: { publishedAt: "desc" },
    take: 20,
    select: forcedSelect,
  });
}
