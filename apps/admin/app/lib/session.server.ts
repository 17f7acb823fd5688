import { can, type Permission, safeRedirectPath } from "@observatory/api";
import { type AppLoadContext, redirect } from "@remix-run/node";
import { api } from "./api.server";

type Args = { request: Request; context: AppLoadContext };

/** Where the request was going (path and query, without Remix's own data-request parameters). */
export function currentPath(request: Request): string {
  const url = new URL(request.url);
  url.searchParams.delete("_routes");
  url.searchParams.delete("index");
  return `${url.pathname}${url.search}`;
}

/** `path` with `?redirectTo=` carrying where to go afterwards, when that is somewhere other than home. */
export function withRedirectTo(path: string, redirectTo: string): string {
  const target = safeRedirectPath(redirectTo);
  return target === "/" ? path : `${path}?redirectTo=${encodeURIComponent(target)}`;
}

/** The `?redirectTo=` of this request, if it is a path on this site; home otherwise. */
export function redirectTarget(request: Request): string {
  return safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"));
}

// Pages anyone may open, and the pages of the second sign-in step (plus signing out), which a
// session still waiting for its second factor may open. Everything else needs a full sign-in.
const OPEN_PAGES = [
  /^\/sign-in$/,
  /^\/password-reset(\/[^/]+)?$/,
  /^\/invitations\/[^/]+$/,
  /^\/email-change\/[^/]+$/,
  /^\/accessibility$/,
];
const MFA_STEP_PAGES = [/^\/sign-in\/verify$/, /^\/account\/authenticator\/set-up$/, /^\/sign-out$/];

type Session = Awaited<ReturnType<Awaited<ReturnType<typeof api>>["api"]["auth"]["session"]>>;

/**
 * Where a request for `request`'s page must go instead, for who is (or is not) signed in: to sign in
 * (and back afterwards), or to the second factor; null when it may go on.
 */
export function detour(request: Request, session: Session): string | null {
  const { pathname } = new URL(request.url);
  if (OPEN_PAGES.some((page) => page.test(pathname))) return null;
  const here = currentPath(request);
  if (!session) return withRedirectTo("/sign-in", here);
  if (session.mfa === "satisfied" || MFA_STEP_PAGES.some((page) => page.test(pathname))) return null;
  return withRedirectTo(session.mfa === "verify" ? "/sign-in/verify" : "/account/authenticator/set-up", here);
}

/**
 * The signed-in user, fully signed in (second factor included), with `permission` if given.
 * Otherwise: signed out -> sign-in (and back here afterwards); second factor due -> that step;
 * signed in without the permission -> 403. (The root loader sends every page through `detour` as
 * well, so a page that forgot to call this is still closed to visitors who are not signed in.)
 */
export async function requireUser(args: Args, options: { permission?: Permission } = {}) {
  const { api: caller, responseHeaders } = await api(args.request, args.context);
  const session = await caller.auth.session();
  if (session?.mfa !== "satisfied") {
    throw redirect(detour(args.request, session) ?? withRedirectTo("/sign-in", currentPath(args.request)), {
      headers: responseHeaders,
    });
  }
  if (options.permission && !can(session.user.role, options.permission)) {
    throw new Response("You do not have permission to see this page.", { status: 403 });
  }
  return { api: caller, user: session.user, responseHeaders };
}

/** Signed in with a password, the second factor possibly still due: for the pages of that step. */
export async function requireSession(args: Args) {
  const { api: caller, responseHeaders } = await api(args.request, args.context);
  const session = await caller.auth.session();
  if (!session) throw redirect(withRedirectTo("/sign-in", currentPath(args.request)), { headers: responseHeaders });
  return { api: caller, session, responseHeaders };
}
