import { ContentKind } from "@observatory/db";
import { z } from "zod";
import type { Job } from "../jobs/runner.ts";
import { permissionProcedure, router } from "../trpc.ts";
import { reviewReminderJob } from "./reminders.ts";
import { itemReview, listReviewDue, markReviewed, myReviewDue, ownerOptions, updateItemReview } from "./service.ts";
import { readReviewDueSettings, reviewDueSettingsSchema, updateReviewDueSettings } from "./settings.ts";

// Keeping published content true (decision 014): owners, review dates, reminders.

const write = permissionProcedure("content.write");
const id = z.string().min(1).max(40);

export const reviewDueRouter = router({
  /** Overdue and due-soon items with the report per owner and kind. */
  list: write
    .input(
      z.object({
        ownerId: id.optional(),
        kind: z.enum(ContentKind).optional(),
        stage: z.enum(["OVERDUE", "DUE_SOON"]).optional(),
      }),
    )
    .query(({ ctx, input }) => listReviewDue(ctx, input)),
  /** Who can be chosen as an owner. */
  owners: write.query(({ ctx }) => ownerOptions(ctx.db)),
  mine: write.query(({ ctx }) => myReviewDue(ctx)),
  item: write.input(z.object({ itemId: id })).query(({ ctx, input }) => itemReview(ctx, input.itemId)),
  /** The owner, or anyone who may edit any item (the service checks which). */
  markReviewed: write
    .input(
      z.object({
        itemId: id,
        note: z.string().trim().max(1000, "The note must be 1,000 characters or fewer").default(""),
      }),
    )
    .mutation(({ ctx, input }) => markReviewed(ctx, input)),
  updateItem: write
    .input(
      z.object({
        itemId: id,
        ownerId: id,
        intervalMonths: z
          .number()
          .int()
          .min(1, "Enter at least 1 month")
          .max(60, "Enter 60 months or fewer")
          .nullable(),
      }),
    )
    .mutation(({ ctx, input }) => updateItemReview(ctx, input)),
  settings: permissionProcedure("settings.manage").query(({ ctx }) => readReviewDueSettings(ctx.db)),
  updateSettings: permissionProcedure("settings.manage")
    .input(reviewDueSettingsSchema)
    .mutation(({ ctx, input }) => updateReviewDueSettings(ctx, input)),
});

export const reviewDueJobs: Job[] = [reviewReminderJob];
