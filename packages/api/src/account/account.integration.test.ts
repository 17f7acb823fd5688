import { hashPassword } from "../auth/password.ts";
import { describe, expect, it } from "vitest";
import { toFormErrors } from "../form-errors.ts";
import { useHarness } from "../testing/harness.ts";

const PASSWORD = "amber lantern over the harbour";

describe("one's own account", () => {
  const h = useHarness();

  async function staff() {
    const signed = await h.signedIn("AUTHOR", { fields: { name: "Rosa Author" } });
    await h.db.user.update({ where: { id: signed.user.id }, data: { passwordHash: await hashPassword(PASSWORD) } });
    return signed;
  }

  it("shows the account with its active sessions", async () => {
    const { user, api } = await staff();
    await h.sessionFor(user.id);
    expect(await api.account.overview()).toMatchObject({ name: "Rosa Author", role: "AUTHOR", activeSessions: 2 });
  });

  it("changes the password after checking the current one, and ends the other sessions only", async () => {
    const { user, browser } = await staff();
    const other = await h.sessionFor(user.id);
    const wrong = await browser
      .call((api) => api.account.changePassword({ currentPassword: "nope", password: "x", confirmPassword: "x" }))
      .then(() => null, toFormErrors);
    expect(wrong?.fieldErrors).toEqual({ currentPassword: "Your current password is not correct" });
    const same = await browser
      .call((api) =>
        api.account.changePassword({ currentPassword: PASSWORD, password: PASSWORD, confirmPassword: PASSWORD }),
      )
      .then(() => null, toFormErrors);
    expect(same?.fieldErrors).toEqual({ password: "Your new password must be different from your current password" });

    const next = "a quiet lighthouse keeper";
    await browser.call((api) =>
      api.account.changePassword({ currentPassword: PASSWORD, password: next, confirmPassword: next }),
    );
    await expect(browser.call((api) => api.account.overview())).resolves.toMatchObject({ activeSessions: 1 });
    await expect(other.browser.call((api) => api.account.overview())).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(await h.db.auditEvent.count({ where: { action: "account.passwordChanged", targetId: user.id } })).toBe(1);
  });

  it("signs out everywhere, this browser included", async () => {
    const { user, browser } = await staff();
    const other = await h.sessionFor(user.id);
    await browser.call((api) => api.account.signOutEverywhere());
    expect(browser.cookie).toBeNull();
    expect(await h.db.session.count({ where: { userId: user.id } })).toBe(0);
    await expect(other.browser.call((api) => api.account.overview())).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("keeps the keyboard shortcuts setting with the person, on until they turn it off, and audits the change", async () => {
    const { user, api } = await staff();
    const other = await h.signedIn("MODERATOR");
    expect(await api.account.preferences()).toEqual({ keyboardShortcuts: true });
    await api.account.setPreferences({ keyboardShortcuts: false });
    expect(await api.account.preferences()).toEqual({ keyboardShortcuts: false });
    expect(await api.account.overview()).toMatchObject({ keyboardShortcuts: false });
    expect(await other.api.account.preferences()).toEqual({ keyboardShortcuts: true });
    expect(await h.db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ keyboardShortcuts: false });
    expect(await h.db.auditEvent.count({ where: { action: "account.preferencesChanged", targetId: user.id } })).toBe(1);
    await api.account.setPreferences({ keyboardShortcuts: true });
    expect(await api.account.preferences()).toEqual({ keyboardShortcuts: true });
  });

  it("refuses a setting that is not on or off, and changes nothing", async () => {
    const { user, api } = await staff();
    // @ts-expect-error: what a crafted request could send
    await expect(api.account.setPreferences({ keyboardShortcuts: "no" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await h.db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ keyboardShortcuts: true });
  });
});
