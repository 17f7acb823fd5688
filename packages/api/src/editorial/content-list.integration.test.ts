import type { UserModel as User } from "@observatory/db";
import { bodyOf, createItem } from "@observatory/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { type Harness, useHarness } from "../testing/harness.ts";
import { refusal } from "../testing/refusal.ts";

type Caller = Awaited<ReturnType<Harness["as"]>>;

const draft = (title: string) => ({
  title,
  summary: `About ${title}`,
  body: bodyOf(`The body of ${title}.`),
  kind: "NEWS" as const,
});

describe("the content list: bulk actions, archiving and what is on the site", () => {
  const h = useHarness();
  let author: { user: User; api: Caller };
  let otherAuthor: { user: User; api: Caller };
  let editor: { user: User; api: Caller };

  beforeAll(async () => {
    author = await h.signedIn("AUTHOR");
    otherAuthor = await h.signedIn("AUTHOR");
    editor = await h.signedIn("EDITOR");
  });

  const pointers = (itemId: string) =>
    h.db.contentItem.findUniqueOrThrow({
      where: { id: itemId },
      select: {
        status: true,
        liveRevisionId: true,
        liveSince: true,
        latestRevisionId: true,
        scheduledRevisionId: true,
        publishAt: true,
        unpublishAt: true,
      },
    });
  const audits = (itemId: string, action: string) => h.db.auditEvent.count({ where: { targetId: itemId, action } });
  const onSite = async (slug: string) => {
    const result = await (await h.anonymous()).content.article({ section: "news", slug }).catch(() => null);
    return result?.kind === "item";
  };
  const listed = async (api: Caller, title: string) =>
    (await api.editorial.list({ q: title })).items.find((i) => i.title === title);

  it("lets an author submit in bulk only their own drafts, and says why each other one was refused", async () => {
    const mine = await author.api.editorial.create(draft("Bulk mine one"));
    const mineToo = await author.api.editorial.create(draft("Bulk mine two"));
    const theirs = await otherAuthor.api.editorial.create(draft("Bulk theirs"));
    await author.api.editorial.submit({ itemId: mineToo.itemId, revisionId: mineToo.revisionId });

    const result = await author.api.editorial.bulk({
      action: "submit",
      itemIds: [mine.itemId, mineToo.itemId, theirs.itemId],
    });

    expect(result.succeeded.map((s) => s.title)).toEqual(["Bulk mine one"]);
    expect(result.failed.map((f) => [f.title, f.reason])).toEqual([
      ["Bulk mine two", "Already in review"],
      ["Bulk theirs", "Not yours to submit"],
    ]);
    expect((await pointers(mine.itemId)).status).toBe("IN_REVIEW");
    expect((await pointers(theirs.itemId)).status).toBe("DRAFT");
    expect(await audits(mine.itemId, "content.submit")).toBe(1);
    expect(await audits(theirs.itemId, "content.submit")).toBe(0);
  });

  it("refuses an author every archive, in bulk and alone, and changes nothing", async () => {
    const item = await createItem(h.db, {
      authorId: author.user.id,
      slug: "bulk-author-archive",
      live: { title: "Kept" },
    });
    const result = await author.api.editorial.bulk({ action: "archive", itemIds: [item.id] });
    expect(result.succeeded).toEqual([]);
    expect(result.failed).toEqual([{ id: item.id, title: "Kept", reason: "Only an editor can archive content" }]);
    expect((await refusal(author.api.editorial.archive({ itemId: item.id }))).code).toBe("FORBIDDEN");
    expect(await pointers(item.id)).toMatchObject({ status: "PUBLISHED", liveRevisionId: item.liveId });
    expect(await onSite("bulk-author-archive")).toBe(true);
    expect(await audits(item.id, "content.archive")).toBe(0);
    // Each refusal is in the audit log, as the single action's is.
    const refusals = await h.db.auditEvent.findMany({
      where: { actorId: author.user.id, action: "access.refused", summary: { contains: item.id } },
      select: { targetId: true },
    });
    expect(refusals.map((r) => r.targetId).sort()).toEqual(["editorial.archive", "editorial.bulk: archive"]);
  });

  it("archives in bulk, takes live items off the site, and refuses what is already archived", async () => {
    const live = await createItem(h.db, { authorId: author.user.id, slug: "bulk-live", live: { title: "Bulk live" } });
    const gone = await createItem(h.db, {
      authorId: author.user.id,
      status: "ARCHIVED",
      pending: { title: "Bulk gone" },
    });
    const selection = await editor.api.editorial.selection({ itemIds: [live.id, gone.id] });
    expect(selection.map((s) => [s.title, s.isOnSite])).toEqual([
      ["Bulk gone", false],
      ["Bulk live", true],
    ]);

    const result = await editor.api.editorial.bulk({
      action: "archive",
      itemIds: [live.id, gone.id],
      reason: "No longer current.",
    });

    expect(result.succeeded).toMatchObject([{ id: live.id, title: "Bulk live" }]);
    expect(result.succeeded[0]?.archivedAt).toBeInstanceOf(Date);
    expect(result.failed).toEqual([{ id: gone.id, title: "Bulk gone", reason: "Already archived" }]);
    expect(await onSite("bulk-live")).toBe(false);
    expect(await audits(live.id, "content.archive")).toBe(1);
  });

  it("undoes an archive exactly: live revision, schedules and status, and only while nothing has changed", async () => {
    const publishAt = new Date(Date.now() + 3_600_000);
    const unpublishAt = new Date(Date.now() + 7_200_000);
    const item = await createItem(h.db, {
      authorId: author.user.id,
      slug: "undo-archive",
      live: { title: "Undo me" },
      scheduled: { title: "Undo me, updated", publishAt },
      unpublishAt,
    });
    const before = await pointers(item.id);

    const archived = await editor.api.editorial.archive({ itemId: item.id, reason: "No longer current." });
    expect(archived.wasOnSite).toBe(true);
    expect(await onSite("undo-archive")).toBe(false);
    expect((await editor.api.editorial.item({ itemId: item.id })).can).toMatchObject({
      undoArchive: true,
      restore: true,
    });
    expect(
      (await refusal(author.api.editorial.undoArchive({ itemId: item.id, archivedAt: archived.archivedAt }))).code,
    ).toBe("FORBIDDEN");
    const stale = await refusal(
      editor.api.editorial.undoArchive({ itemId: item.id, archivedAt: new Date(archived.archivedAt.getTime() - 1) }),
    );
    expect(stale.code).toBe("CONFLICT");

    await editor.api.editorial.undoArchive({ itemId: item.id, archivedAt: archived.archivedAt });

    expect(await pointers(item.id)).toEqual(before);
    expect(await onSite("undo-archive")).toBe(true);
    expect(await audits(item.id, "content.undoArchive")).toBe(1);
    // The same undo again finds nothing to undo.
    const again = await refusal(editor.api.editorial.undoArchive({ itemId: item.id, archivedAt: archived.archivedAt }));
    expect(again.code).toBe("CONFLICT");
  });

  it("reopens at its step the review that archiving closed, when the archiving is undone", async () => {
    const created = await author.api.editorial.create(draft("Archived in review"));
    await author.api.editorial.submit({ itemId: created.itemId, revisionId: created.revisionId });
    const round = () =>
      h.db.reviewRound.findFirstOrThrow({
        where: { revisionId: created.revisionId },
        select: { status: true, stepName: true, stepGroupId: true },
      });
    const inReview = await round();
    expect(inReview.status).toBe("IN_PROGRESS");

    const archived = await editor.api.editorial.archive({ itemId: created.itemId, reason: "No longer current." });
    expect((await round()).status).toBe("CLOSED");
    await editor.api.editorial.undoArchive({ itemId: created.itemId, archivedAt: archived.archivedAt });

    expect(await round()).toEqual(inReview);
    expect((await pointers(created.itemId)).status).toBe("IN_REVIEW");
  });

  it("cannot undo an archive once the item has been restored since", async () => {
    const item = await createItem(h.db, { authorId: author.user.id, live: { title: "Restored first" } });
    const archived = await editor.api.editorial.archive({ itemId: item.id, reason: "No longer current." });
    await editor.api.editorial.restoreFromArchive({ itemId: item.id });
    await editor.api.editorial.archive({ itemId: item.id });
    const refused = await refusal(
      editor.api.editorial.undoArchive({ itemId: item.id, archivedAt: archived.archivedAt }),
    );
    expect(refused.message).toMatch(/changed since it was archived/);
    expect((await pointers(item.id)).status).toBe("ARCHIVED");
  });

  it("restores archived items as drafts in bulk, and refuses items that are not archived", async () => {
    const archived = await createItem(h.db, {
      authorId: author.user.id,
      status: "ARCHIVED",
      pending: { title: "Back again" },
    });
    const draftItem = await author.api.editorial.create(draft("Never archived"));

    const byAuthor = await author.api.editorial.bulk({ action: "restore", itemIds: [archived.id] });
    expect(byAuthor.failed[0]?.reason).toBe("Only an editor can restore archived content");

    const result = await editor.api.editorial.bulk({ action: "restore", itemIds: [archived.id, draftItem.itemId] });
    expect(result.succeeded.map((s) => s.title)).toEqual(["Back again"]);
    expect(result.failed.map((f) => f.reason)).toEqual(["Not archived: it is draft"]);
    const after = await pointers(archived.id);
    expect(after.status).toBe("DRAFT");
    expect(after.latestRevisionId).not.toBe(archived.pendingId);
    expect(await audits(archived.id, "content.restore")).toBe(1);
  });

  it("says an item is on the site from its scheduled instant, before the scheduler records it", async () => {
    const due = await createItem(h.db, {
      authorId: author.user.id,
      slug: "due-now",
      scheduled: { title: "Due a moment ago", publishAt: new Date(Date.now() - 1_000) },
    });
    const later = await createItem(h.db, {
      authorId: author.user.id,
      scheduled: { title: "Due later", publishAt: new Date(Date.now() + 3_600_000) },
    });
    const ended = await createItem(h.db, {
      authorId: author.user.id,
      live: { title: "Ended a moment ago" },
      unpublishAt: new Date(Date.now() - 1_000),
    });
    // Nothing has recorded the publication: the item's own pointer still says it is not live.
    expect((await pointers(due.id)).liveRevisionId).toBeNull();
    expect(await onSite("due-now")).toBe(true);

    expect((await listed(editor.api, "Due a moment ago"))?.isLive).toBe(true);
    expect((await listed(editor.api, "Due later"))?.isLive).toBe(false);
    expect((await listed(editor.api, "Ended a moment ago"))?.isLive).toBe(false);
    const view = await editor.api.editorial.item({ itemId: due.id });
    expect(view.onSite).toMatchObject({ id: due.scheduledId });
    expect(view.pendingSchedule).toBeNull();
    const revisions = await editor.api.editorial.revisions({ itemId: due.id });
    expect(revisions.revisions.map((r) => [r.isLive, r.isScheduled])).toEqual([[true, false]]);
    expect((await editor.api.editorial.revision({ revisionId: due.scheduledId ?? "" })).isOnSite).toBe(true);
    expect((await editor.api.editorial.item({ itemId: later.id })).pendingSchedule).toMatchObject({
      id: later.scheduledId,
    });
    expect((await editor.api.editorial.item({ itemId: ended.id })).onSite).toBeNull();
    const dashboard = await editor.api.editorial.dashboard();
    expect(dashboard.recentlyPublished.map((r) => r.id)).toContain(due.id);
    expect(dashboard.recentlyPublished.map((r) => r.id)).not.toContain(ended.id);
  });

  it("gives the selected items a new owner in bulk, editors only, and filters the list by review date", async () => {
    const first = await author.api.editorial.create(draft("Owner bulk one"));
    const second = await author.api.editorial.create(draft("Owner bulk two"));
    const ids = [first.itemId, second.itemId];
    const byAuthor = await author.api.editorial.bulk({ action: "assignOwner", itemIds: ids, ownerId: editor.user.id });
    expect(byAuthor.failed.map((f) => f.reason)).toEqual([
      "Only an editor can change who owns an item",
      "Only an editor can change who owns an item",
    ]);
    const noOwner = await refusal(editor.api.editorial.bulk({ action: "assignOwner", itemIds: ids, ownerId: "" }));
    expect(noOwner.form?.fieldErrors.ownerId).toBe(
      "Choose an owner from the list: an active administrator, editor or author",
    );
    const done = await editor.api.editorial.bulk({ action: "assignOwner", itemIds: ids, ownerId: otherAuthor.user.id });
    expect(done.succeeded.map((i) => i.id).sort()).toEqual([...ids].sort());
    const owners = await h.db.contentItem.findMany({ where: { id: { in: ids } }, select: { ownerId: true } });
    expect(owners.map((o) => o.ownerId)).toEqual([otherAuthor.user.id, otherAuthor.user.id]);
    expect(await audits(first.itemId, "content.reviewOwnership")).toBe(1);

    const now = Date.now();
    await h.db.contentItem.update({ where: { id: first.itemId }, data: { nextReviewDue: new Date(now - 86_400_000) } });
    await h.db.contentItem.update({
      where: { id: second.itemId },
      data: { nextReviewDue: new Date(now + 5 * 86_400_000) },
    });
    const titles = async (reviewDue: "overdue" | "soon") =>
      (await editor.api.editorial.list({ q: "Owner bulk", reviewDue })).items.map((i) => i.title);
    expect(await titles("overdue")).toEqual(["Owner bulk one"]);
    expect(await titles("soon")).toEqual(["Owner bulk two"]);
  });
});
