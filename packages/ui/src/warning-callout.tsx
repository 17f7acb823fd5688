import type { ReactNode } from "react";

/** `headingLevel` is 2 for a callout directly under the page's h1, 3 for one inside an h2's section. */
export type WarningCalloutProps = { heading?: string; headingLevel?: 2 | 3; children: ReactNode };

export function WarningCallout({ heading = "Important", headingLevel = 2, children }: WarningCalloutProps) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  // The yellow styling isn't perceivable by everyone, so headings that don't say "important" get it read out.
  const needsPrefix = !/important/i.test(heading);

  return (
    <div className="nhsuk-card nhsuk-card--warning">
      <div className="nhsuk-card__content">
        <Heading className="nhsuk-card__heading">
          {needsPrefix && <span className="nhsuk-u-visually-hidden">Important: </span>}
          {heading}
        </Heading>
        {typeof children === "string" ? <p className="nhsuk-card__description">{children}</p> : children}
      </div>
    </div>
  );
}
