import type { ReactNode } from "react";

export type BackLinkProps = { href: string; children?: ReactNode };

export function BackLink({ href, children = "Back" }: BackLinkProps) {
  return (
    <a className="nhsuk-back-link" href={href}>
      {children}
    </a>
  );
}
