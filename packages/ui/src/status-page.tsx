import type { ReactNode } from "react";
import type { FooterProps } from "./footer";
import type { HeaderProps } from "./header";
import { PageShell } from "./page-shell";

export type StatusPageProps = {
  /** The page's heading, also its title before " - siteName". */
  title: string;
  paragraphs: string[];
  siteName: string;
  /** The app's stylesheets (nhsuk-frontend's and its own). */
  stylesheets: string[];
  header: HeaderProps;
  footer: FooterProps;
};

/**
 * A whole page for answers given before or instead of the app (too large, not allowed, service
 * unavailable): the app's look, no scripts, and a way on.
 */
export function StatusPage({ title, paragraphs, siteName, stylesheets, header, footer }: StatusPageProps): ReactNode {
  return (
    <html lang="en-GB">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} - ${siteName}`}</title>
        {stylesheets.map((href) => (
          <link key={href} rel="stylesheet" href={href} />
        ))}
      </head>
      <body>
        <PageShell header={header} footer={footer}>
          <div className="nhsuk-grid-row">
            <div className="nhsuk-grid-column-two-thirds">
              <h1>{title}</h1>
              {paragraphs.map((paragraph) => (
                <p className="nhsuk-body" key={paragraph}>
                  {paragraph}
                </p>
              ))}
              <p className="nhsuk-body">
                <a href="/">Go to the home page</a>
              </p>
            </div>
          </div>
        </PageShell>
      </body>
    </html>
  );
}
