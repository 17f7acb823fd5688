import { escapeHtml } from "@observatory/content/escape-html";
import { formatDateTime } from "@observatory/time";
import { tagClassName } from "@observatory/ui";
import { isoDate } from "~/lib/format";

export type ThreadComment = {
  id: string;
  authorName: string;
  body: string;
  createdAt: Date | string;
  isStaff: boolean;
  /** Decided by the API (replies nest only so deep). */
  canReply: boolean;
  replies: ThreadComment[];
};

/** The tag beside a staff reply, with the UI's Tag's classes. */
const staffTag = `<strong class="${tagClassName("blue")}">Staff</strong>`;

/** Readers' words are rendered as text: paragraphs on blank lines, line breaks kept (by the stylesheet). */
function bodyHtml(body: string): string {
  let html = "";
  for (const paragraph of body.split(/\n{2,}/))
    html += `<p class="nhsuk-body observatory-comment-text">${escapeHtml(paragraph)}</p>`;
  return html;
}

/**
 * The items of a comment thread as HTML. A long thread is most of an article's page, and rendered
 * here as one string it costs a small part of what React's elements for it did (decision 031); every
 * value a reader wrote goes through escapeHtml, and comment-thread.test.ts parses the result.
 */
export function commentItemsHtml(comments: ThreadComment[], replyHref: ((id: string) => string) | null): string {
  let html = "";
  for (const comment of comments) {
    const id = escapeHtml(comment.id);
    const author = escapeHtml(comment.authorName);
    html += `<li id="comment-${id}" class="observatory-comment"><article aria-labelledby="comment-${id}-author">`;
    html += `<p class="nhsuk-u-margin-bottom-1"><strong id="comment-${id}-author">${author}</strong>`;
    if (comment.isStaff) html += ` ${staffTag}`;
    html += `</p><p class="nhsuk-body-s nhsuk-u-secondary-text-colour nhsuk-u-margin-bottom-2">`;
    html += `<time datetime="${isoDate(comment.createdAt)}">${escapeHtml(formatDateTime(comment.createdAt))}</time></p>`;
    html += bodyHtml(comment.body);
    if (replyHref && comment.canReply) {
      html += `<p class="nhsuk-body-s observatory-reply-link"><a href="${escapeHtml(replyHref(comment.id))}">`;
      html += `Reply<span class="nhsuk-u-visually-hidden"> to ${author}</span></a></p>`;
    }
    html += "</article>";
    if (comment.replies.length > 0)
      html += `<ol class="nhsuk-list observatory-comments">${commentItemsHtml(comment.replies, replyHref)}</ol>`;
    html += "</li>";
  }
  return html;
}

export function CommentThread({
  comments,
  replyHref,
}: {
  comments: ThreadComment[];
  replyHref: ((id: string) => string) | null;
}) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: built by commentItemsHtml, which escapes every value
  return (
    <ol
      className="nhsuk-list observatory-comments"
      dangerouslySetInnerHTML={{ __html: commentItemsHtml(comments, replyHref) }}
    />
  );
}
