import { createItem, createUser } from "@observatory/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { hitRateLimit } from "../rate-limit.ts";
import { hashIp } from "../request-meta.ts";
import { useHarness } from "../testing/harness.ts";
import { issueFormToken } from "./form-token.ts";
import { countRefusals } from "./refusals.ts";
import { defaultSpamRules, SPAM_RULES_KEY } from "./settings.ts";

const secondsAgo = (n: number) => new Date(Date.now() - n * 1000);

describe("comment rate limits and refusal counts", () => {
  const h = useHarness();
  let itemId: string;

  beforeAll(async () => {
    const authorId = (await createUser(h.db, "AUTHOR")).id;
    itemId = (await createItem(h.db, { authorId, live: { title: "Open for comments" } })).id;
    // 5 comments per address in 10 minutes, 3 per email address in an hour.
    const rules = {
      ...defaultSpamRules(),
      minSeconds: 3,
      ipLimit: 5,
      ipWindowMinutes: 10,
      emailLimit: 3,
      emailWindowMinutes: 60,
    };
    await h.db.setting.create({ data: { key: SPAM_RULES_KEY, value: rules } });
  });

  let counter = 0;
  const next = () => {
    counter += 1;
    return counter;
  };
  const submission = (overrides: Record<string, unknown> = {}) => ({
    itemId,
    name: "Ada Reader",
    email: `reader${next()}@example.org`,
    body: `A comment about the report, number ${next()}.`,
    formToken: issueFormToken(secondsAgo(10)),
    ...overrides,
  });
  /** Earlier allowed hits against a limit's key, `ages` seconds ago. */
  const earlierHits = (key: string, ages: number[]) =>
    h.db.rateLimitBucket.create({
      data: { key, hits: ages.map(secondsAgo), expiresAt: new Date(Date.now() + 3_600_000) },
    });
  const refusalsToday = async () => {
    const rows = await h.db.$queryRaw<{ rule: string; count: number }[]>`
      SELECT "rule", "count" FROM "CommentRefusalCount"
      WHERE "day" = (now() AT TIME ZONE 'Europe/London')::date`;
    return Object.fromEntries(rows.map((r) => [r.rule, r.count]));
  };

  it("lets no more than the limit through in any window, across a fixed window's boundary too", async () => {
    const limit = { limit: 5, windowSeconds: 600 };
    // A boundary of a fixed 10-minute window: its counter would start afresh here.
    const boundary = Math.ceil(Date.now() / 600_000) * 600_000;
    const at = (offsetSeconds: number) => new Date(boundary + offsetSeconds * 1000);
    for (const offset of [-5, -4, -3, -2, -1])
      expect(await hitRateLimit(h.db, "test:boundary", limit, at(offset))).toEqual({
        allowed: true,
        retryAfterSeconds: 0,
      });
    // Two seconds later, in the next fixed window: still five in the last ten minutes.
    expect(await hitRateLimit(h.db, "test:boundary", limit, at(1))).toEqual({
      allowed: false,
      retryAfterSeconds: 594,
    });
    // The refused hit was not counted: once the oldest hit has left the window, one more is allowed, then not.
    expect(await hitRateLimit(h.db, "test:boundary", limit, at(595))).toEqual({ allowed: true, retryAfterSeconds: 0 });
    expect(await hitRateLimit(h.db, "test:boundary", limit, at(595))).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it("tells a sender over the address limit the address limit's own wait, not the email's", async () => {
    const ip = "198.51.100.60";
    const caller = await h.anonymous(ip);
    const email = `address-limited-${next()}@example.org`;
    // Five from this address, the oldest 9½ minutes ago; this email has sent two of its three this hour.
    await earlierHits(`comment:ip:${hashIp(ip)}`, [570, 400, 300, 200, 100]);
    await earlierHits(`comment:email:${email}`, [10, 5]);
    const before = await refusalsToday();
    const stored = await h.db.comment.count();

    const error = await caller.comments.submit(submission({ email })).catch((e) => e);
    expect(error.code).toBe("TOO_MANY_REQUESTS");
    expect(error.message).toMatch(/^You have sent a lot of comments recently\. Try again in (29|30) seconds\.$/);
    expect(await h.db.comment.count()).toBe(stored);
    expect(await refusalsToday()).toEqual({ ...before, "ip-rate-limit": (before["ip-rate-limit"] ?? 0) + 1 });
    // Refused, so not counted against the email either: its third comment is still allowed elsewhere.
    const elsewhere = await h.anonymous("198.51.100.61");
    await expect(elsewhere.comments.submit(submission({ email }))).resolves.toEqual({ status: "PENDING" });
  });

  it("tells a sender over the email limit the email limit's own wait, not the address's", async () => {
    const ip = "198.51.100.62";
    const caller = await h.anonymous(ip);
    const email = `email-limited-${next()}@example.org`;
    // Three from this email this hour, the oldest 59½ minutes ago; this address has room for one more.
    await earlierHits(`comment:email:${email}`, [3570, 60, 30]);
    await earlierHits(`comment:ip:${hashIp(ip)}`, [5, 4, 3, 2]);
    const before = await refusalsToday();

    const error = await caller.comments.submit(submission({ email: email.toUpperCase() })).catch((e) => e);
    expect(error.code).toBe("TOO_MANY_REQUESTS");
    expect(error.message).toMatch(/Try again in (29|30) seconds\.$/);
    expect(await refusalsToday()).toEqual({ ...before, "email-rate-limit": (before["email-rate-limit"] ?? 0) + 1 });
  });

  it("states the longer wait when both limits are hit, and counts both", async () => {
    const ip = "198.51.100.63";
    const caller = await h.anonymous(ip);
    const email = `both-limited-${next()}@example.org`;
    await earlierHits(`comment:ip:${hashIp(ip)}`, [570, 5, 4, 3, 2]);
    await earlierHits(`comment:email:${email}`, [3000, 60, 30]);
    const before = await refusalsToday();

    const error = await caller.comments.submit(submission({ email })).catch((e) => e);
    expect(error.message).toMatch(/Try again in 10 minutes\.$/);
    expect(await refusalsToday()).toEqual({
      ...before,
      "ip-rate-limit": (before["ip-rate-limit"] ?? 0) + 1,
      "email-rate-limit": (before["email-rate-limit"] ?? 0) + 1,
    });
  });

  it("lets the sixth comment from an address through once the first has left the window", async () => {
    const ip = "198.51.100.64";
    await earlierHits(`comment:ip:${hashIp(ip)}`, [601, 400, 300, 200, 100]);
    const caller = await h.anonymous(ip);
    await expect(caller.comments.submit(submission())).resolves.toEqual({ status: "PENDING" });
    await expect(caller.comments.submit(submission())).rejects.toThrow("Try again in 4 minutes.");
  });

  it("counts refused bots per rule, and keeps nothing of what they sent", async () => {
    const before = await refusalsToday();
    const caller = await h.anonymous("198.51.100.65");
    const bot = submission({ name: "Spam Bot", email: "bot@spam.example", body: "Buy cheap pills now" });
    await expect(caller.comments.submit({ ...bot, website: "http://spam.example" })).rejects.toThrow(
      "could not be accepted",
    );
    await expect(caller.comments.submit({ ...bot, formToken: issueFormToken(secondsAgo(1)) })).rejects.toThrow(
      "too quick",
    );
    await expect(caller.comments.submit({ ...bot, formToken: issueFormToken(secondsAgo(1)) })).rejects.toThrow(
      "too quick",
    );
    await expect(caller.comments.submit({ ...bot, formToken: "123.forged" })).rejects.toThrow("could not be accepted");
    expect(await refusalsToday()).toEqual({
      ...before,
      honeypot: (before.honeypot ?? 0) + 1,
      "too-fast": (before["too-fast"] ?? 0) + 2,
      "form-invalid": (before["form-invalid"] ?? 0) + 1,
    });

    const rows = await h.db.$queryRaw<Record<string, unknown>[]>`SELECT * FROM "CommentRefusalCount"`;
    expect(Object.keys(rows[0] ?? {}).sort()).toEqual(["count", "day", "rule"]);
    const stored = JSON.stringify(rows);
    for (const sent of ["Spam Bot", "bot@spam.example", "pills", "spam.example", hashIp("198.51.100.65")])
      expect(stored).not.toContain(sent);
  });

  it("counts a refusal on the London day it happened, and shows moderators the last days' counts", async () => {
    // 23:30 UTC on 1 June is 00:30 on 2 June in London (BST); an hour earlier is still 1 June there.
    await countRefusals(h.db, ["honeypot", "honeypot", "too-deep"], new Date("2026-06-01T23:30:00Z"));
    await countRefusals(h.db, ["honeypot"], new Date("2026-06-01T22:30:00Z"));
    const rows = await h.db.commentRefusalCount.findMany({
      where: { day: { in: [new Date("2026-06-01"), new Date("2026-06-02")] } },
    });
    expect(rows.map((r) => [r.day.toISOString().slice(0, 10), r.rule, r.count]).sort()).toEqual([
      ["2026-06-01", "honeypot", 1],
      ["2026-06-02", "honeypot", 2],
      ["2026-06-02", "too-deep", 1],
    ]);

    const moderator = await h.as("MODERATOR");
    const shown = await moderator.moderation.refusals({ days: 30 });
    expect(shown.length).toBeGreaterThan(0);
    const days = shown.map((r) => r.day);
    expect(days).toEqual([...days].sort().reverse());
    expect(shown.find((r) => r.rule === "honeypot")).toMatchObject({
      label: "A hidden field meant for programs was filled in",
    });
    expect(shown.some((r) => r.day === "2026-06-02")).toBe(false);
    const author = await h.as("AUTHOR");
    await expect(author.moderation.refusals({ days: 30 })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
