import { z } from "zod";
import { permissionProcedure, router } from "../trpc.ts";
import {
  approveComment,
  blockSender,
  deleteComment,
  editComment,
  editInput,
  markSpam,
  moderateMany,
  reasonInput,
  redactComment,
  redactInput,
  rejectComment,
  replyAsStaff,
  replyInput,
  restoreComment,
  seenComment,
  trashComment,
} from "./actions.ts";
import { countEmptiable, emptyComments, emptyInput, purgeTrashJob } from "./trash.ts";
import { queueViewInput, readQueueView, setQueueView } from "./queue-view.ts";
import { emailInput, eraseCommentsByEmail, eraseInput, exportCommentsByEmail } from "./personal-data.ts";
import { countPending, getQueueRow, listCommentedItems, listQueue, queueInput } from "./queue.ts";
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
  /** How many comments await moderation: the badge in the navigation. */
  pendingCount: moderate.query(({ ctx }) => countPending(ctx.db)),
  /** Cards or a table, and how many a page: each moderator's own choice. */
  queueView: moderate.query(({ ctx }) => readQueueView(ctx)),
  setQueueView: moderate.input(queueViewInput).mutation(({ ctx, input }) => setQueueView(ctx, input)),

  approve: moderate.input(seenComment).mutation(({ ctx, input }) => approveComment(ctx, input)),
  reject: moderate
    .input(seenComment.extend({ reason: reasonInput }))
    .mutation(({ ctx, input: { reason, ...seen } }) => rejectComment(ctx, seen, reason)),
  markSpam: moderate
    .input(seenComment.extend({ reason: reasonInput }))
    .mutation(({ ctx, input: { reason, ...seen } }) => markSpam(ctx, seen, reason)),
  /** Mark as spam and add the sender's email address and IP hash to the blocklists. */
  blockSender: moderate.input(seenComment).mutation(({ ctx, input }) => blockSender(ctx, input)),
  /** Into the trash (restorable for 30 days) and back out. */
  trash: moderate.input(seenComment).mutation(({ ctx, input }) => trashComment(ctx, input)),
  restore: moderate.input(seenComment).mutation(({ ctx, input }) => restoreComment(ctx, input)),
  delete: remove.input(seenComment).mutation(({ ctx, input }) => deleteComment(ctx, input)),
  /** The text and the name shown with it; the audit event keeps them as they were. */
  edit: moderate.input(editInput).mutation(({ ctx, input }) => editComment(ctx, input)),
  redact: moderate.input(redactInput).mutation(({ ctx, input }) => redactComment(ctx, input)),
  reply: moderate.input(replyInput).mutation(({ ctx, input }) => replyAsStaff(ctx, input)),

  /** Approve, reject or mark as spam several comments; reports which succeeded and why the others did not. */
  moderateMany: moderate
    .input(bulkInput.extend({ action: z.enum(["approve", "reject", "spam", "trash", "restore"]), reason: reasonInput }))
    .mutation(({ ctx, input }) => moderateMany(ctx, input.action, input.comments, input.reason)),
  deleteMany: remove.input(bulkInput).mutation(({ ctx, input }) => moderateMany(ctx, "delete", input.comments)),
  /** How many "Empty spam" or "Empty trash" would delete, as of now (stated on the confirmation page). */
  emptiable: remove.input(emptyInput.pick({ status: true })).query(async ({ ctx, input }) => {
    const asOf = new Date();
    return { count: await countEmptiable(ctx.db, input.status, asOf), asOf };
  }),
  empty: remove.input(emptyInput).mutation(({ ctx, input }) => emptyComments(ctx, input)),

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

/** This domain's background work: the digest of held comments for moderators, and the trash's purge. */
export const moderationJobs: Job[] = [moderationDigestJob, purgeTrashJob];
