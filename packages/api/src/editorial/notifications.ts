import type { Prisma } from "@observatory/db";
import { queueEmail } from "../mail/outbox.ts";
import { adminLink, type Tx } from "./common.ts";

// Editorial emails, queued in the transaction of the transition that causes them.

type Recipient = { email: string; name: string };

const editorLink = (itemId: string) => adminLink(`/content/${itemId}`);

async function reviewersExcept(tx: Tx, authorId: string, where: Prisma.UserWhereInput): Promise<Recipient[]> {
  return tx.user.findMany({
    where: { AND: [where, { disabledAt: null, id: { not: authorId } }] },
    select: { email: true, name: true },
    orderBy: { email: "asc" },
  });
}

/** Tells every editor and administrator (but the author) that a revision awaits review. */
export async function notifyReviewers(
  tx: Tx,
  item: { id: string; title: string; authorId: string; authorName: string },
  who: Prisma.UserWhereInput = { role: { in: ["EDITOR", "ADMIN"] } },
  step = "review",
): Promise<void> {
  for (const reviewer of await reviewersExcept(tx, item.authorId, who)) {
    await queueEmail(tx, {
      to: reviewer.email,
      subject: `Awaiting your ${step}: ${item.title}`.slice(0, 200),
      text: `Hello ${reviewer.name},\n\n${item.authorName} has submitted "${item.title}" for ${step}.\n\nReview it: ${editorLink(item.id)}\n`,
    });
  }
}

export async function notifyAuthor(
  tx: Tx,
  author: Recipient,
  itemId: string,
  title: string,
  event: { kind: "approved" } | { kind: "changesRequested"; reason: string } | { kind: "published"; when: string },
): Promise<void> {
  const [subject, body] =
    event.kind === "approved"
      ? [`Approved: ${title}`, `"${title}" has been approved and can now be published.`]
      : event.kind === "changesRequested"
        ? [`Changes requested: ${title}`, `A reviewer asked for changes to "${title}":\n\n${event.reason}`]
        : [`Published: ${title}`, `"${title}" is on the public site (${event.when}).`];
  await queueEmail(tx, {
    to: author.email,
    subject: subject.slice(0, 200),
    text: `Hello ${author.name},\n\n${body}\n\nOpen it: ${editorLink(itemId)}\n`,
  });
}
