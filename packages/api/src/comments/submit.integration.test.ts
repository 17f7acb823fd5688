import { createComment, createItem, createUser } from "@observatory/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { toFormErrors } from "../form-errors.ts";
import { useHarness } from "../testing/harness.ts";
import { issueFormToken } from "./form-token.ts";
import { approvedThread, MAX_COMMENT_LENGTH, type PublicComment } from "./public-service.ts";

const seconds = (n: number) => new Date(Date.now() - n * 1000);

describe("submitting a comment", () => {
  const h = useHarness();
  let itemId: string;
  let authorId: string;

  beforeAll(async () => {
    authorId = (await createUser(h.db, "AUTHOR")).id;
    itemId = (await createItem(h.db, { authorId, live: { title: "Open for comments" } })).id;
  });

  let counter = 0;
  const nextNumber = () => {
    counter += 1;
    return counter;
  };
  const valid = (overrides: Record<string, unknown> = {}) => ({
    itemId,
    name: "Ada Reader",
    email: `reader${nextNumber()}@example.org`,
    body: "This matched my experience as a midwife.",
    formToken: issueFormToken(seconds(10)),
    ...overrides,
  });
  const freshIp = () => `198.51.100.${nextNumber() % 250}`;
  const stored = () => h.db.comment.count();

  it("stores a valid comment as PENDING with a keyed IP hash, never the IP", async () => {
    const caller = await h.anonymous("192.0.2.44");
    await expect(caller.comments.submit(valid({ email: "Mixed.Case@Example.org" }))).resolves.toEqual({
      status: "PENDING",
    });
    const comment = await h.db.comment.findFirstOrThrow({ where: { authorEmail: "mixed.case@example.org" } });
    expect(comment.status).toBe("PENDING");
    expect(comment.ipHash).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.stringify(comment)).not.toContain("192.0.2.44");
  });

  it.each([
    ["no name", { name: " " }, "name", "Enter your name"],
    ["no email", { email: "" }, "email", "Enter your email address"],
    ["a malformed email", { email: "not-an-email" }, "email", "Enter an email address in the correct format"],
    ["no comment", { body: "   " }, "body", "Enter your comment"],
    ["an oversize comment", { body: "x".repeat(MAX_COMMENT_LENGTH + 1) }, "body", "characters or fewer"],
  ])("refuses %s with a field error and stores nothing", async (_label, overrides, field, message) => {
    const before = await stored();
    const caller = await h.anonymous(freshIp());
    const error = await caller.comments.submit(valid(overrides)).catch((e) => e);
    expect(error.code).toBe("BAD_REQUEST");
    expect(toFormErrors(error)?.fieldErrors[field]).toContain(message);
    expect(await stored()).toBe(before);
  });

  it.each([
    ["the honeypot is filled in", () => ({ website: "http://spam.example" }), "could not be accepted"],
    ["the form came back too quickly", () => ({ formToken: issueFormToken(seconds(0)) }), "too quick"],
    ["the form token is forged", () => ({ formToken: `${Date.now() - 60_000}.forged` }), "could not be accepted"],
    ["the form is a day old", () => ({ formToken: issueFormToken(seconds(25 * 3600)) }), "expired"],
  ])("refuses a submission when %s and stores nothing", async (_label, overrides, message) => {
    const before = await stored();
    const caller = await h.anonymous(freshIp());
    await expect(caller.comments.submit(valid(overrides()))).rejects.toThrow(message);
    expect(await stored()).toBe(before);
  });

  it.each([
    ["a draft", { pending: { title: "Draft" }, status: "DRAFT" as const }],
    ["an archived item", { live: { title: "Archived" }, status: "ARCHIVED" as const }],
    ["an item with comments closed", { live: { title: "Closed" }, commentsOpen: false }],
    ["an expired item", { live: { title: "Expired" }, unpublishAt: seconds(60) }],
  ])("refuses comments on %s", async (_label, spec) => {
    const target = await createItem(h.db, { authorId, ...spec });
    const before = await stored();
    const caller = await h.anonymous(freshIp());
    await expect(caller.comments.submit(valid({ itemId: target.id }))).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await stored()).toBe(before);
  });

  it("accepts a reply to an approved comment and refuses one to a pending comment or too deep a thread", async () => {
    const top = await createComment(h.db, { itemId, status: "APPROVED" });
    const pending = await createComment(h.db, { itemId, status: "PENDING" });
    const second = await createComment(h.db, { itemId, parentId: top.id, status: "APPROVED" });
    const third = await createComment(h.db, { itemId, parentId: second.id, status: "APPROVED" });
    const caller = await h.anonymous(freshIp());
    await expect(caller.comments.submit(valid({ parentId: top.id }))).resolves.toEqual({ status: "PENDING" });
    await expect(caller.comments.submit(valid({ parentId: pending.id }))).rejects.toThrow("not available");
    await expect(caller.comments.submit(valid({ parentId: third.id }))).rejects.toThrow("cannot be nested");
    // The public thread offers a reply exactly where one is accepted.
    const { comments } = await approvedThread(h.db, itemId);
    const offered = (list: PublicComment[]): [string, boolean][] =>
      list.flatMap((c) => [[c.id, c.canReply] as [string, boolean], ...offered(c.replies)]);
    expect(offered(comments)).toEqual(
      expect.arrayContaining([
        [top.id, true],
        [second.id, true],
        [third.id, false],
      ]),
    );
  });

  it("limits comments per IP address", async () => {
    const caller = await h.anonymous("203.0.113.99");
    for (let i = 0; i < 5; i += 1) await caller.comments.submit(valid());
    const before = await stored();
    await expect(caller.comments.submit(valid())).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    expect(await stored()).toBe(before);
  });

  it("limits comments per email address, whatever the IP", async () => {
    for (let i = 0; i < 5; i += 1) {
      await (await h.anonymous(freshIp())).comments.submit(valid({ email: "prolific@example.org" }));
    }
    const before = await stored();
    const caller = await h.anonymous(freshIp());
    await expect(caller.comments.submit(valid({ email: "PROLIFIC@example.org" }))).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
    });
    expect(await stored()).toBe(before);
  });
});
