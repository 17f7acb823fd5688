import { hashPassword } from "./password.ts";
import { createUser } from "@observatory/db/testing";
import { describe, expect, it } from "vitest";
import { hashIp } from "../request-meta.ts";
import { useHarness } from "../testing/harness.ts";
import { createAuth } from "./lucia.ts";
import { LOCK_AFTER, SLOW_DOWN_AFTER, throttleKey } from "./sign-in-throttle.ts";
import { hashToken } from "./tokens.ts";

const PASSWORD = "amber lantern over the harbour";

describe("signing in", () => {
  const h = useHarness();
  let counter = 0;

  async function staff(role: "ADMIN" | "EDITOR" | "AUTHOR" | "MODERATOR" = "AUTHOR") {
    counter += 1;
    const user = await createUser(h.db, role, { email: `person-${counter}-${Date.now()}@observatory.test` });
    await h.db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(PASSWORD) } });
    return user;
  }

  it("starts a session with a secure cookie, and the session knows the user", async () => {
    const user = await staff("EDITOR");
    const browser = h.browser();
    const result = await browser.call((api) =>
      api.auth.signIn({ email: user.email.toUpperCase(), password: PASSWORD }),
    );
    expect(result).toEqual({ mfa: "satisfied" });
    const [cookie] = browser.lastSetCookies;
    expect(cookie).toMatch(/^observatory_session=[\w-]{43};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    // The cookie lasts as long as the session (12 hours), not the browser's 400-day maximum.
    expect(cookie).toMatch(/; Max-Age=43200(;|$)/i);
    // Only the token's hash is stored.
    const token = browser.cookie?.split("=")[1] ?? "";
    expect(await h.db.session.findUnique({ where: { id: token } })).toBeNull();
    expect(await h.db.session.findUnique({ where: { id: hashToken(token) } })).not.toBeNull();

    const session = await browser.call((api) => api.auth.session());
    expect(session?.user).toMatchObject({ id: user.id, role: "EDITOR" });
    expect((await h.db.user.findUniqueOrThrow({ where: { id: user.id } })).lastSignInAt).toBeInstanceOf(Date);
    expect(await h.db.auditEvent.count({ where: { action: "auth.signedIn", targetId: user.id } })).toBe(1);
  });

  it("marks the cookie Secure when the app is served over https in production", async () => {
    const user = await staff();
    const auth = createAuth(h.db, { secureCookies: true });
    const { cookie } = await auth.createSession(user.id, { ipHash: null, userAgent: null, mfaVerified: false });
    expect(cookie).toMatch(/; Secure/i);
  });

  it("replaces a session the browser already had (no fixation)", async () => {
    const user = await staff();
    const planted = await h.signedIn("AUTHOR");
    const before = planted.browser.cookie;
    await planted.browser.call((api) => api.auth.signIn({ email: user.email, password: PASSWORD }));
    expect(planted.browser.cookie).not.toBe(before);
    // The planted token no longer works at all.
    const old = h.browser("203.0.113.9", { cookie: before ?? "" });
    expect(await old.call((api) => api.auth.session())).toBeNull();
  });

  it("gives the same message for an unknown email and a wrong password, in similar time", async () => {
    const user = await staff();
    const browser = h.browser("198.51.100.20");
    const attempt = async (email: string, password: string) => {
      const started = performance.now();
      const error = await browser.call((api) => api.auth.signIn({ email, password })).catch((e: unknown) => e);
      return { error, ms: performance.now() - started };
    };
    await attempt(`warm-${Date.now()}@observatory.test`, "warm up the dummy hash");
    // Interleaved, and compared by their medians: one attempt can be slowed by anything else the
    // machine is doing.
    const unknowns: number[] = [];
    const wrongs: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const unknown = await attempt(`nobody-${i}-${Date.now()}@observatory.test`, PASSWORD);
      const wrong = await attempt(user.email, "not the right password at all");
      expect(unknown.error).toMatchObject({
        code: "BAD_REQUEST",
        message: "Enter a correct email address and password",
      });
      expect(wrong.error).toMatchObject({ code: "BAD_REQUEST", message: "Enter a correct email address and password" });
      unknowns.push(unknown.ms);
      wrongs.push(wrong.ms);
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[1] ?? 0;
    // Both run one argon2id verification; neither answers in a fraction of the other's time.
    expect(median(unknowns) / median(wrongs)).toBeGreaterThan(0.33);
    expect(median(unknowns) / median(wrongs)).toBeLessThan(3);
  });

  it("slows a pair down after 5 failures and locks it for 15 minutes after 10, without saying whether the account exists", async () => {
    const user = await staff();
    const ip = "198.51.100.30";
    const browser = h.browser(ip);
    const key = throttleKey(user.email, hashIp(ip));
    const fail = () => browser.call((api) => api.auth.signIn({ email: user.email, password: "wrong password here" }));
    // Lets the wait after the last failure pass, as if time had gone by.
    const skipWait = () =>
      h.db.signInThrottle.update({ where: { key }, data: { lastFailureAt: new Date(Date.now() - 10 * 60 * 1000) } });

    for (let i = 1; i < SLOW_DOWN_AFTER; i += 1) await expect(fail()).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(fail()).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // Fifth failure recorded: the next attempt, even with the right password, must wait.
    await expect(
      browser.call((api) => api.auth.signIn({ email: user.email, password: PASSWORD })),
    ).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
      message: expect.stringMatching(/Wait \d+ seconds/),
    });
    for (let i = SLOW_DOWN_AFTER + 1; i <= LOCK_AFTER; i += 1) {
      await skipWait();
      await expect(fail()).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    await skipWait();
    await expect(
      browser.call((api) => api.auth.signIn({ email: user.email, password: PASSWORD })),
    ).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
      message: expect.stringMatching(/Wait 15 minutes/),
    });
    expect(await h.db.auditEvent.count({ where: { action: "auth.signInLocked", targetId: user.id } })).toBe(1);
    expect(await h.db.session.count({ where: { userId: user.id } })).toBe(0);

    // Another address is not affected; once the lock has passed, the right password works and clears the count.
    await expect(
      h.browser("198.51.100.31").call((api) => api.auth.signIn({ email: user.email, password: PASSWORD })),
    ).resolves.toEqual({ mfa: "satisfied" });
    await h.db.signInThrottle.update({ where: { key }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    await expect(browser.call((api) => api.auth.signIn({ email: user.email, password: PASSWORD }))).resolves.toEqual({
      mfa: "satisfied",
    });
    expect(await h.db.signInThrottle.findUnique({ where: { key } })).toBeNull();

    // An unknown address locks just the same.
    const nobody = `nobody-${Date.now()}@observatory.test`;
    const unknownBrowser = h.browser("198.51.100.32");
    for (let i = 1; i <= LOCK_AFTER; i += 1) {
      await expect(
        unknownBrowser.call((api) => api.auth.signIn({ email: nobody, password: "wrong password here" })),
      ).rejects.toMatchObject({ code: "BAD_REQUEST" });
      await h.db.signInThrottle.update({
        where: { key: throttleKey(nobody, hashIp("198.51.100.32")) },
        data: { lastFailureAt: new Date(Date.now() - 10 * 60 * 1000) },
      });
    }
    await expect(
      unknownBrowser.call((api) => api.auth.signIn({ email: nobody, password: "wrong password here" })),
    ).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS", message: expect.stringMatching(/Wait 15 minutes/) });
  });

  it("refuses a disabled account, with a message only the password holder sees", async () => {
    const user = await staff();
    await h.db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    const browser = h.browser();
    await expect(
      browser.call((api) => api.auth.signIn({ email: user.email, password: PASSWORD })),
    ).rejects.toMatchObject({
      message: expect.stringMatching(/disabled/),
    });
    await expect(
      browser.call((api) => api.auth.signIn({ email: user.email, password: "wrong password!!" })),
    ).rejects.toMatchObject({
      message: "Enter a correct email address and password",
    });
    expect(browser.cookie).toBeNull();
  });

  it("validates the form fields", async () => {
    const browser = h.browser();
    const error = await browser
      .call((api) => api.auth.signIn({ email: "not-an-email", password: "" }))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "BAD_REQUEST" });
  });

  it("signs out on the server: the token stops working and the cookie is cleared", async () => {
    const user = await staff();
    const browser = h.browser();
    await browser.call((api) => api.auth.signIn({ email: user.email, password: PASSWORD }));
    const cookie = browser.cookie ?? "";
    await browser.call((api) => api.auth.signOut());
    expect(browser.cookie).toBeNull();
    expect(browser.lastSetCookies.some((c) => c.startsWith("observatory_session=;"))).toBe(true);
    expect(await h.browser("203.0.113.9", { cookie }).call((api) => api.auth.session())).toBeNull();
    expect(await h.db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("extends a session that is half spent (sliding expiry)", async () => {
    const user = await staff();
    const browser = h.browser();
    await browser.call((api) => api.auth.signIn({ email: user.email, password: PASSWORD }));
    const session = await h.db.session.findFirstOrThrow({ where: { userId: user.id } });
    const nearlyOver = new Date(Date.now() + 60 * 60 * 1000);
    await h.db.session.update({ where: { id: session.id }, data: { expiresAt: nearlyOver } });
    await browser.call((api) => api.auth.session());
    const extended = await h.db.session.findUniqueOrThrow({ where: { id: session.id } });
    expect(extended.expiresAt.getTime()).toBeGreaterThan(nearlyOver.getTime() + 60 * 60 * 1000);
    // The cookie is sent again with the session's new lifetime.
    expect(browser.lastSetCookies.join("\n")).toMatch(/observatory_session=[\w-]{43};.*Max-Age=43200/i);
  });

  it("a disabled user's existing session stops working on the next request", async () => {
    const { user, browser } = await h.signedIn("EDITOR");
    await h.db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    await expect(browser.call((api) => api.account.overview())).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(await browser.call((api) => api.auth.session())).toBeNull();
  });
});
