// Browser-side tRPC client: only types cross from the server.
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import type { AppRouter } from "./root.ts";

export function createApiClient(url = "/api/trpc") {
  return createTRPCClient<AppRouter>({ links: [httpBatchLink({ url })] });
}

export type { AppRouter };
