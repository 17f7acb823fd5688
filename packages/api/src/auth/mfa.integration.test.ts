import { hashPassword } from "./password.ts";
import { createUser } from "@observatory/db/testing";
import { generate } from "otplib";
import { describe, expect, it } from "vitest";
import { type Browser, useHarness } from "../testing/harness.ts";
import { unseal } from "./secret-box.ts";

const PASSWORD = "amber lantern over the harbour";

/** The code an authenticator app shows `stepsAhead` 30-second steps from now. */
const codeFor = (secret: string, stepsAhead = 0) =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + stepsAhead * 30 });

describe("multi-factor sign-in", () => {
  const h = useHarness();
  let counter = 0;

  async function staff(role: "ADMIN" | "EDITOR" | "AUTHOR" | "MODERATOR" = "AUTHOR") {
    counter += 1;
    const user = await createUser(h.db, role, { email: `mfa-${counter}-${Date.now()}@observatory.test` });
    await h.db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(PASSWORD) } });
    const browser = h.browser();
    await browser.call((api) => api.auth.signIn({ email: user.email, password: PASSWORD }));
    return { user, browser };
  }

  async function enrol(browser: Browser) {
    const setup = await browser.call((api) => api.account.totpSetup({}));
    const { recoveryCodes } = await browser.call(async (api) =>
      api.account.enableTotp({ setupToken: setup.setupToken, code: await codeFor(setup.secret) }),
    );
    return { secret: setup.secret, recoveryCodes };
  }

  async function signInAgain(browser: Browser, email: string) {
    await browser.call((api) => api.auth.signOut());
    return browser.call((api) => api.auth.signIn({ email, password: PASSWORD }));
  }

  it("sets up an authenticator app: secret encrypted at rest, recovery codes shown once and stored hashed, session verified", async () => {
    const { user, browser } = await staff();
    const setup = await browser.call((api) => api.account.totpSetup({}));
    expect(setup.uri).toMatch(/^otpauth:\/\/totp\/Observatory%20admin:.+\?secret=/);
    expect(setup.secret).toMatch(/^[A-Z2-7]{32}$/);

    await expect(
      browser.call((api) => api.account.enableTotp({ setupToken: setup.setupToken, code: "000000" })),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const { recoveryCodes } = await browser.call(async (api) =>
      api.account.enableTotp({ setupToken: setup.setupToken, code: await codeFor(setup.secret) }),
    );
    expect(recoveryCodes).toHaveLength(10);
    const session = await h.db.session.findFirstOrThrow({ where: { userId: user.id } });
    expect(session.mfaVerifiedAt).toBeInstanceOf(Date);

    const stored = await h.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.totpSecret).not.toContain(setup.secret);
    expect(unseal("totp-secret", stored.totpSecret ?? "", user.id)).toBe(setup.secret);
    const codes = await h.db.recoveryCode.findMany({ where: { userId: user.id } });
    expect(codes).toHaveLength(10);
    for (const code of codes) expect(recoveryCodes.join(" ")).not.toContain(code.codeHash);
    expect(await browser.call((api) => api.account.mfa())).toMatchObject({ recoveryCodesLeft: 10, required: false });
    expect(await h.db.auditEvent.count({ where: { action: "account.mfaEnabled", targetId: user.id } })).toBe(1);

    // A second set-up is refused while one is in place.
    await expect(browser.call((api) => api.account.totpSetup({}))).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("asks for a code after the password; until then only the MFA step and signing out work", async () => {
    const { user, browser } = await staff("ADMIN");
    const { secret } = await enrol(browser);

    expect(await signInAgain(browser, user.email)).toEqual({ mfa: "verify" });
    expect(await browser.call((api) => api.auth.session())).toMatchObject({ mfa: "verify" });
    await expect(browser.call((api) => api.account.overview())).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(browser.call((api) => api.users.list({}))).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(browser.call((api) => api.audit.list({}))).rejects.toMatchObject({ code: "UNAUTHORIZED" });

    await expect(browser.call((api) => api.auth.verifyMfa({ code: "123456" }))).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const pendingCookie = browser.cookie;
    await browser.call(async (api) => api.auth.verifyMfa({ code: await codeFor(secret, 1) }));
    expect(browser.cookie).not.toBe(pendingCookie);
    expect(await browser.call((api) => api.auth.session())).toMatchObject({ mfa: "satisfied" });
    await expect(browser.call((api) => api.users.list({}))).resolves.toMatchObject({ page: 1 });
    // The half-signed-in token was ended, not upgraded.
    expect(
      await h.browser("203.0.113.9", { cookie: pendingCookie ?? "" }).call((api) => api.auth.session()),
    ).toBeNull();
  });

  it("accepts each code only once", async () => {
    const { user, browser } = await staff();
    const { secret } = await enrol(browser);
    await signInAgain(browser, user.email);
    const code = await codeFor(secret, 1);
    await browser.call((api) => api.auth.verifyMfa({ code }));
    await signInAgain(browser, user.email);
    await expect(browser.call((api) => api.auth.verifyMfa({ code }))).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // An older code than the last one used is refused too.
    await expect(
      browser.call(async (api) => api.auth.verifyMfa({ code: await codeFor(secret, 0) })),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("accepts each recovery code once, typed in any case with or without the hyphen", async () => {
    const { user, browser } = await staff();
    const { recoveryCodes } = await enrol(browser);
    const [first = ""] = recoveryCodes;
    await signInAgain(browser, user.email);
    const result = await browser.call((api) =>
      api.auth.verifyMfa({ code: ` ${first.toUpperCase().replace("-", " ")} ` }),
    );
    expect(result).toEqual({ usedRecoveryCode: true, recoveryCodesLeft: 9 });
    await signInAgain(browser, user.email);
    await expect(browser.call((api) => api.auth.verifyMfa({ code: first }))).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await h.db.auditEvent.count({ where: { action: "auth.recoveryCodeUsed", targetId: user.id } })).toBe(1);
  });

  it("replaces recovery codes after the password is confirmed", async () => {
    const { browser } = await staff();
    const { recoveryCodes } = await enrol(browser);
    await expect(
      browser.call((api) => api.account.regenerateRecoveryCodes({ password: "not my password" })),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const fresh = await browser.call((api) => api.account.regenerateRecoveryCodes({ password: PASSWORD }));
    expect(fresh.recoveryCodes).toHaveLength(10);
    expect(fresh.recoveryCodes).not.toContain(recoveryCodes[0]);
  });

  it("limits wrong codes", async () => {
    const { user, browser } = await staff();
    await enrol(browser);
    await signInAgain(browser, user.email);
    const attempts = [];
    for (let i = 0; i < 11; i += 1) {
      attempts.push(
        await browser.call((api) => api.auth.verifyMfa({ code: "999999" })).catch((e: { code: string }) => e.code),
      );
    }
    expect(attempts.slice(0, 10).every((code) => code === "BAD_REQUEST")).toBe(true);
    expect(attempts[10]).toBe("TOO_MANY_REQUESTS");
  });

  it("binds a set-up to the user who started it", async () => {
    const { browser } = await staff();
    const other = await staff();
    const setup = await browser.call((api) => api.account.totpSetup({}));
    await expect(
      other.browser.call(async (api) =>
        api.account.enableTotp({ setupToken: setup.setupToken, code: await codeFor(setup.secret) }),
      ),
    ).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringMatching(/Start again/) });
    // Its own user sees the same secret again from the token, so a reload does not change the QR code.
    const again = await browser.call((api) => api.account.totpSetup({ setupToken: setup.setupToken }));
    expect(again).toEqual(setup);
    // Someone else's token starts a fresh set-up instead.
    const fresh = await other.browser.call((api) => api.account.totpSetup({ setupToken: setup.setupToken }));
    expect(fresh.secret).not.toBe(setup.secret);
  });

  it("makes a role that requires it set up an app before anything else, and keeps it on", async () => {
    const admin = await h.as("ADMIN");
    await admin.settings.updateMfaPolicy({ requiredRoles: ["MODERATOR"] });
    try {
      const { user, browser } = await staff("MODERATOR");
      expect(await signInAgain(browser, user.email)).toEqual({ mfa: "enrol" });
      await expect(browser.call((api) => api.account.overview())).rejects.toMatchObject({ code: "UNAUTHORIZED" });
      // An existing session of that role that never verified is held back too.
      const existing = await h.signedIn("MODERATOR", { mfaVerified: false });
      await expect(existing.browser.call((api) => api.account.overview())).rejects.toMatchObject({
        code: "UNAUTHORIZED",
      });

      await enrol(browser);
      expect(await browser.call((api) => api.auth.session())).toMatchObject({ mfa: "satisfied" });
      expect(await browser.call((api) => api.account.mfa())).toMatchObject({ required: true });
      await expect(browser.call((api) => api.account.disableTotp({ password: PASSWORD }))).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      expect(await h.db.auditEvent.count({ where: { action: "settings.mfaPolicyChanged" } })).toBeGreaterThan(0);
    } finally {
      await admin.settings.updateMfaPolicy({ requiredRoles: [] });
    }
  });

  it("turns the app off after the password is confirmed, when the role allows", async () => {
    const { user, browser } = await staff("EDITOR");
    await enrol(browser);
    await expect(browser.call((api) => api.account.disableTotp({ password: "wrong one" }))).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await browser.call((api) => api.account.disableTotp({ password: PASSWORD }));
    const stored = await h.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored).toMatchObject({ totpSecret: null, totpEnabledAt: null });
    expect(await h.db.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect(await signInAgain(browser, user.email)).toEqual({ mfa: "satisfied" });
  });

  it("reports the policy, the default coming from the environment until an administrator saves one", async () => {
    const admin = await h.as("ADMIN");
    await h.db.setting.deleteMany({ where: { key: "security.mfaRequiredRoles" } });
    expect(await admin.settings.mfaPolicy()).toEqual({ requiredRoles: [], isDefault: true });
    await admin.settings.updateMfaPolicy({ requiredRoles: ["EDITOR", "ADMIN"] });
    expect(await admin.settings.mfaPolicy()).toEqual({ requiredRoles: ["ADMIN", "EDITOR"], isDefault: false });
    await admin.settings.updateMfaPolicy({ requiredRoles: [] });
  });
});
