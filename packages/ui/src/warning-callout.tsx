import type { ReactNode } from "react";

export type WarningCalloutProps = { heading?: string; headingLevel?: 2 | 3; children: ReactNode };

export function WarningCallout({ heading = "Important", headingLevel = 3, children }: WarningCalloutProps) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  // The yellow styling isn't perceivable by everyone, so headings that don't say "important" get it read out.
  const needsPrefix = !/important/i.test(heading);

  return (
    <div className="nhsuk-card nhsuk-card--warning">
      <div className="nhsuk-card__content">
        <Heading className="nhsuk-card__heading">
          {needsPrefix ? (
            // biome-ignore lint/a11y/useValidAriaRole: role="text" is what nhsuk-frontend uses to stop VoiceOver splitting the heading
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>
              {heading}
            </span>
          ) : (
            heading
          )}
        </Heading>
        {typeof children === "string" ? <p className="nhsuk-card__description">{children}</p> : children}
      </div>
    </div>
  );
}
