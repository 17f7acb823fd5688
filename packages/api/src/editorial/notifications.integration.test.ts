import { bodyOf } from "@observatory/db/testing";
import type { UserModel as User } from "@observatory/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMailer } from "../mail/mailer.ts";
import { smtpTransport } from "../mail/transport.ts";
import { type Harness, useHarness } from "../testing/harness.ts";
import { type CapturedMail, type SmtpCapture, startSmtpCapture } from "../testing/smtp-capture.ts";

// The editorial emails as people receive them: each transition queues its mail, the mailer sends it
// through a real SMTP server, and these tests read what that server received.

type Caller = Awaited<ReturnType<Harness["as"]>>;

let smtp: SmtpCapture;
beforeAll(async () => {
  smtp = await startSmtpCapture();
});
afterAll(async () => {
  await smtp.close();
});

describe("editorial notification emails", () => {
  const h = useHarness({
    mailer: (db) =>
      createMailer(
        db,
        smtpTransport({ host: "127.0.0.1", port: smtp.port, secure: false, from: "no-reply@observatory.test" }),
      ),
  });
  let author: { user: User; api: Caller };
  let editor: { user: User; api: Caller };
  let secondEditor: { user: User; api: Caller };

  beforeAll(async () => {
    author = await h.signedIn("AUTHOR", { fields: { name: "Ada Author" } });
    editor = await h.signedIn("EDITOR", { fields: { name: "Eve Editor" } });
    secondEditor = await h.signedIn("EDITOR", { fields: { name: "Sam Second" } });
  });

  const received = (to: string, subject: string) => smtp.waitFor((m) => m.to.includes(to) && m.subject === subject);
  const reviewRequestTo = (to: string) => (m: CapturedMail) => m.to.includes(to) && m.subject.startsWith("Awaiting");
  const itemLink = (itemId: string) => expect.stringContaining(`/content/${itemId}`);

  it("tells reviewers, then the author, at each step from submission to publication", async () => {
    const title = "Maternity outcomes, 2026";
    const created = await author.api.editorial.create({
      title,
      summary: "What changed this year.",
      body: bodyOf("Findings\n\nThe gap narrowed."),
      kind: "NEWS",
    });
    await author.api.editorial.submit({ itemId: created.itemId, revisionId: created.revisionId });

    // Review requested: every editor but the author, each addressed by name, with a link to the item.
    for (const reviewer of [editor, secondEditor]) {
      const mail = await received(reviewer.user.email, `Awaiting your editorial review: ${title}`);
      expect(mail.to).toEqual([reviewer.user.email]);
      expect(mail.from).toBe("no-reply@observatory.test");
      expect(mail.text).toContain(`Hello ${reviewer.user.name},`);
      expect(mail.text).toContain(
        `Ada Author has submitted "${title}". It now waits for editorial review, which you can give.`,
      );
      expect(mail.text).toEqual(itemLink(created.itemId));
    }

    // Changes requested: the author, with the reviewer's reason word for word.
    const reason = "Please cite the 2023 figures\nand say where they come from.";
    await editor.api.editorial.requestChanges({ itemId: created.itemId, revisionId: created.revisionId, reason });
    const changes = await received(author.user.email, `Changes requested: ${title}`);
    expect(changes.to).toEqual([author.user.email]);
    expect(changes.text).toContain("Hello Ada Author,");
    expect(changes.text).toContain(`A reviewer asked for changes to "${title}" at editorial review:\n\n${reason}`);
    expect(changes.text).toEqual(itemLink(created.itemId));

    const revised = await author.api.editorial.save({
      itemId: created.itemId,
      baseRevisionId: created.revisionId,
      title,
      summary: "What changed this year.",
      body: bodyOf("Findings\n\nThe gap narrowed (2023 figures, ONS)."),
      kind: "NEWS",
    });
    await author.api.editorial.submit({ itemId: created.itemId, revisionId: revised.revisionId });
    // Each resubmission asks again.
    for (const reviewer of [editor, secondEditor]) {
      await expect.poll(() => smtp.messages.filter(reviewRequestTo(reviewer.user.email)).length).toBe(2);
    }

    // Approved: the author.
    await editor.api.editorial.approve({ itemId: created.itemId, revisionId: revised.revisionId });
    const approved = await received(author.user.email, `Approved: ${title}`);
    expect(approved.to).toEqual([author.user.email]);
    expect(approved.text).toContain(`"${title}" has been approved and can now be published.`);
    expect(approved.text).toEqual(itemLink(created.itemId));

    // Published: the author, with when it went live (in London time, BST or GMT said).
    await editor.api.editorial.publishNow({ itemId: created.itemId, revisionId: revised.revisionId });
    const published = await received(author.user.email, `Published: ${title}`);
    expect(published.to).toEqual([author.user.email]);
    expect(published.text).toMatch(new RegExp(`"${title}" is on the public site \\(.*(BST|GMT).*\\)\\.`));
    expect(published.text).toEqual(itemLink(created.itemId));

    // Nobody is asked to review their own work, and each email went out once.
    const forAuthor = smtp.messages.filter((m) => m.to.includes(author.user.email)).map((m) => m.subject);
    expect(forAuthor.sort()).toEqual([`Approved: ${title}`, `Changes requested: ${title}`, `Published: ${title}`]);
    expect(smtp.messages.filter(reviewRequestTo(author.user.email))).toEqual([]);
    // The outbox records each as sent (just after the server accepted it).
    const sent = () =>
      h.db.emailMessage.count({ where: { to: { in: [author.user.email, editor.user.email] }, status: "SENT" } });
    await expect.poll(sent).toBe(5);
  });
});
