import type { Db } from "@observatory/db";
import { readIpHashRetentionDays } from "./settings.ts";
import type { Job } from "../jobs/runner.ts";

/**
 * Deletes the keyed IP hashes of comments older than the retention period (what the privacy notice
 * promises), and the rate-limit logs, which are keyed by them, once their last hit has left the window.
 */
export async function purgeExpiredIpHashes(db: Db, now: Date, retentionDays?: number) {
  const days = retentionDays ?? (await readIpHashRetentionDays(db));
  const cutoff = new Date(now.getTime() - days * 86_400_000);
  const comments = await db.comment.updateMany({
    where: { ipHash: { not: null }, createdAt: { lt: cutoff } },
    data: { ipHash: null },
  });
  const buckets = await db.rateLimitBucket.deleteMany({ where: { expiresAt: { lt: now } } });
  return { comments: comments.count, buckets: buckets.count };
}

export const purgeIpHashesJob: Job = {
  name: "purge-ip-hashes",
  intervalSeconds: 60 * 60,
  run: async (db, now) => {
    const { comments, buckets } = await purgeExpiredIpHashes(db, now);
    return `cleared ${comments} comment IP hashes, removed ${buckets} old rate-limit counters`;
  },
};
