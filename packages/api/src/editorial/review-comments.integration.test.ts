import { bodyOf } from "@observatory/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { type Harness, useHarness } from "../testing/harness.ts";
import { refusal } from "../testing/refusal.ts";

type Caller = Awaited<ReturnType<Harness["as"]>>;

describe("comments on a draft", () => {
  const h = useHarness();
  let author: Awaited<ReturnType<Harness["signedIn"]>>;
  let editor: Awaited<ReturnType<Harness["signedIn"]>>;
  let otherAuthor: Awaited<ReturnType<Harness["signedIn"]>>;
  let ref: { itemId: string; revisionId: string };

  beforeAll(async () => {
    author = await h.signedIn("AUTHOR");
    editor = await h.signedIn("EDITOR");
    otherAuthor = await h.signedIn("AUTHOR");
    const created = await author.api.editorial.create({
      title: "Maternal outcomes",
      summary: "What the audit found",
      body: bodyOf("Black women are four times more likely to die.\n\nThe audit covered 2019 to 2023."),
      kind: "NEWS",
    });
    ref = { itemId: created.itemId, revisionId: created.revisionId };
    await author.api.editorial.submit(ref);
  });

  const comment = (who: Caller, extra: Record<string, unknown>) =>
    who.editorial.addComment({ ...ref, field: "body", text: "", ...extra });

  it("anchors a comment to a passage of the body, threads the replies and tells the people in the thread", async () => {
    const started = await comment(editor.api, {
      quote: "four times more likely",
      text: "Cite the MBRRACE report for this figure.",
    });
    await comment(author.api, { parentId: started.id, text: "Added the 2024 report." });
    await comment(editor.api, { parentId: started.id, text: "Thank you." });
    const [thread] = await author.api.editorial.comments({ itemId: ref.itemId });
    expect(thread).toMatchObject({
      quote: "four times more likely",
      fieldLabel: "Body",
      revisionNumber: 1,
      authorName: editor.user.name,
      replies: [{ text: "Added the 2024 report." }, { text: "Thank you." }],
      resolvedAt: null,
    });
    const mails = await h.db.emailMessage.findMany({
      where: { subject: { contains: "Maternal outcomes" }, NOT: { subject: { startsWith: "Awaiting" } } },
      select: { to: true, subject: true },
      orderBy: { createdAt: "asc" },
    });
    expect(mails).toEqual([
      { to: author.user.email, subject: `${editor.user.name} commented: Maternal outcomes` },
      { to: editor.user.email, subject: `${author.user.name} replied: Maternal outcomes` },
      { to: author.user.email, subject: `${editor.user.name} replied: Maternal outcomes` },
    ]);
  });

  it("refuses a quote that is not in the revision, and an empty comment, beside the field, storing nothing", async () => {
    const before = await h.db.reviewComment.count();
    const wrong = await refusal(comment(editor.api, { quote: "five times", text: "Check" }));
    expect(wrong.form?.fieldErrors.quote).toContain("is not in the body of revision 1");
    const empty = await refusal(comment(editor.api, { field: "title", text: "  " }));
    expect(empty.form?.fieldErrors.text).toBe("Write your comment");
    expect(await h.db.reviewComment.count()).toBe(before);
    // A field's own text can be quoted too.
    await comment(editor.api, { field: "summary", quote: "audit found", text: "Say which audit." });
  });

  it("lets the thread's starter, the revision's author or an editor resolve it, and keeps it with its revision", async () => {
    const started = await comment(otherAuthor.api, { field: "title", text: "A shorter title?" });
    expect((await refusal(otherAuthor.api.editorial.resolveComment({ id: "missing", resolved: true }))).code).toBe(
      "NOT_FOUND",
    );
    const stranger = await h.signedIn("AUTHOR");
    expect((await refusal(stranger.api.editorial.resolveComment({ id: started.id, resolved: true }))).code).toBe(
      "FORBIDDEN",
    );
    await author.api.editorial.resolveComment({ id: started.id, resolved: true });
    const saved = await author.api.editorial.save({
      itemId: ref.itemId,
      baseRevisionId: ref.revisionId,
      title: "Maternal deaths",
      summary: "What the audit found",
      body: bodyOf("Black women are four times more likely to die."),
      kind: "NEWS",
    });
    const onFirst = await editor.api.editorial.comments({ itemId: ref.itemId, revisionIds: [ref.revisionId] });
    expect(onFirst.find((t) => t.id === started.id)).toMatchObject({
      resolvedByName: author.user.name,
      revisionNumber: 1,
    });
    expect(await editor.api.editorial.comments({ itemId: ref.itemId, revisionIds: [saved.revisionId] })).toEqual([]);
    await editor.api.editorial.resolveComment({ id: started.id, resolved: false });
    const events = await h.db.auditEvent.findMany({
      where: { targetId: ref.itemId, action: { in: ["content.resolveComment", "content.reopenComment"] } },
      select: { action: true },
      orderBy: { createdAt: "asc" },
    });
    expect(events.map((e) => e.action)).toEqual(["content.resolveComment", "content.reopenComment"]);
  });

  it("is closed to staff who cannot read drafts", async () => {
    const moderator = await h.as("MODERATOR");
    expect((await refusal(comment(moderator, { text: "Hello" }))).code).toBe("FORBIDDEN");
  });
});
