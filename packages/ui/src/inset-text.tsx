import type { ReactNode } from "react";

export type InsetTextProps = { children: ReactNode };

/** Plain text is wrapped in a paragraph, as the template does for `text`; other content is used as given. */
export function InsetText({ children }: InsetTextProps) {
  return (
    <div className="nhsuk-inset-text">
      <span className="nhsuk-u-visually-hidden">Information: </span>
      {typeof children === "string" ? <p>{children}</p> : children}
    </div>
  );
}
