import type { ReactNode } from "react";

export type ErrorMessageProps = { id: string; children: ReactNode };

export function ErrorMessage({ id, children }: ErrorMessageProps) {
  return (
    <span className="nhsuk-error-message" id={id}>
      <span className="nhsuk-u-visually-hidden">Error: </span>
      {children}
    </span>
  );
}
