import { Tag } from "@observatory/ui";
import { formatDateTime } from "@observatory/time";
import { type CommentStatus, queueHref, statusLabels } from "~/lib/moderation";

// What a moderator needs to judge a comment: who sent it (with their history), where, in reply to
// what, the text, and why the rules put it here. Shared by the queue and a comment's own page.

export type CommentSummaryRow = {
  id: string;
  status: CommentStatus;
  body: string;
  authorEmail: string;
  ipHash: string | null;
  createdAt: Date | string;
  moderatedAt: Date | string | null;
  moderatedBy: string | null;
  moderationNote: string | null;
  trashedAt: Date | string | null;
  purgeAt: Date | string | null;
  flags: { code: string; label: string }[];
  item: { id: string; title: string; path: string };
  parent: { authorName: string; body: string; status: CommentStatus } | null;
  otherComments: OtherCommentCounts | null;
};

type OtherCommentCounts = { email: string; pending: number; approved: number; rejected: number; spam: number };

const historyStatuses = [
  ["pending", "PENDING"],
  ["approved", "APPROVED"],
  ["rejected", "REJECTED"],
  ["spam", "SPAM"],
] as const;

/** The sender's other comments by status, each count a link to them in the queue. */
export function OtherComments({ counts }: { counts: OtherCommentCounts }) {
  return (
    <>
      {historyStatuses.map(([key, status], index) => (
        <span key={key}>
          {index > 0 && ", "}
          {counts[key] > 0 ? (
            <a href={queueHref({ status, email: counts.email })}>
              {counts[key]} {statusLabels[status].toLowerCase()}
            </a>
          ) : (
            `0 ${statusLabels[status].toLowerCase()}`
          )}
        </span>
      ))}
    </>
  );
}

const excerpt = (text: string, length = 200) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

export function CommentSummary({ row, publicSiteUrl }: { row: CommentSummaryRow; publicSiteUrl: string }) {
  return (
    <>
      <dl className="admin-facts nhsuk-body-s nhsuk-u-margin-bottom-2">
        <div>
          <dt className="nhsuk-u-font-weight-bold">Email: </dt>
          <dd>{row.authorEmail || "erased"}</dd>
        </div>
        {row.otherComments && (
          <div>
            <dt className="nhsuk-u-font-weight-bold">Other comments from this email: </dt>
            <dd>
              <OtherComments counts={row.otherComments} />
            </dd>
          </div>
        )}
        <div>
          <dt className="nhsuk-u-font-weight-bold">Sent: </dt>
          <dd>{formatDateTime(row.createdAt)}</dd>
        </div>
        {row.ipHash && (
          <div>
            <dt className="nhsuk-u-font-weight-bold">IP hash: </dt>
            <dd>
              <code>{row.ipHash}</code>
            </dd>
          </div>
        )}
        <div>
          <dt className="nhsuk-u-font-weight-bold">On: </dt>
          <dd>
            <a href={new URL(row.item.path, publicSiteUrl).toString()}>{row.item.title}</a> (
            <a href={queueHref({ itemId: row.item.id })}>only this article</a>)
          </dd>
        </div>
      </dl>
      {row.parent && (
        <blockquote className="nhsuk-inset-text nhsuk-u-margin-top-2 nhsuk-u-margin-bottom-2">
          <p className="nhsuk-body-s">
            In reply to {row.parent.authorName}
            {row.parent.status !== "APPROVED" && ` (${statusLabels[row.parent.status].toLowerCase()})`}:
          </p>
          <p className="nhsuk-body-s admin-as-typed">{excerpt(row.parent.body)}</p>
        </blockquote>
      )}
      <p className="admin-as-typed">{row.body}</p>
      {row.flags.length > 0 && (
        <p className="nhsuk-body-s">
          Why it is here:{" "}
          {row.flags.map((flag) => (
            <span key={flag.code}>
              <Tag colour={row.status === "SPAM" ? "red" : "grey"}>{flag.label}</Tag>{" "}
            </span>
          ))}
        </p>
      )}
      {row.trashedAt && row.purgeAt && (
        <p className="nhsuk-body-s">
          In the trash since {formatDateTime(row.trashedAt)}: restorable until it is deleted permanently on{" "}
          {formatDateTime(row.purgeAt)}.
        </p>
      )}
      {row.moderatedAt && (
        <p className="nhsuk-body-s">
          {statusLabels[row.status]}
          {row.moderatedBy ? ` by ${row.moderatedBy}` : ""} on {formatDateTime(row.moderatedAt)}
          {row.moderationNote ? `: ${row.moderationNote}` : ""}
        </p>
      )}
    </>
  );
}
