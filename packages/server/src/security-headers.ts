import type { AppName } from "./env.ts";

/**
 * The headers every page of an app carries. The admin is never framed by another site
 * (clickjacking), never kept by a shared cache or the back button after signing out, and sends no
 * full addresses (which may hold tokens) on: a route's own stricter Referrer-Policy (no-referrer)
 * wins over the default here.
 */
const pageHeaders: Record<AppName, Record<string, string>> = {
  web: {},
  admin: {
    "Content-Security-Policy": "frame-ancestors 'none'",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  },
};
const defaultReferrerPolicy: Partial<Record<AppName, string>> = { admin: "same-origin" };

/** Sets the app's page headers on a rendered page's headers. */
export function applyPageHeaders(app: AppName, headers: Headers): void {
  for (const [name, value] of Object.entries(pageHeaders[app])) headers.set(name, value);
  const referrerPolicy = defaultReferrerPolicy[app];
  if (referrerPolicy && !headers.has("Referrer-Policy")) headers.set("Referrer-Policy", referrerPolicy);
}
