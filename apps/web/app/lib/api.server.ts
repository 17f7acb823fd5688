import { apiEnv, callerFor } from "@observatory/api";
import type { AppLoadContext } from "@remix-run/node";

/** The tRPC server-side caller for this request (loaders and actions go through it, never Prisma). */
export function api(request: Request, context: AppLoadContext) {
  return callerFor(request, context.clientIp ?? null);
}

export function siteUrl(): string {
  return apiEnv().PUBLIC_SITE_URL;
}
