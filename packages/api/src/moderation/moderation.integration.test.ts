import type { CommentStatus, Role } from "@observatory/db";
import { createComment, createItem, createUser } from "@observatory/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { useHarness } from "../testing/harness.ts";

describe("moderating comments", () => {
  const h = useHarness();
  let itemId: string;
  let slug: string;

  beforeAll(async () => {
    const authorId = (await createUser(h.db, "AUTHOR")).id;
    const item = await createItem(h.db, { authorId, live: { title: "Racism in maternity care" } });
    itemId = item.id;
    slug = item.slug;
  });

  const pending = async (fields: { body?: string; email?: string; notify?: boolean } = {}) => {
    const comment = await createComment(h.db, { itemId, status: "PENDING", ...fields });
    if (fields.notify) await h.db.comment.update({ where: { id: comment.id }, data: { notifyOnPublish: true } });
    return h.db.comment.findUniqueOrThrow({ where: { id: comment.id } });
  };
  const seen = (c: { id: string; status: CommentStatus; updatedAt: Date }) => ({
    id: c.id,
    status: c.status,
    updatedAt: c.updatedAt,
  });
  const publicBodies = async () => {
    const article = await (await h.anonymous()).content.article({ section: "news", slug });
    if (article.kind !== "item") throw new Error("expected the article");
    const bodies: string[] = [];
    const walk = (list: typeof article.comments) => {
      for (const c of list) {
        bodies.push(c.body);
        walk(c.replies);
      }
    };
    walk(article.comments);
    return bodies;
  };
  const version = async () => (await (await h.anonymous()).content.publicState()).version;

  it.each<Role>(["MODERATOR", "EDITOR", "ADMIN"])(
    "a %s approves a comment: it is public at once, the cache version moves, the audit trail says who",
    async (role) => {
      const { api, user } = await h.signedIn(role);
      const comment = await pending({ body: `Approved by ${role}`, notify: true });
      const before = await version();
      await api.moderation.approve(seen(comment));
      expect(await publicBodies()).toContain(`Approved by ${role}`);
      expect(await version()).not.toBe(before);
      const stored = await h.db.comment.findUniqueOrThrow({ where: { id: comment.id } });
      expect(stored).toMatchObject({ status: "APPROVED", moderatedById: user.id });
      expect(stored.approvedAt).not.toBeNull();
      const event = await h.db.auditEvent.findFirstOrThrow({ where: { targetId: comment.id } });
      expect(event).toMatchObject({ action: "comment.approved", actorId: user.id });
      expect(await h.db.emailMessage.count({ where: { to: comment.authorEmail } })).toBe(1);
    },
  );

  it("an author can neither see the queue nor moderate, and nothing changes", async () => {
    const author = await h.as("AUTHOR");
    const comment = await pending();
    await expect(author.moderation.queue({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    for (const attempt of [
      () => author.moderation.approve(seen(comment)),
      () => author.moderation.reject(seen(comment)),
      () => author.moderation.markSpam(seen(comment)),
      () => author.moderation.delete(seen(comment)),
      () => author.moderation.redact({ ...seen(comment), phrase: "comment" }),
      () => author.moderation.moderateMany({ action: "approve", comments: [seen(comment)] }),
    ]) {
      await expect(attempt()).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await h.db.comment.findUniqueOrThrow({ where: { id: comment.id } })).toEqual(comment);
  });

  it("rejects with an internal reason and marks spam; neither is ever public", async () => {
    const moderator = await h.as("MODERATOR");
    const rejected = await pending({ body: "Rejected words" });
    const spam = await pending({ body: "Spam words" });
    await moderator.moderation.reject({ ...seen(rejected), reason: "Off topic" });
    await moderator.moderation.markSpam(seen(spam));
    expect(await h.db.comment.findUniqueOrThrow({ where: { id: rejected.id } })).toMatchObject({
      status: "REJECTED",
      moderationNote: "Off topic",
    });
    expect((await h.db.comment.findUniqueOrThrow({ where: { id: spam.id } })).status).toBe("SPAM");
    const bodies = await publicBodies();
    expect(bodies).not.toContain("Rejected words");
    expect(bodies).not.toContain("Spam words");
  });

  it("takes an approved comment down again when it is rejected", async () => {
    const moderator = await h.as("MODERATOR");
    const comment = await pending({ body: "Published then withdrawn" });
    await moderator.moderation.approve(seen(comment));
    const approved = await h.db.comment.findUniqueOrThrow({ where: { id: comment.id } });
    await moderator.moderation.reject(seen(approved));
    expect(await publicBodies()).not.toContain("Published then withdrawn");
  });

  it("blocks a sender: the comment is spam and their next comment goes straight to spam", async () => {
    const moderator = await h.as("MODERATOR");
    const email = "abuser@example.org";
    const comment = await pending({ email, body: "Abuse" });
    await expect((await h.as("AUTHOR")).moderation.blockSender(seen(comment))).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await moderator.moderation.blockSender(seen(comment));
    expect((await h.db.comment.findUniqueOrThrow({ where: { id: comment.id } })).status).toBe("SPAM");
    const { rules } = await moderator.moderation.settings();
    expect(rules.blockedEmails).toContain(email);
    expect(rules.blockedIpHashes).toContain(comment.ipHash);
    expect(await h.db.auditEvent.count({ where: { targetId: comment.id, action: "settings.senderBlocked" } })).toBe(1);
  });

  it("lets editors and administrators delete permanently, and not moderators", async () => {
    const comment = await pending();
    await expect((await h.as("MODERATOR")).moderation.delete(seen(comment))).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await (await h.as("EDITOR")).moderation.delete(seen(comment));
    expect(await h.db.comment.findUnique({ where: { id: comment.id } })).toBeNull();
    expect(await h.db.auditEvent.count({ where: { targetId: comment.id, action: "comment.deleted" } })).toBe(1);
  });

  it("refuses, changing nothing, an action on a comment that is gone or no longer as the moderator saw it", async () => {
    const moderator = await h.as("MODERATOR");
    const gone = await pending();
    await h.db.comment.delete({ where: { id: gone.id } });
    await expect(moderator.moderation.approve(seen(gone))).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("no longer exists"),
    });
    const moved = await pending();
    await moderator.moderation.markSpam(seen(moved));
    await expect(moderator.moderation.approve(seen(moved))).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("it is now spam"),
    });
    expect((await h.db.comment.findUniqueOrThrow({ where: { id: moved.id } })).status).toBe("SPAM");
    const edited = await pending({ body: "A slur here" });
    await moderator.moderation.redact({ ...seen(edited), phrase: "slur" });
    await expect(moderator.moderation.approve(seen(edited))).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("when two moderators approve and reject the same comment at once, exactly one wins", async () => {
    const [first, second] = [await h.as("MODERATOR"), await h.as("EDITOR")];
    for (let round = 0; round < 3; round += 1) {
      const comment = await pending();
      const results = await Promise.allSettled([
        first.moderation.approve(seen(comment)),
        second.moderation.reject({ ...seen(comment), reason: "Abusive" }),
      ]);
      const won = results.filter((r) => r.status === "fulfilled");
      const lost = results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0]).toMatchObject({ code: "CONFLICT" });
      const stored = await h.db.comment.findUniqueOrThrow({ where: { id: comment.id } });
      expect(stored.status).toBe(results[0]?.status === "fulfilled" ? "APPROVED" : "REJECTED");
      expect(await h.db.auditEvent.count({ where: { targetId: comment.id } })).toBe(1);
    }
  });

  it("applies a bulk action to those still as seen and reports which did not succeed and why", async () => {
    const moderator = await h.as("MODERATOR");
    const [a, b, c] = [await pending(), await pending(), await pending()];
    const gone = await pending();
    await h.db.comment.delete({ where: { id: gone.id } });
    await moderator.moderation.approve(seen(c));
    const result = await moderator.moderation.moderateMany({
      action: "spam",
      comments: [seen(a), seen(b), seen(c), seen(gone)],
    });
    expect(result.succeeded.sort()).toEqual([a.id, b.id].sort());
    expect(result.failed).toEqual([
      { id: c.id, reason: expect.stringContaining("it is now approved") },
      { id: gone.id, reason: expect.stringContaining("no longer exists") },
    ]);
    expect(await h.db.comment.count({ where: { id: { in: [a.id, b.id] }, status: "SPAM" } })).toBe(2);
    expect((await h.db.comment.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("APPROVED");
  });

  it("deletes in bulk only for editors and administrators", async () => {
    const comments = [await pending(), await pending()];
    await expect(
      (await h.as("MODERATOR")).moderation.deleteMany({ comments: comments.map(seen) }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const result = await (await h.as("ADMIN")).moderation.deleteMany({ comments: comments.map(seen) });
    expect(result).toEqual({ succeeded: expect.arrayContaining(comments.map((c) => c.id)), failed: [] });
    expect(await h.db.comment.count({ where: { id: { in: comments.map((c) => c.id) } } })).toBe(0);
  });

  it("redacts a phrase wherever it occurs, keeping the original text in the audit trail", async () => {
    const moderator = await h.as("MODERATOR");
    const comment = await pending({ body: "Call Jo Bloggs on 07700 900123. JO BLOGGS knows." });
    await moderator.moderation.approve(seen(comment));
    const approved = await h.db.comment.findUniqueOrThrow({ where: { id: comment.id } });
    const before = await version();
    await expect(moderator.moderation.redact({ ...seen(approved), phrase: "jo bloggs" })).resolves.toEqual({
      body: "Call [removed] on 07700 900123. [removed] knows.",
    });
    expect(await publicBodies()).toContain("Call [removed] on 07700 900123. [removed] knows.");
    expect(await version()).not.toBe(before);
    const event = await h.db.auditEvent.findFirstOrThrow({
      where: { targetId: comment.id, action: "comment.redacted" },
    });
    expect(event.data).toMatchObject({ originalBody: "Call Jo Bloggs on 07700 900123. JO BLOGGS knows." });
    const latest = await h.db.comment.findUniqueOrThrow({ where: { id: comment.id } });
    const error = await moderator.moderation.redact({ ...seen(latest), phrase: "absent" }).catch((e) => e);
    expect(error).toMatchObject({ code: "BAD_REQUEST" });
  });

  it("publishes a staff reply at once under the observatory's name, only to an approved comment", async () => {
    const { api, user } = await h.signedIn("MODERATOR");
    const comment = await pending();
    await expect(api.moderation.reply({ parentId: comment.id, body: "Thank you" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await api.moderation.approve(seen(comment));
    const { id } = await api.moderation.reply({ parentId: comment.id, body: "Thank you for sharing this." });
    expect(await h.db.comment.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "APPROVED",
      staffAuthorId: user.id,
      parentId: comment.id,
    });
    const article = await (await h.anonymous()).content.article({ section: "news", slug });
    if (article.kind !== "item") throw new Error("expected the article");
    const reply = article.comments.find((c) => c.id === comment.id)?.replies.find((r) => r.id === id);
    expect(reply).toMatchObject({ isStaff: true, authorName: "NHS Race and Health Observatory" });
  });
});

describe("the moderation queue", () => {
  const h = useHarness();
  let itemId: string;
  let otherItemId: string;

  beforeAll(async () => {
    const authorId = (await createUser(h.db, "AUTHOR")).id;
    itemId = (await createItem(h.db, { authorId, live: { title: "Queue article" } })).id;
    otherItemId = (await createItem(h.db, { authorId, live: { title: "Other article" } })).id;
    const start = Date.now() - 3_600_000;
    for (let i = 0; i < 7; i += 1) {
      const c = await createComment(h.db, {
        itemId: i < 5 ? itemId : otherItemId,
        status: "PENDING",
        body: `Pending ${i}${i === 3 ? " interpreter" : ""}`,
        email: "regular@example.org",
      });
      await h.db.comment.update({
        where: { id: c.id },
        data: { createdAt: new Date(start + i * 60_000), flags: ["new-commenter"] },
      });
    }
    await createComment(h.db, { itemId, status: "APPROVED", email: "regular@example.org" });
    await createComment(h.db, { itemId, status: "APPROVED", email: "regular@example.org" });
    await createComment(h.db, { itemId, status: "REJECTED", email: "regular@example.org" });
    await createComment(h.db, { itemId, status: "SPAM" });
  });

  it("pages through a tab newest first and oldest first without repeating or skipping", async () => {
    const api = await h.as("MODERATOR");
    const walk = async (order: "newest" | "oldest") => {
      const bodies: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await api.moderation.queue({ status: "PENDING", order, limit: 3, cursor });
        bodies.push(...page.rows.map((r) => r.body.split(" ").slice(0, 2).join(" ")));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return bodies;
    };
    const newest = await walk("newest");
    expect(newest).toEqual(["Pending 6", "Pending 5", "Pending 4", "Pending 3", "Pending 2", "Pending 1", "Pending 0"]);
    expect(await walk("oldest")).toEqual([...newest].reverse());
  });

  it("counts each tab, filters by article, date and text, and shows context and history", async () => {
    const api = await h.as("MODERATOR");
    const all = await api.moderation.queue({});
    expect(all.counts).toEqual({ PENDING: 7, APPROVED: 2, REJECTED: 1, SPAM: 1, TRASH: 0 });
    const row = all.rows[0];
    expect(row).toMatchObject({
      authorEmail: "regular@example.org",
      otherComments: { email: "regular@example.org", pending: 6, approved: 2, rejected: 1, spam: 0 },
      flags: [{ code: "new-commenter", label: "First comment from this email" }],
      item: { title: "Other article" },
    });
    expect((await api.moderation.queue({ itemId })).counts.PENDING).toBe(5);
    expect((await api.moderation.queue({ q: "INTERPRETER" })).rows.map((r) => r.body)).toEqual([
      "Pending 3 interpreter",
    ]);
    // The comments are dated up to an hour back: from the London day three hours ago, so that the
    // test also holds just after midnight.
    const londonDay = (at: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(at);
    const from = londonDay(new Date(Date.now() - 3 * 3_600_000));
    expect((await api.moderation.queue({ from, to: londonDay(new Date()) })).counts.PENDING).toBe(7);
    expect((await api.moderation.queue({ to: "2020-01-01" })).rows).toEqual([]);
    await expect(api.moderation.queue({ cursor: "nonsense" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("shows the comment a reply answers", async () => {
    const api = await h.as("EDITOR");
    const parent = await createComment(h.db, { itemId, status: "APPROVED", body: "The original point" });
    const reply = await createComment(h.db, { itemId, status: "PENDING", parentId: parent.id });
    const page = await api.moderation.queue({ q: reply.body, limit: 100 });
    expect(page.rows.find((r) => r.id === reply.id)?.parent).toMatchObject({ body: "The original point" });
  });

  it("shows one comment on its own, and says when it is gone", async () => {
    const api = await h.as("MODERATOR");
    const comment = await createComment(h.db, { itemId, status: "PENDING", body: "On its own page" });
    await expect(api.moderation.comment({ id: comment.id })).resolves.toMatchObject({
      body: "On its own page",
      item: { title: "Queue article" },
    });
    await h.db.comment.delete({ where: { id: comment.id } });
    await expect(api.moderation.comment({ id: comment.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect((await h.as("AUTHOR")).moderation.comment({ id: comment.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});

describe("the queue's tab counts", () => {
  const h = useHarness();
  let itemId: string;

  beforeAll(async () => {
    const authorId = (await createUser(h.db, "AUTHOR")).id;
    itemId = (await createItem(h.db, { authorId, live: { title: "Counted article" } })).id;
  });

  const stored = async () => {
    const groups = await h.db.comment.groupBy({ by: ["status"], _count: { _all: true } });
    const counts = { PENDING: 0, APPROVED: 0, REJECTED: 0, SPAM: 0, TRASH: 0 };
    for (const g of groups) counts[g.status] = g._count._all;
    return counts;
  };

  it("stay exact through submissions, decisions, replies and deletions (kept by the database, not counted)", async () => {
    const api = await h.as("ADMIN");
    const comments = await Promise.all(
      Array.from({ length: 6 }, (_, i) => createComment(h.db, { itemId, status: "PENDING", body: `Counted ${i}` })),
    );
    const [first, second, third] = comments;
    if (!first || !second || !third) throw new Error("expected comments");
    await h.db.comment.createMany({
      data: [
        { itemId, parentId: first.id, authorName: "A", authorEmail: "a@example.org", body: "reply", status: "SPAM" },
        { itemId, authorName: "B", authorEmail: "b@example.org", body: "approved", status: "APPROVED" },
      ],
    });
    const result = await api.moderation.moderateMany({
      action: "approve",
      comments: [first, second].map((c) => ({ id: c.id, status: c.status, updatedAt: c.updatedAt })),
    });
    expect(result.succeeded).toHaveLength(2);
    await api.moderation.reject({ id: third.id, status: "PENDING", updatedAt: third.updatedAt });
    // Deleting the parent takes its reply with it (the foreign key cascades).
    await h.db.comment.delete({ where: { id: first.id } });
    const queue = await api.moderation.queue({});
    expect(queue.counts).toEqual(await stored());
    expect(queue.counts).toEqual({ PENDING: 3, APPROVED: 2, REJECTED: 1, SPAM: 0, TRASH: 0 });
    expect(queue.countCap).toBeNull();
  });

  it("under a text search count every tab's matches, in the text, the name or the email address", async () => {
    const api = await h.as("MODERATOR");
    await createComment(h.db, { itemId, status: "PENDING", body: "About the Kettering clinic" });
    await createComment(h.db, { itemId, status: "SPAM", email: "kettering-fan@example.org" });
    const search = await api.moderation.queue({ q: "ketter" });
    expect(search.counts).toEqual({ PENDING: 1, APPROVED: 0, REJECTED: 0, SPAM: 1, TRASH: 0 });
    expect(search.countCap).toBe(1000);
    expect(search.rows.map((r) => r.body)).toEqual(["About the Kettering clinic"]);
    expect((await api.moderation.queue({ status: "SPAM", q: "KETTERING-FAN@" })).rows).toHaveLength(1);
  });

  it("search what a comment says now: after a redaction or an erasure, not before", async () => {
    const admin = await h.as("ADMIN");
    const comment = await createComment(h.db, {
      itemId,
      status: "PENDING",
      body: "Call Dr Smithers on 07700 900123",
      email: "smithers-reader@example.org",
    });
    await admin.moderation.redact({ ...comment, phrase: "07700 900123" });
    expect((await admin.moderation.queue({ q: "900123" })).rows).toEqual([]);
    expect((await admin.moderation.queue({ q: "[removed]" })).rows.map((r) => r.id)).toEqual([comment.id]);
    await admin.moderation.eraseByEmail({ email: "smithers-reader@example.org", mode: "anonymise" });
    expect((await admin.moderation.queue({ q: "smithers-reader" })).rows).toEqual([]);
    expect((await admin.moderation.queue({ q: "Dr Smithers" })).rows.map((r) => r.authorName)).toEqual(["Anonymous"]);
  });
});
