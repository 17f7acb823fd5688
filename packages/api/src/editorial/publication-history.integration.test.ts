import type { UserModel as User } from "@observatory/db";
import { bodyOf } from "@observatory/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { type Harness, useHarness } from "../testing/harness.ts";
import { refusal } from "../testing/refusal.ts";
import { recordDueTransitions } from "./scheduler.ts";

type Caller = Awaited<ReturnType<Harness["as"]>>;

describe("change notes and the public history of a page", () => {
  const h = useHarness();
  let author: { user: User; api: Caller };
  let editor: Caller;

  beforeAll(async () => {
    author = await h.signedIn("AUTHOR");
    editor = await h.as("EDITOR");
  });

  const article = async (slug: string) => {
    const result = await (await h.anonymous()).content.article({ section: "news", slug });
    if (result.kind !== "item") throw new Error(`/news/${slug} is not public`);
    return result.item;
  };

  /** A news item, published once. */
  async function published(title: string) {
    const created = await author.api.editorial.create({ title, kind: "NEWS", body: bodyOf(`About ${title}`) });
    const ref = { itemId: created.itemId, revisionId: created.revisionId };
    await author.api.editorial.submit(ref);
    await editor.editorial.approve(ref);
    await editor.editorial.publishNow(ref);
    return { ...ref, slug: created.slug };
  }

  /** A new approved revision of a live item, titled `title`. */
  async function approvedEdit(item: { itemId: string; revisionId: string }, title: string) {
    const edit = await author.api.editorial.save({
      itemId: item.itemId,
      baseRevisionId: item.revisionId,
      title,
      kind: "NEWS",
    });
    const ref = { itemId: item.itemId, revisionId: edit.revisionId };
    await author.api.editorial.submit(ref);
    await editor.editorial.approve(ref);
    return ref;
  }

  it("starts a page's history at its first publication, with no change asked", async () => {
    const item = await published("Waiting times by ethnicity");
    const page = await article(item.slug);
    expect(page.updates).toEqual([{ at: page.publishedAt, note: null }]);
    expect(page.updatedAt).toEqual(page.publishedAt);
    const revision = await h.db.revision.findUniqueOrThrow({ where: { id: item.revisionId } });
    expect(revision).toMatchObject({ changeNote: null, minorChange: false });
    expect(revision.wentLiveAt).toEqual(page.publishedAt);
  });

  it("asks whether a new revision of a live page is a major or a minor change, and a major one needs a note", async () => {
    const item = await published("Maternity outcomes");
    const edit = await approvedEdit(item, "Maternity outcomes, with 2024 figures");

    const unsaid = await refusal(editor.editorial.publishNow(edit));
    expect(unsaid.code).toBe("BAD_REQUEST");
    expect(unsaid.form?.fieldErrors.changeKind).toMatch(/major change .* or a minor one/);
    const noNote = await refusal(editor.editorial.publishNow({ ...edit, changeKind: "major", changeNote: "  " }));
    expect(noNote.form?.fieldErrors.changeNote).toMatch(/Write a change note/);
    // Refused: nothing changed on the site.
    expect((await article(item.slug)).title).toBe("Maternity outcomes");

    await editor.editorial.publishNow({ ...edit, changeKind: "major", changeNote: "Added the 2024 figures." });
    const page = await article(item.slug);
    expect(page.title).toBe("Maternity outcomes, with 2024 figures");
    expect(page.updates.map((u) => u.note)).toEqual(["Added the 2024 figures.", null]);
    expect(page.updatedAt.getTime()).toBeGreaterThan(page.publishedAt.getTime());
    expect(page.updatedAt).toEqual(page.updates[0]?.at);
  });

  it("keeps a minor change out of the history, the 'Last updated' date and the feed's dates", async () => {
    const item = await published("Pulse oximetry review");
    const before = await article(item.slug);
    const edit = await approvedEdit(item, "Pulse oximetry review (typo fixed)");
    await editor.editorial.publishNow({ ...edit, changeKind: "minor", changeNote: "ignored for a minor change" });

    const page = await article(item.slug);
    expect(page.title).toBe("Pulse oximetry review (typo fixed)");
    expect(page.updates).toEqual(before.updates);
    expect(page.updatedAt).toEqual(before.updatedAt);
    expect(page.changedAt.getTime()).toBeGreaterThan(before.changedAt.getTime());
    const { items } = await (await h.anonymous()).content.feed({ section: "news" });
    expect(items.find((i) => i.id === item.itemId)?.updatedAt).toEqual(before.updatedAt);
    expect(await h.db.revision.findUniqueOrThrow({ where: { id: edit.revisionId } })).toMatchObject({
      minorChange: true,
      changeNote: null,
    });
  });

  it("dates a scheduled major change from its publication time, before the scheduler records it", async () => {
    const item = await published("Mental health services");
    const edit = await approvedEdit(item, "Mental health services, updated");
    const refused = await refusal(
      editor.editorial.schedule({ ...edit, publishAt: { date: "1/6/2099", time: "09:00" } }),
    );
    expect(refused.form?.fieldErrors.changeKind).toBeDefined();
    await editor.editorial.schedule({
      ...edit,
      publishAt: { date: "1/6/2099", time: "09:00" },
      changeKind: "major",
      changeNote: "Updated with the new service standards.",
    });
    // Until its time, the change is nobody's business but the editors'.
    expect((await article(item.slug)).updates.map((u) => u.note)).toEqual([null]);

    // Its time has come (just now: after its first publication, a moment ago).
    const at = new Date();
    await h.db.contentItem.update({ where: { id: item.itemId }, data: { publishAt: at } });
    const due = await article(item.slug);
    expect(due.title).toBe("Mental health services, updated");
    expect(due.updates[0]).toEqual({ at, note: "Updated with the new service standards." });

    await recordDueTransitions(h.db);
    const recorded = await article(item.slug);
    expect(recorded.updates).toEqual(due.updates);
    expect(await h.db.revision.findUniqueOrThrow({ where: { id: edit.revisionId } })).toMatchObject({ wentLiveAt: at });
  });

  it("asks again when publishing without review over a live page", async () => {
    const item = await published("Statement on the census");
    const draft = await author.api.editorial.save({
      itemId: item.itemId,
      baseRevisionId: item.revisionId,
      title: "Statement on the census, corrected",
      kind: "NEWS",
    });
    const ref = { itemId: item.itemId, revisionId: draft.revisionId };
    const reason = "The figures quoted this morning were wrong and are being repeated in the press.";
    const refused = await refusal(editor.editorial.forcePublish({ ...ref, reason }));
    expect(refused.form?.fieldErrors.changeKind).toBeDefined();
    await editor.editorial.forcePublish({ ...ref, reason, changeKind: "major", changeNote: "Corrected the figures." });
    expect((await article(item.slug)).updates.map((u) => u.note)).toEqual(["Corrected the figures.", null]);
  });

  it("tells the editor's screens whether publishing asks the question", async () => {
    const created = await author.api.editorial.create({ title: "Not yet out", kind: "NEWS", body: bodyOf("Draft") });
    expect((await editor.editorial.item({ itemId: created.itemId })).asksForChange.latest).toBe(false);
    const item = await published("Out already");
    const edit = await approvedEdit(item, "Out already, edited");
    const view = await editor.editorial.item({ itemId: edit.itemId });
    expect(view.asksForChange.latest).toBe(true);
  });
});
