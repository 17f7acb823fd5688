import { accountRouter } from "./account/router.ts";
import { auditRouter } from "./audit/router.ts";
import { authRouter } from "./auth/router.ts";
import { commentsRouter } from "./comments/router.ts";
import { contentRouter } from "./content/router.ts";
import { editorialRouter } from "./editorial/router.ts";
import { moderationRouter } from "./moderation/router.ts";
import { settingsRouter } from "./settings/router.ts";
import { systemRouter } from "./system/router.ts";
import { router } from "./trpc.ts";
import { usersRouter } from "./users/router.ts";
import { workstreamsRouter } from "./workstreams/router.ts";

export const appRouter = router({
  account: accountRouter,
  audit: auditRouter,
  auth: authRouter,
  comments: commentsRouter,
  content: contentRouter,
  editorial: editorialRouter,
  moderation: moderationRouter,
  settings: settingsRouter,
  system: systemRouter,
  users: usersRouter,
  workstreams: workstreamsRouter,
});

export type AppRouter = typeof appRouter;
