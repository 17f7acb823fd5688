import { Document, focusSuccessBanner, PageShell, useNonce } from "@observatory/ui";
import { type LinksFunction, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import nhsukCss from "nhsuk-frontend/dist/nhsuk/nhsuk-frontend.min.css?url";
import appCss from "~/styles.css?url";
import { type ReactNode, useEffect } from "react";
import { api } from "~/lib/api.server";
import { detour } from "~/lib/session.server";
import { can } from "@observatory/api/permissions";
import { adminFooter, adminHeader, pageTitle, type Viewer } from "~/lib/site";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: nhsukCss },
  { rel: "stylesheet", href: appCss },
  { rel: "icon", href: "/assets/images/favicon.ico", sizes: "48x48" },
  { rel: "icon", href: "/assets/images/favicon.svg", type: "image/svg+xml" },
];

/**
 * Who is signed in, for the header; and the first gate: every page but the open ones needs a
 * session (pages check their own permission too, in their loaders).
 */
export async function loader({ request, context }: LoaderFunctionArgs): Promise<{ viewer: Viewer }> {
  const { api: caller, responseHeaders } = await api(request, context);
  const session = await caller.auth.session();
  const elsewhere = detour(request, session);
  if (elsewhere) throw redirect(elsewhere, { headers: responseHeaders });
  if (!session) return { viewer: null };
  // The navigation's badge: one read of the per-status totals the database keeps (see decision 016).
  const pendingComments =
    session.mfa === "satisfied" && can(session.user.role, "comments.moderate")
      ? await caller.moderation.pendingCount()
      : null;
  return { viewer: { user: { name: session.user.name, role: session.user.role }, mfa: session.mfa, pendingComments } };
}

/** Titles for the error pages (routes set their own otherwise). */
export const meta: MetaFunction = ({ error }) => (error ? [{ title: pageTitle(errorPage(error).title) }] : []);

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  return (
    <Document
      head={
        <>
          <meta name="robots" content="noindex, nofollow" />
          <Meta />
          <Links />
        </>
      }
      scripts={
        <>
          <ScrollRestoration nonce={nonce} />
          <Scripts nonce={nonce} />
        </>
      }
    >
      {children}
    </Document>
  );
}

function Shell({ children }: { children: ReactNode }) {
  const { pathname, key } = useLocation();
  // Absent when the root loader itself failed (the error page then shows a plain header).
  const viewer = useRouteLoaderData<typeof loader>("root")?.viewer ?? null;
  useEffect(() => {
    import("nhsuk-frontend").then((nhsuk) => nhsuk.initAll());
  }, []);
  // After every navigation (a save, a submission, a decision), the outcome's banner takes focus.
  useEffect(() => {
    if (key) focusSuccessBanner();
  }, [key]);
  return (
    <PageShell header={adminHeader(pathname, viewer)} footer={adminFooter}>
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

function errorPage(error: unknown) {
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (status === 404) return { status, title: "Page not found" };
  if (status === 403) return { status, title: "You cannot use this page" };
  return { status, title: "Sorry, there is a problem with this page" };
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { status, title } = errorPage(error);
  return (
    <Shell>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1>{title}</h1>
          {status === 404 ? (
            <>
              <p>If you typed the web address, check it is correct.</p>
              <p>If you pasted the web address, check you copied the entire address.</p>
            </>
          ) : status === 403 ? (
            <p>
              {isRouteErrorResponse(error) && typeof error.data === "string"
                ? error.data
                : "You do not have permission to do that."}{" "}
              If you think you should, ask an administrator.
            </p>
          ) : (
            <p>Try again later.</p>
          )}
          <p>
            Go to the <a href="/">admin home page</a>.
          </p>
        </div>
      </div>
    </Shell>
  );
}
