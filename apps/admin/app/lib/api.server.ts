import { apiEnv, callerFor, isCrossOriginWrite } from "@observatory/api";
import type { AppLoadContext } from "@remix-run/node";

/**
 * The admin's CSRF check: a state-changing request from another origin is refused with a 403.
 * `api()` runs it, and every action reaches the API through `api()`; the browser's route to the
 * API (/api/trpc) runs it too. So no action and no mutation can skip it.
 */
export function refuseCrossOriginWrite(request: Request): void {
  if (isCrossOriginWrite(request, apiEnv().ADMIN_SITE_URL)) {
    throw new Response("This request did not come from the Observatory admin, so it was refused.", { status: 403 });
  }
}

/** The tRPC server-side caller for this request (loaders and actions go through it, never Prisma). */
export async function api(request: Request, context: AppLoadContext) {
  refuseCrossOriginWrite(request);
  return callerFor(request, context.clientIp ?? null);
}
