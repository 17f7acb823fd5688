import { z } from "zod";
import { permissionProcedure, router } from "../trpc.ts";
import {
  approveComment,
  blockSender,
  deleteComment,
  markSpam,
  moderateMany,
  reasonInput,
  redactComment,
  redactInput,
  rejectComment,
  replyAsStaff,
  replyInput,
  seenComment,
} from "./actions.ts";
import { emailInput, eraseCommentsByEmail, eraseInput, exportCommentsByEmail } from "./personal-data.ts";
import { getQueueRow, listCommentedItems, listQueue, queueInput } from "./queue.ts";
import {
  readModerationSettings,
  retentionInput,
  spamRulesInput,
  updateIpHashRetention,
  updateSpamRules,
} from "../comments/settings.ts";
import { listRefusals, refusalsInput } from "../comments/refusals.ts";
import type { Job } from "../jobs/runner.ts";
import { moderationDigestJob } from "./digest.ts";

const moderate = permissionProcedure("comments.moderate");
const remove = permissionProcedure("comments.delete");
const personalData = permissionProcedure("comments.personalData");

const bulkInput = z.object({
  comments: z
    .array(seenComment)
    .min(1, "Select at least one comment")
    .max(100, "Select 100 comments or fewer at a time"),
});

export const moderationRouter = router({
  queue: moderate.input(queueInput).query(({ ctx, input }) => listQueue(ctx.db, input)),
  /** One comment with its context, for its own page (reason, redaction, reply). */
  comment: moderate
    .input(z.object({ id: z.string().min(1).max(100) }))
    .query(({ ctx, input }) => getQueueRow(ctx.db, input.id)),
  /** The articles offered in the queue's article filter. */
  items: moderate.query(({ ctx }) => listCommentedItems(ctx.db)),

  approve: moderate.input(seenComment).mutation(({ ctx, input }) => approveComment(ctx, input)),
  reject: moderate
    .input(seenComment.extend({ reason: reasonInput }))
    .mutation(({ ctx, input: { reason, ...seen } }) => rejectComment(ctx, seen, reason)),
  markSpam: moderate
    .input(seenComment.extend({ reason: reasonInput }))
    .mutation(({ ctx, input: { reason, ...seen } }) => markSpam(ctx, seen, reason)),
  /** Mark as spam and add the sender's email address and IP hash to the blocklists. */
  blockSender: moderate.input(seenComment).mutation(({ ctx, input }) => blockSender(ctx, input)),
  delete: remove.input(seenComment).mutation(({ ctx, input }) => deleteComment(ctx, input)),
  redact: moderate.input(redactInput).mutation(({ ctx, input }) => redactComment(ctx, input)),
  reply: moderate.input(replyInput).mutation(({ ctx, input }) => replyAsStaff(ctx, input)),

  /** Approve, reject or mark as spam several comments; reports which succeeded and why the others did not. */
  moderateMany: moderate
    .input(bulkInput.extend({ action: z.enum(["approve", "reject", "spam"]), reason: reasonInput }))
    .mutation(({ ctx, input }) => moderateMany(ctx, input.action, input.comments, input.reason)),
  deleteMany: remove.input(bulkInput).mutation(({ ctx, input }) => moderateMany(ctx, "delete", input.comments)),

  settings: moderate.query(({ ctx }) => readModerationSettings(ctx.db)),
  /** How many submissions were refused before being stored, per rule and London day. */
  refusals: moderate.input(refusalsInput).query(({ ctx, input }) => listRefusals(ctx.db, input.days)),
  updateRules: moderate.input(spamRulesInput).mutation(({ ctx, input }) => updateSpamRules(ctx, input)),
  /** How long IP hashes are kept is a privacy promise: administrators only. */
  updateRetention: permissionProcedure("settings.manage")
    .input(retentionInput)
    .mutation(({ ctx, input }) => updateIpHashRetention(ctx, input.ipHashRetentionDays)),

  exportByEmail: personalData.input(emailInput).mutation(({ ctx, input }) => exportCommentsByEmail(ctx, input)),
  eraseByEmail: personalData.input(eraseInput).mutation(({ ctx, input }) => eraseCommentsByEmail(ctx, input)),
});

/** This domain's background work: the digest of held comments for moderators. */
export const moderationJobs: Job[] = [moderationDigestJob];
