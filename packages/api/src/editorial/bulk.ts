import { type ContentStatus, Prisma } from "@observatory/db";
import { z } from "zod";
import { isVisibleSql } from "../content/visibility.ts";
import { recordRefusal } from "../audit/refusal.ts";
import { AppError } from "../errors.ts";
import type { Permission } from "../permissions.ts";
import { archive, removalReason, restoreFromArchive } from "./archive.ts";
import { type StaffContext, statusLabel, statusLabels } from "./common.ts";
import { submitForReview } from "./transitions.ts";
import { assignOwner } from "../review-due/service.ts";
import { assertCanOwn } from "../review-due/settings.ts";

// Actions on many items at once, from the content list. Each item goes through the same service as
// the single action (its own transaction, permission and state checks, audit event), so a bulk
// action can do nothing one person could not do item by item. One item refused does not stop the
// others: the answer says which succeeded and, in a few words, why each other one did not.

type Target = { itemId: string; revisionId: string };
/** What some actions need beyond the items: the new owner, for "Assign an owner". */
type Options = { ownerId: string; reason: string };

type BulkAction = {
  /** In the list's choice of action. */
  label: string;
  /** What happened to each item done: "3 items archived", "1 item could not be archived". */
  done: string;
  /** Offered to those who hold it; each item is still checked by its service. */
  permission: Permission;
  /** What the confirmation page asks before the action is taken, or null to take it at once. */
  confirm: string | null;
  /** The refusal when the person may not act on this item. */
  notAllowed: string;
  /** The refusal when the item's state is why (null: its state allows the action, so say the service's reason). */
  notNow: (status: ContentStatus) => string | null;
  /** The single action's service; `archivedAt` names an archiving, for its undo. */
  run: (ctx: StaffContext, item: Target, options: Options) => Promise<{ status?: ContentStatus; archivedAt?: Date }>;
};

const lower = (status: ContentStatus) => statusLabels[status].toLowerCase();

/** Every bulk action: adding one is adding an entry here. */
export const bulkActions = {
  submit: {
    label: "Submit for review",
    done: "submitted for review",
    permission: "content.write",
    confirm: null,
    notAllowed: "Not yours to submit",
    notNow: (status) =>
      status === "IN_REVIEW"
        ? "Already in review"
        : status === "DRAFT" || status === "CHANGES_REQUESTED"
          ? null
          : `Nothing to submit: it is ${lower(status)}`,
    run: submitForReview,
  },
  archive: {
    label: "Archive",
    done: "archived",
    permission: "content.publish",
    confirm: "Archived items come off the public site at once, and their schedules are cancelled.",
    notAllowed: "Only an editor can archive content",
    notNow: (status) => (status === "ARCHIVED" ? "Already archived" : null),
    // Items readers can see are unpublished with the one reason given; their addresses answer 410.
    run: (ctx, item, options) => archive(ctx, { itemId: item.itemId, reason: options.reason }),
  },
  restore: {
    label: "Restore (archived items back to draft)",
    done: "restored to draft",
    permission: "content.publish",
    confirm: null,
    notAllowed: "Only an editor can restore archived content",
    notNow: (status) => (status === "ARCHIVED" ? null : `Not archived: it is ${lower(status)}`),
    run: async (ctx, item) => {
      await restoreFromArchive(ctx, item);
      return { status: "DRAFT" };
    },
  },
  assignOwner: {
    label: "Assign an owner (choose who below)",
    done: "given the new owner",
    permission: "content.editAny",
    confirm: null,
    notAllowed: "Only an editor can change who owns an item",
    notNow: () => null,
    run: async (ctx, item, options) => {
      await assignOwner(ctx, { itemId: item.itemId, ownerId: options.ownerId });
      return {};
    },
  },
} as const satisfies Record<string, BulkAction>;

export type BulkActionName = keyof typeof bulkActions;

const MAX_BULK_ITEMS = 100;

export const bulkInput = z.object({
  action: z.enum(Object.keys(bulkActions) as [BulkActionName, ...BulkActionName[]], "Choose an action"),
  itemIds: z
    .array(z.string().min(1).max(40))
    .min(1, "Select at least one item")
    .max(MAX_BULK_ITEMS, `Select ${MAX_BULK_ITEMS} items or fewer at a time`),
  /** For "Assign an owner". */
  ownerId: z.string().max(40).default(""),
  /** For "Archive": why those on the public site are being unpublished (decision 027). */
  reason: removalReason,
});

type Outcome = { id: string; title: string };

/** Takes `action` on each item in turn; returns those done and, for each refused, the reason. */
export async function runBulk(ctx: StaffContext, input: z.output<typeof bulkInput>) {
  const action: BulkAction = bulkActions[input.action];
  if (input.action === "assignOwner") {
    // Checked once, beside the owner's field, rather than refused item by item.
    await assertCanOwn(ctx.db, input.ownerId, "ownerId");
  }
  const ids = [...new Set(input.itemIds)];
  const items = new Map(
    (
      await ctx.db.contentItem.findMany({
        where: { id: { in: ids } },
        select: { id: true, title: true, latestRevisionId: true },
      })
    ).map((item) => [item.id, item]),
  );
  const succeeded: (Outcome & { archivedAt: Date | null })[] = [];
  const failed: (Outcome & { reason: string })[] = [];
  for (const id of ids) {
    const item = items.get(id);
    if (!item?.latestRevisionId) {
      failed.push({ id, title: "An item no longer in the list", reason: "It has been deleted" });
      continue;
    }
    try {
      const result = await action.run(ctx, { itemId: id, revisionId: item.latestRevisionId }, input);
      succeeded.push({ id, title: item.title, archivedAt: result.archivedAt ?? null });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      // Recorded as the single action's refusal would be (trpc.ts records those for each procedure).
      if (error.code === "FORBIDDEN")
        await recordRefusal(ctx, ctx.user, `editorial.bulk: ${input.action}`, { itemId: id });
      failed.push({ id, title: item.title, reason: await reasonFor(ctx, action, id, error) });
    }
  }
  return { action: input.action, done: action.done, succeeded, failed };
}

/** A refusal in a few words: who may act, or the state the item is in, else the service's own words. */
async function reasonFor(ctx: StaffContext, action: BulkAction, itemId: string, error: AppError): Promise<string> {
  if (error.code === "FORBIDDEN") return action.notAllowed;
  const current = await ctx.db.contentItem.findUnique({ where: { id: itemId }, select: { status: true } });
  return (current && action.notNow(current.status)) ?? error.message;
}

/** The items a bulk action would act on, as its confirmation page lists them. */
export async function describeSelection(ctx: StaffContext, itemIds: string[], now = new Date()) {
  const rows = await ctx.db.$queryRaw<
    { id: string; title: string; status: ContentStatus; stepName: string | null; isOnSite: boolean }[]
  >`
    SELECT i."id", i."title", i."status", ${isVisibleSql(Prisma.sql`i."id"`, now)} AS "isOnSite",
      (SELECT r."stepName" FROM "ReviewRound" r WHERE r."revisionId" = i."latestRevisionId"
        AND r."status" = 'IN_PROGRESS' LIMIT 1) AS "stepName"
    FROM "ContentItem" i WHERE i."id" = ANY(${itemIds}::text[]) ORDER BY i."title", i."id"`;
  return rows.map(({ stepName, ...row }) => ({ ...row, statusLabel: statusLabel(row.status, stepName) }));
}
