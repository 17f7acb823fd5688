import type { UserModel as User } from "@observatory/db";
import { toLondonFields } from "@observatory/time";
import { beforeAll, describe, expect, it } from "vitest";
import { readPublicState } from "../content/public-state.ts";
import { type Harness, useHarness } from "../testing/harness.ts";
import { refusal } from "../testing/refusal.ts";
import { ORGANISATION_SETTING } from "./settings.ts";

// The organisation's contact details and accessibility statement facts (decision 024) against the
// real router and a real database: who may change them, what is refused and why, what the audit
// log records, and what the public pages and their cache see.

type Caller = Awaited<ReturnType<Harness["as"]>>;

/** Everything the settings page sends, as typed into it. */
const typed = {
  enquiriesEmail: " enquiries@observatory.test ",
  enquiriesPhone: "020 7946 0100",
  postalAddress: "NHS Race and Health Observatory\n\n  London  \n",
  pressEmail: "press@observatory.test",
  pressPhone: "020 7946 0200",
  pressOutOfHoursPhone: "",
  accessibilityEmail: "accessibility@observatory.test",
  privacyEmail: "dpo@observatory.test",
  complianceStatus: "partial" as const,
  nonAccessibleContent: "Some charts have no text alternative.\n\nSome tables have no header row.",
  statementPreparedOn: "21/11/2026",
  statementReviewedOn: "2026-11-30",
  shareNetworks: ["x", "linkedin"] as ("x" | "linkedin")[],
};

describe("organisation settings", () => {
  const h = useHarness();
  let admin: { user: User; api: Caller };
  let editor: Caller;
  let anonymous: Caller;

  beforeAll(async () => {
    admin = await h.signedIn("ADMIN", { fields: { name: "Ann Admin" } });
    editor = await h.as("EDITOR");
    anonymous = await h.anonymous();
  });

  const stored = () => h.db.setting.findUnique({ where: { key: ORGANISATION_SETTING } });

  it("are empty until saved, so public pages print nothing they do not know", async () => {
    const details = await anonymous.organisation.details();
    expect(details.pressEmail).toBe("");
    expect(details.accessibilityEmail).toBe("");
    expect(details.shareNetworks).toEqual([]);
    expect((await admin.api.organisation.settings()).isDefault).toBe(true);
  });

  it("only administrators read or change them, and a refused change is recorded and changes nothing", async () => {
    expect((await refusal(editor.organisation.update(typed))).code).toBe("FORBIDDEN");
    expect((await refusal(editor.organisation.settings())).code).toBe("FORBIDDEN");
    expect((await refusal(anonymous.organisation.update(typed))).code).toBe("UNAUTHORIZED");
    expect(await stored()).toBeNull();
    expect(
      await h.db.auditEvent.count({ where: { action: "access.refused", summary: { contains: "organisation" } } }),
    ).toBe(2);
  });

  it("are saved tidied (dates as ISO, blank lines dropped, networks in the list's order) and read by anyone", async () => {
    const before = (await readPublicState(h.db, new Date())).version;
    await admin.api.organisation.update(typed);
    const details = await anonymous.organisation.details();
    expect(details).toMatchObject({
      enquiriesEmail: "enquiries@observatory.test",
      postalAddress: "NHS Race and Health Observatory\nLondon",
      nonAccessibleContent: "Some charts have no text alternative.\nSome tables have no header row.",
      statementPreparedOn: "2026-11-21",
      statementReviewedOn: "2026-11-30",
      shareNetworks: ["linkedin", "x"],
    });
    expect((await stored())?.updatedById).toBe(admin.user.id);
    // The pages that print them are drawn again.
    expect((await readPublicState(h.db, new Date())).version).not.toBe(before);
  });

  it("record each change with its value before and after, in the settings page's words", async () => {
    await admin.api.organisation.update({
      ...typed,
      pressPhone: "020 7946 0300",
      complianceStatus: "full",
      nonAccessibleContent: "",
      shareNetworks: ["linkedin", "bluesky"],
    });
    const event = await h.db.auditEvent.findFirstOrThrow({
      where: { action: "settings.organisationChanged" },
      orderBy: { createdAt: "desc" },
    });
    expect(event.actorId).toBe(admin.user.id);
    expect(event.targetId).toBe(ORGANISATION_SETTING);
    expect(event.data).toEqual({
      changes: [
        { setting: "pressPhone", label: "Press office telephone", from: "020 7946 0200", to: "020 7946 0300" },
        {
          setting: "complianceStatus",
          label: "Accessibility compliance status",
          from: "Partially compliant",
          to: "Fully compliant",
        },
        {
          setting: "nonAccessibleContent",
          label: "Content that is not accessible",
          from: "Some charts have no text alternative.\nSome tables have no header row.",
          to: "",
        },
        {
          setting: "shareNetworks",
          label: "Networks in the share block",
          from: ["LinkedIn", "X (formerly Twitter)"],
          to: ["LinkedIn", "Bluesky"],
        },
      ],
    });
    expect(event.summary).toBe(
      "Changed the contact details and accessibility statement: Press office telephone; Accessibility compliance status; Content that is not accessible; Networks in the share block",
    );
  });

  it("refuse bad answers field by field, in plain words, and keep what was saved", async () => {
    const saved = await stored();
    const tomorrow = toLondonFields(new Date(Date.now() + 86_400_000)).date;
    const bad = await refusal(
      admin.api.organisation.update({
        ...typed,
        enquiriesEmail: "enquiries at observatory",
        pressPhone: "call 020 7946",
        pressOutOfHoursPhone: "12",
        accessibilityEmail: "",
        privacyEmail: "dpo@observatory.test\nbcc@example.com",
        nonAccessibleContent: "",
        statementPreparedOn: "31/02/2026",
        statementReviewedOn: tomorrow,
      }),
    );
    expect(bad.code).toBe("BAD_REQUEST");
    expect(bad.form?.fieldErrors).toEqual({
      enquiriesEmail: "Enter an email address in the correct format, like name@example.com",
      pressPhone: "Enter a telephone number using digits, spaces and brackets, like 020 7946 0000 or +44 20 7946 0000",
      pressOutOfHoursPhone:
        "Enter a telephone number using digits, spaces and brackets, like 020 7946 0000 or +44 20 7946 0000",
      accessibilityEmail: "Enter the email address people use to report an accessibility problem",
      privacyEmail: "The data protection contact must be on one line: remove the line break",
      statementPreparedOn: "Enter a real date, like 21/11/2026",
      statementReviewedOn: "The date must be today or in the past",
    });
    // The object's own rules run once every field reads.
    const partial = await refusal(
      admin.api.organisation.update({ ...typed, nonAccessibleContent: " \n ", statementReviewedOn: "20/11/2026" }),
    );
    expect(partial.form?.fieldErrors).toEqual({
      nonAccessibleContent: "List the content that does not meet the standard, one problem a line",
      statementReviewedOn: "The statement cannot have been reviewed before it was prepared",
    });
    const network = await refusal(admin.api.organisation.update({ ...typed, shareNetworks: ["myspace" as "x"] }));
    expect(network.form?.fieldErrors).toEqual({ "shareNetworks.0": "Choose networks from the list" });
    expect(await stored()).toEqual(saved);
  });
});
