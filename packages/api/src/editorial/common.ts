import type { ContentStatus } from "@observatory/db";
import { apiConfig } from "../config.ts";
import { AppError, notFound } from "../errors.ts";
import type { Context } from "../trpc.ts";

/** What every editorial service needs: the database, who is acting, and the request (for the audit trail). */
export type StaffContext = Pick<Context, "db" | "request"> & {
  user: Pick<NonNullable<Context["user"]>, "id" | "name" | "email" | "role">;
};
export type Tx = Parameters<Parameters<Context["db"]["$transaction"]>[0]>[0];

export const statusLabels: Record<ContentStatus, string> = {
  DRAFT: "Draft",
  IN_REVIEW: "In review",
  CHANGES_REQUESTED: "Changes requested",
  APPROVED: "Approved",
  SCHEDULED: "Scheduled",
  PUBLISHED: "Published",
  ARCHIVED: "Archived",
};

/** What the status says while a review step waits: "Awaiting clinical sign-off". */
export function awaitingLabel(stepName: string): string {
  // Lower-case the first word unless it is an acronym: "NHS sign-off" stays as it is.
  const lowered = /^[A-Z][a-z]/.test(stepName) ? `${stepName.charAt(0).toLowerCase()}${stepName.slice(1)}` : stepName;
  return `Awaiting ${lowered}`;
}

/** An item's status as staff read it: the waiting step's name while it is in review. */
export function statusLabel(status: ContentStatus, stepName?: string | null): string {
  return status === "IN_REVIEW" && stepName ? awaitingLabel(stepName) : statusLabels[status];
}

/**
 * Locks the item's row for the rest of the transaction and reads it: every transition checks the
 * state it starts from under this lock, so two people acting at once cannot both succeed.
 */
export async function lockItem(tx: Tx, itemId: string) {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "ContentItem" WHERE "id" = ${itemId} FOR UPDATE`;
  if (!locked.length) throw notFound("That content item");
  const item = await tx.contentItem.findUnique({
    where: { id: itemId },
    include: {
      latestRevision: { select: { id: true, number: true, authorId: true, title: true, isAutosave: true } },
      createdBy: { select: { id: true, name: true, email: true } },
    },
  });
  if (!item) throw notFound("That content item");
  return item;
}

export type LockedItem = Awaited<ReturnType<typeof lockItem>>;

export function latestRevisionOf(item: LockedItem) {
  if (!item.latestRevision) throw new AppError("CONFLICT", "This item has no revision yet.");
  return item.latestRevision;
}

/** Refuses a transition aimed at a revision other than the one editors currently work on. */
export function assertLatest(item: LockedItem, revisionId: string) {
  const latest = latestRevisionOf(item);
  if (latest.id !== revisionId) {
    throw new AppError(
      "CONFLICT",
      "A newer revision of this item has been saved since you opened it. Reload the page to see it.",
    );
  }
  return latest;
}

export const adminLink = (path: string) => new URL(path, apiConfig().adminSiteUrl).toString();
