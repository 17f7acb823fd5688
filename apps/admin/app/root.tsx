import { PageShell } from "@observatory/ui";
import type { LinksFunction, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteError,
} from "@remix-run/react";
import nhsukCss from "nhsuk-frontend/dist/nhsuk/nhsuk-frontend.min.css?url";
import { type ReactNode, useEffect } from "react";
import { adminFooter, adminHeader, serviceName } from "~/lib/site";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: nhsukCss },
  { rel: "icon", href: "/assets/images/favicon.ico", sizes: "48x48" },
  { rel: "icon", href: "/assets/images/favicon.svg", type: "image/svg+xml" },
];

/** Titles for the error pages (routes set their own otherwise). */
export const meta: MetaFunction = ({ error }) =>
  error
    ? [
        {
          title: `${isRouteErrorResponse(error) && error.status === 404 ? "Page not found" : "Sorry, there is a problem"} - ${serviceName}`,
        },
      ]
    : [];

// nhsuk-frontend's own snippet: components enhance only where the browser supports them.
const bodyClassScript =
  "document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' nhsuk-frontend-supported' : '');";

export function Layout({ children }: { children: ReactNode }) {
  return (
    <html lang="en-GB">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <Meta />
        <Links />
      </head>
      <body suppressHydrationWarning>
        {/* static snippet from nhsuk-frontend */}
        <script dangerouslySetInnerHTML={{ __html: bodyClassScript }} />
        {children}
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

function Shell({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  useEffect(() => {
    import("nhsuk-frontend").then((nhsuk) => nhsuk.initAll());
  }, []);
  return (
    <PageShell header={adminHeader(pathname)} footer={adminFooter}>
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
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <Shell>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {notFound ? (
            <>
              <h1>Page not found</h1>
              <p>If you typed the web address, check it is correct.</p>
              <p>If you pasted the web address, check you copied the entire address.</p>
              <p>
                Go to the <a href="/">admin home page</a>.
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
