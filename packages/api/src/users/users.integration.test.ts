import { hashPassword } from "../auth/password.ts";
import { describe, expect, it } from "vitest";
import { useHarness } from "../testing/harness.ts";

describe("managing users", () => {
  const h = useHarness();

  /** Leaves exactly the given users as the active administrators. */
  async function onlyAdmins(...ids: string[]) {
    await h.db.user.updateMany({ where: { role: "ADMIN", id: { notIn: ids } }, data: { disabledAt: new Date() } });
  }

  it("lists users with role, status and last sign-in, filtered and paged", async () => {
    const admin = await h.as("ADMIN");
    const { user: moderator } = await h.signedIn("MODERATOR", { fields: { name: "Zelda Moderator" } });
    await h.db.user.update({ where: { id: moderator.id }, data: { lastSignInAt: new Date() } });
    const all = await admin.users.list({});
    expect(all.total).toBeGreaterThanOrEqual(2);
    const found = await admin.users.list({ search: "zelda" });
    expect(found.users).toEqual([
      expect.objectContaining({
        id: moderator.id,
        role: "MODERATOR",
        disabledAt: null,
        lastSignInAt: expect.any(Date),
      }),
    ]);
    expect((await admin.users.list({ role: "MODERATOR" })).users.every((u) => u.role === "MODERATOR")).toBe(true);
    expect((await admin.users.list({ status: "disabled", search: "zelda" })).users).toEqual([]);
    const detail = await admin.users.byId({ id: moderator.id });
    expect(detail).toMatchObject({
      id: moderator.id,
      sessions: [expect.objectContaining({ device: "Unknown device" })],
    });
    expect(detail).not.toHaveProperty("passwordHash");
    expect(detail).not.toHaveProperty("totpSecret");
  });

  it("changes a role with effect on the user's very next request", async () => {
    const admin = await h.as("ADMIN");
    const { user, browser } = await h.signedIn("AUTHOR");
    await expect(browser.call((api) => api.users.list({}))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await admin.users.changeRole({ id: user.id, role: "ADMIN" });
    await expect(browser.call((api) => api.users.list({}))).resolves.toMatchObject({ page: 1 });
    await admin.users.changeRole({ id: user.id, role: "MODERATOR" });
    await expect(browser.call((api) => api.users.list({}))).rejects.toMatchObject({ code: "FORBIDDEN" });
    const events = await h.db.auditEvent.findMany({ where: { action: "user.roleChanged", targetId: user.id } });
    expect(events.map((e) => e.summary)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/from Author to Administrator/),
        expect.stringMatching(/from Administrator to Moderator/),
      ]),
    );
  });

  it("disables a user: their sessions end at once and they cannot sign in; re-enabling lets them back", async () => {
    const admin = await h.as("ADMIN");
    const password = "purple hedgehog in the garden";
    const { user, browser } = await h.signedIn("EDITOR");
    await h.db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(password) } });
    await admin.users.disable({ id: user.id });
    expect(await h.db.session.count({ where: { userId: user.id } })).toBe(0);
    await expect(browser.call((api) => api.account.overview())).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(h.browser().call((api) => api.auth.signIn({ email: user.email, password }))).rejects.toMatchObject({
      message: expect.stringMatching(/disabled/),
    });
    expect((await admin.users.list({ status: "disabled" })).users.map((u) => u.id)).toContain(user.id);

    await admin.users.enable({ id: user.id });
    await expect(h.browser().call((api) => api.auth.signIn({ email: user.email, password }))).resolves.toEqual({
      mfa: "satisfied",
    });
    expect(
      await h.db.auditEvent.count({ where: { targetId: user.id, action: { in: ["user.disabled", "user.enabled"] } } }),
    ).toBe(2);
  });

  it("never leaves the system without an active administrator", async () => {
    const { user: me, api } = await h.signedIn("ADMIN");
    await onlyAdmins(me.id);
    await expect(api.users.changeRole({ id: me.id, role: "EDITOR" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/only active administrator/),
    });
    await expect(api.users.disable({ id: me.id })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await h.db.user.findUniqueOrThrow({ where: { id: me.id } })).role).toBe("ADMIN");

    // With a second administrator, stepping down is allowed; demoting the last one is not.
    const { user: other } = await h.signedIn("ADMIN");
    await api.users.changeRole({ id: me.id, role: "EDITOR" });
    const { api: lastAdmin } = await h.sessionFor(other.id);
    await expect(lastAdmin.users.changeRole({ id: other.id, role: "AUTHOR" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(lastAdmin.users.disable({ id: other.id })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("lets only one of two administrators demote the other at the same moment", async () => {
    const a = await h.signedIn("ADMIN");
    const b = await h.signedIn("ADMIN");
    await onlyAdmins(a.user.id, b.user.id);
    const results = await Promise.allSettled([
      a.api.users.changeRole({ id: b.user.id, role: "EDITOR" }),
      b.api.users.changeRole({ id: a.user.id, role: "EDITOR" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await h.db.user.count({ where: { role: "ADMIN", disabledAt: null } })).toBe(1);
  });

  it("refuses to let an administrator disable their own account", async () => {
    const { user, api } = await h.signedIn("ADMIN");
    await h.signedIn("ADMIN");
    await expect(api.users.disable({ id: user.id })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "You cannot disable your own account.",
    });
  });

  it("ends all sessions of a user", async () => {
    const admin = await h.as("ADMIN");
    const { user, browser } = await h.signedIn("AUTHOR");
    await h.signedIn("AUTHOR");
    expect(await admin.users.endSessions({ id: user.id })).toEqual({ ended: 1 });
    await expect(browser.call((api) => api.account.overview())).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(await h.db.auditEvent.count({ where: { action: "user.sessionsEnded", targetId: user.id } })).toBe(1);
  });

  it("removes a user's authenticator app and recovery codes when they lose their phone", async () => {
    const admin = await h.as("ADMIN");
    const { user } = await h.signedIn("EDITOR");
    await h.db.user.update({ where: { id: user.id }, data: { totpSecret: "sealed", totpEnabledAt: new Date() } });
    await h.db.recoveryCode.create({ data: { userId: user.id, codeHash: "x" } });
    await admin.users.resetMfa({ id: user.id });
    expect(await h.db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      totpSecret: null,
      totpEnabledAt: null,
    });
    expect(await h.db.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect(await h.db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("answers NOT_FOUND for an unknown user and leaves nothing changed", async () => {
    const admin = await h.as("ADMIN");
    const before = await h.db.auditEvent.count();
    await expect(admin.users.changeRole({ id: "no-such-user", role: "EDITOR" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(admin.users.disable({ id: "no-such-user" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await h.db.auditEvent.count()).toBe(before);
  });
});
