import { Tag } from "@observatory/ui";
import { formatDateTime } from "@observatory/time";
import { isoDate } from "~/lib/format";

export type ThreadComment = {
  id: string;
  authorName: string;
  body: string;
  createdAt: Date | string;
  isStaff: boolean;
  depth: number;
  replies: ThreadComment[];
};

const MAX_DEPTH = 3;

/** Readers' words are rendered as text: paragraphs on blank lines, line breaks kept. */
function CommentBody({ body }: { body: string }) {
  return body.split(/\n{2,}/).map((paragraph, i) => (
    // paragraphs of a fixed text
    <p key={i} className="nhsuk-body observatory-comment-text">
      {paragraph}
    </p>
  ));
}

export function CommentThread({
  comments,
  replyHref,
}: {
  comments: ThreadComment[];
  replyHref: ((id: string) => string) | null;
}) {
  return (
    <ol className="nhsuk-list observatory-comments">
      {comments.map((comment) => (
        <li key={comment.id} id={`comment-${comment.id}`} className="observatory-comment">
          <article aria-labelledby={`comment-${comment.id}-author`}>
            <p className="nhsuk-u-margin-bottom-1">
              <strong id={`comment-${comment.id}-author`}>{comment.authorName}</strong>
              {comment.isStaff && (
                <>
                  {" "}
                  <Tag colour="blue">Staff</Tag>
                </>
              )}
            </p>
            <p className="nhsuk-body-s nhsuk-u-secondary-text-colour nhsuk-u-margin-bottom-2">
              <time dateTime={isoDate(comment.createdAt)}>{formatDateTime(comment.createdAt)}</time>
            </p>
            <CommentBody body={comment.body} />
            {replyHref && comment.depth < MAX_DEPTH && (
              <p className="nhsuk-body-s observatory-reply-link">
                <a href={replyHref(comment.id)}>
                  Reply<span className="nhsuk-u-visually-hidden"> to {comment.authorName}</span>
                </a>
              </p>
            )}
          </article>
          {comment.replies.length > 0 && <CommentThread comments={comment.replies} replyHref={replyHref} />}
        </li>
      ))}
    </ol>
  );
}
