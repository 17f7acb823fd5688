import { cx } from "./class-names";
import { Icon } from "./icon";

export type PaginationItem = number | "ellipsis";
export type PaginationProps = { page: number; pageCount: number; hrefFor: (page: number) => string };

function clampPage(page: number, pageCount: number): number {
  if (!Number.isInteger(page)) return 1;
  return Math.min(Math.max(page, 1), pageCount);
}

/**
 * Page numbers to show: first, last, and current ±1, with "ellipsis" for gaps. A gap of a single page
 * shows that page instead, since an ellipsis would take the same space and hide it.
 */
export function paginationItems(page: number, pageCount: number): PaginationItem[] {
  if (pageCount < 1) return [];
  const current = clampPage(page, pageCount);
  const shown = [...new Set([1, current - 1, current, current + 1, pageCount])]
    .filter((n) => n >= 1 && n <= pageCount)
    .sort((a, b) => a - b);

  const items: PaginationItem[] = [];
  let previous = 0;
  for (const n of shown) {
    const gap = n - previous - 1;
    if (gap === 1) items.push(previous + 1);
    else if (gap > 1) items.push("ellipsis");
    items.push(n);
    previous = n;
  }
  return items;
}

export function Pagination({ page, pageCount, hrefFor }: PaginationProps) {
  if (pageCount <= 1) return null;
  const current = clampPage(page, pageCount);

  return (
    // biome-ignore lint/a11y/noRedundantRoles: explicit role as in the nhsuk-frontend template
    <nav className="nhsuk-pagination nhsuk-pagination--numbered" role="navigation" aria-label="Pagination">
      {current > 1 && (
        <a href={hrefFor(current - 1)} className="nhsuk-pagination__previous" rel="prev">
          <Icon name="arrow-left" />
          <span className="nhsuk-pagination__title">
            Previous<span className="nhsuk-u-visually-hidden"> page</span>
          </span>
        </a>
      )}
      <ul className="nhsuk-pagination__list">
        {paginationItems(current, pageCount).map((item, index) =>
          item === "ellipsis" ? (
            // Ellipses have no identity of their own; their position (before/after current) is stable.
            <li className="nhsuk-pagination__item nhsuk-pagination__item--ellipsis" key={index < 2 ? "start" : "end"}>
              ⋯
            </li>
          ) : (
            <li
              className={cx("nhsuk-pagination__item", item === current && "nhsuk-pagination__item--current")}
              key={item}
            >
              <a
                className="nhsuk-pagination__link"
                href={hrefFor(item)}
                aria-label={`Page ${item}`}
                aria-current={item === current ? "page" : undefined}
              >
                {item}
              </a>
            </li>
          ),
        )}
      </ul>
      {current < pageCount && (
        <a href={hrefFor(current + 1)} className="nhsuk-pagination__next" rel="next">
          <span className="nhsuk-pagination__title">
            Next<span className="nhsuk-u-visually-hidden"> page</span>
          </span>
          <Icon name="arrow-right" />
        </a>
      )}
    </nav>
  );
}
