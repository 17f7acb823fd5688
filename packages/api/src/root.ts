import { systemRouter } from "./system/router.ts";
import { router } from "./trpc.ts";
import { workstreamsRouter } from "./workstreams/router.ts";

export const appRouter = router({
  system: systemRouter,
  workstreams: workstreamsRouter,
});

export type AppRouter = typeof appRouter;
