import { readIpHashRetentionDays, readSpamRules } from "./settings.ts";
import { publicProcedure, router } from "../trpc.ts";
import { issueFormToken } from "./form-token.ts";
import { commentInput, submitComment } from "./public-service.ts";
import type { Job } from "../jobs/runner.ts";
import { purgeIpHashesJob } from "./ip-hash-retention.ts";

export const commentsRouter = router({
  /** A fresh signed timestamp for the comment form (the minimum-time check). */
  formToken: publicProcedure.query(() => issueFormToken()),

  /** What the privacy notice promises, read from the settings the purge job and the spam rules run with. */
  privacyPolicy: publicProcedure.query(async ({ ctx }) => ({
    ipHashRetentionDays: await readIpHashRetentionDays(ctx.db),
    trustsApprovedCommenters: (await readSpamRules(ctx.db)).rules.trustApprovedCommenters,
  })),

  submit: publicProcedure.input(commentInput).mutation(async ({ ctx, input }) => {
    const { status } = await submitComment(ctx.db, ctx.request, input);
    // Spam is not announced as such: the sender is told what a held comment's sender is told.
    return { status: status === "APPROVED" ? ("APPROVED" as const) : ("PENDING" as const) };
  }),
});

/** This domain's background work: clearing readers' IP hashes after the retention period. */
export const commentJobs: Job[] = [purgeIpHashesJob];
