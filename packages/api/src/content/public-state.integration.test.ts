import { createComment, createItem, createUser, createWorkstream } from "@observatory/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { useHarness } from "../testing/harness.ts";

describe("content.publicState (what cached public pages depend on)", () => {
  const h = useHarness();
  let authorId: string;
  beforeAll(async () => {
    authorId = (await createUser(h.db, "AUTHOR")).id;
  });
  const state = async () => (await h.anonymous()).content.publicState();

  it("changes version when a visible item changes, and when a comment is approved, but not for a pending comment", async () => {
    const item = await createItem(h.db, { authorId, live: { title: "State" } });
    const v1 = (await state()).version;
    await createComment(h.db, { itemId: item.id, status: "PENDING" });
    expect((await state()).version).toBe(v1);
    const approved = await createComment(h.db, { itemId: item.id, status: "APPROVED" });
    const v2 = (await state()).version;
    expect(v2).not.toBe(v1);
    await h.db.comment.update({ where: { id: approved.id }, data: { status: "REJECTED" } });
    const v3 = (await state()).version;
    expect(v3).not.toBe(v2);
    await h.db.contentItem.update({ where: { id: item.id }, data: { commentsOpen: false } });
    expect((await state()).version).not.toBe(v3);
  });

  it("keeps its version when an approved comment changes only in what readers never see", async () => {
    const item = await createItem(h.db, { authorId, live: { title: "Unseen changes" } });
    const comment = await createComment(h.db, { itemId: item.id, status: "APPROVED" });
    const v1 = (await state()).version;
    // What the IP-hash purge and a moderator's note do.
    await h.db.comment.update({ where: { id: comment.id }, data: { ipHash: null, moderationNote: "Checked" } });
    await h.db.comment.update({ where: { id: comment.id }, data: { status: "APPROVED" } });
    expect((await state()).version).toBe(v1);
    await h.db.comment.update({ where: { id: comment.id }, data: { body: "Redacted [removed]" } });
    expect((await state()).version).not.toBe(v1);
  });

  it("changes version for everything else a public page shows, and not for what it never shows", async () => {
    const item = await createItem(h.db, { authorId, live: { title: "Elsewhere" } });
    const pending = await createComment(h.db, { itemId: item.id, status: "PENDING" });
    const approved = await createComment(h.db, { itemId: item.id, status: "APPROVED" });
    const changes: [string, () => Promise<unknown>, boolean][] = [
      ["a priority is added", () => createWorkstream(h.db), true],
      [
        "an old address is redirected",
        () => h.db.slugRedirect.create({ data: { fromSlug: `${item.slug}-old`, itemId: item.id } }),
        true,
      ],
      [
        "an author is renamed",
        () => h.db.user.update({ where: { id: authorId }, data: { name: "Renamed author" } }),
        true,
      ],
      [
        "an author's email changes",
        () => h.db.user.update({ where: { id: authorId }, data: { email: "renamed@observatory.test" } }),
        false,
      ],
      ["a pending comment is deleted", () => h.db.comment.delete({ where: { id: pending.id } }), false],
      ["an approved comment is deleted", () => h.db.comment.delete({ where: { id: approved.id } }), true],
      ["the spam rules change", () => h.db.setting.create({ data: { key: "comments.spamRules", value: {} } }), true],
      [
        "the IP hash retention changes",
        () => h.db.setting.create({ data: { key: "comments.ipHashRetentionDays", value: 30 } }),
        true,
      ],
      [
        "a setting readers never see changes",
        () => h.db.setting.create({ data: { key: "security.mfaRequiredRoles", value: ["ADMIN"] } }),
        false,
      ],
      ["a shown setting is removed", () => h.db.setting.delete({ where: { key: "comments.spamRules" } }), true],
    ];
    for (const [change, make, shown] of changes) {
      const before = (await state()).version;
      await make();
      expect((await state()).version !== before, change).toBe(shown);
    }
  });

  it("gives the next moment a schedule changes what is visible", async () => {
    const publishAt = new Date(Date.now() + 10 * 60_000);
    const unpublishAt = new Date(Date.now() + 5 * 60_000);
    await createItem(h.db, { authorId, scheduled: { title: "Later", publishAt } });
    expect((await state()).nextChangeAt?.getTime()).toBe(publishAt.getTime());
    await createItem(h.db, { authorId, live: { title: "Ending" }, unpublishAt });
    expect((await state()).nextChangeAt?.getTime()).toBe(unpublishAt.getTime());
  });
});
