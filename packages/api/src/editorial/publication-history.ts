import { z } from "zod";
import { AppError } from "../errors.ts";
import type { LockedItem, Tx } from "./common.ts";

// An item's public history, as GOV.UK's publishers keep it (decision 030): its first publication,
// then each major change with a dated note readers see ("See all updates"). A revision that
// replaces one readers have seen is published or scheduled as a major change (readers are told,
// with a note) or a minor one (a typo: the page's "Last updated" date and its feeds stay as they
// were). When a revision first went live is recorded by a trigger (the change_notes migration),
// and the public history is read through the SQL function `public_updates`, by the site's own rule.

/** The choice made when publishing over something readers have seen: fields of the publishing forms. */
export const changeChoice = {
  changeKind: z.enum(["major", "minor"], "Choose a major or a minor change").optional(),
  changeNote: z.string().trim().max(1000, "Change note must be 1,000 characters or fewer").default(""),
};

export type ChangeChoice = { changeKind?: "major" | "minor" | undefined; changeNote?: string | undefined };

/** True while the item has never been on the site (its publishedAt is only the scheduled date, if any). */
export function isFirstPublication(item: Pick<LockedItem, "liveRevisionId" | "publishedAt" | "publishAt">): boolean {
  if (item.liveRevisionId !== null) return false;
  return (
    item.publishedAt === null || (item.publishAt !== null && item.publishedAt.getTime() === item.publishAt.getTime())
  );
}

/**
 * Whether publishing `revision` asks "major or minor change": it would replace a page readers have
 * seen, and it has not itself been on the site before (a revision put back keeps its first note).
 */
export function asksForChange(
  item: Pick<LockedItem, "liveRevisionId" | "publishedAt" | "publishAt">,
  revision: { wentLiveAt: Date | null },
): boolean {
  return !isFirstPublication(item) && revision.wentLiveAt === null;
}

/**
 * Records how `revision` will be announced, in the transaction that publishes or schedules it;
 * refuses, changing nothing, when the choice is missing or a major change has no note.
 */
export async function recordChange(
  tx: Tx,
  item: Pick<LockedItem, "liveRevisionId" | "publishedAt" | "publishAt">,
  revision: { id: string; wentLiveAt: Date | null },
  change: ChangeChoice,
): Promise<void> {
  if (!asksForChange(item, revision)) return;
  if (!change.changeKind) {
    throw new AppError("BAD_REQUEST", "Say whether this is a major or a minor change", {
      changeKind: "Say whether this is a major change (readers are told) or a minor one (such as a typo)",
    });
  }
  if (change.changeKind === "major" && !change.changeNote) {
    throw new AppError("BAD_REQUEST", "Write a change note for readers", {
      changeNote: "Write a change note: readers see it with the date in the page's history",
    });
  }
  await tx.revision.update({
    where: { id: revision.id },
    data: {
      minorChange: change.changeKind === "minor",
      changeNote: change.changeKind === "major" ? (change.changeNote ?? null) : null,
    },
  });
}
