import type { Db } from "@observatory/db";
import { itemPath } from "../content/kinds.ts";
import { apiConfig } from "../config.ts";
import { queueEmail } from "../mail/outbox.ts";

type Tx = Pick<Db, "emailMessage" | "contentItem" | "revision">;

/**
 * Tells a commenter who asked to be told that their comment is published, in the transaction that
 * publishes it (so the email goes if and only if the comment really is published).
 */
export async function queuePublishedEmail(
  tx: Tx,
  comment: { id: string; itemId: string; authorName: string; authorEmail: string },
): Promise<void> {
  // An erased commenter has no address left to write to.
  if (!comment.authorEmail) return;
  const item = await tx.contentItem.findUnique({
    where: { id: comment.itemId },
    select: { kind: true, slug: true, liveRevision: { select: { title: true } } },
  });
  if (!item) return;
  const url = new URL(`${itemPath(item.kind, item.slug)}#comment-${comment.id}`, apiConfig().publicSiteUrl);
  const title = item.liveRevision?.title ?? "our website";
  await queueEmail(tx, {
    to: comment.authorEmail,
    subject: "Your comment has been published",
    text: [
      `Dear ${comment.authorName},`,
      "",
      `Thank you for your comment on “${title}”. It is now published:`,
      url.toString(),
      "",
      "You asked us to tell you when it was published. We will not email you about it again.",
      "",
      "NHS Race and Health Observatory",
    ].join("\n"),
  });
}
