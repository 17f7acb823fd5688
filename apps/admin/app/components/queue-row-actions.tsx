import { Button } from "@observatory/ui";
import type { CommentStatus } from "~/lib/moderation";

// A comment's one-click decisions in the queue, as buttons of the queue's form (so each works as a
// plain form post without JavaScript, and the keyboard shortcuts press them). Cards show them as
// buttons; the table as a line of small link-like buttons, WordPress's row actions.

type Row = { id: string; status: CommentStatus; authorName: string };

type Action = { verb: string; label: string; variant: "primary" | "secondary" | "warning" };

/** Which decisions a comment in `status` offers: nothing more is decided in the trash until it is restored. */
function actionsFor(status: CommentStatus, canDelete: boolean): Action[] {
  if (status === "TRASH")
    return [
      { verb: "restore", label: "Restore", variant: "primary" },
      ...(canDelete ? [{ verb: "delete", label: "Delete permanently", variant: "warning" } as const] : []),
    ];
  return [
    ...(status !== "APPROVED" ? [{ verb: "approve", label: "Approve", variant: "primary" } as const] : []),
    ...(status !== "REJECTED" ? [{ verb: "reject", label: "Reject", variant: "secondary" } as const] : []),
    ...(status !== "SPAM" ? [{ verb: "spam", label: "Spam", variant: "secondary" } as const] : []),
    { verb: "trash", label: "Trash", variant: "secondary" },
    ...(status === "SPAM" && canDelete
      ? [{ verb: "delete", label: "Delete permanently", variant: "warning" } as const]
      : []),
  ];
}

export function QueueRowActions({
  row,
  canDelete,
  busy,
  compact = false,
}: {
  row: Row;
  canDelete: boolean;
  busy: boolean;
  compact?: boolean;
}) {
  const actions = actionsFor(row.status, canDelete);
  const whose = <span className="nhsuk-u-visually-hidden"> the comment by {row.authorName}</span>;
  if (!compact)
    return (
      <div className="nhsuk-button-group nhsuk-u-margin-bottom-2">
        {actions.map((action) => (
          <Button
            key={action.verb}
            variant={action.variant}
            name="intent"
            value={`${action.verb}:${row.id}`}
            disabled={busy}
          >
            {action.label}
            {whose}
          </Button>
        ))}
      </div>
    );
  return (
    <ul className="admin-row-actions nhsuk-body-s">
      {actions.map((action) => (
        <li key={action.verb}>
          <button
            type="submit"
            className={`admin-row-actions__button${action.variant === "warning" ? " admin-row-actions__button--warning" : ""}`}
            name="intent"
            value={`${action.verb}:${row.id}`}
            disabled={busy}
          >
            {action.label}
            {whose}
          </button>
        </li>
      ))}
      <li>
        <a href={`/comments/${row.id}`}>Edit{whose}</a>
      </li>
    </ul>
  );
}
