import type { Db } from "@observatory/db";
import { z } from "zod";
import { recordAudit } from "../audit/record.ts";
import type { Job } from "../jobs/runner.ts";
import type { Context } from "../trpc.ts";

// The trash and the spam tab are emptied for good: by a moderator who confirms how many will go, or,
// for the trash, by the purge job 30 days after each comment went there. Replies go with their
// comment (the foreign key cascades), as with any permanent deletion.

type Actor = Pick<Context, "db" | "request"> & { user: { id: string } };

/** How long a comment stays in the trash, restorable, before the purge job deletes it. */
export const TRASH_DAYS = 30;

export const emptyInput = z.object({
  status: z.enum(["SPAM", "TRASH"]),
  /**
   * When the moderator was shown the count they confirmed: only comments that were already there
   * then go, so spam arriving while they read the confirmation page is not deleted unseen.
   */
  asOf: z.coerce.date(),
});

const place = { SPAM: "spam", TRASH: "trash" } as const;

/** Whatever `emptyInput` would delete (the confirmation page states this number). */
export async function countEmptiable(db: Db, status: "SPAM" | "TRASH", asOf: Date): Promise<number> {
  return db.comment.count({ where: { status, updatedAt: { lte: asOf } } });
}

/** Deletes permanently every comment in spam or in the trash as of `asOf`, with one audit event. */
export async function emptyComments(ctx: Actor, input: z.input<typeof emptyInput>): Promise<{ count: number }> {
  const { status, asOf } = emptyInput.parse(input);
  return ctx.db.$transaction(async (tx) => {
    const { count } = await tx.comment.deleteMany({ where: { status, updatedAt: { lte: asOf } } });
    await recordAudit(tx, ctx, {
      action: status === "SPAM" ? "comment.spamEmptied" : "comment.trashEmptied",
      targetType: "Comment",
      summary: `Emptied the ${place[status]}: ${count} comment${count === 1 ? "" : "s"} deleted permanently`,
      data: { count, asOf: asOf.toISOString() },
    });
    return { count };
  });
}

/** Deletes the comments that went to the trash more than TRASH_DAYS ago; audited when any went. */
export async function purgeTrash(db: Db, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - TRASH_DAYS * 86_400_000);
  return db.$transaction(async (tx) => {
    const { count } = await tx.comment.deleteMany({ where: { status: "TRASH", trashedAt: { lt: cutoff } } });
    if (count)
      await recordAudit(
        tx,
        { user: null, request: { ipHash: null } },
        {
          action: "comment.trashPurged",
          targetType: "Comment",
          summary: `Deleted permanently ${count} comment${count === 1 ? "" : "s"} kept in the trash for ${TRASH_DAYS} days`,
          data: { count, trashedBefore: cutoff.toISOString() },
        },
      );
    return count;
  });
}

export const purgeTrashJob: Job = {
  name: "purge-comment-trash",
  intervalSeconds: 60 * 60,
  run: async (db, now) => `deleted ${await purgeTrash(db, now)} comments kept in the trash for ${TRASH_DAYS} days`,
};
