import type { ReactNode } from "react";

export type TableProps = {
  caption: ReactNode;
  head: string[];
  rows: ReactNode[][];
  /** Renders the first cell of each row as a row header (th scope="row"). */
  firstCellIsHeader?: boolean;
};

/**
 * Responsive table: on small screens the CSS stacks each row and shows the repeated column
 * headings (hidden from assistive technology, which already gets them from the table semantics).
 * No ARIA roles restate the elements: HTML forbids them on rows and cells of a table, and the
 * browsers keep the table semantics when that CSS changes the display type (decision 019).
 */
export function Table({ caption, head, rows, firstCellIsHeader = false }: TableProps) {
  return (
    <table className="nhsuk-table nhsuk-table--responsive">
      <caption className="nhsuk-table__caption">{caption}</caption>
      <thead className="nhsuk-table__head">
        <tr className="nhsuk-table__row">
          {head.map((heading) => (
            <th className="nhsuk-table__header" scope="col" key={heading}>
              {heading}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {rows.map((row, rowIndex) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional data without identity
          <tr className="nhsuk-table__row" key={rowIndex}>
            {row.map((cell, cellIndex) => {
              const heading = head[cellIndex];
              const content = (
                <>
                  {heading !== undefined && (
                    <span className="nhsuk-table__heading" aria-hidden="true">{`${heading} `}</span>
                  )}
                  {cell}
                </>
              );
              return firstCellIsHeader && cellIndex === 0 ? (
                <th className="nhsuk-table__header" scope="row" key={heading ?? cellIndex}>
                  {content}
                </th>
              ) : (
                <td className="nhsuk-table__cell" key={heading ?? cellIndex}>
                  {content}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
