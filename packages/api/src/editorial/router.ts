import { ContentKind } from "@observatory/db";
import { z } from "zod";
import { AppError } from "../errors.ts";
import { permissionProcedure, publicProcedure, router } from "../trpc.ts";
import { checkBody, renderBody } from "../content/body.ts";
import { acceptWarnings, warningsReason } from "./accessibility-gate.ts";
import { changeChoice } from "./publication-history.ts";
import { findLinkTargets } from "../content/link-targets.ts";
import { apiConfig } from "../config.ts";
import {
  checkedBody,
  createDraft,
  restoreRevision,
  revisionFields,
  saveRevision,
  saveRevisionInput,
} from "./drafts.ts";
import { leavePresence, touchPresence } from "./presence.ts";
import { addComment, addCommentInput, listComments, resolveComment } from "./review-comments.ts";
import {
  compareRevisions,
  dashboard,
  getItemForEditor,
  getRevision,
  latestChanges,
  listItems,
  listItemsInput,
  listRevisions,
  reviewStepNames,
} from "./queries.ts";
import { reviewView } from "../workflows/queries.ts";
import { formatDateTime, londonDateTimeToInstant } from "@observatory/time";
import { createShareLink, listShareLinks, MAX_SHARE_DAYS, openShareLink, revokeShareLink } from "./share-links.ts";
import { archive, removalReason, restoreFromArchive, undoArchive } from "./archive.ts";
import { sitePathInput } from "../content/site-path.ts";
import { unwithdraw, withdraw, withdrawalReason } from "./withdrawal.ts";
import { bulkInput, describeSelection, runBulk } from "./bulk.ts";
import {
  cancelSchedule,
  publishNow,
  reviewDecision,
  schedulePublication,
  scheduleUnpublish,
  submitForReview,
  unpublish,
} from "./transitions.ts";
import {
  forcedPublicationsOf,
  forcePublish,
  forcePublishReason,
  listForcedPublications,
  readForcePublishKinds,
  reviewForcedPublication,
  updateForcePublishKinds,
} from "./forced-publication.ts";
import type { Job } from "../jobs/runner.ts";
import { recordScheduleJob } from "./scheduler.ts";

// Staff procedures for writing, reviewing and publishing. The rules live in the services; these
// declare who may call what (the role table) and validate input.

const write = permissionProcedure("content.write");
const publish = permissionProcedure("content.publish");

const id = z.string().min(1).max(40);
const itemRef = z.object({ itemId: id });
const revisionRef = z.object({ itemId: id, revisionId: id });
/** Submitting and publishing: with the reason the accessibility warnings can stand, when there are any. */
const gatedRef = revisionRef.extend({ warningsReason });

/** A London date and time as typed in the schedule form; `clock` picks BST or GMT when it happens twice. */
const londonDateTime = z.object({
  date: z.string().trim().max(20, "Enter a real date, for example 21/11/2026"),
  time: z.string().trim().max(10, "Enter a real time, for example 14:30"),
  clock: z.enum(["BST", "GMT"], "Choose BST or GMT").optional(),
});

function instantFrom(field: string, value: z.output<typeof londonDateTime>): Date {
  const result = londonDateTimeToInstant(value.date, value.time, value.clock);
  if (result.kind === "ok") return result.at;
  throw new AppError("BAD_REQUEST", result.message, { [field]: result.message });
}

