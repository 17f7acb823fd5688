import type { Db } from "@observatory/db";
import type { MailTransport } from "./transport.ts";

/** After this many failed attempts a message is marked FAILED and left for a person to look at. */
export const MAX_ATTEMPTS = 8;
/** How long a sender holds a claimed message before another sender may take it over. */
const CLAIM_SECONDS = 120;

/** Wait before the next try after `attempts` failures: 1, 2, 4 ... minutes, at most 6 hours. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(60 * 2 ** Math.max(0, attempts - 1), 6 * 60 * 60);
}

type Claimed = {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  headers: unknown;
  attempts: number;
};

export type DeliveryResult = { claimed: number; sent: number; failed: number };

/**
 * Sends up to `batchSize` queued messages that are due. Each is claimed first (its next attempt
 * moved past the claim period, in one statement with SKIP LOCKED), so several senders in several
 * processes never send the same message twice at once.
 */
export async function deliverDueEmails(
  db: Pick<Db, "$queryRaw" | "emailMessage">,
  transport: MailTransport,
  { batchSize = 10, now = new Date() }: { batchSize?: number; now?: Date } = {},
): Promise<DeliveryResult> {
  const claimedUntil = new Date(now.getTime() + CLAIM_SECONDS * 1000);
  const claimed = await db.$queryRaw<Claimed[]>`
    UPDATE "EmailMessage" SET
      "attempts" = "attempts" + 1,
      "nextAttemptAt" = ${claimedUntil}
    WHERE "id" IN (
      SELECT "id" FROM "EmailMessage"
      WHERE "status" = 'QUEUED' AND "nextAttemptAt" <= ${now}
      ORDER BY "nextAttemptAt", "createdAt"
      LIMIT ${batchSize}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING "id", "to", "subject", "text", "html", "headers", "attempts"`;

  let sent = 0;
  let failed = 0;
  for (const message of claimed) {
    const error = await transport.send(message).then(
      () => null,
      (reason: unknown) => (reason instanceof Error ? reason.message : String(reason)),
    );
    if (error === null) {
      await db.emailMessage.update({
        where: { id: message.id },
        data: { status: "SENT", sentAt: new Date(), lastError: null },
      });
      sent += 1;
      continue;
    }
    failed += 1;
    const gaveUp = message.attempts >= MAX_ATTEMPTS;
    await db.emailMessage.update({
      where: { id: message.id },
      data: {
        status: gaveUp ? "FAILED" : "QUEUED",
        lastError: error.slice(0, 500),
        nextAttemptAt: new Date(now.getTime() + retryDelaySeconds(message.attempts) * 1000),
      },
    });
    console.warn(
      `mail: ${gaveUp ? "gave up on" : "will retry"} message ${message.id} after attempt ${message.attempts}: ${error}`,
    );
  }
  return { claimed: claimed.length, sent, failed };
}
