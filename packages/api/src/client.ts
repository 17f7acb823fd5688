// Browser-side tRPC client: only types cross from the server.
import { createTRPCClient, httpBatchLink, httpLink } from "@trpc/client";
import type { AppRouter } from "./root.ts";

export function createApiClient(url = "/api/trpc") {
  return createTRPCClient<AppRouter>({ links: [httpBatchLink({ url })] });
}

/**
 * For a request sent as the page goes away: sent at once (not held back to batch) and kept alive
 * past the page (a body up to 64 KB).
 */
export function createUnloadApiClient(url = "/api/trpc") {
  const fetchKeptAlive: typeof fetch = (input, init) => fetch(input, { ...init, keepalive: true });
  return createTRPCClient<AppRouter>({ links: [httpLink({ url, fetch: fetchKeptAlive })] });
}

export type { AppRouter };
