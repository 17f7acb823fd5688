import { queueEmail } from "../mail/outbox.ts";
import { adminLink, type Tx } from "./common.ts";

// Editorial emails, queued in the transaction of the transition that causes them.

type Recipient = { email: string; name: string };

const editorLink = (itemId: string) => adminLink(`/content/${itemId}`);

/** Tells the people who may decide a review step that a revision waits for them. */
export async function notifyReviewers(
  tx: Tx,
  item: { id: string; title: string; authorName: string },
  reviewers: Recipient[],
  step: string,
): Promise<void> {
  for (const reviewer of reviewers) {
    await queueEmail(tx, {
      to: reviewer.email,
      subject: `Awaiting your ${step.toLowerCase()}: ${item.title}`.slice(0, 200),
      text: `Hello ${reviewer.name},\n\n${item.authorName} has submitted "${item.title}". It now waits for ${step.toLowerCase()}, which you can give.\n\nReview it: ${editorLink(item.id)}\n`,
    });
  }
}

export async function notifyAuthor(
  tx: Tx,
  author: Recipient,
  itemId: string,
  title: string,
  event:
    | { kind: "approved" }
    | { kind: "changesRequested"; reason: string; step: string }
    | { kind: "published"; when: string },
): Promise<void> {
  const [subject, body] =
    event.kind === "approved"
      ? [`Approved: ${title}`, `"${title}" has been approved and can now be published.`]
      : event.kind === "changesRequested"
        ? [
            `Changes requested: ${title}`,
            `A reviewer asked for changes to "${title}" at ${event.step.toLowerCase()}:\n\n${event.reason}`,
          ]
        : [`Published: ${title}`, `"${title}" is on the public site (${event.when}).`];
  await queueEmail(tx, {
    to: author.email,
    subject: subject.slice(0, 200),
    text: `Hello ${author.name},\n\n${body}\n\nOpen it: ${editorLink(itemId)}\n`,
  });
}
