import { createContext } from "./context.ts";
import { appRouter } from "./root.ts";
import { createCallerFactory } from "./trpc.ts";

export const createCaller = createCallerFactory(appRouter);

/** A server-side caller for a Remix loader or action, plus the headers to add to its response. */
export async function callerFor(request: Request, clientIp: string | null) {
  const ctx = await createContext({ request, clientIp });
  return { api: createCaller(ctx), ctx, responseHeaders: ctx.responseHeaders };
}
