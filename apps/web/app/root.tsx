import { Document, PageShell } from "@observatory/ui";
import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { isRouteErrorResponse, Links, Meta, Outlet, useLocation, useRouteError } from "@remix-run/react";
import type { ReactNode } from "react";
import { siteUrl } from "~/lib/api.server";
import { isRemovedPage, REMOVED_TITLE, RemovedPage } from "~/components/removed-page";
import { EnhancementScripts } from "~/lib/enhancements";
import { siteFooter, siteHeader, siteName } from "~/lib/site";
import siteCss from "~/styles/site.scss?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: siteCss },
  {
    rel: "alternate",
    type: "application/atom+xml",
    title: "All news, blogs and press releases",
    href: "/feeds/all.xml",
  },
  { rel: "icon", href: "/assets/images/favicon.ico", sizes: "48x48" },
  { rel: "icon", href: "/assets/images/favicon.svg", type: "image/svg+xml" },
];

export function loader() {
  return { siteUrl: siteUrl() };
}

function errorTitle(error: unknown): string {
  if (!isRouteErrorResponse(error)) return "Sorry, there is a problem";
  if (error.status === 404) return "Page not found";
  return error.status === 410 && isRemovedPage(error.data) ? REMOVED_TITLE : "Sorry, there is a problem";
}

/** Titles for the error pages (routes set their own otherwise). */
export const meta: MetaFunction = ({ error }) =>
  error
    ? [
        {
          title: `${errorTitle(error)} - ${siteName}`,
        },
      ]
    : [];

/**
 * Every public page is complete as the server sends it: React renders it on the server only, and
 * the browser gets no React, no route data and no router (decision 023). What earns JavaScript is
 * loaded as a small module by EnhancementScripts, only on the pages that use it.
 */
export function Layout({ children }: { children: ReactNode }) {
  return (
    <Document
      head={
        <>
          <Meta />
          <Links />
        </>
      }
      scripts={<EnhancementScripts />}
    >
      {children}
    </Document>
  );
}

function Shell({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  return (
    <PageShell header={siteHeader(pathname)} footer={siteFooter}>
      {children}
    </PageShell>
  );
}

export default function App() {
  return (
    <Shell>
      <Outlet />
    </Shell>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404 ? error : null;
  const removed = isRouteErrorResponse(error) && error.status === 410 && isRemovedPage(error.data) ? error.data : null;
  return (
    <Shell>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {removed ? (
            <RemovedPage page={removed} />
          ) : notFound ? (
            <>
              <h1>Page not found</h1>
              {typeof notFound.data === "string" && notFound.data && notFound.data !== "Page not found" && (
                <p>{notFound.data}</p>
              )}
              <p>If you typed the web address, check it is correct.</p>
              <p>If you pasted the web address, check you copied the entire address.</p>
              <p>
                You can <a href="/search">search the site</a> or go to the <a href="/">home page</a>.
              </p>
            </>
          ) : (
            <>
              <h1>Sorry, there is a problem with this page</h1>
              <p>Try again later.</p>
              <p>
                You can go to the <a href="/">home page</a>.
              </p>
            </>
          )}
        </div>
      </div>
    </Shell>
  );
}
