import { accountRouter } from "./account/router.ts";
import { alertJobs, alertsRouter } from "./alerts/router.ts";
import { auditRouter } from "./audit/router.ts";
import { authRouter } from "./auth/router.ts";
import { commentJobs, commentsRouter } from "./comments/router.ts";
import { contentRouter } from "./content/router.ts";
import { editorialJobs, editorialRouter } from "./editorial/router.ts";
import { factChecksRouter } from "./fact-checks/router.ts";
import type { Job } from "./jobs/runner.ts";
import { mediaRouter } from "./media/router.ts";
import { moderationJobs, moderationRouter } from "./moderation/router.ts";
import { organisationRouter } from "./organisation/router.ts";
import { publicationsRouter } from "./publications/router.ts";
import { reviewDueJobs, reviewDueRouter } from "./review-due/router.ts";
import { settingsRouter } from "./settings/router.ts";
import { systemRouter } from "./system/router.ts";
import { router } from "./trpc.ts";
import { usersRouter } from "./users/router.ts";
import { workflowsRouter } from "./workflows/router.ts";
import { workstreamsRouter } from "./workstreams/router.ts";

type Domain = { router: ReturnType<typeof router>; jobs?: Job[] };

/** The product's domains: each brings its procedures and, where it has any, its background jobs. */
const domains = {
  account: { router: accountRouter },
  alerts: { router: alertsRouter, jobs: alertJobs },
  audit: { router: auditRouter },
  auth: { router: authRouter },
  comments: { router: commentsRouter, jobs: commentJobs },
  content: { router: contentRouter },
  editorial: { router: editorialRouter, jobs: editorialJobs },
  factChecks: { router: factChecksRouter },
  media: { router: mediaRouter },
  moderation: { router: moderationRouter, jobs: moderationJobs },
  organisation: { router: organisationRouter },
  publications: { router: publicationsRouter },
  reviewDue: { router: reviewDueRouter, jobs: reviewDueJobs },
  settings: { router: settingsRouter },
  system: { router: systemRouter },
  users: { router: usersRouter },
  workflows: { router: workflowsRouter },
  workstreams: { router: workstreamsRouter },
} satisfies Record<string, Domain>;

type Routers = { [Name in keyof typeof domains]: (typeof domains)[Name]["router"] };

export const appRouter = router(
  Object.fromEntries(Object.entries(domains).map(([name, domain]) => [name, domain.router])) as Routers,
);

export type AppRouter = typeof appRouter;

/** Every domain's background jobs, run by the admin server (see packages/server). */
export const backgroundJobs: Job[] = Object.values(domains).flatMap((domain: Domain) => domain.jobs ?? []);
