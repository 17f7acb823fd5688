import { z } from "zod";
import { recordAudit } from "../audit/record.ts";
import type { Context } from "../trpc.ts";
import { queuePageSizes } from "./queue.ts";

// How each moderator likes the queue: cards or a dense table, and how many comments a page. Kept on
// their account (not in a cookie) so the choice follows them to every browser and device.

type Actor = Pick<Context, "db" | "request"> & { user: { id: string; name: string } };

export const queueViewInput = z.object({
  view: z.enum(["CARDS", "TABLE"], "Choose cards or a table"),
  pageSize: z.coerce
    .number()
    .refine((n) => (queuePageSizes as readonly number[]).includes(n), "Choose 10, 25, 50 or 100 comments a page"),
});

export async function readQueueView(ctx: Pick<Context, "db"> & { user: { id: string } }) {
  const user = await ctx.db.user.findUniqueOrThrow({
    where: { id: ctx.user.id },
    select: { commentQueueView: true, commentQueuePageSize: true },
  });
  return { view: user.commentQueueView, pageSize: user.commentQueuePageSize };
}

export async function setQueueView(ctx: Actor, input: z.input<typeof queueViewInput>) {
  const { view, pageSize } = queueViewInput.parse(input);
  await ctx.db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: ctx.user.id },
      data: { commentQueueView: view, commentQueuePageSize: pageSize },
    });
    await recordAudit(tx, ctx, {
      action: "account.preferencesChanged",
      targetType: "User",
      targetId: ctx.user.id,
      summary: `${ctx.user.name} chose to see the comment queue as ${view === "TABLE" ? "a table" : "cards"}, ${pageSize} a page`,
    });
  });
  return { view, pageSize };
}
