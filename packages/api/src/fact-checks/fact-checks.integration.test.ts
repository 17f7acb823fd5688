import type { UserModel as User } from "@observatory/db";
import { bodyOf } from "@observatory/db/testing";
import { formatDate } from "@observatory/time";
import { beforeAll, describe, expect, it } from "vitest";
import { type Harness, useHarness } from "../testing/harness.ts";
import { refusal } from "../testing/refusal.ts";

type Caller = Awaited<ReturnType<Harness["as"]>>;

const draft = (title: string) => ({
  title,
  summary: `About ${title}`,
  body: bodyOf(`${title}\n\nIn 2024, 41% of the trusts surveyed had a race equality lead.`),
  kind: "NEWS" as const,
});

/** A date typed as the form sends it (ISO), `days` London days from now. */
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const reason = "The trust's statement goes out at noon and ours must answer it the same hour.";

describe("fact checks by outside experts", () => {
  const h = useHarness();
  let author: { user: User; api: Caller };
  let otherAuthor: Caller;
  let editor: { user: User; api: Caller };
  let expert: Caller;

  beforeAll(async () => {
    author = await h.signedIn("AUTHOR");
    otherAuthor = await h.as("AUTHOR");
    editor = await h.signedIn("EDITOR");
    expert = await h.anonymous("198.51.100.20");
  });

  /** The link in the last email to `to`, and the email itself. */
  async function mailTo(to: string) {
    const email = await h.db.emailMessage.findFirstOrThrow({ where: { to }, orderBy: { createdAt: "desc" } });
    const token = /\/fact-check\/(\S+)/.exec(email.text)?.[1] ?? "";
    return { email, token };
  }

  async function requestFor(title: string, emails: string, by: Caller = author.api) {
    const created = await author.api.editorial.create(draft(title));
    const sent = await by.factChecks.send({
      itemId: created.itemId,
      revisionId: created.revisionId,
      emails,
      message: "Please check the survey figure in the second paragraph.",
      deadline: inDays(7),
    });
    return { ...created, requestId: sent.id };
  }

  it("sends each expert their own link to the draft, and records who was asked", async () => {
    const { itemId, revisionId, requestId } = await requestFor(
      "Survey of race equality leads",
      "Stats@University.example\nclinician@trust.example, stats@university.example",
    );

    const request = await h.db.factCheckRequest.findUniqueOrThrow({
      where: { id: requestId },
      include: { recipients: { orderBy: { email: "asc" } } },
    });
    expect(request).toMatchObject({ itemId, revisionId, requestedById: author.user.id, closedAt: null });
    // Lower-cased and without the repeat.
    expect(request.recipients.map((r) => r.email)).toEqual(["clinician@trust.example", "stats@university.example"]);
    const first = await mailTo("stats@university.example");
    const second = await mailTo("clinician@trust.example");
    expect(first.email.subject).toBe(`Fact check request from ${author.user.name}: Survey of race equality leads`);
    expect(first.email.text).toContain("Please check the survey figure");
    expect(first.email.text).toContain(formatDate(new Date(request.closesAt.getTime() - 1)));
    expect(first.token).not.toBe(second.token);
    // Only a hash of each link is kept.
    expect(request.recipients.some((r) => r.tokenHash.includes(first.token))).toBe(false);

    const audit = await h.db.auditEvent.findFirstOrThrow({
      where: { action: "content.factCheckRequest", targetId: itemId },
    });
    expect(audit).toMatchObject({ actorId: author.user.id, data: { factCheckRequestId: requestId, revisionId } });
    expect(audit.summary).toContain("stats@university.example, clinician@trust.example");
  });

  it("refuses bad input beside its field, naming the bad address, and sends nothing", async () => {
    const created = await author.api.editorial.create(draft("Figures on waiting times"));
    const base = {
      itemId: created.itemId,
      revisionId: created.revisionId,
      emails: "one@example.org",
      message: "Check the figures.",
      deadline: inDays(7),
    };
    const fieldError = async (change: Partial<typeof base>, field: string) => {
      const refused = await refusal(author.api.factChecks.send({ ...base, ...change }));
      expect(refused.code).toBe("BAD_REQUEST");
      return refused.form?.fieldErrors[field];
    };
    expect(await fieldError({ emails: "  " }, "emails")).toBe("Enter at least one email address");
    expect(await fieldError({ emails: "one@example.org\nnot-an-address" }, "emails")).toMatch(
      /“not-an-address” is not an email address/,
    );
    expect(
      await fieldError({ emails: Array.from({ length: 11 }, (_, i) => `e${i}@example.org`).join("\n") }, "emails"),
    ).toMatch(/10 email addresses or fewer/);
    expect(await fieldError({ message: " " }, "message")).toMatch(/what you would like the experts to check/);
    expect(await fieldError({ message: "x".repeat(2001) }, "message")).toMatch(/2,000 characters or fewer/);
    expect(await fieldError({ deadline: "" }, "deadline")).toMatch(/Enter the date/);
    expect(await fieldError({ deadline: "31/02/2027" }, "deadline")).toMatch(/real date/);
    expect(await fieldError({ deadline: inDays(-2) }, "deadline")).toBe("The deadline must be today or later");
    expect(await fieldError({ deadline: inDays(100) }, "deadline")).toMatch(/no later than/);

    expect(await h.db.factCheckRequest.count({ where: { itemId: created.itemId } })).toBe(0);
    expect(await h.db.emailMessage.count({ where: { to: "one@example.org" } })).toBe(0);
  });

  it("may be sent by whoever may edit the draft, and only while it is not published", async () => {
    const created = await author.api.editorial.create(draft("Whose item is it"));
    const input = {
      itemId: created.itemId,
      revisionId: created.revisionId,
      emails: "someone@example.org",
      message: "Check it.",
      deadline: inDays(3),
    };
    const byOther = await refusal(otherAuthor.factChecks.send(input));
    expect(byOther.code).toBe("FORBIDDEN");
    expect(byOther.message).toMatch(/only edit content you created/);
    await expect(editor.api.factChecks.send(input)).resolves.toMatchObject({ experts: 1 });
    await expect((await h.as("ADMIN")).factChecks.send(input)).resolves.toMatchObject({ experts: 1 });

    await editor.api.editorial.forcePublish({ ...created, reason });
    const afterPublication = await refusal(author.api.factChecks.send(input));
    expect(afterPublication.code).toBe("CONFLICT");
    expect(afterPublication.message).toMatch(/published/);
    expect(await h.db.factCheckRequest.count({ where: { itemId: created.itemId } })).toBe(2);
  });

  it("shows the expert the draft, takes one answer with the revision, audits it and tells the requester", async () => {
    const { itemId, revisionId, requestId } = await requestFor("Answered by an expert", "expert@university.example");
    const { token } = await mailTo("expert@university.example");

    const opened = await expert.factChecks.open({ token });
    expect(opened).toMatchObject({ state: "open", title: "Answered by an expert", email: "expert@university.example" });
    expect(opened.state === "open" && opened.article.bodyHtml).toContain("41% of the trusts");

    const refused = await refusal(expert.factChecks.answer({ token, verdict: "CORRECTIONS", comments: " " }));
    expect(refused.form?.fieldErrors.comments).toBe("Say what needs correcting");

    await expert.factChecks.answer({ token, verdict: "CORRECTIONS", comments: "It was 38% in 2024; 41% is 2025." });
    const recipient = await h.db.factCheckRecipient.findFirstOrThrow({
      where: { requestId },
      include: { request: { select: { revisionId: true } } },
    });
    expect(recipient).toMatchObject({ verdict: "CORRECTIONS", comments: "It was 38% in 2024; 41% is 2025." });
    expect(recipient.openedAt).not.toBeNull();
    expect(recipient.request.revisionId).toBe(revisionId);

    const audit = await h.db.auditEvent.findFirstOrThrow({
      where: { action: "content.factCheckAnswer", targetId: itemId },
    });
    expect(audit).toMatchObject({ actorId: null, data: { revisionId, verdict: "CORRECTIONS" } });
    const mail = await h.db.emailMessage.findFirstOrThrow({
      where: { to: author.user.email },
      orderBy: { createdAt: "desc" },
    });
    expect(mail.subject).toBe("Fact check answered by expert@university.example: Answered by an expert");
    expect(mail.text).toContain("It was 38% in 2024");
    expect(mail.text).toContain(`/content/${itemId}/fact-checks`);

    // Once only: the link now shows the answer.
    const again = await refusal(expert.factChecks.answer({ token, verdict: "ACCURATE", comments: "" }));
    expect(again.code).toBe("CONFLICT");
    expect(await expert.factChecks.open({ token })).toMatchObject({
      state: "answered",
      answer: { verdict: "It needs corrections" },
    });

    // The editors see it, flagged once the item has moved on.
    const list = await author.api.factChecks.ofItem({ itemId });
    expect(list.requests[0]).toMatchObject({
      isLatestRevision: true,
      revision: { number: 1 },
      recipients: [{ status: "ANSWERED", verdict: "CORRECTIONS" }],
    });
    const saved = await author.api.editorial.save({
      itemId,
      baseRevisionId: revisionId,
      ...draft("Answered by an expert, corrected"),
    });
    expect(saved.revisionId).not.toBe(revisionId);
    expect((await author.api.factChecks.ofItem({ itemId })).requests[0]?.isLatestRevision).toBe(false);
    expect(await author.api.factChecks.counts({ itemId })).toEqual({ requests: 1, waiting: 0, answered: 1 });
  });

  it("closes the link after its deadline: a closed page, and an answer then is refused with nothing stored", async () => {
    const { itemId, requestId } = await requestFor("Past its deadline", "late@example.org");
    const { token } = await mailTo("late@example.org");
    await h.db.factCheckRequest.update({ where: { id: requestId }, data: { closesAt: new Date(Date.now() - 1000) } });

    expect(await expert.factChecks.open({ token })).toMatchObject({
      state: "closed",
      reason: "Its deadline has passed.",
    });
    const refused = await refusal(expert.factChecks.answer({ token, verdict: "ACCURATE", comments: "" }));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toMatch(/has closed/);
    expect(await h.db.factCheckRecipient.findFirstOrThrow({ where: { requestId } })).toMatchObject({
      answeredAt: null,
      verdict: null,
    });
    expect(await h.db.auditEvent.count({ where: { action: "content.factCheckAnswer", targetId: itemId } })).toBe(0);
    expect((await author.api.factChecks.ofItem({ itemId })).requests[0]).toMatchObject({
      closure: "DEADLINE",
      canWithdraw: false,
      recipients: [{ status: "EXPIRED" }],
    });
  });

  it("closes the link once the item is published, and keeps it closed if it is unpublished again", async () => {
    const { itemId, revisionId, requestId } = await requestFor("Published meanwhile", "pub@example.org");
    const { token } = await mailTo("pub@example.org");
    await editor.api.editorial.forcePublish({ itemId, revisionId, reason });

    expect(await h.db.factCheckRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({
      closedReason: "PUBLISHED",
    });
    expect(await expert.factChecks.open({ token })).toMatchObject({
      state: "closed",
      reason: "The page has been published since the request was sent.",
    });
    await expect(expert.factChecks.answer({ token, verdict: "ACCURATE", comments: "" })).rejects.toThrow(/has closed/);

    await editor.api.editorial.unpublish({ itemId });
    expect(await expert.factChecks.open({ token })).toMatchObject({ state: "closed" });
    expect((await author.api.factChecks.ofItem({ itemId })).requests[0]?.recipients[0]?.status).toBe("CLOSED");
  });

  it("closes the link from a scheduled publication's time on, before the scheduler records it", async () => {
    const created = await author.api.editorial.create(draft("Scheduled meanwhile"));
    await author.api.editorial.submit({ itemId: created.itemId, revisionId: created.revisionId });
    await editor.api.editorial.approve({ itemId: created.itemId, revisionId: created.revisionId });
    expect((await h.db.contentItem.findUniqueOrThrow({ where: { id: created.itemId } })).status).toBe("APPROVED");
    await author.api.factChecks.send({
      itemId: created.itemId,
      revisionId: created.revisionId,
      emails: "scheduled@example.org",
      message: "Check the dates.",
      deadline: inDays(5),
    });
    const { token } = await mailTo("scheduled@example.org");
    await editor.api.editorial.schedule({
      itemId: created.itemId,
      revisionId: created.revisionId,
      publishAt: { date: inDays(2), time: "09:00" },
    });
    expect(await expert.factChecks.open({ token })).toMatchObject({ state: "open" });
    // The scheduled instant comes (after the request was sent); nothing has recorded it yet.
    await h.db.contentItem.update({ where: { id: created.itemId }, data: { publishAt: new Date() } });
    expect(await expert.factChecks.open({ token })).toMatchObject({ state: "closed" });
  });

  it("can be withdrawn by staff who may edit the item, once, before it closes", async () => {
    const { itemId, requestId } = await requestFor("Withdrawn request", "withdrawn@example.org");
    const { token } = await mailTo("withdrawn@example.org");

    expect((await refusal(otherAuthor.factChecks.withdraw({ id: requestId }))).code).toBe("FORBIDDEN");
    await author.api.factChecks.withdraw({ id: requestId });
    expect(await h.db.factCheckRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({
      closedReason: "WITHDRAWN",
      closedById: author.user.id,
    });
    expect(await expert.factChecks.open({ token })).toMatchObject({
      state: "closed",
      reason: "The observatory has withdrawn this request.",
    });
    expect((await refusal(editor.api.factChecks.withdraw({ id: requestId }))).code).toBe("CONFLICT");
    const audit = await h.db.auditEvent.findFirstOrThrow({
      where: { action: "content.factCheckWithdraw", targetId: itemId },
    });
    expect(audit).toMatchObject({ actorId: author.user.id, summary: expect.stringContaining("withdrawn@example.org") });
  });

  it("refuses a link that is not one (forged, or made for something else) as not valid", async () => {
    const created = await author.api.editorial.create(draft("Not a fact-check link"));
    const share = await author.api.editorial.createShareLink({ revisionId: created.revisionId, days: 7 });
    const shareToken = share.url.split("/preview/")[1] ?? "";
    for (const token of ["nonsense", `${shareToken}`, "abc.def"]) {
      const refused = await refusal(expert.factChecks.open({ token }));
      expect(refused.code).toBe("NOT_FOUND");
      expect(refused.message).toMatch(/not valid/);
    }
  });

  it("limits how often a link may be answered", async () => {
    await requestFor("Limited answers", "limited@example.org");
    const { token } = await mailTo("limited@example.org");
    const someone = await h.anonymous("198.51.100.77");
    await someone.factChecks.answer({ token, verdict: "ACCURATE", comments: "" });
    for (let i = 0; i < 9; i += 1) {
      expect((await refusal(someone.factChecks.answer({ token, verdict: "ACCURATE", comments: "" }))).code).toBe(
        "CONFLICT",
      );
    }
    const limited = await refusal(someone.factChecks.answer({ token, verdict: "ACCURATE", comments: "" }));
    expect(limited.code).toBe("TOO_MANY_REQUESTS");
    expect(limited.message).toMatch(/Try again in/);
  });
});
