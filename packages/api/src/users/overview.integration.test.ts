import { describe, expect, it } from "vitest";
import { hashPassword } from "../auth/password.ts";
import { hashIp } from "../request-meta.ts";
import { useHarness } from "../testing/harness.ts";

const FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";

describe("a user's page", () => {
  const h = useHarness();

  it("shows their sessions by device, last use and the start of the IP hash, and ends one of them", async () => {
    const api = await h.as("ADMIN");
    const { user } = await h.signedIn("EDITOR");
    const laptop = h.browser("198.51.100.7", { "user-agent": FIREFOX });
    await h.db.user.update({
      where: { id: user.id },
      data: { passwordHash: await hashPassword("a long enough phrase") },
    });
    await laptop.call((a) => a.auth.signIn({ email: user.email, password: "a long enough phrase" }));

    const { sessions } = await api.users.byId({ id: user.id });
    expect(sessions).toHaveLength(2);
    const firefox = sessions.find((s) => s.device === "Firefox 128 on Windows 10");
    expect(firefox).toMatchObject({ place: hashIp("198.51.100.7").slice(0, 6), lastSeenAt: expect.any(Date) });
    expect(JSON.stringify(sessions)).not.toContain(hashIp("198.51.100.7"));

    await api.users.endSession({ id: user.id, sessionId: firefox?.id ?? "" });
    await expect(laptop.call((a) => a.account.overview())).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect((await api.users.byId({ id: user.id })).sessions).toHaveLength(1);
    await expect(api.users.endSession({ id: user.id, sessionId: firefox?.id ?? "" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    // Another user's session cannot be ended through this user.
    const other = await h.signedIn("AUTHOR");
    const [otherSession] = (await api.users.byId({ id: other.user.id })).sessions;
    await expect(api.users.endSession({ id: user.id, sessionId: otherSession?.id ?? "" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(other.browser.call((a) => a.account.overview())).resolves.toBeTruthy();
    expect(await h.db.auditEvent.count({ where: { action: "user.sessionEnded", targetId: user.id } })).toBe(1);
  });

  it("updates a session's last use as it is used, a few minutes at most behind", async () => {
    const { user, browser } = await h.signedIn("AUTHOR");
    const old = new Date(Date.now() - 60 * 60 * 1000);
    await h.db.session.updateMany({ where: { userId: user.id }, data: { lastSeenAt: old } });
    await browser.call((a) => a.account.overview());
    const [session] = await h.db.session.findMany({ where: { userId: user.id } });
    expect(session?.lastSeenAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it("shows their review groups, named or by role, their authenticator state and their latest actions", async () => {
    const { api } = await h.signedIn("ADMIN");
    const { user } = await h.signedIn("EDITOR");
    const named = await api.workflows.createGroup({ name: "Data checkers", roles: [] });
    await api.workflows.addMember({ groupId: named.id, userId: user.id });
    await api.workflows.createGroup({ name: "All editors", roles: ["EDITOR"] });
    for (let n = 1; n <= 12; n += 1) {
      await h.db.auditEvent.create({
        data: { actorId: user.id, action: "content.saved", targetType: "ContentItem", summary: `Saved draft ${n}` },
      });
    }

    const page = await api.users.byId({ id: user.id });
    expect(page.groups).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: "Data checkers", through: "Named member" }),
        expect.objectContaining({ name: "All editors", through: "As editor" }),
      ]),
    );
    expect(page).toMatchObject({ totpEnabledAt: null, recoveryCodesLeft: 0, emailChange: null });
    const actions = await h.db.auditEvent.findMany({
      where: { actorId: user.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    });
    expect(page.recentActions.map((a) => a.id)).toEqual(actions.slice(0, 10).map((a) => a.id));
    expect(page.recentActions[0]?.summary).toBe("Saved draft 12");
    expect(page.hasMoreActions).toBe(true);
  });

  it("is for administrators only", async () => {
    const { user } = await h.signedIn("AUTHOR");
    for (const role of ["MODERATOR", "EDITOR", "AUTHOR"] as const) {
      const api = await h.as(role);
      await expect(api.users.byId({ id: user.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(api.users.endSessions({ id: user.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await h.db.session.count({ where: { userId: user.id } })).toBe(1);
  });
});
