import { hashPassword } from "./password.ts";
import { createUser } from "@observatory/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toFormErrors } from "../form-errors.ts";
import { createMailer } from "../mail/mailer.ts";
import { smtpTransport } from "../mail/transport.ts";
import { hashIp } from "../request-meta.ts";
import { useHarness } from "../testing/harness.ts";
import { type SmtpCapture, startSmtpCapture } from "../testing/smtp-capture.ts";
import { throttleKey } from "./sign-in-throttle.ts";

let smtp: SmtpCapture;
beforeAll(async () => {
  smtp = await startSmtpCapture();
});
afterAll(async () => {
  await smtp.close();
});

const OLD_PASSWORD = "amber lantern over the harbour";
const NEW_PASSWORD = "seven gulls on a slate roof";
const tokenIn = (text: string) => /\/password-reset\/([\w-]+)/.exec(text)?.[1] ?? "";

describe("resetting a password by email", () => {
  const h = useHarness({
    mailer: (db) =>
      createMailer(db, smtpTransport({ host: "127.0.0.1", port: smtp.port, secure: false, from: "a@b.test" })),
  });
  let counter = 0;

  async function staff() {
    counter += 1;
    const user = await createUser(h.db, "EDITOR", { email: `reset-${counter}-${Date.now()}@observatory.test` });
    await h.db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(OLD_PASSWORD) } });
    return user;
  }

  it("emails a link; the new password works, the old one does not, and every other session ends", async () => {
    const user = await staff();
    const elsewhere = await h.sessionFor(user.id);
    const visitor = h.browser("198.51.100.60");
    await visitor.call((api) => api.auth.requestPasswordReset({ email: user.email }));
    const mail = await smtp.waitFor((m) => m.to.includes(user.email));
    expect(mail.subject).toBe("Reset your password for the NHS Race and Health Observatory admin");
    const token = tokenIn(mail.text);

    expect(await visitor.call((api) => api.auth.passwordReset({ token }))).toEqual({
      status: "valid",
      email: user.email,
    });
    await visitor.call((api) =>
      api.auth.resetPassword({ token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }),
    );

    await expect(elsewhere.browser.call((api) => api.account.overview())).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    await expect(
      visitor.call((api) => api.auth.signIn({ email: user.email, password: OLD_PASSWORD })),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(
      visitor.call((api) => api.auth.signIn({ email: user.email, password: NEW_PASSWORD })),
    ).resolves.toEqual({
      mfa: "satisfied",
    });
    // Single use.
    expect(await visitor.call((api) => api.auth.passwordReset({ token }))).toEqual({ status: "used" });
    await expect(
      visitor.call((api) => api.auth.resetPassword({ token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })),
    ).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    expect(await h.db.auditEvent.count({ where: { action: "auth.passwordReset", targetId: user.id } })).toBe(1);
  });

  it("answers the same for an address with no account, and sends nothing", async () => {
    const anonymous = await h.anonymous("198.51.100.61");
    const email = `nobody-${Date.now()}@observatory.test`;
    await expect(anonymous.auth.requestPasswordReset({ email })).resolves.toEqual({ requested: true });
    expect(await h.db.emailMessage.count({ where: { to: email } })).toBe(0);
    expect(await h.db.authToken.count({ where: { email } })).toBe(0);
  });

  it("sends nothing to a disabled account", async () => {
    const user = await staff();
    await h.db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    await (await h.anonymous("198.51.100.62")).auth.requestPasswordReset({ email: user.email });
    expect(await h.db.emailMessage.count({ where: { to: user.email } })).toBe(0);
  });

  it("limits emails per account silently, and requests per address openly", async () => {
    const user = await staff();
    const anonymous = await h.anonymous("198.51.100.63");
    for (let i = 0; i < 5; i += 1) await anonymous.auth.requestPasswordReset({ email: user.email });
    expect(await h.db.emailMessage.count({ where: { to: user.email } })).toBe(3);
    // Only the newest link works.
    const tokens = await h.db.authToken.findMany({ where: { email: user.email }, orderBy: { createdAt: "asc" } });
    expect(tokens.filter((t) => t.revokedAt === null)).toHaveLength(1);

    const busy = await h.anonymous("198.51.100.64");
    const results = [];
    for (let i = 0; i < 11; i += 1) {
      results.push(
        await busy.auth.requestPasswordReset({ email: `x${i}@observatory.test` }).then(
          () => "ok",
          (e: { code: string }) => e.code,
        ),
      );
    }
    expect(results.at(-1)).toBe("TOO_MANY_REQUESTS");
  });

  it("refuses a weak password and an expired or replaced link with clear messages", async () => {
    const user = await staff();
    const anonymous = await h.anonymous("198.51.100.65");
    await anonymous.auth.requestPasswordReset({ email: user.email });
    const first = tokenIn((await smtp.waitFor((m) => m.to.includes(user.email))).text);
    const weak = await anonymous.auth
      .resetPassword({ token: first, password: "short", confirmPassword: "short" })
      .then(() => null, toFormErrors);
    expect(weak?.fieldErrors).toEqual({ password: "Your password must be 12 characters or more" });

    await anonymous.auth.requestPasswordReset({ email: user.email });
    expect(await anonymous.auth.passwordReset({ token: first })).toEqual({ status: "revoked" });
    await h.db.authToken.updateMany({ where: { email: user.email }, data: { expiresAt: new Date(Date.now() - 1) } });
    const [latest] = await h.db.authToken.findMany({ where: { email: user.email, revokedAt: null } });
    expect(latest).toBeDefined();
    const second = tokenIn((await smtp.waitFor((m) => m.to.includes(user.email) && tokenIn(m.text) !== first)).text);
    expect(await anonymous.auth.passwordReset({ token: second })).toEqual({ status: "expired" });
    await expect(
      anonymous.auth.resetPassword({ token: second, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }),
    ).rejects.toMatchObject({ message: expect.stringMatching(/expired/) });
  });

  it("clears a sign-in lock, so the owner can sign in straight away", async () => {
    const user = await staff();
    const ip = "198.51.100.66";
    await h.db.signInThrottle.create({
      data: {
        key: throttleKey(user.email, hashIp(ip)),
        failures: 10,
        lastFailureAt: new Date(),
        lockedUntil: new Date(Date.now() + 600_000),
      },
    });
    const visitor = h.browser(ip);
    await visitor.call((api) => api.auth.requestPasswordReset({ email: user.email }));
    const token = tokenIn((await smtp.waitFor((m) => m.to.includes(user.email))).text);
    await visitor.call((api) =>
      api.auth.resetPassword({ token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }),
    );
    await expect(
      visitor.call((api) => api.auth.signIn({ email: user.email, password: NEW_PASSWORD })),
    ).resolves.toEqual({
      mfa: "satisfied",
    });
  });
});
