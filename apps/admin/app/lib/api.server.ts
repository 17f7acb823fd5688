import { apiEnv, callerFor, isCrossOriginWrite, writeFacts } from "@observatory/api";
import type { AppLoadContext } from "@remix-run/node";

/**
 * The admin's CSRF check, as the app sees it. In production the HTTP server already refuses such
 * writes before Remix runs (entry.server's `sameOriginWrites`); this second check also covers the
 * development server: `api()` runs it, every action reaches the API through `api()`, and the
 * browser's route to the API (/api/trpc) runs it too.
 */
export function refuseCrossOriginWrite(request: Request): void {
  if (isCrossOriginWrite(writeFacts(request), apiEnv().ADMIN_SITE_URL)) {
    throw new Response("This request did not come from the Observatory admin, so it was refused.", { status: 403 });
  }
}

/** The tRPC server-side caller for this request (loaders and actions go through it, never Prisma). */
export async function api(request: Request, context: AppLoadContext) {
  refuseCrossOriginWrite(request);
  return callerFor(request, context.clientIp ?? null);
}
