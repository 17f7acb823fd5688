// A comment's checkbox for the actions on selected comments, with the state the moderator saw
// (`seen-<id>`: status and last change) that every action on it sends, in cards and table alike.

type Row = { id: string; status: string; authorName: string; updatedAt: Date | string };

export function QueueRowSelect({
  row,
  isLabelShown,
  className,
}: {
  row: Row;
  isLabelShown: boolean;
  className?: string;
}) {
  const whose = <span className="nhsuk-u-visually-hidden"> the comment by {row.authorName}</span>;
  return (
    <>
      <input type="hidden" name={`seen-${row.id}`} value={`${row.status}|${new Date(row.updatedAt).toISOString()}`} />
      <div className={`nhsuk-checkboxes nhsuk-checkboxes--small${className ? ` ${className}` : ""}`}>
        <div className="nhsuk-checkboxes__item">
          <input
            className="nhsuk-checkboxes__input"
            id={`select-${row.id}`}
            name="selected"
            type="checkbox"
            value={row.id}
          />
          <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`select-${row.id}`}>
            {isLabelShown ? <>Select{whose}</> : <span className="nhsuk-u-visually-hidden">Select{whose}</span>}
          </label>
        </div>
      </div>
    </>
  );
}
