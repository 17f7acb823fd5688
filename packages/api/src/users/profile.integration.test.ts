import { hashPassword } from "../auth/password.ts";
import { describe, expect, it } from "vitest";
import { toFormErrors } from "../form-errors.ts";
import { useHarness } from "../testing/harness.ts";

const PASSWORD = "amber lantern over the harbour";
const linkIn = (text: string, path: string) => new RegExp(`/${path}/([\\w-]+)`).exec(text)?.[1] ?? "";

describe("an administrator editing a user's name and email address", () => {
  const h = useHarness();

  async function lastMailTo(to: string) {
    return h.db.emailMessage.findFirstOrThrow({ where: { to }, orderBy: { createdAt: "desc" } });
  }

  it("renames at once; a new address applies only when its link is opened, and the old one is told", async () => {
    const admin = await h.as("ADMIN");
    const { user, browser } = await h.signedIn("EDITOR", { fields: { name: "Ada Lovelace" } });
    const newEmail = `ada.king-${Date.now()}@observatory.test`;
    await expect(
      admin.users.updateProfile({ id: user.id, name: "Ada King", email: newEmail.toUpperCase() }),
    ).resolves.toEqual({ emailChangeSentTo: newEmail });

    expect(await h.db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      name: "Ada King",
      email: user.email,
    });
    const notice = await lastMailTo(user.email);
    expect(notice.text).toContain(newEmail);
    const confirmation = await lastMailTo(newEmail);
    const token = linkIn(confirmation.text, "email-change");
    expect((await admin.users.byId({ id: user.id })).emailChange).toMatchObject({ email: newEmail });

    const visitor = h.browser();
    expect(await visitor.call((api) => api.auth.emailChange({ token }))).toEqual({ status: "valid", email: newEmail });
    await visitor.call((api) => api.auth.confirmEmailChange({ token }));
    expect((await h.db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(newEmail);
    // The session goes on: the address is not how a signed-in person is known.
    await expect(browser.call((api) => api.account.overview())).resolves.toBeTruthy();
    await expect(visitor.call((api) => api.auth.confirmEmailChange({ token }))).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringMatching(/already been used/),
    });
    expect(
      (await h.db.auditEvent.findMany({ where: { targetId: user.id }, orderBy: { createdAt: "asc" } })).map(
        (e) => e.action,
      ),
    ).toEqual(["user.renamed", "user.emailChangeRequested", "user.emailChanged"]);
  });

  it("only the newest requested address can be confirmed", async () => {
    const admin = await h.as("ADMIN");
    const user = (await h.signedIn("AUTHOR")).user;
    const first = `first-${Date.now()}@observatory.test`;
    const second = `second-${Date.now()}@observatory.test`;
    await admin.users.updateProfile({ id: user.id, name: user.name, email: first });
    const firstToken = linkIn((await lastMailTo(first)).text, "email-change");
    await admin.users.updateProfile({ id: user.id, name: user.name, email: second });
    await expect(h.browser().call((api) => api.auth.emailChange({ token: firstToken }))).resolves.toEqual({
      status: "revoked",
    });
  });

  it("refuses an address another account has, beside the field, changing nothing", async () => {
    const admin = await h.as("ADMIN");
    const user = (await h.signedIn("AUTHOR", { fields: { name: "Grace Hopper" } })).user;
    const other = (await h.signedIn("EDITOR")).user;
    const mailBefore = await h.db.emailMessage.count();
    const error = await admin.users
      .updateProfile({ id: user.id, name: "Grace B. Hopper", email: other.email })
      .catch((e: unknown) => e);
    expect(toFormErrors(error)?.fieldErrors).toEqual({ email: "There is already an account with this email address" });
    expect((await h.db.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("Grace Hopper");
    expect(await h.db.emailMessage.count()).toBe(mailBefore);

    const blank = await admin.users.updateProfile({ id: user.id, name: " ", email: "not an address" }).catch((e) => e);
    expect(toFormErrors(blank)?.fieldErrors).toEqual({
      name: "Enter their full name",
      email: "Enter an email address in the correct format, like name@example.com",
    });
  });

  it("sends a password reset link the user can use, recorded in the audit log", async () => {
    const admin = await h.as("ADMIN");
    const user = (await h.signedIn("MODERATOR")).user;
    await admin.users.sendPasswordReset({ id: user.id });
    const token = linkIn((await lastMailTo(user.email)).text, "password-reset");
    await h.browser().call((api) => api.auth.resetPassword({ token, password: PASSWORD, confirmPassword: PASSWORD }));
    await expect(
      h.browser().call((api) => api.auth.signIn({ email: user.email, password: PASSWORD })),
    ).resolves.toEqual({ mfa: "satisfied" });
    expect(await h.db.auditEvent.count({ where: { action: "user.passwordResetSent", targetId: user.id } })).toBe(1);

    await admin.users.disable({ id: user.id });
    await expect(admin.users.sendPasswordReset({ id: user.id })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/disabled/),
    });
  });

  it("sends an invitation again with a new link; the old link stops working", async () => {
    const admin = await h.as("ADMIN");
    const email = `invitee-${Date.now()}@observatory.test`;
    const invitation = await admin.users.invite({ email, role: "AUTHOR" });
    const oldToken = linkIn((await lastMailTo(email)).text, "invitations");
    await admin.users.resendInvitation({ id: invitation.id });
    const newToken = linkIn((await lastMailTo(email)).text, "invitations");
    expect(newToken).not.toBe(oldToken);
    const visitor = h.browser();
    expect(await visitor.call((api) => api.auth.invitation({ token: oldToken }))).toEqual({ status: "revoked" });
    expect(await visitor.call((api) => api.auth.invitation({ token: newToken }))).toMatchObject({ status: "valid" });
    const pending = await admin.users.invitations();
    expect(pending.filter((i) => i.email === email)).toHaveLength(1);

    const [current] = pending.filter((i) => i.email === email);
    await admin.users.revokeInvitation({ id: current?.id ?? "" });
    await expect(admin.users.resendInvitation({ id: current?.id ?? "" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(admin.users.resendInvitation({ id: invitation.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lets no one but an administrator edit users, send them resets or resend invitations", async () => {
    const target = (await h.signedIn("AUTHOR", { fields: { name: "Kept Name" } })).user;
    await h.db.user.update({ where: { id: target.id }, data: { passwordHash: await hashPassword(PASSWORD) } });
    const mailBefore = await h.db.emailMessage.count();
    for (const role of ["MODERATOR", "EDITOR", "AUTHOR"] as const) {
      const api = await h.as(role);
      await expect(
        api.users.updateProfile({ id: target.id, name: "Changed", email: "changed@observatory.test" }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(api.users.sendPasswordReset({ id: target.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(api.users.resendInvitation({ id: "any" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await h.db.user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({
      name: "Kept Name",
      email: target.email,
    });
    expect(await h.db.emailMessage.count()).toBe(mailBefore);
  });
});