export const editorialRouter = router({
  dashboard: write.query(({ ctx }) => dashboard(ctx)),
  /** The priorities an item can be tagged with, by id (the editor's checkboxes and the list filter). */
  workstreamOptions: write.query(({ ctx }) =>
    ctx.db.workstream.findMany({ select: { id: true, title: true }, orderBy: { position: "asc" } }),
  ),
  /** Review steps by name, for filtering the list by the step items wait at. */
  stepNames: write.query(({ ctx }) => reviewStepNames(ctx.db)),
  list: write.input(listItemsInput).query(({ ctx, input }) => listItems(ctx.db, input)),
  /** Everyone who has started an item, for the list's author filter. */
  authorOptions: write.query(({ ctx }) =>
    ctx.db.user.findMany({
      where: { itemsCreated: { some: {} } },
      select: { id: true, name: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
    }),
  ),
  /** The items a bulk action is about to act on, for its confirmation page. */
  selection: write
    .input(z.object({ itemIds: bulkInput.shape.itemIds }))
    .query(({ ctx, input }) => describeSelection(ctx, input.itemIds)),
  bulk: write.input(bulkInput).mutation(({ ctx, input }) => runBulk(ctx, input)),
  item: write.input(z.object({ itemId: id })).query(({ ctx, input }) => getItemForEditor(ctx, input.itemId)),
  revisions: write.input(itemRef).query(({ ctx, input }) => listRevisions(ctx.db, input.itemId)),
  revision: write.input(z.object({ revisionId: id })).query(({ ctx, input }) => getRevision(ctx.db, input.revisionId)),
  compare: write.input(z.object({ fromId: id, toId: id })).query(({ ctx, input }) => compareRevisions(ctx.db, input)),
  /** What the latest revision changes since the live one (or the one it was edited from), for review. */
  changes: write.input(itemRef).query(({ ctx, input }) => latestChanges(ctx.db, input.itemId)),
  /**
   * The body as readers will see it and its accessibility check, while typing: the same renderer and
   * check as saving and publishing use.
   */
  renderPreview: write
    .input(z.object({ body: z.unknown(), kind: z.enum(ContentKind) }))
    .mutation(async ({ ctx, input }) => {
      const document = checkedBody(input.body, input.kind);
      const [html, findings] = await Promise.all([
        renderBody(ctx.db, document, { now: new Date(), siteUrl: apiConfig().publicSiteUrl }),
        checkBody(ctx.db, document),
      ]);
      return { html, findings };
    }),
  /** Published pages to link to, by title: a link chosen from these follows the page to a new address. */
  linkTargets: write
    .input(z.object({ q: z.string().trim().max(200, "Search for 200 characters or fewer").default("") }))
    .query(({ ctx, input }) => findLinkTargets(ctx.db, input.q, new Date())),
  /** Reads a London date and time back with its BST/GMT label, or says why it is not one instant. */
  describeTime: write.input(londonDateTime).query(({ input }) => {
    const result = londonDateTimeToInstant(input.date, input.time, input.clock);
    return result.kind === "ok" ? { ...result, label: formatDateTime(result.at) } : result;
  }),

  create: write.input(revisionFields).mutation(({ ctx, input }) => createDraft(ctx, input)),
  save: write.input(saveRevisionInput).mutation(({ ctx, input }) => saveRevision(ctx, input)),
  restore: write.input(revisionRef).mutation(({ ctx, input }) => restoreRevision(ctx, input)),
  submit: write.input(gatedRef).mutation(({ ctx, input }) => submitForReview(ctx, input)),

  /** The review the latest revision is in: its steps, decisions, and who may decide the waiting one. */
  review: write.input(itemRef).query(({ ctx, input }) => reviewView(ctx, input.itemId)),
  approve: write
    .input(
      revisionRef.extend({
        comment: z.string().trim().max(4000, "Your comment must be 4,000 characters or fewer").default(""),
      }),
    )
    .mutation(({ ctx, input }) => reviewDecision(ctx, { ...input, decision: "approve" })),
  requestChanges: write
    .input(
      revisionRef.extend({
        reason: z
          .string()
          .trim()
          .min(1, "Say what needs to change: the author will see this")
          .max(4000, "Reason must be 4,000 characters or fewer"),
      }),
    )
    .mutation(({ ctx, input }) => reviewDecision(ctx, { ...input, decision: "changes" })),

  /** Comment threads on the item's revisions (all of them, or the ones named). */
  comments: write
    .input(itemRef.extend({ revisionIds: z.array(id).max(2).optional() }))
    .query(({ ctx, input }) => listComments(ctx.db, input.itemId, input.revisionIds)),
  addComment: write.input(addCommentInput).mutation(({ ctx, input }) => addComment(ctx, input)),
  resolveComment: write
    .input(z.object({ id, resolved: z.boolean() }))
    .mutation(({ ctx, input }) => resolveComment(ctx, input)),

  publishNow: publish.input(gatedRef.extend(changeChoice)).mutation(({ ctx, input }) => publishNow(ctx, input)),
  acceptWarnings: publish.input(gatedRef).mutation(({ ctx, input }) => acceptWarnings(ctx, input)),
  /** The recorded emergency route: the latest revision, unreviewed, with the reason (decision 026). */
  forcePublish: publish
    .input(gatedRef.extend({ reason: forcePublishReason, ...changeChoice }))
    .mutation(({ ctx, input }) => forcePublish(ctx, input)),
  forcePublishKinds: publish.query(({ ctx }) => readForcePublishKinds(ctx.db)),
  updateForcePublishKinds: permissionProcedure("settings.manage")
    .input(z.object({ kinds: z.array(z.enum(ContentKind, "Choose kinds of content from the list")).max(10) }))
    .mutation(({ ctx, input }) => updateForcePublishKinds(ctx, input.kinds)),
  forcedPublications: publish
    .input(
      z.object({
        state: z.enum(["open", "reviewed"]).default("open"),
        take: z.number().int().min(1).max(200).default(50),
      }),
    )
    .query(({ ctx, input }) => listForcedPublications(ctx.db, input)),
  forcedPublicationsOf: write.input(itemRef).query(({ ctx, input }) => forcedPublicationsOf(ctx.db, input.itemId)),
  reviewForcedPublication: publish
    .input(
      z.object({
        id,
        note: z.string().trim().max(2000, "Note must be 2,000 characters or fewer").default(""),
      }),
    )
    .mutation(({ ctx, input }) => reviewForcedPublication(ctx, input)),
  schedule: publish
    .input(gatedRef.extend({ publishAt: londonDateTime, ...changeChoice }))
    .mutation(({ ctx, input }) =>
      schedulePublication(ctx, { ...input, publishAt: instantFrom("publishAt", input.publishAt) }),
    ),
  cancelSchedule: publish.input(itemRef).mutation(({ ctx, input }) => cancelSchedule(ctx, input)),
  scheduleUnpublish: publish
    .input(itemRef.extend({ unpublishAt: londonDateTime.nullable() }))
    .mutation(({ ctx, input }) =>
      scheduleUnpublish(ctx, {
        itemId: input.itemId,
        unpublishAt: input.unpublishAt && instantFrom("unpublishAt", input.unpublishAt),
      }),
    ),
  unpublish: publish.input(itemRef).mutation(({ ctx, input }) => unpublish(ctx, input)),
  /** Archiving an item on the site unpublishes it: why, and what its address answers (decision 027). */
  archive: publish
    .input(itemRef.extend({ reason: removalReason, redirectPath: sitePathInput }))
    .mutation(({ ctx, input }) => archive(ctx, input)),
  undoArchive: publish
    .input(itemRef.extend({ archivedAt: z.coerce.date("This undo link is not valid: reload the page") }))
    .mutation(({ ctx, input }) => undoArchive(ctx, input)),
  /** Archived back to a draft of its latest revision (restoring an earlier one is `restore`). */
  restoreFromArchive: publish.input(itemRef).mutation(({ ctx, input }) => restoreFromArchive(ctx, input)),
  withdraw: publish
    .input(itemRef.extend({ reason: withdrawalReason, replacementPath: sitePathInput }))
    .mutation(({ ctx, input }) => withdraw(ctx, input)),
  unwithdraw: publish.input(itemRef).mutation(({ ctx, input }) => unwithdraw(ctx, input)),

  shareLinks: write.input(itemRef).query(({ ctx, input }) => listShareLinks(ctx.db, input.itemId)),
  createShareLink: write
    .input(
      z.object({
        revisionId: id,
        days: z.coerce
          .number("Enter how many days the link works for, as a number")
          .int("Enter a whole number of days")
          .min(1, "Choose at least 1 day")
          .max(MAX_SHARE_DAYS, `Choose ${MAX_SHARE_DAYS} days or fewer`)
          .default(7),
      }),
    )
    .mutation(({ ctx, input }) => createShareLink(ctx, input)),
  revokeShareLink: write.input(z.object({ id })).mutation(({ ctx, input }) => revokeShareLink(ctx, input)),
  /** What an outside reviewer's link shows: anyone holding a valid link may see it. */
  sharedPreview: publicProcedure
    .input(z.object({ token: z.string().min(1).max(200) }))
    .query(({ ctx, input }) => openShareLink(ctx, input.token)),

  presence: write.input(itemRef).mutation(({ ctx, input }) => touchPresence(ctx, input.itemId)),
  leave: write
    .input(itemRef.extend({ seenAt: z.coerce.date() }))
    .mutation(({ ctx, input }) => leavePresence(ctx, input.itemId, input.seenAt)),
});

/** This domain's background work: recording scheduled publications as they happen. */
export const editorialJobs: Job[] = [recordScheduleJob];
