import { apiEnv } from "../env.ts";
import { isOpenForComments } from "../content/public-service.ts";
import { publicProcedure, router } from "../trpc.ts";
import { issueFormToken } from "./form-token.ts";
import { commentInput, submitComment } from "./public-service.ts";

export const commentsRouter = router({
  /** A fresh signed timestamp for the comment form (the minimum-time check). */
  formToken: publicProcedure.query(() => issueFormToken()),

  /** What the privacy notice promises, read from the settings the code runs with. */
  privacyPolicy: publicProcedure.query(() => ({ ipHashRetentionDays: apiEnv().COMMENT_IP_HASH_RETENTION_DAYS })),

  submit: publicProcedure.input(commentInput).mutation(async ({ ctx, input }) => {
    await submitComment(ctx.db, ctx.request, input, (itemId) => isOpenForComments(ctx.db, itemId, new Date()));
    return { status: "PENDING" as const };
  }),
});
