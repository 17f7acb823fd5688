import type { UserModel as User } from "@observatory/db";
import { beforeAll, describe, expect, it } from "vitest";
import { type Harness, useHarness } from "../testing/harness.ts";
import { refusal } from "../testing/refusal.ts";

type Caller = Awaited<ReturnType<Harness["as"]>>;

const text = (t: string) => ({ type: "text", text: t });
const doc = (...content: object[]) => ({ type: "doc", content });
const heading = (level: number, t: string) => ({ type: "heading", attrs: { level }, content: [text(t)] });
const paragraph = (t: string) => ({ type: "paragraph", content: [text(t)] });

describe("the accessibility check, enforced", () => {
  const h = useHarness();
  let author: { user: User; api: Caller };
  let editor: { user: User; api: Caller };
  beforeAll(async () => {
    author = await h.signedIn("AUTHOR");
    editor = await h.signedIn("EDITOR");
  });

  it("refuses to submit with errors, asks a reason for warnings, records it, and does not ask again", async () => {
    const base = { title: "Checked", summary: "s", kind: "NEWS" as const };
    const created = await author.api.editorial.create({
      ...base,
      body: doc(heading(3, "Skipped a level"), paragraph("Text.")),
    });
    const ref = { itemId: created.itemId, revisionId: created.revisionId };

    const blocked = await refusal(author.api.editorial.submit(ref));
    expect(blocked.code).toBe("BAD_REQUEST");
    expect(blocked.form?.fieldErrors.accessibility).toMatch(
      /cannot be submitted until the error in the accessibility check is fixed/,
    );
    expect((await h.db.contentItem.findUniqueOrThrow({ where: { id: created.itemId } })).status).toBe("DRAFT");

    // Fixed, but it shouts: a warning, which needs a reason.
    const saved = await author.api.editorial.save({
      ...base,
      ...ref,
      baseRevisionId: created.revisionId,
      body: doc(heading(2, "Fixed"), paragraph("PLEASE READ THIS BEFORE YOUR APPOINTMENT.")),
    });
    const fixed = { itemId: created.itemId, revisionId: saved.revisionId };
    const needsReason = await refusal(author.api.editorial.submit(fixed));
    expect(needsReason.form?.fieldErrors.warningsReason).toBe(
      "Say why the accessibility warning can stand, or fix it in the body first",
    );

    await author.api.editorial.submit({ ...fixed, warningsReason: "It quotes the letter patients receive." });
    const revision = await h.db.revision.findUniqueOrThrow({ where: { id: saved.revisionId } });
    expect(revision.accessibilityAcceptances).toMatchObject([
      { rule: "all-caps", reason: "It quotes the letter patients receive.", userId: author.user.id },
    ]);
    const audit = await h.db.auditEvent.findFirstOrThrow({
      where: { targetId: created.itemId, action: "content.accessibility_accept" },
    });
    expect(audit.summary).toContain("Accepted an accessibility warning on revision 2");

    // Accepted once, the warning does not stop approval and publication.
    await editor.api.editorial.approve(fixed);
    await expect(editor.api.editorial.publishNow(fixed)).resolves.toMatchObject({ status: "PUBLISHED" });
    const view = await editor.api.editorial.item({ itemId: created.itemId });
    expect(view.revision.openWarnings).toEqual([]);
    expect(view.revision.findings.map((f) => f.rule)).toEqual(["all-caps"]);
  });

  it("lets an editor accept warnings on their own, which then need no second reason", async () => {
    const created = await author.api.editorial.create({
      title: "Accepted apart",
      summary: "s",
      kind: "NEWS",
      body: doc(paragraph("CALL THE NUMBER ON YOUR LETTER TODAY.")),
    });
    const ref = { itemId: created.itemId, revisionId: created.revisionId };
    expect((await refusal(author.api.editorial.acceptWarnings({ ...ref, warningsReason: "x" }))).code).toBe(
      "FORBIDDEN",
    );
    const missing = await refusal(editor.api.editorial.acceptWarnings({ ...ref, warningsReason: "" }));
    expect(missing.form?.fieldErrors.warningsReason).toMatch(/^Say why the accessibility warning can stand/);
    await editor.api.editorial.acceptWarnings({ ...ref, warningsReason: "The letter itself says it in capitals." });
    await expect(author.api.editorial.submit(ref)).resolves.toMatchObject({ status: "IN_REVIEW" });
    expect(
      await h.db.auditEvent.count({ where: { targetId: created.itemId, action: "content.accessibility_accept" } }),
    ).toBe(1);
  });

  it("warns about a link to a page readers cannot see, which they get as plain text", async () => {
    const draft = await author.api.editorial.create({
      title: "Not out yet",
      summary: "s",
      kind: "NEWS",
      body: doc(paragraph("x")),
    });
    const linked = doc({
      type: "paragraph",
      content: [
        {
          type: "text",
          text: "the new plan",
          marks: [{ type: "link", attrs: { href: "/news/x", itemId: draft.itemId } }],
        },
      ],
    });
    const preview = await author.api.editorial.renderPreview({ body: linked, kind: "NEWS" });
    expect(preview.html).toBe("<p>the new plan</p>");
    expect(preview.findings).toMatchObject([{ rule: "link-not-public", severity: "warning", excerpt: "the new plan" }]);
  });
});
