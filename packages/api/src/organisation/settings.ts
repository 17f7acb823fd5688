import type { DbOrTransaction } from "@observatory/db";
import { parseDay, toLondonFields } from "@observatory/time";
import { z } from "zod";
import { recordAudit } from "../audit/record.ts";
import { settingChanges, summariseChanges } from "../audit/setting-changes.ts";
import type { StaffContext } from "../editorial/common.ts";
import { oneLine } from "../input-text.ts";
import { readableFields, storedSetting } from "../settings/stored.ts";
import { shareNetworkIds, shareNetworks } from "./share-networks.ts";

// The organisation's contact details and the facts of its accessibility statement: one Setting
// row an administrator edits (decision 024), read by the contact page, every press release, the
// accessibility statement, the privacy notice and the share block. Until one is saved every field
// is empty and the pages leave out what they would have said. A trigger on this key bumps the
// public content version, so cached pages show a change at once.

export const ORGANISATION_SETTING = "organisation.details";

const EMAIL_MESSAGE = "Enter an email address in the correct format, like name@example.com";
const PHONE_MESSAGE =
  "Enter a telephone number using digits, spaces and brackets, like 020 7946 0000 or +44 20 7946 0000";
const DATE_MESSAGE = "Enter a real date, like 21/11/2026";

const anEmail = z.email();
const isEmail = (value: string) => anEmail.safeParse(value).success;

/** A UK or international number as people write it: digits, spaces, brackets and hyphens, 7 to 15 digits. */
const isPhone = (value: string) => {
  const digits = value.replace(/\D/g, "").length;
  return /^\+?[\d\s()-]+$/.test(value) && digits >= 7 && digits <= 15;
};

const email = (label: string) =>
  z
    .string()
    .trim()
    .max(254, "Enter an email address of 254 characters or fewer")
    .refine(...oneLine(label))
    .refine((value) => value === "" || isEmail(value), EMAIL_MESSAGE);

const requiredEmail = (label: string, missing: string) => email(label).refine((value) => value !== "", missing);

const phone = (label: string) =>
  z
    .string()
    .trim()
    .max(30, "Enter a telephone number of 30 characters or fewer")
    .refine(...oneLine(label))
    .refine((value) => value === "" || isPhone(value), PHONE_MESSAGE);

/** Text of several lines, kept as its non-empty lines, each trimmed. */
const lines = (maxLines: number, maxLength: number, tooMany: string) =>
  z
    .string()
    .max(maxLength, `Keep this to ${maxLength.toLocaleString("en-GB")} characters or fewer`)
    .transform((text) =>
      text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean),
    )
    .refine((list) => list.length <= maxLines, tooMany)
    .transform((list) => list.join("\n"));

/** A London calendar date typed as 21/11/2026 (or ISO), kept as 2026-11-21; not after today. */
const pastDate = (missing: string) =>
  z
    .string()
    .trim()
    .min(1, missing)
    .transform((text, ctx) => {
      const day = parseDay(text);
      if (!day) {
        ctx.addIssue({ code: "custom", message: DATE_MESSAGE });
        return z.NEVER;
      }
      return [day.year, day.month, day.day].map((n) => String(n).padStart(2, "0")).join("-");
    })
    .refine((iso) => iso <= toLondonFields(new Date()).date, "The date must be today or in the past");

export const complianceStatuses = ["full", "partial", "none"] as const;
export type ComplianceStatus = (typeof complianceStatuses)[number];

/** The words of the model statement for each status, shown in the admin and the audit log. */
export const complianceLabels: Record<ComplianceStatus, string> = {
  full: "Fully compliant",
  partial: "Partially compliant",
  none: "Not compliant",
};

