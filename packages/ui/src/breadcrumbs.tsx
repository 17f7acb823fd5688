import { BackLink } from "./back-link";

export type BreadcrumbItem = { href: string; label: string };
export type BreadcrumbsProps = { items: BreadcrumbItem[] };

/** Ancestors of the current page only; on small screens nhsuk-frontend shows just the back link to the last one. */
export function Breadcrumbs({ items }: BreadcrumbsProps) {
  const parent = items.at(-1);
  if (!parent) return null;

  return (
    <nav className="nhsuk-breadcrumb" aria-label="Breadcrumb">
      <ol className="nhsuk-breadcrumb__list">
        {items.map((item) => (
          <li className="nhsuk-breadcrumb__list-item" key={item.href}>
            <a className="nhsuk-breadcrumb__link" href={item.href}>
              {item.label}
            </a>
          </li>
        ))}
      </ol>
      <BackLink href={parent.href}>
        <span className="nhsuk-u-visually-hidden">Back to </span>
        {parent.label}
      </BackLink>
    </nav>
  );
}
