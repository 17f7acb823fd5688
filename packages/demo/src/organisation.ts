import { ORGANISATION_SETTING, type OrganisationDetails } from "@observatory/api";
import type { Db } from "@observatory/db";

// The demo's contact details (decision 024): addresses on the demo's own domain and numbers from
// Ofcom's range for drama (020 7946 0xxx), which reach no one. No postal address: the observatory's
// is for administrators to enter.
export const demoOrganisation: OrganisationDetails = {
  enquiriesEmail: "enquiries@observatory.test",
  enquiriesPhone: "020 7946 0100",
  postalAddress: "",
  pressEmail: "press@observatory.test",
  pressPhone: "020 7946 0200",
  pressOutOfHoursPhone: "020 7946 0299",
  accessibilityEmail: "accessibility@observatory.test",
  accessibleFormatsEmail: "publications@observatory.test",
  privacyEmail: "dpo@observatory.test",
  complianceStatus: "full",
  nonAccessibleContent: "",
  statementPreparedOn: "2026-11-21",
  statementReviewedOn: "2026-11-21",
  shareNetworks: ["linkedin", "bluesky", "facebook"],
};

/** Saves the demo details unless an administrator has saved their own. */
export async function seedOrganisation(db: Db): Promise<void> {
  await db.setting.createMany({
    data: [{ key: ORGANISATION_SETTING, value: demoOrganisation }],
    skipDuplicates: true,
  });
}
