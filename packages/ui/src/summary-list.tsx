import type { ReactNode } from "react";
import { cx } from "./class-names";

/** `visuallyHiddenText` completes the link text for screen readers, e.g. "Change" + " name". */
export type SummaryListAction = { href: string; label: string; visuallyHiddenText?: string };
export type SummaryListRow = { key: string; value: ReactNode; action?: SummaryListAction };
export type SummaryListProps = { rows: SummaryListRow[]; border?: boolean };

export function SummaryList({ rows, border = true }: SummaryListProps) {
  const anyActions = rows.some((row) => row.action);

  return (
    <dl className={cx("nhsuk-summary-list", !border && "nhsuk-summary-list--no-border")}>
      {rows.map((row) => (
        <div
          className={cx("nhsuk-summary-list__row", anyActions && !row.action && "nhsuk-summary-list__row--no-actions")}
          key={row.key}
        >
          <dt className="nhsuk-summary-list__key">{row.key}</dt>
          <dd className="nhsuk-summary-list__value">{row.value}</dd>
          {row.action && (
            <dd className="nhsuk-summary-list__actions">
              <a className="nhsuk-link" href={row.action.href}>
                {row.action.label}
                {row.action.visuallyHiddenText && (
                  <span className="nhsuk-u-visually-hidden">{` ${row.action.visuallyHiddenText}`}</span>
                )}
              </a>
            </dd>
          )}
        </div>
      ))}
    </dl>
  );
}
