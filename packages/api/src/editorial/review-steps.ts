import { ContentKind, type Db, Role } from "@observatory/db";
import { z } from "zod";
import { recordAudit } from "../audit/record.ts";
import { settingChanges } from "../audit/setting-changes.ts";
import { roleLabels } from "../permissions.ts";
import type { StaffContext } from "./common.ts";

// A second review step ("clinical sign-off") can be required per kind of content, done by named
// people or anyone with a role. Kept in the Setting table so administrators change it without a
// deployment. Reviewers must still hold the review permission (the procedure checks it).

const SETTING_KEY = "editorial.reviewSteps";

const stepConfig = z.object({
  userIds: z.array(z.string().min(1)).max(50).default([]),
  roles: z.array(z.enum(Role)).max(4).default([]),
});

export const reviewStepsSchema = z.object({
  clinical: z.partialRecord(z.enum(ContentKind), stepConfig).default({}),
});
export type ReviewSteps = z.output<typeof reviewStepsSchema>;
export type ClinicalStep = z.output<typeof stepConfig>;

export async function readReviewSteps(db: Pick<Db, "setting">): Promise<ReviewSteps> {
  const row = await db.setting.findUnique({ where: { key: SETTING_KEY } });
  const parsed = reviewStepsSchema.safeParse(row?.value ?? {});
  return parsed.success ? parsed.data : { clinical: {} };
}

/** The clinical step for `kind`, when one is required (someone must be able to do it). */
export function clinicalStepFor(steps: ReviewSteps, kind: ContentKind): ClinicalStep | null {
  const step = steps.clinical[kind];
  return step && (step.userIds.length > 0 || step.roles.length > 0) ? step : null;
}

export function isClinicalReviewer(step: ClinicalStep, user: { id: string; role: Role }): boolean {
  return step.userIds.includes(user.id) || step.roles.includes(user.role);
}

/** Each kind's clinical step, for the audit log's before and after. */
const clinicalStepLabels = Object.fromEntries(
  Object.values(ContentKind).map((kind) => [kind, `Clinical sign-off for ${kind}`]),
) as Record<ContentKind, string>;

/** Per kind: who does its clinical step ("none" when it has none). */
function stepsInWords(steps: ReviewSteps): Record<ContentKind, string> {
  const words = (step: ClinicalStep | undefined) =>
    [
      ...(step?.roles.map((role) => roleLabels[role]) ?? []),
      ...(step?.userIds.length
        ? [`${step.userIds.length} named ${step.userIds.length === 1 ? "person" : "people"}`]
        : []),
    ].join(", ") || "none";
  return Object.fromEntries(Object.values(ContentKind).map((kind) => [kind, words(steps.clinical[kind])])) as Record<
    ContentKind,
    string
  >;
}

export async function updateReviewSteps(ctx: StaffContext, steps: ReviewSteps): Promise<ReviewSteps> {
  await ctx.db.$transaction(async (tx) => {
    const before = await readReviewSteps(tx);
    await tx.setting.upsert({
      where: { key: SETTING_KEY },
      create: { key: SETTING_KEY, value: steps, updatedById: ctx.user.id },
      update: { value: steps, updatedById: ctx.user.id },
    });
    const kinds = Object.keys(steps.clinical);
    await recordAudit(tx, ctx, {
      action: "settings.reviewSteps",
      targetType: "Setting",
      targetId: SETTING_KEY,
      summary: kinds.length
        ? `Clinical sign-off now required for ${kinds.join(", ")}`
        : "No second review step required",
      data: {
        changes: settingChanges(stepsInWords(before), stepsInWords(steps), clinicalStepLabels),
      },
    });
  });
  return steps;
}
