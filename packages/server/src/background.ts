import { startBackgroundJobs, startMailDelivery } from "@observatory/api";
import { getDb } from "@observatory/db";

/**
 * Once per admin server process: the mail outbox's delivery loop (retries, and mail queued outside
 * a request) and the scheduled jobs. Exported by the admin's build and called by the HTTP server
 * after it listens, so that it runs on the same API and database modules as the requests do, and
 * never under `remix vite:dev`, which re-evaluates modules.
 */
export function startBackgroundWork(): void {
  startMailDelivery().catch((error: unknown) => console.error("mail: the delivery loop did not start:", error));
  getDb()
    .then(startBackgroundJobs)
    .catch((error: unknown) => console.error("jobs: the background jobs did not start:", error));
}
