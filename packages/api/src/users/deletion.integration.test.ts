import { createItem } from "@observatory/db/testing";
import { describe, expect, it } from "vitest";
import { toFormErrors } from "../form-errors.ts";
import { useHarness } from "../testing/harness.ts";

describe("deleting a departing person's account", () => {
  const h = useHarness();

  it("hands their items and drafts to the person chosen, keeps their history under their name, and frees the address", async () => {
    const { user: admin, api } = await h.signedIn("ADMIN", { fields: { name: "Ada Admin" } });
    const { user: leaver, browser: leaverBrowser } = await h.signedIn("AUTHOR", { fields: { name: "Lee Leaver" } });
    const heir = (await h.signedIn("EDITOR", { fields: { name: "Hana Heir" } })).user;
    const draft = await createItem(h.db, { authorId: leaver.id, pending: { title: "Leaver's draft" } });
    await h.db.revision.updateMany({ where: { itemId: draft.id }, data: { submittedAt: null } });
    const published = await createItem(h.db, { authorId: leaver.id, live: { title: "Leaver's published piece" } });
    await h.db.revision.updateMany({ where: { itemId: published.id }, data: { submittedAt: new Date() } });
    // Something the audit log records with the leaver as the one who did it.
    await leaverBrowser.call((a) => a.users.list({})).catch(() => null);
    expect(await h.db.auditEvent.count({ where: { actorId: leaver.id } })).toBe(1);
    const group = await api.workflows.createGroup({ name: "Leaver's reviewers", roles: [] });
    await api.workflows.addMember({ groupId: group.id, userId: leaver.id });

    const summary = await api.users.deletion({ id: leaver.id });
    expect(summary.counts).toEqual({ itemsCreated: 2, itemsOwned: 2, drafts: 1, sessions: 1, groups: 1 });
    expect(summary.candidates.map((c) => c.id)).toContain(heir.id);
    expect(summary.candidates.map((c) => c.id)).not.toContain(leaver.id);

    await expect(api.users.delete({ id: leaver.id, reassignTo: heir.id })).resolves.toMatchObject({
      name: "Lee Leaver",
      heir: "Hana Heir",
    });

    const items = await h.db.contentItem.findMany({ where: { id: { in: [draft.id, published.id] } } });
    expect(items.every((item) => item.createdById === heir.id && item.ownerId === heir.id)).toBe(true);
    expect((await h.db.revision.findFirstOrThrow({ where: { itemId: draft.id } })).authorId).toBe(heir.id);
    // A submitted revision is history: it stays the leaver's.
    expect((await h.db.revision.findFirstOrThrow({ where: { itemId: published.id } })).authorId).toBe(leaver.id);
    expect(await h.db.session.count({ where: { userId: leaver.id } })).toBe(0);
    expect(await h.db.reviewGroupMember.count({ where: { userId: leaver.id } })).toBe(0);
    await expect(leaverBrowser.call((a) => a.account.overview())).rejects.toMatchObject({ code: "UNAUTHORIZED" });

    const audit = await api.audit.list({ actorId: leaver.id });
    expect(audit.events.length).toBeGreaterThan(0);
    expect(audit.events.every((event) => event.actor?.name === "Lee Leaver")).toBe(true);
    const deleted = await h.db.auditEvent.findFirstOrThrow({ where: { action: "user.deleted", targetId: leaver.id } });
    expect(deleted).toMatchObject({ actorId: admin.id, summary: expect.stringContaining("Lee Leaver") });

    expect((await api.users.list({ search: "Lee Leaver" })).users).toEqual([]);
    await expect(api.users.byId({ id: leaver.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api.users.enable({ id: leaver.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // The address can be invited again.
    await expect(api.users.invite({ email: leaver.email, role: "AUTHOR" })).resolves.toMatchObject({
      email: leaver.email,
    });
  });

  it("refuses deleting yourself, the last administrator, or giving the content to someone who cannot own it", async () => {
    const { user: me, api } = await h.signedIn("ADMIN");
    const editor = (await h.signedIn("EDITOR")).user;
    const moderator = (await h.signedIn("MODERATOR")).user;
    const self = await api.users.delete({ id: me.id, reassignTo: editor.id }).catch((e: unknown) => e);
    expect(toFormErrors(self)?.fieldErrors).toEqual({
      reassignTo: "You cannot delete your own account. Ask another administrator.",
    });

    const other = (await h.signedIn("ADMIN")).user;
    await h.db.user.updateMany({ where: { role: "ADMIN", id: { not: other.id } }, data: { disabledAt: new Date() } });
    const last = await api.users.delete({ id: other.id, reassignTo: editor.id }).catch((e: unknown) => e);
    expect(toFormErrors(last)?.fieldErrors.reassignTo).toMatch(/only active administrator/);
    await h.db.user.update({ where: { id: me.id }, data: { disabledAt: null } });

    const noOwner = await api.users.delete({ id: editor.id, reassignTo: moderator.id }).catch((e: unknown) => e);
    expect(toFormErrors(noOwner)?.fieldErrors.reassignTo).toMatch(/Choose an owner from the list/);
    const nobody = await api.users.delete({ id: editor.id, reassignTo: "" }).catch((e: unknown) => e);
    expect(toFormErrors(nobody)?.fieldErrors.reassignTo).toBe("Choose who their content goes to");

    const rows = await h.db.user.findMany({ where: { id: { in: [me.id, other.id, editor.id] } } });
    expect(rows.every((row) => row.deletedAt === null)).toBe(true);
    expect(
      await h.db.auditEvent.count({
        where: { action: "user.deleted", targetId: { in: [me.id, other.id, editor.id] } },
      }),
    ).toBe(0);
  });

  it("lets no one but an administrator see what deleting would hand over, or delete", async () => {
    const target = (await h.signedIn("AUTHOR")).user;
    const heir = (await h.signedIn("EDITOR")).user;
    for (const role of ["MODERATOR", "EDITOR", "AUTHOR"] as const) {
      const api = await h.as(role);
      await expect(api.users.deletion({ id: target.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(api.users.delete({ id: target.id, reassignTo: heir.id })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    expect((await h.db.user.findUniqueOrThrow({ where: { id: target.id } })).deletedAt).toBeNull();
  });
});
