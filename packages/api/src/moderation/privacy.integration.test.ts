import { createComment, createItem, createUser } from "@observatory/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { purgeExpiredIpHashes } from "../comments/ip-hash-retention.ts";
import { useHarness } from "../testing/harness.ts";
import { sendModerationDigest } from "./digest.ts";
import { commenterReference, emailDigest } from "../audit/pseudonym.ts";

describe("commenters' personal data", () => {
  const h = useHarness();
  let itemId: string;
  beforeAll(async () => {
    const authorId = (await createUser(h.db, "AUTHOR")).id;
    itemId = (await createItem(h.db, { authorId, live: { title: "Privacy article" } })).id;
  });

  it("exports every comment held under an email as JSON for an administrator, and records it", async () => {
    const { api, user } = await h.signedIn("ADMIN");
    const email = "subject@example.org";
    await createComment(h.db, { itemId, email, status: "APPROVED", body: "First" });
    await createComment(h.db, { itemId, email, status: "SPAM", body: "Second" });
    await createComment(h.db, { itemId, status: "APPROVED", body: "Someone else" });
    const exported = await api.moderation.exportByEmail({ email: "Subject@Example.org" });
    expect(exported.comments.map((c) => [c.body, c.status])).toEqual([
      ["First", "APPROVED"],
      ["Second", "SPAM"],
    ]);
    expect(exported.comments[0]).toMatchObject({ authorEmail: email, page: { title: "Privacy article" } });
    expect(JSON.parse(JSON.stringify(exported)).comments).toHaveLength(2);
    const event = await h.db.auditEvent.findFirstOrThrow({ where: { action: "comment.personalDataExported" } });
    expect(event).toMatchObject({ actorId: user.id, targetId: emailDigest(email) });
    expect(JSON.stringify(event)).not.toContain(email);
  });

  it("anonymises an email's comments: the text stays, nothing identifies the person", async () => {
    const api = await h.as("ADMIN");
    const email = "anon@example.org";
    const comment = await createComment(h.db, { itemId, email, status: "APPROVED", body: "Keep my words" });
    await h.db.emailMessage.create({
      data: { to: email, subject: "Your comment has been published", text: "Dear Ann" },
    });
    await expect(api.moderation.eraseByEmail({ email, mode: "anonymise" })).resolves.toEqual({
      count: 1,
      mode: "anonymise",
      alertSubscriptionDeleted: false,
    });
    expect(await h.db.comment.findUniqueOrThrow({ where: { id: comment.id } })).toMatchObject({
      body: "Keep my words",
      authorName: "Anonymous",
      authorEmail: "",
      ipHash: null,
    });
    expect((await api.moderation.exportByEmail({ email })).comments).toEqual([]);
    const event = await h.db.auditEvent.findFirstOrThrow({ where: { action: "comment.personalDataErased" } });
    expect(event.data).toEqual({ count: 1, mode: "anonymise", emailsDeleted: 1, alertSubscriptionsDeleted: 0 });
    expect(await h.db.emailMessage.count({ where: { to: email } })).toBe(0);
    expect(JSON.stringify(event)).not.toContain(email);
  });

  it("deletes an email's comments when asked to, with the replies to them", async () => {
    const api = await h.as("ADMIN");
    const email = "gone@example.org";
    const mine = await createComment(h.db, { itemId, email, status: "APPROVED" });
    const reply = await createComment(h.db, { itemId, parentId: mine.id, status: "APPROVED" });
    await api.moderation.eraseByEmail({ email, mode: "delete" });
    expect(await h.db.comment.count({ where: { id: { in: [mine.id, reply.id] } } })).toBe(0);
  });

  it.each(["anonymise", "delete"] as const)(
    "takes the commenter's name and address out of the audit trail when asked to %s, keeping a reference that links it",
    async (mode) => {
      const { api, user } = await h.signedIn("ADMIN");
      const email = `erased-${mode}@example.org`;
      const name = "Ada Lovelace Reader";
      const mine = await createComment(h.db, {
        itemId,
        email,
        name,
        status: "PENDING",
        body: "My words, and my home town Wexford",
      });
      const second = await createComment(h.db, { itemId, email, name: "Ada", status: "PENDING" });
      const someoneElse = await createComment(h.db, { itemId, name: "Ada Lovelace Reader", status: "PENDING" });
      const seen = async (id: string) => {
        const c = await h.db.comment.findUniqueOrThrow({ where: { id } });
        return { id, status: c.status, updatedAt: c.updatedAt };
      };
      await api.moderation.approve(await seen(mine.id));
      await api.moderation.redact({ ...(await seen(mine.id)), phrase: "Wexford", replacement: "[removed]" });
      await api.moderation.reply({ parentId: mine.id, body: "Thank you." });
      await api.moderation.blockSender(await seen(second.id));
      await api.moderation.approve(await seen(someoneElse.id));

      await api.moderation.eraseByEmail({ email, mode });

      const reference = commenterReference(email);
      const trail = await h.db.auditEvent.findMany({
        where: { actorId: user.id, action: { not: "comment.personalDataErased" } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      });
      expect(trail.map((e) => [e.action, e.summary])).toEqual([
        ["comment.approved", `Approved a comment by ${reference}`],
        ["comment.redacted", `Redacted a comment by ${reference}`],
        ["comment.staffReply", `Replied as the observatory to ${reference}`],
        ["comment.markedSpam", `Marked as spam a comment by ${reference} (Sender blocked)`],
        ["settings.senderBlocked", expect.stringContaining("Blocked the sender of a comment")],
        // The same name under another address is someone else: their trail is untouched.
        ["comment.approved", "Approved a comment by Ada Lovelace Reader"],
      ]);
      const theirs = JSON.stringify(trail.slice(0, 5));
      expect(theirs).not.toContain("Ada");
      // The redaction is still recorded, without the words it took out.
      expect(theirs).not.toContain("Wexford");
      expect(trail[1]?.data).toEqual({ textErased: true });
      expect(theirs).not.toContain(email);
      // The erasure itself is filed under the digest the reference is taken from.
      const erasure = await h.db.auditEvent.findFirstOrThrow({
        where: { action: "comment.personalDataErased", targetId: emailDigest(email) },
      });
      expect(reference).toBe(`commenter #${erasure.targetId?.slice(0, 8)}`);
    },
  );

  it("lets only administrators export or erase", async () => {
    const comment = await createComment(h.db, { itemId, email: "kept@example.org" });
    for (const role of ["EDITOR", "MODERATOR", "AUTHOR"] as const) {
      const api = await h.as(role);
      await expect(api.moderation.exportByEmail({ email: "kept@example.org" })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(api.moderation.eraseByEmail({ email: "kept@example.org", mode: "delete" })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    expect(await h.db.comment.findUnique({ where: { id: comment.id } })).not.toBeNull();
  });

  it("clears IP hashes after the configured days, and the privacy notice says the same number", async () => {
    const admin = await h.as("ADMIN");
    const state = async () => (await (await h.anonymous()).content.publicState()).version;
    expect(await (await h.anonymous()).comments.privacyPolicy()).toMatchObject({ ipHashRetentionDays: 90 });
    const before = await state();
    await expect((await h.as("EDITOR")).moderation.updateRetention({ ipHashRetentionDays: 30 })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await admin.moderation.updateRetention({ ipHashRetentionDays: 30 });
    expect(await (await h.anonymous()).comments.privacyPolicy()).toMatchObject({ ipHashRetentionDays: 30 });
    // The cached privacy page must not go on promising the old number.
    expect(await state()).not.toBe(before);
    const old = await createComment(h.db, { itemId });
    const recent = await createComment(h.db, { itemId });
    await h.db.comment.update({ where: { id: old.id }, data: { createdAt: new Date(Date.now() - 31 * 86_400_000) } });
    await h.db.comment.update({
      where: { id: recent.id },
      data: { createdAt: new Date(Date.now() - 29 * 86_400_000) },
    });
    await purgeExpiredIpHashes(h.db, new Date());
    expect((await h.db.comment.findUniqueOrThrow({ where: { id: old.id } })).ipHash).toBeNull();
    expect((await h.db.comment.findUniqueOrThrow({ where: { id: recent.id } })).ipHash).not.toBeNull();
  });
});

describe("the moderators' digest", () => {
  const h = useHarness();

  it("emails every moderator about newly held comments once per interval", async () => {
    const authorId = (await createUser(h.db, "AUTHOR")).id;
    const itemId = (await createItem(h.db, { authorId, live: { title: "Digest article" } })).id;
    const moderators = [await createUser(h.db, "MODERATOR"), await createUser(h.db, "EDITOR")];
    const disabled = await createUser(h.db, "MODERATOR");
    await h.db.user.update({ where: { id: disabled.id }, data: { disabledAt: new Date() } });
    const t0 = new Date();
    expect(await sendModerationDigest(h.db, t0)).toBe("no comments held since the last digest");

    await createComment(h.db, { itemId, status: "PENDING", body: "Needs a look" });
    const t1 = new Date(Date.now() + 1000);
    expect(await sendModerationDigest(h.db, t1)).toContain("sent a digest of 1 held comments");
    for (const m of moderators) {
      const mail = await h.db.emailMessage.findFirstOrThrow({ where: { to: m.email } });
      expect(mail.subject).toBe("1 comment is waiting for moderation");
      expect(mail.text).toContain("Needs a look");
      expect(mail.text).toContain("/comments");
    }
    expect(await h.db.emailMessage.count({ where: { to: disabled.email } })).toBe(0);

    const later = await createComment(h.db, { itemId, status: "PENDING" });
    await h.db.comment.update({ where: { id: later.id }, data: { createdAt: new Date(t1.getTime() + 60_000) } });
    expect(await sendModerationDigest(h.db, new Date(t1.getTime() + 3_600_000))).toBe("not due");
    expect(await sendModerationDigest(h.db, new Date(t1.getTime() + 25 * 3_600_000))).toContain("1 held comments");

    const admin = await h.as("ADMIN");
    const { rules } = await admin.moderation.settings();
    await admin.moderation.updateRules({ ...rules, digestIntervalHours: 0 });
    expect(await sendModerationDigest(h.db, new Date(t1.getTime() + 99 * 3_600_000))).toBe("the digest is turned off");
  });
});
