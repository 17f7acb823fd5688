import { createComment, createItem, createUser } from "@observatory/db/testing";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { defaultSpamRules, type SpamRules } from "./settings.ts";
import { useHarness } from "../testing/harness.ts";
import { issueFormToken } from "./form-token.ts";

describe("the spam and moderation rules on submitted comments", () => {
  const h = useHarness();
  let itemId: string;
  let setRules: (overrides: Partial<SpamRules>) => Promise<unknown>;

  beforeAll(async () => {
    const authorId = (await createUser(h.db, "AUTHOR")).id;
    itemId = (await createItem(h.db, { authorId, live: { title: "Maternity outcomes" } })).id;
    const moderator = await h.as("MODERATOR");
    setRules = (overrides) => moderator.moderation.updateRules({ ...defaultSpamRules(), ...overrides });
  });
  beforeEach(async () => {
    await setRules({});
  });

  let counter = 0;
  const submit = async (fields: { email?: string; body?: string; notify?: boolean; ip?: string } = {}) => {
    counter += 1;
    const caller = await h.anonymous(fields.ip ?? `198.51.100.${counter % 250}`);
    const result = await caller.comments.submit({
      itemId,
      name: "Ada Reader",
      email: fields.email ?? `reader${counter}@example.org`,
      body: fields.body ?? `Comment number ${counter} about interpreters.`,
      formToken: issueFormToken(new Date(Date.now() - 10_000)),
      notify: fields.notify,
    });
    const stored = await h.db.comment.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
    return { result, stored };
  };

  it("holds a first comment and names the rule", async () => {
    const { result, stored } = await submit();
    expect(result).toEqual({ status: "PENDING" });
    expect(stored).toMatchObject({ status: "PENDING", flags: ["new-commenter"], approvedAt: null });
  });

  it("publishes a trusted commenter's comment at once, says so, and emails them if they asked", async () => {
    const email = "trusted@example.org";
    await createComment(h.db, { itemId, email, status: "APPROVED" });
    const { result, stored } = await submit({ email, notify: true });
    expect(result).toEqual({ status: "APPROVED" });
    expect(stored).toMatchObject({ status: "APPROVED", flags: ["trusted"] });
    expect(stored.approvedAt).not.toBeNull();
    const mail = await h.db.emailMessage.findFirstOrThrow({ where: { to: email } });
    expect(mail.subject).toBe("Your comment has been published");
    expect(mail.text).toContain(`#comment-${stored.id}`);
  });

  it("holds a trusted commenter's comment when a hold rule fires", async () => {
    const email = "trusted-links@example.org";
    await createComment(h.db, { itemId, email, status: "APPROVED" });
    await setRules({ holdAtLinks: 2, heldPhrases: ["deport"] });
    const { result, stored } = await submit({ email, body: "Deport them www.a.example https://b.example" });
    expect(result).toEqual({ status: "PENDING" });
    expect(stored).toMatchObject({ status: "PENDING", flags: ["links:2", "held-phrase:deport"] });
  });

  it("sends blocked emails, IP hashes and phrases to spam, and tells the sender no more than 'received'", async () => {
    const ip = "192.0.2.200";
    const first = await submit({ ip });
    const ipHash = first.stored.ipHash ?? "";
    await setRules({ blockedEmails: ["Blocked@Example.org"], blockedIpHashes: [ipHash], blockedPhrases: ["vermin"] });
    const byEmail = await submit({ email: "blocked@example.org" });
    expect(byEmail.result).toEqual({ status: "PENDING" });
    expect(byEmail.stored).toMatchObject({ status: "SPAM", flags: ["blocked-email"] });
    expect((await submit({ ip })).stored).toMatchObject({ status: "SPAM", flags: ["blocked-ip"] });
    expect((await submit({ body: "They are VERMIN." })).stored).toMatchObject({
      status: "SPAM",
      flags: ["blocked-phrase:vermin"],
    });
  });

  it("sends the same text from the same email within the window to spam, but not after it", async () => {
    const email = "repeat@example.org";
    const body = "Please publish the full data set.";
    expect((await submit({ email, body })).stored.status).toBe("PENDING");
    expect((await submit({ email, body })).stored).toMatchObject({ status: "SPAM", flags: ["duplicate"] });
    await h.db.comment.updateMany({
      where: { authorEmail: email },
      data: { createdAt: new Date(Date.now() - 25 * 3_600_000) },
    });
    expect((await submit({ email, body })).stored.status).toBe("PENDING");
  });

  it("applies the form's minimum time and the rate limits moderators set", async () => {
    await setRules({ minSeconds: 30, emailLimit: 2, emailWindowMinutes: 60 });
    await expect(submit()).rejects.toThrow("too quick");
    await setRules({ minSeconds: 5, emailLimit: 2, emailWindowMinutes: 60 });
    const email = "limited@example.org";
    await submit({ email });
    await submit({ email });
    await expect(submit({ email })).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    await setRules({ emailLimit: 0 });
    await expect(submit({ email })).resolves.toBeDefined();
  });

  it("refuses invalid rules field by field and keeps the saved ones", async () => {
    const moderator = await h.as("MODERATOR");
    const error = await moderator.moderation
      .updateRules({ ...defaultSpamRules(), holdAtLinks: -1, blockedIpHashes: ["not-a-hash"] })
      .catch((e) => e);
    expect(error.code).toBe("BAD_REQUEST");
    expect((await moderator.moderation.settings()).rules).toEqual(defaultSpamRules());
  });

  it("lets moderators change the rules, records it, and refuses authors", async () => {
    const author = await h.as("AUTHOR");
    await expect(author.moderation.updateRules(defaultSpamRules())).rejects.toMatchObject({ code: "FORBIDDEN" });
    await setRules({ heldPhrases: ["Scheme"] });
    const moderator = await h.as("MODERATOR");
    expect((await moderator.moderation.settings()).rules.heldPhrases).toEqual(["scheme"]);
    const event = await h.db.auditEvent.findFirstOrThrow({
      where: { action: "settings.commentRulesChanged" },
      orderBy: { createdAt: "desc" },
    });
    expect(event.data).toMatchObject({ changes: [{ setting: "heldPhrases", from: [], to: ["scheme"] }] });
  });
});
