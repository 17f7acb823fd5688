import { Tag } from "@observatory/ui";
import { formatDateTime } from "@observatory/time";
import { type CommentStatus, statusLabels } from "~/lib/moderation";
import { type CommentSummaryRow, OtherComments } from "./comment-summary";
import { QueueRowActions } from "./queue-row-actions";
import { QueueRowSelect } from "./queue-row-select";

// The queue as a dense table, one line or two per comment (WordPress's comments screen): who, what
// and where, when, and its status. Each row's actions show while the row is hovered or anything in
// it has focus, and are in the tab order all the time. A plain <table>: its headers carry the
// structure, no ARIA roles are added.

export type QueueTableRow = CommentSummaryRow & { authorName: string; isStaffReply: boolean; updatedAt: Date | string };

const excerpt = (text: string, length = 300) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

export function QueueTable({
  rows,
  status,
  canDelete,
  busy,
  failures,
  publicSiteUrl,
}: {
  rows: QueueTableRow[];
  status: CommentStatus;
  canDelete: boolean;
  busy: boolean;
  failures: Map<string, string>;
  publicSiteUrl: string;
}) {
  return (
    <table className="nhsuk-table admin-queue-table" data-queue-list>
      <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">{statusLabels[status]} comments</caption>
      <thead className="nhsuk-table__head">
        <tr className="nhsuk-table__row">
          <th scope="col" className="nhsuk-table__header">
            <span className="nhsuk-u-visually-hidden">Select</span>
          </th>
          <th scope="col" className="nhsuk-table__header">
            Author
          </th>
          <th scope="col" className="nhsuk-table__header">
            Comment
          </th>
          <th scope="col" className="nhsuk-table__header">
            Sent
          </th>
          <th scope="col" className="nhsuk-table__header">
            Status
          </th>
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {rows.map((row) => (
          <tr
            key={row.id}
            id={`row-${row.id}`}
            className="nhsuk-table__row admin-queue-table__row"
            data-queue-row={row.id}
            data-author={row.authorName}
            tabIndex={-1}
          >
            <td className="nhsuk-table__cell">
              <QueueRowSelect row={row} isLabelShown={false} />
            </td>
            <th scope="row" className="nhsuk-table__header nhsuk-body-s">
              {row.authorName} {row.isStaffReply && <Tag colour="blue">Staff reply</Tag>}
              <span className="admin-queue-table__detail">{row.authorEmail || "erased"}</span>
              {row.otherComments && (
                <span className="admin-queue-table__detail">
                  Others: <OtherComments counts={row.otherComments} />
                </span>
              )}
            </th>
            <td className="nhsuk-table__cell nhsuk-body-s">
              <span className="admin-queue-table__detail">
                On <a href={new URL(row.item.path, publicSiteUrl).toString()}>{row.item.title}</a>
                {row.parent && `, in reply to ${row.parent.authorName}`}
              </span>
              {failures.has(row.id) && (
                <span className="nhsuk-error-message">
                  <span className="nhsuk-u-visually-hidden">Error:</span> {failures.get(row.id)}
                </span>
              )}
              <span className="admin-as-typed admin-queue-table__body">{excerpt(row.body)}</span>
              {row.flags.length > 0 && (
                <span className="admin-queue-table__detail">
                  Why it is here: {row.flags.map((flag) => flag.label).join(", ")}
                </span>
              )}
              <QueueRowActions row={row} canDelete={canDelete} busy={busy} compact />
            </td>
            <td className="nhsuk-table__cell nhsuk-body-s">{formatDateTime(row.createdAt)}</td>
            <td className="nhsuk-table__cell nhsuk-body-s">
              {statusLabels[row.status]}
              {row.purgeAt && (
                <span className="admin-queue-table__detail">Deleted permanently on {formatDateTime(row.purgeAt)}</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
