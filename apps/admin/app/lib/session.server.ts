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

/**
 * The signed-in user, fully signed in (second factor included), with `permission` if given.
 * Otherwise: signed out -> sign-in (and back here afterwards); second factor due -> that step;
 * signed in without the permission -> 403.
 */
export async function requireUser(args: Args, options: { permission?: Permission } = {}) {
  const { api: caller, responseHeaders } = await api(args.request, args.context);
  const session = await caller.auth.session();
  const here = currentPath(args.request);
  if (!session) throw redirect(withRedirectTo("/sign-in", here), { headers: responseHeaders });
  if (session.mfa === "verify") throw redirect(withRedirectTo("/sign-in/verify", here));
  if (session.mfa === "enrol") throw redirect(withRedirectTo("/account/authenticator/set-up", here));
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
