import type { CommentStatus, Role } from "@observatory/db";
import { createComment, createItem, createUser } from "@observatory/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { useHarness } from "../testing/harness.ts";
import { runIfDue } from "../jobs/runner.ts";
import { purgeTrashJob, TRASH_DAYS } from "./trash.ts";

// The trash (restorable for 30 days, then purged), emptying spam and the trash, editing a comment,
// the pending badge's count, the sender's other comments and each moderator's queue view.

describe("the comment trash", () => {
  const h = useHarness();
  let itemId: string;
  let slug: string;

  beforeAll(async () => {
    const authorId = (await createUser(h.db, "AUTHOR")).id;
    const item = await createItem(h.db, { authorId, live: { title: "Trash article" } });
    itemId = item.id;
    slug = item.slug;
  });

  const comment = async (status: CommentStatus, fields: { body?: string; email?: string; name?: string } = {}) => {
    const created = await createComment(h.db, {
      itemId,
      status: status === "TRASH" ? "PENDING" : status,
      ...(status === "APPROVED" ? { approvedAt: new Date() } : {}),
      ...fields,
    });
    return h.db.comment.findUniqueOrThrow({ where: { id: created.id } });
  };
  const seen = (c: { id: string; status: CommentStatus; updatedAt: Date }) => ({
    id: c.id,
    status: c.status,
    updatedAt: c.updatedAt,
  });
  const current = (id: string) => h.db.comment.findUnique({ where: { id } });
  const publicBodies = async () => {
    const article = await (await h.anonymous()).content.article({ section: "news", slug });
    if (article.kind !== "item") throw new Error("expected the article");
    return article.comments.map((c) => c.body);
  };

  it.each<Role>(["MODERATOR", "EDITOR", "ADMIN"])(
    "a %s moves an approved comment to the trash, off the public page, and restores it as it was",
    async (role) => {
      const { api, user } = await h.signedIn(role);
      const approved = await comment("APPROVED", { body: `Trashed by ${role}` });
      await api.moderation.trash(seen(approved));
      const trashed = await h.db.comment.findUniqueOrThrow({ where: { id: approved.id } });
      expect(trashed).toMatchObject({ status: "TRASH", statusBeforeTrash: "APPROVED" });
      expect(trashed.trashedAt).toBeInstanceOf(Date);
      expect(await publicBodies()).not.toContain(`Trashed by ${role}`);
      expect((await api.moderation.queue({ status: "TRASH" })).rows.map((r) => r.id)).toContain(approved.id);

      await api.moderation.restore(seen(trashed));
      expect(await current(approved.id)).toMatchObject({
        status: "APPROVED",
        trashedAt: null,
        statusBeforeTrash: null,
      });
      expect(await publicBodies()).toContain(`Trashed by ${role}`);
      const events = await h.db.auditEvent.findMany({
        where: { targetId: approved.id },
        orderBy: { createdAt: "asc" },
      });
      expect(events.map((e) => [e.action, e.actorId])).toEqual([
        ["comment.trashed", user.id],
        ["comment.restored", user.id],
      ]);
    },
  );

  it("an author can neither trash nor restore, and nothing changes", async () => {
    const api = await h.as("AUTHOR");
    const pending = await comment("PENDING");
    await expect(api.moderation.trash(seen(pending))).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await current(pending.id)).toMatchObject({ status: "PENDING", trashedAt: null });
  });

  it("refuses to decide a comment in the trash before it is restored, and to restore one that is not there", async () => {
    const api = await h.as("MODERATOR");
    const pending = await comment("PENDING");
    await expect(api.moderation.restore(seen(pending))).rejects.toMatchObject({
      code: "CONFLICT",
      message: "This comment is not in the trash: it is pending.",
    });
    await api.moderation.trash(seen(pending));
    const trashed = await h.db.comment.findUniqueOrThrow({ where: { id: pending.id } });
    await expect(api.moderation.approve(seen(trashed))).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await current(pending.id)).toMatchObject({ status: "TRASH", statusBeforeTrash: "PENDING" });
  });

  it("trashes and restores in bulk, each comment back to its own status", async () => {
    const api = await h.as("MODERATOR");
    const [a, b] = [await comment("PENDING"), await comment("REJECTED")];
    const moved = await api.moderation.moderateMany({ action: "trash", comments: [seen(a), seen(b)] });
    expect(moved.succeeded.sort()).toEqual([a.id, b.id].sort());
    const trashed = await h.db.comment.findMany({ where: { id: { in: [a.id, b.id] } } });
    await api.moderation.moderateMany({ action: "restore", comments: trashed.map(seen) });
    expect((await current(a.id))?.status).toBe("PENDING");
    expect((await current(b.id))?.status).toBe("REJECTED");
  });

  it(`purges, once, the comments trashed more than ${TRASH_DAYS} days ago, and audits it`, async () => {
    const api = await h.as("MODERATOR");
    const [old, recent] = [await comment("PENDING"), await comment("PENDING")];
    await api.moderation.moderateMany({ action: "trash", comments: [seen(old), seen(recent)] });
    const now = new Date();
    await h.db.comment.update({
      where: { id: old.id },
      data: { trashedAt: new Date(now.getTime() - (TRASH_DAYS * 86_400_000 + 60_000)) },
    });
    const runs = await Promise.all([runIfDue(h.db, purgeTrashJob, now), runIfDue(h.db, purgeTrashJob, now)]);
    expect(runs.filter(Boolean)).toEqual(["deleted 1 comments kept in the trash for 30 days"]);
    expect(await current(old.id)).toBeNull();
    expect(await current(recent.id)).not.toBeNull();
    const event = await h.db.auditEvent.findFirstOrThrow({ where: { action: "comment.trashPurged" } });
    expect(event).toMatchObject({ actorId: null, data: { count: 1 } });
  });

  it("empties the spam: only what was there when the count was shown, only for editors and administrators", async () => {
    const moderator = await h.as("MODERATOR");
    const { api: editor, user } = await h.signedIn("EDITOR");
    await Promise.all([comment("SPAM"), comment("SPAM")]);
    const pendingOne = await comment("PENDING");
    await expect(moderator.moderation.emptiable({ status: "SPAM" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const { count, asOf } = await editor.moderation.emptiable({ status: "SPAM" });
    expect(count).toBe(await h.db.comment.count({ where: { status: "SPAM" } }));
    await expect(moderator.moderation.empty({ status: "SPAM", asOf })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await h.db.comment.count({ where: { status: "SPAM" } })).toBe(count);

    await new Promise((resolve) => setTimeout(resolve, 5));
    const arrivedLater = await comment("SPAM");
    expect(await editor.moderation.empty({ status: "SPAM", asOf })).toEqual({ count });
    expect((await h.db.comment.findMany({ where: { status: "SPAM" } })).map((c) => c.id)).toEqual([arrivedLater.id]);
    expect(await current(pendingOne.id)).not.toBeNull();
    expect(await h.db.auditEvent.findFirstOrThrow({ where: { action: "comment.spamEmptied" } })).toMatchObject({
      actorId: user.id,
      summary: `Emptied the spam: ${count} comments deleted permanently`,
    });
  });

  it("empties the trash", async () => {
    const api = await h.as("ADMIN");
    const pending = await comment("PENDING");
    await api.moderation.trash(seen(pending));
    const { count, asOf } = await api.moderation.emptiable({ status: "TRASH" });
    expect(count).toBeGreaterThanOrEqual(1);
    expect(await api.moderation.empty({ status: "TRASH", asOf })).toEqual({ count });
    expect(await h.db.comment.count({ where: { status: "TRASH" } })).toBe(0);
    await expect(api.moderation.empty({ status: "PENDING" as "SPAM", asOf })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("edits a comment's text and shown name, keeping both as they were in the audit trail", async () => {
    const { api, user } = await h.signedIn("MODERATOR");
    const approved = await comment("APPROVED", { body: "Teh original words", name: "Ada Reader" });
    await api.moderation.edit({ ...seen(approved), body: "The corrected words", authorName: "Ada R." });
    expect(await current(approved.id)).toMatchObject({ body: "The corrected words", authorName: "Ada R." });
    expect(await publicBodies()).toContain("The corrected words");
    const event = await h.db.auditEvent.findFirstOrThrow({
      where: { action: "comment.edited", targetId: approved.id },
    });
    expect(event).toMatchObject({
      actorId: user.id,
      summary: "Edited the text and name of a comment by Ada Reader",
      data: {
        originalBody: "Teh original words",
        body: "The corrected words",
        originalAuthorName: "Ada Reader",
        authorName: "Ada R.",
      },
    });
  });

  it("refuses an edit that is empty, too long, stale or changes nothing, changing nothing", async () => {
    const api = await h.as("MODERATOR");
    const pending = await comment("PENDING", { body: "Stays", name: "Bo" });
    await expect(api.moderation.edit({ ...seen(pending), body: " ", authorName: "Bo" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(
      api.moderation.edit({ ...seen(pending), body: "x".repeat(2001), authorName: "Bo" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(api.moderation.edit({ ...seen(pending), body: "Stays", authorName: "Bo" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Nothing was changed.",
    });
    await api.moderation.approve(seen(pending));
    await expect(api.moderation.edit({ ...seen(pending), body: "Changed", authorName: "Bo" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await current(pending.id)).toMatchObject({ body: "Stays", authorName: "Bo" });
    const author = await h.as("AUTHOR");
    await expect(author.moderation.edit({ ...seen(pending), body: "Changed", authorName: "Bo" })).rejects.toMatchObject(
      { code: "FORBIDDEN" },
    );
  });

  it("erasing a commenter's data removes an edit's old text and old name from the trail", async () => {
    const api = await h.as("ADMIN");
    const pending = await comment("PENDING", { body: "My words", name: "Cy Old", email: "cy@example.org" });
    await api.moderation.edit({ ...seen(pending), body: "My words, corrected", authorName: "Cy New" });
    await api.moderation.eraseByEmail({ email: "cy@example.org", mode: "delete" });
    const event = await h.db.auditEvent.findFirstOrThrow({ where: { action: "comment.edited", targetId: pending.id } });
    expect(JSON.stringify(event)).not.toMatch(/Cy Old|Cy New|My words/);
    expect(event.data).toEqual({ textErased: true });
  });

  it("counts pending comments for the navigation badge, and lists a sender's other comments, pending ones too", async () => {
    const api = await h.as("MODERATOR");
    const before = await api.moderation.pendingCount();
    const first = await comment("PENDING", { email: "dee@example.org", body: "First from Dee" });
    await comment("PENDING", { email: "dee@example.org", body: "Second from Dee" });
    await comment("APPROVED", { email: "dee@example.org" });
    expect(await api.moderation.pendingCount()).toBe(before + 2);
    const row = await api.moderation.comment({ id: first.id });
    expect(row.otherComments).toEqual({ email: "dee@example.org", pending: 1, approved: 1, rejected: 0, spam: 0 });
    const theirs = await api.moderation.queue({ email: "DEE@example.org" });
    expect(theirs.rows.map((r) => r.body).sort()).toEqual(["First from Dee", "Second from Dee"]);
    await expect((await h.as("AUTHOR")).moderation.pendingCount()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("keeps each moderator's choice of view and page size, and refuses other sizes", async () => {
    const { api, user } = await h.signedIn("MODERATOR");
    const other = await h.as("MODERATOR");
    expect(await api.moderation.queueView()).toEqual({ view: "CARDS", pageSize: 25 });
    await api.moderation.setQueueView({ view: "TABLE", pageSize: 50 });
    expect(await api.moderation.queueView()).toEqual({ view: "TABLE", pageSize: 50 });
    expect(await other.moderation.queueView()).toEqual({ view: "CARDS", pageSize: 25 });
    await expect(api.moderation.setQueueView({ view: "TABLE", pageSize: 7 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await api.moderation.queueView()).toEqual({ view: "TABLE", pageSize: 50 });
    expect(await h.db.auditEvent.count({ where: { action: "account.preferencesChanged", targetId: user.id } })).toBe(1);
  });
});
