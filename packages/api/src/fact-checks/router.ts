import { z } from "zod";
import { permissionProcedure, publicProcedure, router } from "../trpc.ts";
import { answerFactCheck, openFactCheck } from "./answers.ts";
import { factCheckCounts, factChecksOf, sendFactCheckRequest, withdrawFactCheckRequest } from "./requests.ts";
import { answerFields, expertAddresses, requestMessage } from "./rules.ts";

// Fact checks by outside experts (decision 028). Staff procedures need `content.write`, and the
// services then apply the workflow table's rule for the item (whoever may edit it); the expert's
// two are public, and their link is their only key.

const write = permissionProcedure("content.write");
const id = z.string().min(1).max(40);
const token = z.string().min(1).max(200);

export const factChecksRouter = router({
  ofItem: write.input(z.object({ itemId: id })).query(({ ctx, input }) => factChecksOf(ctx, input.itemId)),
  counts: write.input(z.object({ itemId: id })).query(({ ctx, input }) => factCheckCounts(ctx.db, input.itemId)),
  send: write
    .input(
      z.object({
        itemId: id,
        revisionId: id,
        emails: expertAddresses,
        message: requestMessage,
        deadline: z.string().max(20, "Enter a real date, for example 18/12/2026"),
      }),
    )
    .mutation(({ ctx, input }) => sendFactCheckRequest(ctx, input)),
  withdraw: write.input(z.object({ id })).mutation(({ ctx, input }) => withdrawFactCheckRequest(ctx, input)),

  /** What an expert's link shows: anyone holding the link may see it. */
  open: publicProcedure.input(z.object({ token })).query(({ ctx, input }) => openFactCheck(ctx, input.token)),
  answer: publicProcedure
    .input(z.object({ token }).and(answerFields))
    .mutation(({ ctx, input }) => answerFactCheck(ctx, input)),
});
