export type SkipLinkProps = { href?: string };

export function SkipLink({ href = "#maincontent" }: SkipLinkProps) {
  return (
    <a className="nhsuk-skip-link" data-module="nhsuk-skip-link" href={href}>
      Skip to main content
    </a>
  );
}
