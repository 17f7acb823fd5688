import type { UserModel as User } from "@observatory/db";
import { bodyOf, createWorkstream } from "@observatory/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { type Harness, useHarness } from "../testing/harness.ts";
import { refusal } from "../testing/refusal.ts";

type Caller = Awaited<ReturnType<Harness["as"]>>;

const draft = (title: string, extra: Record<string, unknown> = {}) => ({
  title,
  summary: `About ${title}`,
  body: bodyOf(`${title}\n\nThe body of ${title}.`),
  kind: "NEWS" as const,
  ...extra,
});

describe("the editorial workflow", () => {
  const h = useHarness();
  let author: { user: User; api: Caller };
  let otherAuthor: { user: User; api: Caller };
  let editor: { user: User; api: Caller };
  let secondEditor: { user: User; api: Caller };
  let moderator: Caller;

  beforeAll(async () => {
    author = await h.signedIn("AUTHOR");
    otherAuthor = await h.signedIn("AUTHOR");
    editor = await h.signedIn("EDITOR");
    secondEditor = await h.signedIn("EDITOR");
    moderator = await h.as("MODERATOR");
  });

  const itemState = (itemId: string) =>
    h.db.contentItem.findUniqueOrThrow({
      where: { id: itemId },
      select: {
        status: true,
        liveRevisionId: true,
        latestRevisionId: true,
        scheduledRevisionId: true,
        publishAt: true,
        publishedAt: true,
        slug: true,
      },
    });
  const publicArticle = async (slug: string) => {
    const result = await (await h.anonymous()).content.article({ section: "news", slug }).catch(() => null);
    return result?.kind === "item" ? result.item : null;
  };

  async function approvedItem(title: string) {
    const created = await author.api.editorial.create(draft(title));
    await author.api.editorial.submit({ itemId: created.itemId, revisionId: created.revisionId });
    await editor.api.editorial.approve({ itemId: created.itemId, revisionId: created.revisionId });
    return created;
  }

  it("takes an item from draft through changes requested, revision, approval and publication", async () => {
    const created = await author.api.editorial.create(draft("Waiting times report"));
    expect(created.slug).toBe("waiting-times-report");
    expect(await itemState(created.itemId)).toMatchObject({ status: "DRAFT", liveRevisionId: null });

    await author.api.editorial.submit({ itemId: created.itemId, revisionId: created.revisionId });
    expect((await itemState(created.itemId)).status).toBe("IN_REVIEW");
    const reviewMail = await h.db.emailMessage.findFirst({ where: { to: editor.user.email } });
    expect(reviewMail?.subject).toBe("Awaiting your editorial review: Waiting times report");

    await editor.api.editorial.requestChanges({
      itemId: created.itemId,
      revisionId: created.revisionId,
      reason: "Cite the 2023 figures.",
    });
    expect((await itemState(created.itemId)).status).toBe("CHANGES_REQUESTED");
    const view = await author.api.editorial.item({ itemId: created.itemId });
    expect(view.reviews[0]).toMatchObject({ decision: "CHANGES_REQUESTED", reason: "Cite the 2023 figures." });
    expect(
      await h.db.emailMessage.count({ where: { to: author.user.email, subject: { startsWith: "Changes requested" } } }),
    ).toBe(1);

    const revised = await author.api.editorial.save({
      itemId: created.itemId,
      baseRevisionId: created.revisionId,
      ...draft("Waiting times report", { body: bodyOf("Now with the 2023 figures.") }),
    });
    expect(revised.number).toBe(2);
    await author.api.editorial.submit({ itemId: created.itemId, revisionId: revised.revisionId });
    await editor.api.editorial.approve({ itemId: created.itemId, revisionId: revised.revisionId });
    expect((await itemState(created.itemId)).status).toBe("APPROVED");
    expect(await publicArticle(created.slug)).toBeNull();

    await editor.api.editorial.publishNow({ itemId: created.itemId, revisionId: revised.revisionId });
    const state = await itemState(created.itemId);
    expect(state).toMatchObject({ status: "PUBLISHED", liveRevisionId: revised.revisionId, scheduledRevisionId: null });
    expect(state.publishedAt).not.toBeNull();
    expect((await publicArticle(created.slug))?.bodyHtml).toContain("2023 figures");

    const actions = await h.db.auditEvent.findMany({
      where: { targetId: created.itemId },
      orderBy: { createdAt: "asc" },
      select: { action: true },
    });
    expect(actions.map((a) => a.action)).toEqual([
      "content.create",
      "content.submit",
      "content.requestChanges",
      "content.save",
      "content.submit",
      "content.approve",
      "content.publish",
    ]);
  });

  it("refuses every role what the role table does not allow, and changes nothing", async () => {
    const created = await author.api.editorial.create(draft("Role checks"));
    const ref = { itemId: created.itemId, revisionId: created.revisionId };
    expect((await refusal(moderator.editorial.create(draft("Not mine")))).code).toBe("FORBIDDEN");
    expect((await refusal(moderator.editorial.list({}))).code).toBe("FORBIDDEN");
    expect((await refusal((await h.anonymous()).editorial.list({}))).code).toBe("UNAUTHORIZED");
    await author.api.editorial.submit(ref);
    expect((await refusal(author.api.editorial.approve(ref))).code).toBe("FORBIDDEN");
    expect((await refusal(author.api.editorial.requestChanges({ ...ref, reason: "x" }))).code).toBe("FORBIDDEN");
    expect((await refusal(author.api.editorial.publishNow(ref))).code).toBe("FORBIDDEN");
    expect((await refusal(author.api.editorial.archive(ref))).code).toBe("FORBIDDEN");
    expect((await refusal(otherAuthor.api.editorial.submit(ref))).code).toBe("FORBIDDEN");
    expect(
      (
        await refusal(
          otherAuthor.api.editorial.save({ ...draft("Hijack"), itemId: ref.itemId, baseRevisionId: ref.revisionId }),
        )
      ).code,
    ).toBe("FORBIDDEN");
    expect((await itemState(created.itemId)).status).toBe("IN_REVIEW");
    expect(await h.db.review.count({ where: { revisionId: created.revisionId } })).toBe(0);
  });

  it("lets no one approve or review their own revision, editors included", async () => {
    const created = await editor.api.editorial.create(draft("Editor's own piece"));
    const ref = { itemId: created.itemId, revisionId: created.revisionId };
    await editor.api.editorial.submit(ref);
    const awaiting = (to: string) =>
      h.db.emailMessage.count({ where: { to, subject: "Awaiting your editorial review: Editor's own piece" } });
    expect(await awaiting(editor.user.email)).toBe(0);
    expect(await awaiting(secondEditor.user.email)).toBe(1);
    const refused = await refusal(editor.api.editorial.approve(ref));
    expect(refused).toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("your own revision") });
    expect((await refusal(editor.api.editorial.requestChanges({ ...ref, reason: "Fine" }))).code).toBe("FORBIDDEN");
    expect((await itemState(created.itemId)).status).toBe("IN_REVIEW");
    await secondEditor.api.editorial.approve(ref);
    expect((await itemState(created.itemId)).status).toBe("APPROVED");
  });

  it("refuses transitions from the wrong state with a message, changing nothing", async () => {
    const created = await author.api.editorial.create(draft("Wrong states"));
    const ref = { itemId: created.itemId, revisionId: created.revisionId };
    const approveDraft = await refusal(editor.api.editorial.approve(ref));
    expect(approveDraft).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("draft") });
    expect((await refusal(editor.api.editorial.publishNow(ref))).code).toBe("CONFLICT");
    expect((await refusal(editor.api.editorial.unpublish({ itemId: ref.itemId }))).code).toBe("CONFLICT");
    expect((await refusal(editor.api.editorial.cancelSchedule({ itemId: ref.itemId }))).code).toBe("CONFLICT");
    expect(
      (await refusal(editor.api.editorial.schedule({ ...ref, publishAt: { date: "1/1/2099", time: "09:00" } }))).code,
    ).toBe("CONFLICT");
    await author.api.editorial.submit(ref);
    expect((await refusal(author.api.editorial.submit(ref))).code).toBe("CONFLICT");
    const empty = await refusal(editor.api.editorial.requestChanges({ ...ref, reason: "  " }));
    expect(empty.code).toBe("BAD_REQUEST");
    const state = await itemState(created.itemId);
    expect(state).toMatchObject({ status: "IN_REVIEW", liveRevisionId: null, scheduledRevisionId: null });
    expect(await h.db.review.count({ where: { revisionId: created.revisionId } })).toBe(0);
  });

  it("refuses a save based on a stale revision, says who changed what, and keeps the newer one", async () => {
    const created = await author.api.editorial.create(draft("Stale saves"));
    await editor.api.editorial.save({
      itemId: created.itemId,
      baseRevisionId: created.revisionId,
      ...draft("Stale saves", { body: bodyOf("The editor's version.") }),
    });
    const refused = await refusal(
      author.api.editorial.save({
        itemId: created.itemId,
        baseRevisionId: created.revisionId,
        ...draft("Stale saves (author)", { body: bodyOf("The author's version.") }),
      }),
    );
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toContain(editor.user.name);
    expect(refused.message).toContain("changing the body.");
    const revisions = await h.db.revision.findMany({ where: { itemId: created.itemId }, orderBy: { number: "asc" } });
    expect(revisions.map((r) => r.bodyText)).toEqual([
      "Stale saves\nThe body of Stale saves.",
      "The editor's version.",
    ]);
  });

  it("collapses autosaves into one working revision that a real save finishes", async () => {
    const created = await author.api.editorial.create(draft("Autosave"));
    const base = { itemId: created.itemId, baseRevisionId: created.revisionId };
    const first = await author.api.editorial.save({
      ...base,
      ...draft("Autosave", { body: bodyOf("Typing") }),
      autosave: true,
    });
    const second = await author.api.editorial.save({
      ...base,
      ...draft("Autosave", { body: bodyOf("Typing more") }),
      autosave: true,
    });
    expect(second.revisionId).toBe(first.revisionId);
    // The form posted without JavaScript still carries the revision it was opened on.
    const saved = await author.api.editorial.save({
      ...base,
      ...draft("Autosave", { body: bodyOf("Typing more, saved") }),
    });
    expect(saved.revisionId).toBe(first.revisionId);
    const revisions = await h.db.revision.findMany({ where: { itemId: created.itemId }, orderBy: { number: "asc" } });
    expect(revisions.map((r) => [r.number, r.isAutosave, r.bodyText])).toEqual([
      [1, false, "Autosave\nThe body of Autosave."],
      [2, false, "Typing more, saved"],
    ]);
    expect(await h.db.auditEvent.count({ where: { targetId: created.itemId, action: "content.save" } })).toBe(1);
  });

  it("keeps showing the live revision while an edit is drafted, reviewed and approved, until it is published", async () => {
    const created = await approvedItem("Live edits");
    await editor.api.editorial.publishNow({ itemId: created.itemId, revisionId: created.revisionId });
    const edit = await author.api.editorial.save({
      itemId: created.itemId,
      baseRevisionId: created.revisionId,
      ...draft("Live edits, revised"),
    });
    expect((await publicArticle(created.slug))?.title).toBe("Live edits");
    expect((await itemState(created.itemId)).status).toBe("DRAFT");
    await author.api.editorial.submit({ itemId: created.itemId, revisionId: edit.revisionId });
    expect((await publicArticle(created.slug))?.title).toBe("Live edits");
    await editor.api.editorial.approve({ itemId: created.itemId, revisionId: edit.revisionId });
    expect((await publicArticle(created.slug))?.title).toBe("Live edits");
    await editor.api.editorial.publishNow({ itemId: created.itemId, revisionId: edit.revisionId, changeKind: "minor" });
    expect((await publicArticle(created.slug))?.title).toBe("Live edits, revised");
  });

  it("keeps the old web address working after a slug change and refuses a slug in use", async () => {
    const taken = await author.api.editorial.create(draft("Taken address"));
    const created = await approvedItem("Old address");
    await editor.api.editorial.publishNow({ itemId: created.itemId, revisionId: created.revisionId });
    const renamed = await editor.api.editorial.save({
      itemId: created.itemId,
      baseRevisionId: created.revisionId,
      ...draft("Old address", { slug: "new-address" }),
    });
    expect(renamed.slug).toBe("new-address");
    const redirect = await (await h.anonymous()).content.article({ section: "news", slug: "old-address" });
    expect(redirect).toEqual({ kind: "redirect", location: "/news/new-address" });
    const clash = await refusal(
      editor.api.editorial.save({
        itemId: created.itemId,
        baseRevisionId: renamed.revisionId,
        ...draft("Old address", { slug: taken.slug }),
      }),
    );
    expect(clash.code).toBe("CONFLICT");
    // A new item whose title matches an old address gets a free one instead.
    expect((await author.api.editorial.create(draft("Old address"))).slug).toBe("old-address-2");
  });

  it("unpublishes to approved, archives, and restores an earlier revision as a new draft", async () => {
    const created = await approvedItem("Lifecycle");
    await editor.api.editorial.publishNow({ itemId: created.itemId, revisionId: created.revisionId });
    await editor.api.editorial.unpublish({ itemId: created.itemId });
    expect(await itemState(created.itemId)).toMatchObject({ status: "APPROVED", liveRevisionId: null });
    expect(await publicArticle(created.slug)).toBeNull();
    await editor.api.editorial.publishNow({ itemId: created.itemId, revisionId: created.revisionId });
    expect(await publicArticle(created.slug)).not.toBeNull();

    await editor.api.editorial.archive({ itemId: created.itemId, reason: "No longer current." });
    expect(await itemState(created.itemId)).toMatchObject({ status: "ARCHIVED", liveRevisionId: null });
    expect(await publicArticle(created.slug)).toBeNull();
    expect(
      (await refusal(author.api.editorial.restore({ itemId: created.itemId, revisionId: created.revisionId }))).code,
    ).toBe("FORBIDDEN");
    const restored = await editor.api.editorial.restore({ itemId: created.itemId, revisionId: created.revisionId });
    expect(restored.number).toBe(2);
    expect(await itemState(created.itemId)).toMatchObject({ status: "DRAFT", latestRevisionId: restored.revisionId });
  });

  it("compares two revisions field by field, and the body word by word as readers would see it", async () => {
    const w = await createWorkstream(h.db, { title: "Maternity" });
    const created = await author.api.editorial.create(draft("Compare", { body: bodyOf("one\n\ntwo\n\nthree") }));
    const second = await author.api.editorial.save({
      itemId: created.itemId,
      baseRevisionId: created.revisionId,
      ...draft("Compare again", { body: bodyOf("one\n\nthree\n\nfour"), workstreamIds: [w.id] }),
    });
    const diff = await editor.api.editorial.compare({ fromId: created.revisionId, toId: second.revisionId });
    expect(diff.changes.map((c) => c.field)).toEqual(["title", "summary", "workstreams"]);
    expect(diff.bodyChanged).toBe(true);
    expect(diff.bodyDiffHtml).toBe(
      '<p>one</p>\n<p><del class="observatory-diff-removed"><span class="nhsuk-u-visually-hidden">Removed: </span>two</del></p>\n<p>three</p>\n<p><ins class="observatory-diff-added"><span class="nhsuk-u-visually-hidden">Added: </span>four</ins></p>',
    );
  });

  it("refuses bodies outside the schema, with the reason beside the body, and escapes every word", async () => {
    const link = (href: string) => ({
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "text", text: "click", marks: [{ type: "link", attrs: { href } }] }] },
      ],
    });
    for (const body of [
      link("javascript:alert(1)"),
      { type: "doc", content: [{ type: "script", content: [{ type: "text", text: "alert(1)" }] }] },
      { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "x".repeat(1_000_001) }] }] },
      "<p>HTML is not a document</p>",
    ]) {
      const refused = await refusal(author.api.editorial.create(draft("Unsafe", { body })));
      expect(refused.code).toBe("BAD_REQUEST");
      expect(refused.form?.fieldErrors.body).toBeTruthy();
    }
    expect(await h.db.revision.count({ where: { title: "Unsafe" } })).toBe(0);
    const created = await author.api.editorial.create(
      draft("Escaped", { body: bodyOf('<script>alert(1)</script> <img src=x onerror="alert(1)">') }),
    );
    const revision = await editor.api.editorial.revision({ revisionId: created.revisionId });
    expect(revision.bodyHtml).toBe(
      "<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=&quot;alert(1)&quot;&gt;</p>",
    );
  });

  it("lists items with filters, title search and keyset pages", async () => {
    for (let n = 0; n < 27; n += 1)
      await otherAuthor.api.editorial.create(draft(`Paged item ${String(n).padStart(2, "0")}`));
    const first = await editor.api.editorial.list({ authorId: otherAuthor.user.id, sort: "title-asc" });
    expect(first.items).toHaveLength(25);
    expect(first.items[0]?.title).toBe("Paged item 00");
    const second = await editor.api.editorial.list({
      authorId: otherAuthor.user.id,
      sort: "title-asc",
      after: first.next ?? undefined,
    });
    expect(second.items.map((i) => i.title)).toEqual(["Paged item 25", "Paged item 26"]);
    expect(second.next).toBeNull();
    const search = await editor.api.editorial.list({ q: "item 1", status: "DRAFT" });
    expect(search.items.length).toBe(10);
    const recent = await editor.api.editorial.list({ authorId: otherAuthor.user.id });
    const again = await editor.api.editorial.list({ authorId: otherAuthor.user.id, after: recent.next ?? undefined });
    expect(new Set([...recent.items, ...again.items].map((i) => i.id)).size).toBe(27);
  });

  it("lists and finds an item by its latest title, however that revision came to be", async () => {
    const created = await author.api.editorial.create(draft("Kestrel first title"));
    const titleIn = async (q: string) =>
      (await editor.api.editorial.list({ q })).items.find((i) => i.id === created.itemId)?.title ?? null;
    expect(await titleIn("kestrel first")).toBe("Kestrel first title");

    // An autosave rewrites the working copy in place; the list follows it at once.
    const autosaved = await author.api.editorial.save({
      itemId: created.itemId,
      baseRevisionId: created.revisionId,
      autosave: true,
      ...draft("Kestrel autosaved title"),
    });
    expect(await titleIn("kestrel autosaved")).toBe("Kestrel autosaved title");
    await author.api.editorial.save({
      itemId: created.itemId,
      baseRevisionId: created.revisionId,
      autosave: true,
      ...draft("Kestrel typed on"),
    });
    expect(await titleIn("kestrel autosaved")).toBeNull();
    expect(await titleIn("kestrel typed")).toBe("Kestrel typed on");

    // Restoring the first revision starts a new draft with its title.
    await editor.api.editorial.restore({ itemId: created.itemId, revisionId: created.revisionId });
    expect(await titleIn("kestrel")).toBe("Kestrel first title");
    const row = await h.db.contentItem.findUniqueOrThrow({ where: { id: created.itemId } });
    expect(row.latestRevisionId).not.toBe(autosaved.revisionId);
    expect(row.title).toBe("Kestrel first title");
  });

  it("shows each person their drafts and what awaits their review on the dashboard", async () => {
    const created = await author.api.editorial.create(draft("Dashboard piece"));
    expect((await author.api.editorial.dashboard()).myDrafts.map((d) => d.id)).toContain(created.itemId);
    await author.api.editorial.submit({ itemId: created.itemId, revisionId: created.revisionId });
    const forEditor = await editor.api.editorial.dashboard();
    expect(forEditor.awaitingDecision.find((i) => i.id === created.itemId)).toMatchObject({
      statusLabel: "Awaiting editorial review",
    });
    const forAuthor = await author.api.editorial.dashboard();
    expect(forAuthor.awaitingDecision).toEqual([]);
    expect(forAuthor.inReview.find((i) => i.id === created.itemId)?.statusLabel).toBe("Awaiting editorial review");
    await editor.api.editorial.requestChanges({
      itemId: created.itemId,
      revisionId: created.revisionId,
      reason: "Cite it",
    });
    expect((await author.api.editorial.dashboard()).changesRequested).toMatchObject([
      { id: created.itemId, reason: "Cite it", reviewerName: editor.user.name, stepName: "Editorial review" },
    ]);
    expect((await editor.api.editorial.dashboard()).awaitingDecision.map((i) => i.id)).not.toContain(created.itemId);
  });

  it("shows who else has an item open, and takes a person off when the page they leave is their latest", async () => {
    const created = await author.api.editorial.create(draft("Presence"));
    const itemId = created.itemId;
    const first = await editor.api.editorial.presence({ itemId });
    expect((await author.api.editorial.presence({ itemId })).others).toEqual([
      { name: editor.user.name, seenAt: new Date(first.seenAt) },
    ]);
    // The editor reloads: the new page checks in before the old one's leaving arrives.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const reloaded = await editor.api.editorial.presence({ itemId });
    await editor.api.editorial.leave({ itemId, seenAt: first.seenAt });
    expect((await author.api.editorial.presence({ itemId })).others.map((p) => p.name)).toEqual([editor.user.name]);
    // The editor closes the reloaded page.
    await editor.api.editorial.leave({ itemId, seenAt: reloaded.seenAt });
    expect((await author.api.editorial.presence({ itemId })).others).toEqual([]);
  });
});
