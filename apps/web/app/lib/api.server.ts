import { apiConfig, callerFor } from "@observatory/api";
import { configureSharedDb } from "@observatory/db";
import { configureApiFromEnv } from "@observatory/server/configure";
import type { AppLoadContext } from "@remix-run/node";

// Every loader and the page cache reach the API through this module, so the API is configured when
// the app's build (which bundles its own copy of the API) is loaded.
configureApiFromEnv();
// The public site runs a fixed set of statements whose plans do not depend on their values: each is
// planned once per connection, not again for every page (decision 036).
configureSharedDb({ genericPlans: true });

/** The tRPC server-side caller for this request (loaders and actions go through it, never Prisma). */
export function api(request: Request, context: AppLoadContext) {
  return callerFor(request, context.clientIp ?? null);
}

export function siteUrl(): string {
  return apiConfig().publicSiteUrl;
}
