import { commentsRouter } from "./comments/router.ts";
import { contentRouter } from "./content/router.ts";
import { systemRouter } from "./system/router.ts";
import { router } from "./trpc.ts";
import { workstreamsRouter } from "./workstreams/router.ts";

export const appRouter = router({
  comments: commentsRouter,
  content: contentRouter,
  system: systemRouter,
  workstreams: workstreamsRouter,
});

export type AppRouter = typeof appRouter;
