import { apiConfig, callerFor } from "@observatory/api";
import { configureApiFromEnv } from "@observatory/server/configure";
import { isCrossOriginWrite, writeFacts } from "@observatory/server/same-origin";
import type { AppLoadContext } from "@remix-run/node";

// Every loader and action reaches the API through this module, so the API is configured when the
// app's build (which bundles its own copy of the API) is loaded.
configureApiFromEnv();

/**
 * The admin's CSRF check, as the app sees it. In production the HTTP server already refuses such
 * writes before Remix runs (packages/server); this second check also covers the development server:
 * `api()` runs it, every action reaches the API through `api()`, and the browser's route to the API
 * (/api/trpc) runs it too.
 */
export function refuseCrossOriginWrite(request: Request): void {
  if (isCrossOriginWrite(writeFacts(request), apiConfig().adminSiteUrl)) {
    throw new Response("This request did not come from the Observatory admin, so it was refused.", { status: 403 });
  }
}

/** The tRPC server-side caller for this request (loaders and actions go through it, never Prisma). */
export async function api(request: Request, context: AppLoadContext) {
  refuseCrossOriginWrite(request);
  return callerFor(request, context.clientIp ?? null);
}
