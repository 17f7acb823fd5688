import type { Db } from "@observatory/db";
import { z } from "zod";
import { apiConfig } from "../config.ts";
import type { Job } from "../jobs/runner.ts";
import { queueEmail } from "../mail/outbox.ts";
import { permissionTable } from "../permissions.ts";
import { readSpamRules } from "../comments/settings.ts";
import { storedSetting } from "../settings/stored.ts";

// The moderators' digest: at most one email per interval (a moderation setting), only when comments
// have been held since the last one, to everyone who may moderate. The job itself ticks often so a
// changed interval applies without a restart; when the last digest went is kept in a Setting row.

const SENT_KEY = "comments.digestSentAt";
const LISTED = 20;

const excerpt = (text: string) => {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 120 ? `${flat.slice(0, 119)}…` : flat;
};

export async function sendModerationDigest(db: Db, now: Date): Promise<string> {
  const { rules } = await readSpamRules(db);
  if (rules.digestIntervalHours === 0) return "the digest is turned off";
  const parsed = z.iso.datetime().safeParse(await storedSetting(db, SENT_KEY));
  const lastSent = parsed.success ? new Date(parsed.data) : null;
  if (lastSent && now.getTime() - lastSent.getTime() < rules.digestIntervalHours * 3_600_000) return "not due";

  const since = lastSent ?? new Date(0);
  const where = { status: "PENDING" as const, createdAt: { gt: since, lte: now } };
  const [fresh, waiting, latest] = await Promise.all([
    db.comment.count({ where }),
    db.comment.count({ where: { status: "PENDING" } }),
    db.comment.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      take: LISTED,
      select: { authorName: true, body: true, flags: true, item: { select: { slug: true } } },
    }),
  ]);
  if (fresh === 0) return "no comments held since the last digest";

  const moderators = await db.user.findMany({
    where: { role: { in: [...permissionTable["comments.moderate"]] }, disabledAt: null },
    select: { email: true, name: true },
  });
  const queueUrl = new URL("/comments", apiConfig().adminSiteUrl).toString();
  const lines = latest.map((c) => `- ${c.authorName} on /${c.item.slug}: “${excerpt(c.body)}”`);
  const text = [
    `${fresh} comment${fresh === 1 ? " was" : "s were"} held for moderation since the last digest; ${waiting} ${waiting === 1 ? "is" : "are"} waiting in all.`,
    "",
    ...lines,
    ...(fresh > LISTED ? [`… and ${fresh - LISTED} more.`] : []),
    "",
    `Moderate them at ${queueUrl}`,
    "",
    "You receive this digest because you can moderate comments. The interval is set in the moderation settings.",
  ].join("\n");
  await db.$transaction(async (tx) => {
    for (const moderator of moderators) {
      await queueEmail(tx, {
        to: moderator.email,
        subject: `${waiting} comment${waiting === 1 ? " is" : "s are"} waiting for moderation`,
        text: `Dear ${moderator.name},\n\n${text}`,
      });
    }
    await tx.setting.upsert({
      where: { key: SENT_KEY },
      create: { key: SENT_KEY, value: now.toISOString() },
      update: { value: now.toISOString() },
    });
  });
  return `sent a digest of ${fresh} held comments to ${moderators.length} moderators`;
}

export const moderationDigestJob: Job = {
  name: "moderation-digest",
  intervalSeconds: 5 * 60,
  run: sendModerationDigest,
};
