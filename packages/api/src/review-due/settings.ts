import { ContentKind, type Db, type DbOrTransaction } from "@observatory/db";
import { z } from "zod";
import { recordAudit } from "../audit/record.ts";
import { settingChanges, summariseChanges } from "../audit/setting-changes.ts";
import { AppError } from "../errors.ts";
import { kindSections } from "../content/kinds.ts";
import type { StaffContext } from "../editorial/common.ts";
import { readableFields, storedSetting } from "../settings/stored.ts";

// How often each kind of content is reviewed, whether readers see the dates, who owns new items of
// the kind, and how early "due soon" starts. One Setting row (decision 014), changed by
// administrators without a deployment, every change audited setting by setting. Changing it bumps
// the public content version (a trigger on this key) because it decides what public pages show.

export const REVIEW_DUE_SETTING = "content.reviewDue";

export const kindReviewSettings = z.object({
  intervalMonths: z
    .number({ error: "Enter the interval as a whole number of months" })
    .int("Enter the interval as a whole number of months")
    .min(1, "Enter at least 1 month")
    .max(60, "Enter 60 months or fewer"),
  showOnPage: z.boolean(),
  defaultOwnerId: z.string().trim().min(1).max(40).nullable(),
  dueSoonDays: z
    .number({ error: "Enter a whole number of days" })
    .int("Enter a whole number of days")
    .min(1, "Enter at least 1 day")
    .max(90, "Enter 90 days or fewer"),
});
export type KindReviewSettings = z.output<typeof kindReviewSettings>;

export const reviewDueSettingsSchema = z.object(
  Object.fromEntries(Object.values(ContentKind).map((kind) => [kind, kindReviewSettings])) as Record<
    ContentKind,
    typeof kindReviewSettings
  >,
);
export type ReviewDueSettings = z.output<typeof reviewDueSettingsSchema>;

/** Pages, news and publications carry health information readers rely on: they show their dates by default. */
export const defaultReviewDueSettings: ReviewDueSettings = {
  PAGE: { intervalMonths: 12, showOnPage: true, defaultOwnerId: null, dueSoonDays: 30 },
  NEWS: { intervalMonths: 12, showOnPage: true, defaultOwnerId: null, dueSoonDays: 30 },
  BLOG: { intervalMonths: 12, showOnPage: false, defaultOwnerId: null, dueSoonDays: 30 },
  PRESS_RELEASE: { intervalMonths: 12, showOnPage: false, defaultOwnerId: null, dueSoonDays: 30 },
  PUBLICATION: { intervalMonths: 24, showOnPage: true, defaultOwnerId: null, dueSoonDays: 60 },
};

const storedKinds = Object.fromEntries(Object.values(ContentKind).map((kind) => [kind, kindReviewSettings.partial()]));

/** The stored settings, each kind's missing or unreadable part replaced by its default. */
export async function readReviewDueSettings(db: DbOrTransaction): Promise<ReviewDueSettings> {
  const stored = readableFields(await storedSetting(db, REVIEW_DUE_SETTING), storedKinds);
  return Object.fromEntries(
    Object.values(ContentKind).map((kind) => [kind, { ...defaultReviewDueSettings[kind], ...stored[kind] }]),
  ) as ReviewDueSettings;
}

/** The interval that applies to an item: its own, else its kind's. */
export function intervalFor(
  settings: ReviewDueSettings,
  item: { kind: ContentKind; reviewIntervalMonths: number | null },
) {
  return item.reviewIntervalMonths ?? settings[item.kind].intervalMonths;
}

/**
 * The review dates a reader may see: none unless the kind shows them, and never a due date that has
 * passed (an overdue page shows only when it was last reviewed; staff see it flagged instead).
 */
export function publicReviewDates(
  settings: ReviewDueSettings,
  item: { kind: ContentKind; lastReviewedAt: Date | null; nextReviewDue: Date | null },
  now: Date,
): { lastReviewedAt: Date | null; nextReviewDue: Date | null } {
  if (!settings[item.kind].showOnPage) return { lastReviewedAt: null, nextReviewDue: null };
  return {
    lastReviewedAt: item.lastReviewedAt,
    nextReviewDue: item.nextReviewDue && item.nextReviewDue > now ? item.nextReviewDue : null,
  };
}

const labels = Object.fromEntries(
  Object.values(ContentKind).flatMap((kind) => {
    const name = kindSections[kind].label;
    return [
      [`${kind}.intervalMonths`, `${name}: review every (months)`],
      [`${kind}.showOnPage`, `${name}: show review dates on the public page`],
      [`${kind}.defaultOwner`, `${name}: default owner`],
      [`${kind}.dueSoonDays`, `${name}: due soon (days before)`],
    ];
  }),
) as Record<string, string>;

async function inWords(
  db: Pick<Db, "user">,
  settings: ReviewDueSettings,
): Promise<Record<string, string | number | boolean>> {
  const ownerIds = Object.values(settings).flatMap((s) => (s.defaultOwnerId ? [s.defaultOwnerId] : []));
  const owners = await db.user.findMany({ where: { id: { in: ownerIds } }, select: { id: true, name: true } });
  return Object.fromEntries(
    Object.values(ContentKind).flatMap((kind) => {
      const s = settings[kind];
      return [
        [`${kind}.intervalMonths`, s.intervalMonths],
        [`${kind}.showOnPage`, s.showOnPage],
        [`${kind}.defaultOwner`, owners.find((o) => o.id === s.defaultOwnerId)?.name ?? "the creator"],
        [`${kind}.dueSoonDays`, s.dueSoonDays],
      ];
    }),
  );
}

/** People who may own content: active staff who can write it. */
export const ownerRoles = ["ADMIN", "EDITOR", "AUTHOR"] as const;

export async function assertCanOwn(
  db: Pick<Db, "user">,
  userId: string,
  field: string,
): Promise<{ id: string; name: string; email: string }> {
  const user = await db.user.findFirst({
    where: { id: userId, disabledAt: null, role: { in: [...ownerRoles] } },
    select: { id: true, name: true, email: true },
  });
  if (!user) {
    const message = "Choose an owner from the list: an active administrator, editor or author";
    throw new AppError("BAD_REQUEST", message, { [field]: message });
  }
  return user;
}

export async function updateReviewDueSettings(ctx: StaffContext, input: ReviewDueSettings): Promise<ReviewDueSettings> {
  const settings = reviewDueSettingsSchema.parse(input);
  for (const kind of Object.values(ContentKind)) {
    const ownerId = settings[kind].defaultOwnerId;
    if (ownerId) await assertCanOwn(ctx.db, ownerId, `${kind}.defaultOwnerId`);
  }
  await ctx.db.$transaction(async (tx) => {
    const before = await readReviewDueSettings(tx);
    await tx.setting.upsert({
      where: { key: REVIEW_DUE_SETTING },
      create: { key: REVIEW_DUE_SETTING, value: settings, updatedById: ctx.user.id },
      update: { value: settings, updatedById: ctx.user.id },
    });
    const changes = settingChanges(await inWords(tx, before), await inWords(tx, settings), labels);
    await recordAudit(tx, ctx, {
      action: "settings.reviewDue",
      targetType: "Setting",
      targetId: REVIEW_DUE_SETTING,
      summary: summariseChanges("the review intervals", changes),
      data: { changes },
    });
  });
  return settings;
}
