import type { ReactNode } from "react";
import { type BreadcrumbItem, Breadcrumbs } from "./breadcrumbs";
import { Footer, type FooterProps } from "./footer";
import { Header, type HeaderProps } from "./header";
import { SkipLink } from "./skip-link";

export type PageShellProps = {
  header: HeaderProps;
  footer: FooterProps;
  breadcrumbs?: BreadcrumbItem[];
  children: ReactNode;
};

/** Everything inside <body>. Breadcrumbs go in the width container before <main>, as in nhsuk-frontend's page template. */
export function PageShell({ header, footer, breadcrumbs, children }: PageShellProps) {
  return (
    <>
      <SkipLink />
      <Header {...header} />
      <div className="nhsuk-width-container">
        {breadcrumbs && <Breadcrumbs items={breadcrumbs} />}
        {/* biome-ignore lint/a11y/noRedundantRoles: explicit landmark role kept on purpose */}
        <main className="nhsuk-main-wrapper" id="maincontent" role="main">
          {children}
        </main>
      </div>
      <Footer {...footer} />
    </>
  );
}
