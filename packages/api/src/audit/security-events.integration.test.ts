import { createComment, createItem, createUser } from "@observatory/db/testing";
import { generate } from "otplib";
import { describe, expect, it } from "vitest";
import { hashPassword } from "../auth/password.ts";
import { SLOW_DOWN_AFTER } from "../auth/sign-in-throttle.ts";
import { defaultSpamRules } from "../comments/settings.ts";
import { type Browser, useHarness } from "../testing/harness.ts";
import { emailDigest } from "./pseudonym.ts";

const PASSWORD = "amber lantern over the harbour";
const WRONG_PASSWORD = "velvet compass under snow";

const codeFor = (secret: string) => generate({ secret, epoch: Math.floor(Date.now() / 1000) });

describe("the audit log records refusals and settings changes", () => {
  const h = useHarness();
  let counter = 0;
  /** Every code entered in this file: none may appear in the audit log. */
  const secretsEntered = new Set<string>([PASSWORD, WRONG_PASSWORD]);

  async function staff(role: "ADMIN" | "EDITOR" | "AUTHOR" | "MODERATOR" = "AUTHOR") {
    counter += 1;
    const user = await createUser(h.db, role, { email: `audit-${counter}-${Date.now()}@observatory.test` });
    await h.db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(PASSWORD) } });
    return user;
  }
  const events = (action: string) =>
    h.db.auditEvent.findMany({ where: { action }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const signIn = (browser: Browser, email: string, password: string) =>
    browser.call((api) => api.auth.signIn({ email, password }));

  it("records a failed sign-in, naming the account only when there is one", async () => {
    const user = await staff();
    const browser = h.browser("198.51.100.70");
    await expect(signIn(browser, user.email, WRONG_PASSWORD)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const nobody = `nobody-${Date.now()}@observatory.test`;
    await expect(signIn(browser, nobody, WRONG_PASSWORD)).rejects.toMatchObject({ code: "BAD_REQUEST" });

    const [known, unknown] = await events("auth.signInFailed");
    expect(known).toMatchObject({
      actorId: null,
      targetType: "User",
      targetId: user.id,
      summary: `Failed sign-in for ${user.email}: wrong password`,
      ipHash: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    expect(unknown).toMatchObject({
      targetId: null,
      summary: "Failed sign-in for an unknown account",
      data: { account: "unknown", emailDigest: emailDigest(nobody) },
    });
    expect(JSON.stringify(await h.db.auditEvent.findMany())).not.toContain(nobody);
  });

  it("records a throttled sign-in and a sign-in to a disabled account", async () => {
    const user = await staff();
    const browser = h.browser("198.51.100.71");
    for (let i = 0; i < SLOW_DOWN_AFTER; i += 1)
      await expect(signIn(browser, user.email, WRONG_PASSWORD)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(signIn(browser, user.email, PASSWORD)).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    expect(await events("auth.signInThrottled")).toEqual([
      expect.objectContaining({
        targetId: user.id,
        summary: `Sign-in refused for ${user.email}: too many failed attempts`,
      }),
    ]);

    const disabled = await staff();
    await h.db.user.update({ where: { id: disabled.id }, data: { disabledAt: new Date() } });
    await expect(signIn(h.browser("198.51.100.72"), disabled.email, PASSWORD)).rejects.toThrow("disabled");
    expect(await events("auth.signInRefused")).toEqual([
      expect.objectContaining({
        targetId: disabled.id,
        summary: `Sign-in refused for ${disabled.email}: the account is disabled`,
      }),
    ]);
  });

  it("records wrong and reused authenticator and recovery codes, never the codes", async () => {
    const user = await staff();
    const browser = h.browser("198.51.100.73");
    await signIn(browser, user.email, PASSWORD);
    const setup = await browser.call((api) => api.account.totpSetup({}));
    const enrolCode = await codeFor(setup.secret);
    secretsEntered.add(enrolCode);
    const { recoveryCodes } = await browser.call((api) =>
      api.account.enableTotp({ setupToken: setup.setupToken, code: enrolCode }),
    );
    const again = async () => {
      await browser.call((api) => api.auth.signOut());
      await signIn(browser, user.email, PASSWORD);
    };
    const verify = (code: string) => {
      secretsEntered.add(code);
      return browser.call((api) => api.auth.verifyMfa({ code }));
    };

    await again();
    // The code that confirmed the set-up has been used: entering it again is a replay.
    await expect(verify(enrolCode)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const wrong = enrolCode === "000000" ? "111111" : "000000";
    await expect(verify(wrong)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const [recovery = "", other = ""] = recoveryCodes;
    await expect(verify(recovery)).resolves.toMatchObject({ usedRecoveryCode: true });
    await again();
    await expect(verify(recovery)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(verify(`${other.slice(0, -1)}${other.endsWith("a") ? "b" : "a"}`)).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });

    const mine = await h.db.auditEvent.findMany({
      where: { targetId: user.id, action: { startsWith: "auth." } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    expect(mine.map((e) => [e.action, e.summary])).toEqual([
      ["auth.signedIn", `${user.name} signed in`],
      ["auth.signedOut", `${user.name} signed out`],
      ["auth.signedIn", `${user.name} signed in`],
      ["auth.mfaCodeReused", `${user.name} entered an authenticator code that had already been used`],
      ["auth.mfaCodeWrong", `${user.name} entered a wrong authenticator code`],
      ["auth.recoveryCodeUsed", `${user.name} signed in with a recovery code (9 left)`],
      ["auth.signedOut", `${user.name} signed out`],
      ["auth.signedIn", `${user.name} signed in`],
      ["auth.recoveryCodeReused", `${user.name} entered a recovery code that had already been used`],
      ["auth.recoveryCodeWrong", `${user.name} entered a wrong recovery code`],
    ]);
  });

  it("records an action refused for want of permission, with the procedure and its target, once", async () => {
    const { user, api } = await h.signedIn("AUTHOR");
    const authorId = (await createUser(h.db, "AUTHOR")).id;
    const item = await createItem(h.db, { authorId, live: { title: "Commented" } });
    const comment = await createComment(h.db, { itemId: item.id, status: "PENDING" });
    await expect(
      api.moderation.approve({ id: comment.id, status: "PENDING", updatedAt: comment.updatedAt }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(api.audit.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });

    const refused = await h.db.auditEvent.findMany({ where: { actorId: user.id, action: "access.refused" } });
    expect(refused.map((e) => [e.targetType, e.targetId, e.summary])).toEqual(
      expect.arrayContaining([
        ["Procedure", "moderation.approve", `${user.name} was refused moderation.approve (on ${comment.id})`],
        ["Procedure", "audit.list", `${user.name} was refused audit.list`],
      ]),
    );
    expect(refused).toHaveLength(2);
    expect(await h.db.comment.findUniqueOrThrow({ where: { id: comment.id } })).toMatchObject({ status: "PENDING" });

    // The audit screen's filters find them: by action, by who, and by procedure.
    const admin = await h.as("ADMIN");
    const byAction = await admin.audit.list({ action: "access.refused", actorId: user.id });
    expect(byAction.events.map((e) => e.targetId).sort()).toEqual(["audit.list", "moderation.approve"]);
    const byProcedure = await admin.audit.list({ targetType: "Procedure", targetId: "moderation.approve" });
    expect(byProcedure.events.map((e) => e.actor?.id)).toContain(user.id);
  });

  it("records a refusal a service decides too (turning off a required authenticator)", async () => {
    const admin = await h.as("ADMIN");
    await admin.settings.updateMfaPolicy({ requiredRoles: ["ADMIN", "EDITOR"] });
    const { user, api } = await h.signedIn("EDITOR");
    await expect(api.account.disableTotp({ password: PASSWORD })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await h.db.auditEvent.findMany({ where: { actorId: user.id, action: "access.refused" } })).toEqual([
      expect.objectContaining({
        targetId: "account.disableTotp",
        summary: `${user.name} was refused account.disableTotp`,
      }),
    ]);
    await admin.settings.updateMfaPolicy({ requiredRoles: [] });
  });

  it("records each changed setting with its value before and after, and shows them in words", async () => {
    const { user, api } = await h.signedIn("ADMIN");
    const rules = defaultSpamRules();
    await api.moderation.updateRules({ ...rules, ipLimit: rules.ipLimit + 5, blockedPhrases: ["cheap pills"] });
    const [changed] = await h.db.auditEvent.findMany({
      where: { actorId: user.id, action: "settings.commentRulesChanged" },
    });
    expect(changed?.summary).toBe(
      "Changed the comment spam and moderation rules: Blocked words and phrases; Comments allowed from one IP address",
    );
    expect(changed?.data).toEqual({
      changes: [
        { setting: "blockedPhrases", label: "Blocked words and phrases", from: [], to: ["cheap pills"] },
        {
          setting: "ipLimit",
          label: "Comments allowed from one IP address",
          from: rules.ipLimit,
          to: rules.ipLimit + 5,
        },
      ],
    });

    await api.moderation.updateRetention({ ipHashRetentionDays: 45 });
    await api.settings.updateMfaPolicy({ requiredRoles: ["ADMIN", "MODERATOR"] });
    await api.settings.updateMfaPolicy({ requiredRoles: ["ADMIN", "MODERATOR"] });
    const listed = await api.audit.list({ actorId: user.id });
    expect(listed.events.map((e) => [e.action, e.summary, e.changes])).toEqual([
      ["settings.mfaPolicyChanged", "Required multi-factor sign-in for Administrator, Moderator", []],
      [
        "settings.mfaPolicyChanged",
        "Required multi-factor sign-in for Administrator, Moderator",
        [
          {
            label: "Roles that must use an authenticator app",
            from: expect.any(String),
            to: "Administrator, Moderator",
          },
        ],
      ],
      [
        "settings.ipHashRetentionChanged",
        "Set comment IP hashes to be cleared after 45 days",
        [{ label: "Days after which comment IP hashes are cleared", from: expect.stringMatching(/^\d+$/), to: "45" }],
      ],
      [
        "settings.commentRulesChanged",
        changed?.summary,
        [
          { label: "Blocked words and phrases", from: "none", to: "cheap pills" },
          {
            label: "Comments allowed from one IP address",
            from: String(rules.ipLimit),
            to: String(rules.ipLimit + 5),
          },
        ],
      ],
    ]);
  });

  // Last in the file: after every sign-in and code attempt above.
  it("never writes a password or a code into the log", async () => {
    const all = JSON.stringify(await h.db.auditEvent.findMany());
    expect(all).toContain("auth.recoveryCodeWrong");
    for (const secret of secretsEntered) expect(all).not.toContain(secret);
  });
});
