import { formatDate } from "@observatory/time";
import { z } from "zod";
import { recordAudit } from "../audit/record.ts";
import { checkSitePath } from "../content/site-path.ts";
import { isVisibleAt } from "../content/visibility.ts";
import { AppError } from "../errors.ts";
import { type LockedItem, lockItem, type StaffContext } from "./common.ts";
import { assertCanTake, workflow } from "./workflow.ts";

// Withdrawing (decision 027), as GOV.UK withdraws: the item stays at its address, with a banner
// saying when and why and what replaces it, but leaves listings, search, priority pages and the
// sitemap (`listedItems`), keeps its entry in feeds, and takes no more comments. It is a mark on
// the item, not a status: the item's revisions and review go on as they were, and un-withdrawing
// clears the mark, so the page is back exactly as it was.

export const withdrawalReason = z
  .string()
  .trim()
  .min(1, "Enter why it is withdrawn: readers see this in the banner on the page")
  .max(1000, "Reason must be 1,000 characters or fewer");

const titleOf = (item: LockedItem) => item.latestRevision?.title ?? item.slug;

export async function withdraw(ctx: StaffContext, input: { itemId: string; reason: string; replacementPath: string }) {
  return ctx.db.$transaction(async (tx) => {
    const item = await lockItem(tx, input.itemId);
    assertCanTake("withdraw", ctx.user, item);
    if (item.withdrawnAt) throw new AppError("CONFLICT", "This item is already withdrawn.");
    const now = new Date();
    if (!(await isVisibleAt(tx, item.id, now))) {
      throw new AppError(
        "CONFLICT",
        "Only an item on the public site can be withdrawn. Reload the page to see its state.",
      );
    }
    const replacementPath = await checkSitePath(tx, input.replacementPath, {
      field: "replacementPath",
      itemId: item.id,
      now,
    });
    await tx.contentItem.update({
      where: { id: item.id },
      data: { withdrawnAt: now, withdrawalReason: input.reason, withdrawalReplacementPath: replacementPath },
    });
    await recordAudit(tx, ctx, {
      action: workflow.withdraw.audit,
      targetType: "ContentItem",
      targetId: item.id,
      summary: `Withdrew "${titleOf(item)}": ${input.reason}`,
      data: { reason: input.reason, replacementPath },
    });
    return { withdrawnAt: now };
  });
}

/** Takes the withdrawal off: the page is listed, searchable and open for comments again, as before. */
export async function unwithdraw(ctx: StaffContext, input: { itemId: string }) {
  return ctx.db.$transaction(async (tx) => {
    const item = await lockItem(tx, input.itemId);
    assertCanTake("unwithdraw", ctx.user, item);
    if (!item.withdrawnAt)
      throw new AppError("CONFLICT", "This item is not withdrawn. Reload the page to see its state.");
    await tx.contentItem.update({
      where: { id: item.id },
      data: { withdrawnAt: null, withdrawalReason: null, withdrawalReplacementPath: null },
    });
    await recordAudit(tx, ctx, {
      action: workflow.unwithdraw.audit,
      targetType: "ContentItem",
      targetId: item.id,
      summary: `Undid the withdrawal of "${titleOf(item)}" (withdrawn ${formatDate(item.withdrawnAt)})`,
      data: {
        withdrawnAt: item.withdrawnAt.toISOString(),
        reason: item.withdrawalReason,
        replacementPath: item.withdrawalReplacementPath,
      },
    });
    return { withdrawnAt: null };
  });
}
