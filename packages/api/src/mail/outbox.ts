import type { Db } from "@observatory/db";
import { z } from "zod";

// The outbox. A service that sends mail writes it here, with the same transaction client as the
// change that causes it, so the email goes out if and only if the change commits:
//
//   await ctx.db.$transaction(async (tx) => {
//     await tx.comment.update(...);
//     await queueEmail(tx, { to: author.email, subject: "Your comment is live", text: "..." });
//   });
//
// Nothing else is needed: every successful tRPC mutation kicks the sender (mail/mailer.ts), and the
// admin server's delivery loop retries failures with backoff and picks up mail queued elsewhere.

export type OutgoingEmail = {
  to: string;
  /** One line. */
  subject: string;
  /** Plain text: every email has it. */
  text: string;
  /** Optional HTML alternative. */
  html?: string;
  /** Extra headers (List-Unsubscribe ...), each value one line. */
  headers?: Record<string, string>;
};

const outgoingEmail = z.object({
  to: z.email(),
  subject: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[^\r\n]*$/, "must be one line"),
  text: z.string().min(1),
  html: z.string().min(1).optional(),
  headers: z
    .record(
      z.string().regex(/^[A-Za-z][A-Za-z0-9-]*$/),
      z
        .string()
        .max(2000)
        .regex(/^[^\r\n]*$/, "must be one line"),
    )
    .optional(),
});

export async function queueEmail(tx: Pick<Db, "emailMessage">, email: OutgoingEmail): Promise<{ id: string }> {
  const message = outgoingEmail.parse(email);
  return tx.emailMessage.create({
    data: {
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html ?? null,
      ...(message.headers ? { headers: message.headers } : {}),
    },
    select: { id: true },
  });
}
