import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useHarness } from "../testing/harness.ts";
import { type SmtpCapture, startSmtpCapture } from "../testing/smtp-capture.ts";
import { deliverDueEmails, MAX_ATTEMPTS, retryDelaySeconds } from "./deliver.ts";
import { createMailer } from "./mailer.ts";
import { queueEmail } from "./outbox.ts";
import { smtpTransport } from "./transport.ts";

let smtp: SmtpCapture;
beforeAll(async () => {
  smtp = await startSmtpCapture();
});
afterAll(async () => {
  await smtp.close();
});

const transport = () =>
  smtpTransport({ host: "127.0.0.1", port: smtp.port, secure: false, from: "Observatory <no-reply@observatory.test>" });

describe("the mail outbox", () => {
  // Mutations in this file deliver through the capture server, as the apps do through theirs.
  const h = useHarness({ mailer: (db) => createMailer(db, transport()) });

  it("sends queued mail through a real SMTP server, once", async () => {
    const to = `reader-${Date.now()}@example.org`;
    await h.db.$transaction((tx) =>
      queueEmail(tx, { to, subject: "Hello there", text: `Line one\n${"x".repeat(120)}` }),
    );

    const result = await deliverDueEmails(h.db, transport());
    expect(result.sent).toBeGreaterThanOrEqual(1);
    const mail = await smtp.waitFor((m) => m.to.includes(to));
    expect(mail.subject).toBe("Hello there");
    expect(mail.from).toBe("no-reply@observatory.test");
    expect(mail.text).toBe(`Line one\n${"x".repeat(120)}`);
    const row = await h.db.emailMessage.findFirstOrThrow({ where: { to } });
    expect(row).toMatchObject({ status: "SENT", attempts: 1, lastError: null });
    expect(row.sentAt).toBeInstanceOf(Date);

    await deliverDueEmails(h.db, transport());
    expect(smtp.messages.filter((m) => m.to.includes(to))).toHaveLength(1);
  });

  it("writes nothing when the transaction that queued the mail rolls back", async () => {
    const to = `rolled-back-${Date.now()}@example.org`;
    await expect(
      h.db.$transaction(async (tx) => {
        await queueEmail(tx, { to, subject: "Never", text: "Never sent" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await h.db.emailMessage.count({ where: { to } })).toBe(0);
  });

  it("refuses a subject that would inject headers", async () => {
    await expect(
      queueEmail(h.db, { to: "a@example.org", subject: "Hi\r\nBcc: everyone@example.org", text: "x" }),
    ).rejects.toThrow();
  });

  it("retries a refused message later, with backoff", async () => {
    const to = `retry-${Date.now()}@example.org`;
    const { id } = await queueEmail(h.db, { to, subject: "Retry me", text: "Body" });
    smtp.refuseNext(1);
    const start = new Date();
    await deliverDueEmails(h.db, transport(), { now: start });
    let row = await h.db.emailMessage.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "QUEUED", attempts: 1 });
    expect(row.lastError).toMatch(/451|Try again later/);
    expect(row.nextAttemptAt.getTime()).toBe(start.getTime() + retryDelaySeconds(1) * 1000);

    // Not due yet: a run now leaves it alone.
    await deliverDueEmails(h.db, transport(), { now: start });
    expect((await h.db.emailMessage.findUniqueOrThrow({ where: { id } })).attempts).toBe(1);

    // Due: it goes out.
    await deliverDueEmails(h.db, transport(), { now: row.nextAttemptAt });
    await smtp.waitFor((m) => m.to.includes(to));
    row = await h.db.emailMessage.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "SENT", attempts: 2 });
  });

  it("marks a message FAILED after the last attempt", async () => {
    const to = `failing-${Date.now()}@example.org`;
    const { id } = await queueEmail(h.db, { to, subject: "Doomed", text: "Body" });
    await h.db.emailMessage.update({ where: { id }, data: { attempts: MAX_ATTEMPTS - 1 } });
    smtp.refuseNext(1);
    await deliverDueEmails(h.db, transport());
    expect(await h.db.emailMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "FAILED",
      attempts: MAX_ATTEMPTS,
    });
  });

  it("never sends a message twice when several senders run at once", async () => {
    const to = `concurrent-${Date.now()}@example.org`;
    for (let i = 0; i < 6; i += 1) await queueEmail(h.db, { to, subject: `Message ${i}`, text: "Body" });
    await Promise.all([1, 2, 3].map(() => deliverDueEmails(h.db, transport(), { batchSize: 2 })));
    await Promise.all([1, 2, 3].map(() => deliverDueEmails(h.db, transport(), { batchSize: 2 })));
    const received = smtp.messages.filter((m) => m.to.includes(to)).map((m) => m.subject);
    expect(received.sort()).toEqual([0, 1, 2, 3, 4, 5].map((i) => `Message ${i}`));
  });

  it("is sent right after the mutation that queued it, without waiting for the delivery loop", async () => {
    const email = `invitee-${Date.now()}@example.org`;
    const admin = await h.as("ADMIN");
    await admin.users.invite({ email, role: "AUTHOR" });
    const mail = await smtp.waitFor((m) => m.to.includes(email));
    expect(mail.subject).toContain("invited");
  });
});
