import { randomUUID } from "node:crypto";
import type { Db } from "@observatory/db";

/** A background task run every `intervalSeconds` by whichever app instance claims it first. */
export type Job = { name: string; intervalSeconds: number; run: (db: Db, now: Date) => Promise<string> };

const instanceId = randomUUID();
/** A claim lapses after this long, so a job whose process died is picked up again. */
const CLAIM_SECONDS = 300;

/**
 * Runs `job` if it is due and no other instance holds it: the claim is one atomic upsert on its
 * JobRun row, so several instances never run the same job at once. Returns the job's summary, or
 * null when it was not due or was claimed elsewhere.
 */
export async function runIfDue(db: Db, job: Job, now = new Date()): Promise<string | null> {
  const dueBefore = new Date(now.getTime() - job.intervalSeconds * 1000);
  const lockedUntil = new Date(now.getTime() + CLAIM_SECONDS * 1000);
  const claimed = await db.$queryRaw<{ name: string }[]>`
    INSERT INTO "JobRun" ("name", "lockedUntil", "lockedBy") VALUES (${job.name}, ${lockedUntil}, ${instanceId})
    ON CONFLICT ("name") DO UPDATE SET "lockedUntil" = EXCLUDED."lockedUntil", "lockedBy" = EXCLUDED."lockedBy"
    WHERE ("JobRun"."lockedUntil" IS NULL OR "JobRun"."lockedUntil" < ${now})
      AND ("JobRun"."lastRunAt" IS NULL OR "JobRun"."lastRunAt" <= ${dueBefore})
    RETURNING "name"`;
  if (!claimed.length) return null;
  try {
    const summary = await job.run(db, now);
    await db.jobRun.update({
      where: { name: job.name },
      data: { lastRunAt: now, lockedUntil: null, lockedBy: null, lastError: null },
    });
    return summary;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Not marked as run: it is retried on the next tick.
    await db.jobRun.update({
      where: { name: job.name },
      data: { lockedUntil: null, lockedBy: null, lastError: message.slice(0, 1000) },
    });
    throw error;
  }
}

/** Checks every job each `tickSeconds` until stopped; failures are logged and retried next tick. */
export function startJobLoop(db: Db, jobs: Job[], { tickSeconds = 30, log = console } = {}): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => {
    for (const job of jobs) {
      if (stopped) return;
      try {
        const summary = await runIfDue(db, job);
        if (summary) log.info(`[job ${job.name}] ${summary}`);
      } catch (error) {
        log.error(`[job ${job.name}] failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    if (!stopped) timer = setTimeout(tick, tickSeconds * 1000);
  };
  timer = setTimeout(tick, 0);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