export const organisationInput = z
  .object({
    enquiriesEmail: email("The enquiries email address"),
    enquiriesPhone: phone("The enquiries telephone number"),
    postalAddress: lines(8, 400, "Keep the address to 8 lines or fewer"),
    pressEmail: email("The press office email address"),
    pressPhone: phone("The press office telephone number"),
    pressOutOfHoursPhone: phone("The out-of-hours telephone number"),
    accessibilityEmail: requiredEmail(
      "The accessibility contact",
      "Enter the email address people use to report an accessibility problem",
    ),
    /** Where readers' requests for a publication's document in another format go; else the accessibility contact. */
    accessibleFormatsEmail: email("The accessible formats email address").default(""),
    privacyEmail: requiredEmail(
      "The data protection contact",
      "Enter the email address of the data protection officer",
    ),
    complianceStatus: z.enum(complianceStatuses, "Choose how far the website meets the standard"),
    nonAccessibleContent: lines(30, 6000, "List 30 problems or fewer"),
    statementPreparedOn: pastDate("Enter the date the statement was first prepared"),
    statementReviewedOn: pastDate("Enter the date the statement was last reviewed"),
    shareNetworks: z
      .array(z.enum(shareNetworkIds, "Choose networks from the list"))
      .max(shareNetworkIds.length)
      .transform((chosen) => shareNetworkIds.filter((id) => chosen.includes(id))),
  })
  .superRefine((value, ctx) => {
    if (value.complianceStatus !== "full" && !value.nonAccessibleContent) {
      ctx.addIssue({
        code: "custom",
        path: ["nonAccessibleContent"],
        message: "List the content that does not meet the standard, one problem a line",
      });
    }
    if (value.statementReviewedOn < value.statementPreparedOn) {
      ctx.addIssue({
        code: "custom",
        path: ["statementReviewedOn"],
        message: "The statement cannot have been reviewed before it was prepared",
      });
    }
  });

export type OrganisationDetails = z.output<typeof organisationInput>;

/** Nothing known until an administrator saves the settings; the pages leave out empty lines. */
export const emptyOrganisation: OrganisationDetails = {
  enquiriesEmail: "",
  enquiriesPhone: "",
  postalAddress: "",
  pressEmail: "",
  pressPhone: "",
  pressOutOfHoursPhone: "",
  accessibilityEmail: "",
  accessibleFormatsEmail: "",
  privacyEmail: "",
  complianceStatus: "partial",
  nonAccessibleContent: "",
  statementPreparedOn: "",
  statementReviewedOn: "",
  shareNetworks: [],
};

const labels: Record<keyof OrganisationDetails, string> = {
  enquiriesEmail: "General enquiries email",
  enquiriesPhone: "General enquiries telephone",
  postalAddress: "Postal address",
  pressEmail: "Press office email",
  pressPhone: "Press office telephone",
  pressOutOfHoursPhone: "Press office out-of-hours telephone",
  accessibilityEmail: "Accessibility contact email",
  accessibleFormatsEmail: "Accessible formats email",
  privacyEmail: "Data protection officer email",
  complianceStatus: "Accessibility compliance status",
  nonAccessibleContent: "Content that is not accessible",
  statementPreparedOn: "Accessibility statement prepared on",
  statementReviewedOn: "Accessibility statement last reviewed on",
  shareNetworks: "Networks in the share block",
};

export async function readOrganisation(
  db: DbOrTransaction,
): Promise<{ details: OrganisationDetails; isDefault: boolean }> {
  const stored = await storedSetting(db, ORGANISATION_SETTING);
  if (stored === undefined) return { details: emptyOrganisation, isDefault: true };
  return { details: { ...emptyOrganisation, ...readableFields(stored, organisationInput.shape) }, isDefault: false };
}

/** The values in the words of the settings page, for the audit log's before and after. */
function inWords(details: OrganisationDetails): Record<keyof OrganisationDetails, string | string[]> {
  return {
    ...details,
    complianceStatus: complianceLabels[details.complianceStatus],
    shareNetworks: details.shareNetworks.map((id) => shareNetworks[id].label),
  };
}

/** Saves `details` (already read through `organisationInput` by the router) and records each change. */
export async function updateOrganisation(
  ctx: StaffContext,
  details: OrganisationDetails,
): Promise<OrganisationDetails> {
  await ctx.db.$transaction(async (tx) => {
    const before = await readOrganisation(tx);
    await tx.setting.upsert({
      where: { key: ORGANISATION_SETTING },
      create: { key: ORGANISATION_SETTING, value: details, updatedById: ctx.user.id },
      update: { value: details, updatedById: ctx.user.id },
    });
    const changes = settingChanges(inWords(before.details), inWords(details), labels);
    await recordAudit(tx, ctx, {
      action: "settings.organisationChanged",
      targetType: "Setting",
      targetId: ORGANISATION_SETTING,
      summary: summariseChanges("the contact details and accessibility statement", changes),
      data: { changes },
    });
  });
  return details;
}
