import type { ReactNode } from "react";
import { cx } from "./class-names";

export type CardProps = {
  heading: string;
  /** Makes the whole card clickable (nhsuk-card--clickable) via the heading link. */
  href?: string;
  headingLevel?: 2 | 3;
  description?: ReactNode;
  children?: ReactNode;
};

export function Card({ heading, href, headingLevel = 2, description, children }: CardProps) {
  const Heading = headingLevel === 3 ? "h3" : "h2";

  return (
    <div className={cx("nhsuk-card", href !== undefined && "nhsuk-card--clickable")}>
      <div className="nhsuk-card__content">
        <Heading className="nhsuk-card__heading">
          {href !== undefined ? (
            <a className="nhsuk-card__link" href={href}>
              {heading}
            </a>
          ) : (
            heading
          )}
        </Heading>
        {description !== undefined && <p className="nhsuk-card__description">{description}</p>}
        {children}
      </div>
    </div>
  );
}
