import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createContext } from "../context.ts";
import { appRouter } from "../root.ts";

export const TRPC_ENDPOINT = "/api/trpc";

/** The fetch adapter both apps mount at /api/trpc (browser enhancements call the same router). */
export function handleTrpcRequest(request: Request, clientIp: string | null): Promise<Response> {
  return fetchRequestHandler({
    endpoint: TRPC_ENDPOINT,
    req: request,
    router: appRouter,
    createContext: async ({ resHeaders }) => {
      const ctx = await createContext({ request, clientIp });
      for (const [key, value] of ctx.responseHeaders) resHeaders.append(key, value);
      return ctx;
    },
  });
}
