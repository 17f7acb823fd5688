import type { Db } from "@observatory/db";
import { recordScheduleJob } from "../editorial/scheduler.ts";
import { moderationDigestJob } from "../moderation/digest.ts";
import { purgeIpHashesJob } from "./privacy.ts";
import { type Job, startJobLoop } from "./runner.ts";

/** Every background job of the product; the admin server runs them (see apps/admin entry.server). */
export const backgroundJobs: Job[] = [recordScheduleJob, purgeIpHashesJob, moderationDigestJob];

export function startBackgroundJobs(db: Db): () => void {
  return startJobLoop(db, backgroundJobs);
}
