import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toFormErrors } from "../form-errors.ts";
import { createMailer } from "../mail/mailer.ts";
import { smtpTransport } from "../mail/transport.ts";
import { useHarness } from "../testing/harness.ts";
import { type SmtpCapture, startSmtpCapture } from "../testing/smtp-capture.ts";

let smtp: SmtpCapture;
beforeAll(async () => {
  smtp = await startSmtpCapture();
});
afterAll(async () => {
  await smtp.close();
});

const PASSWORD = "copper kettle by the window";
const linkIn = (text: string) => /http:\/\/localhost:3001\/invitations\/([\w-]+)/.exec(text)?.[1] ?? "";

describe("inviting staff", () => {
  const h = useHarness({
    mailer: (db) =>
      createMailer(
        db,
        smtpTransport({ host: "127.0.0.1", port: smtp.port, secure: false, from: "admin@observatory.test" }),
      ),
  });

  async function invite(email: string, role: "ADMIN" | "EDITOR" | "AUTHOR" | "MODERATOR" = "AUTHOR") {
    const admin = await h.signedIn("ADMIN", { fields: { name: "Ada Admin" } });
    await admin.api.users.invite({ email, role });
    const mail = await smtp.waitFor((m) => m.to.includes(email.toLowerCase()));
    return { admin, mail, token: linkIn(mail.text) };
  }

  it("emails a single-use link through SMTP; the invitee sets name and password and gets the invited role", async () => {
    const email = `New.Person-${Date.now()}@Example.org`;
    const { admin, mail, token } = await invite(email, "EDITOR");
    expect(mail.subject).toBe("You have been invited to the NHS Race and Health Observatory admin");
    expect(mail.text).toContain("Ada Admin has invited you");
    expect(mail.text).toContain("as an editor");
    expect(token).toHaveLength(43);
    // Only the hash of the token is stored.
    expect(JSON.stringify(await h.db.authToken.findMany())).not.toContain(token);
    expect(await admin.api.users.invitations()).toEqual(
      expect.arrayContaining([expect.objectContaining({ email: email.toLowerCase(), role: "EDITOR" })]),
    );

    const visitor = await h.anonymous();
    expect(await visitor.auth.invitation({ token })).toEqual({
      status: "valid",
      email: email.toLowerCase(),
      role: "EDITOR",
      invitedBy: "Ada Admin",
    });
    await visitor.auth.acceptInvitation({ token, name: "New Person", password: PASSWORD, confirmPassword: PASSWORD });
    const user = await h.db.user.findUniqueOrThrow({ where: { email: email.toLowerCase() } });
    expect(user).toMatchObject({ name: "New Person", role: "EDITOR", disabledAt: null });

    // The link works once.
    expect(await visitor.auth.invitation({ token })).toEqual({ status: "used" });
    await expect(
      visitor.auth.acceptInvitation({ token, name: "Someone Else", password: PASSWORD, confirmPassword: PASSWORD }),
    ).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringMatching(/already been used/) });

    // The new account signs in.
    await expect(visitor.auth.signIn({ email, password: PASSWORD })).resolves.toEqual({ mfa: "satisfied" });
    expect(await h.db.auditEvent.count({ where: { action: "user.invited" } })).toBeGreaterThan(0);
    expect(await h.db.auditEvent.count({ where: { action: "user.invitationAccepted", targetId: user.id } })).toBe(1);
  });

  it("refuses weak passwords with a message per field, and keeps the invitation usable", async () => {
    const email = `weak-${Date.now()}@example.org`;
    const { token } = await invite(email);
    const visitor = await h.anonymous();
    const missingName = await visitor.auth
      .acceptInvitation({ token, name: " ", password: PASSWORD, confirmPassword: PASSWORD })
      .then(() => null, toFormErrors);
    expect(missingName).toEqual({ formError: null, fieldErrors: { name: "Enter your full name" } });
    const mismatched = await visitor.auth
      .acceptInvitation({ token, name: "Weak Person", password: email, confirmPassword: "something else" })
      .then(() => null, toFormErrors);
    expect(mismatched?.fieldErrors).toEqual({
      password: "Your password must not contain your email address",
      confirmPassword: "The passwords do not match",
    });
    const tooCommon = await visitor.auth
      .acceptInvitation({ token, name: "Weak Person", password: "Password123456", confirmPassword: "Password123456" })
      .then(() => null, toFormErrors);
    expect(tooCommon?.fieldErrors).toEqual({ password: expect.stringMatching(/too easy to guess/) });
    expect(await visitor.auth.invitation({ token })).toMatchObject({ status: "valid" });
  });

  it("gives a clear answer for an expired, withdrawn or unknown link", async () => {
    const email = `expired-${Date.now()}@example.org`;
    const { admin, token } = await invite(email);
    const visitor = await h.anonymous();
    await h.db.authToken.updateMany({ where: { email }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await visitor.auth.invitation({ token })).toEqual({ status: "expired" });
    await expect(
      visitor.auth.acceptInvitation({ token, name: "Late Person", password: PASSWORD, confirmPassword: PASSWORD }),
    ).rejects.toMatchObject({ message: expect.stringMatching(/expired/) });
    expect(await visitor.auth.invitation({ token: "no-such-token" })).toEqual({ status: "invalid" });

    // Inviting again withdraws the older link; the administrator can also withdraw the new one.
    await admin.api.users.invite({ email, role: "MODERATOR" });
    const fresh = await smtp.waitFor((m) => m.to.includes(email) && linkIn(m.text) !== token);
    const freshToken = linkIn(fresh.text);
    const [pending] = (await admin.api.users.invitations()).filter((i) => i.email === email);
    await admin.api.users.revokeInvitation({ id: pending?.id ?? "" });
    expect(await visitor.auth.invitation({ token: freshToken })).toEqual({ status: "revoked" });
  });

  it("will not invite an address that already has an account", async () => {
    const admin = await h.as("ADMIN");
    const existing = await h.signedIn("AUTHOR");
    const error = await admin.users.invite({ email: existing.user.email, role: "AUTHOR" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "CONFLICT" });
    expect(toFormErrors(error)?.fieldErrors).toEqual({ email: "There is already an account with this email address" });
  });

  it("lets only one of two simultaneous acceptances through", async () => {
    const email = `race-${Date.now()}@example.org`;
    const { token } = await invite(email);
    const visitor = await h.anonymous();
    const results = await Promise.allSettled([
      visitor.auth.acceptInvitation({ token, name: "First", password: PASSWORD, confirmPassword: PASSWORD }),
      visitor.auth.acceptInvitation({ token, name: "Second", password: PASSWORD, confirmPassword: PASSWORD }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await h.db.user.count({ where: { email } })).toBe(1);
  });
});
