import type { DbOrTransaction } from "@observatory/db";
import { z } from "zod";
import { recordAudit } from "../audit/record.ts";
import { settingChanges, summariseChanges } from "../audit/setting-changes.ts";
import { apiConfig } from "../config.ts";
import type { Context } from "../trpc.ts";
import { storedSetting } from "../settings/stored.ts";

// The comment rules moderators tune (spam and hold rules, the digest interval) and the privacy
// setting administrators own (how long IP hashes are kept). Each is one Setting row; until one is
// saved the defaults below (and COMMENT_IP_HASH_RETENTION_DAYS) apply.

export const SPAM_RULES_KEY = "comments.spamRules";
export const RETENTION_KEY = "comments.ipHashRetentionDays";

const entryList = (max: number) =>
  z
    .array(z.string().trim().toLowerCase().min(1).max(max, `Keep each line to ${max} characters or fewer`))
    .max(1000, "Keep the list to 1,000 lines or fewer")
    .transform((list) => [...new Set(list)]);

/** A whole number the rules page asks for, refused in its words: "a number of hours from 0 to 168". */
const wholeNumber = (what: string, min: number, max: number) => {
  const message = `Enter ${what} from ${min} to ${max.toLocaleString("en-GB")}, as a whole number`;
  return z.number(message).int(message).min(min, message).max(max, message);
};

export const spamRulesInput = z.object({
  /** Hold a comment with this many links or more; 0 turns the rule off. */
  holdAtLinks: wholeNumber("a number of links", 0, 50),
  /** Words or phrases that send a comment to spam. */
  blockedPhrases: entryList(200),
  /** Email addresses that send a comment to spam. */
  blockedEmails: entryList(254),
  /** Keyed IP hashes (as shown in the queue) that send a comment to spam. */
  blockedIpHashes: entryList(64).pipe(z.array(z.string().regex(/^[0-9a-f]{32}$/, "must be a 32-character IP hash"))),
  /** Words or phrases that hold a comment for review even from a trusted commenter. */
  heldPhrases: entryList(200),
  /** The same text from the same email within this many hours is spam; 0 turns the rule off. */
  duplicateWindowHours: wholeNumber("a number of hours", 0, 24 * 90),
  /** Publish at once a comment from an email with an earlier approved comment, unless a rule holds it. */
  trustApprovedCommenters: z.boolean(),
  /** Hours between moderators' email digests of held comments; 0 turns the digest off. */
  digestIntervalHours: wholeNumber("a number of hours", 0, 24 * 7),
  /** Seconds a reader must take over the form; faster submissions are refused as automated. */
  minSeconds: wholeNumber("a number of seconds", 0, 3600),
  /** Comments per IP hash per window; 0 turns the limit off. */
  ipLimit: wholeNumber("a number of comments", 0, 10_000),
  ipWindowMinutes: wholeNumber("a number of minutes", 1, 24 * 60),
  /** Comments per email address per window; 0 turns the limit off. */
  emailLimit: wholeNumber("a number of comments", 0, 10_000),
  emailWindowMinutes: wholeNumber("a number of minutes", 1, 24 * 60),
});

export type SpamRules = z.infer<typeof spamRulesInput>;

/** Each rule in the words of the rules page, for the audit log's before and after. */
const spamRuleLabels: Record<keyof SpamRules, string> = {
  blockedPhrases: "Blocked words and phrases",
  blockedEmails: "Blocked email addresses",
  blockedIpHashes: "Blocked IP hashes",
  duplicateWindowHours: "Hours within which the same text from the same email is spam",
  heldPhrases: "Words and phrases held for review",
  holdAtLinks: "Links that hold a comment",
  trustApprovedCommenters: "Publish at once from email addresses with an approved comment",
  minSeconds: "Seconds a reader must take over the form",
  ipLimit: "Comments allowed from one IP address",
  ipWindowMinutes: "Minutes of the IP address limit",
  emailLimit: "Comments allowed from one email address",
  emailWindowMinutes: "Minutes of the email address limit",
  digestIntervalHours: "Hours between moderators' email digests",
};

const minutes = (seconds: number) => Math.max(1, Math.round(seconds / 60));

/** The rules until moderators save their own; the form's limits come from the API's configuration (the environment, README). */
export function defaultSpamRules(): SpamRules {
  const config = apiConfig();
  return {
    holdAtLinks: 2,
    blockedPhrases: [],
    blockedEmails: [],
    blockedIpHashes: [],
    heldPhrases: [],
    duplicateWindowHours: 24,
    trustApprovedCommenters: true,
    digestIntervalHours: 24,
    minSeconds: config.commentMinSeconds,
    ipLimit: config.commentRateLimitIp.limit,
    ipWindowMinutes: minutes(config.commentRateLimitIp.windowSeconds),
    emailLimit: config.commentRateLimitEmail.limit,
    emailWindowMinutes: minutes(config.commentRateLimitEmail.windowSeconds),
  };
}

export type ModerationSettings = {
  rules: SpamRules;
  ipHashRetentionDays: number;
  /** True while a value is the built-in default (nothing saved yet). */
  isDefault: { rules: boolean; ipHashRetentionDays: boolean };
};

export const retentionInput = z.object({ ipHashRetentionDays: wholeNumber("a number of days", 1, 3650) });

export async function readSpamRules(db: DbOrTransaction): Promise<{ rules: SpamRules; isDefault: boolean }> {
  return spamRulesFrom(await storedSetting(db, SPAM_RULES_KEY));
}

/** The rules from a stored setting value (undefined when none is saved). */
export function spamRulesFrom(stored: unknown): { rules: SpamRules; isDefault: boolean } {
  // A stored value from an older shape keeps whatever still parses; the rest falls back to defaults.
  const parsed = stored === undefined || stored === null ? null : spamRulesInput.partial().safeParse(stored);
  if (!parsed?.success) return { rules: defaultSpamRules(), isDefault: true };
  return { rules: { ...defaultSpamRules(), ...parsed.data }, isDefault: false };
}

/** Days after which comment IP hashes are cleared: what the purge job does and the privacy notice says. */
export async function readIpHashRetentionDays(db: DbOrTransaction): Promise<number> {
  return retentionFrom(await storedSetting(db, RETENTION_KEY));
}

/** The retention from a stored setting value (undefined when none is saved). */
function retentionFrom(stored: unknown): number {
  const parsed = stored === undefined ? null : retentionInput.shape.ipHashRetentionDays.safeParse(stored);
  return parsed?.success ? parsed.data : apiConfig().commentIpHashRetentionDays;
}

export async function readModerationSettings(db: DbOrTransaction): Promise<ModerationSettings> {
  const [spam, retention] = await Promise.all([readSpamRules(db), storedSetting(db, RETENTION_KEY)]);
  return {
    rules: spam.rules,
    ipHashRetentionDays: retentionFrom(retention),
    isDefault: { rules: spam.isDefault, ipHashRetentionDays: retention === undefined },
  };
}

type Actor = Pick<Context, "db" | "request"> & { user: { id: string } | null };

export async function updateSpamRules(ctx: Actor, rules: SpamRules): Promise<SpamRules> {
  await ctx.db.$transaction(async (tx) => {
    const before = await readSpamRules(tx);
    await tx.setting.upsert({
      where: { key: SPAM_RULES_KEY },
      create: { key: SPAM_RULES_KEY, value: rules, updatedById: ctx.user?.id ?? null },
      update: { value: rules, updatedById: ctx.user?.id ?? null },
    });
    const changes = settingChanges(before.rules, rules, spamRuleLabels);
    await recordAudit(tx, ctx, {
      action: "settings.commentRulesChanged",
      targetType: "Setting",
      targetId: SPAM_RULES_KEY,
      summary: summariseChanges("the comment spam and moderation rules", changes),
      data: { changes },
    });
  });
  return rules;
}

export async function updateIpHashRetention(ctx: Actor, days: number): Promise<number> {
  await ctx.db.$transaction(async (tx) => {
    const before = await readIpHashRetentionDays(tx);
    await tx.setting.upsert({
      where: { key: RETENTION_KEY },
      create: { key: RETENTION_KEY, value: days, updatedById: ctx.user?.id ?? null },
      update: { value: days, updatedById: ctx.user?.id ?? null },
    });
    await recordAudit(tx, ctx, {
      action: "settings.ipHashRetentionChanged",
      targetType: "Setting",
      targetId: RETENTION_KEY,
      summary: `Set comment IP hashes to be cleared after ${days} days`,
      data: {
        changes: settingChanges(
          { ipHashRetentionDays: before },
          { ipHashRetentionDays: days },
          { ipHashRetentionDays: "Days after which comment IP hashes are cleared" },
        ),
      },
    });
  });
  return days;
}

/**
 * Adds a sender to the blocklists (what "block the sender" in the queue does), under a row lock so
 * that two moderators blocking at once both get their entries.
 */
export async function blockSenderOf(
  ctx: Actor,
  sender: { commentId: string; email: string | null; ipHash: string | null },
): Promise<void> {
  await ctx.db.$transaction(async (tx) => {
    await tx.setting.createMany({
      data: [{ key: SPAM_RULES_KEY, value: defaultSpamRules(), updatedById: ctx.user?.id ?? null }],
      skipDuplicates: true,
    });
    await tx.$queryRaw`SELECT "key" FROM "Setting" WHERE "key" = ${SPAM_RULES_KEY} FOR UPDATE`;
    const { rules } = await readSpamRules(tx);
    const add = (list: string[], entry: string | null) => (entry && !list.includes(entry) ? [...list, entry] : list);
    const next = {
      ...rules,
      blockedEmails: add(rules.blockedEmails, sender.email),
      blockedIpHashes: add(rules.blockedIpHashes, sender.ipHash),
    };
    await tx.setting.update({
      where: { key: SPAM_RULES_KEY },
      data: { value: next, updatedById: ctx.user?.id ?? null },
    });
    await recordAudit(tx, ctx, {
      action: "settings.senderBlocked",
      targetType: "Comment",
      targetId: sender.commentId,
      summary: `Blocked the sender of a comment (${[sender.email && "email address", sender.ipHash && "IP hash"].filter(Boolean).join(" and ") || "nothing left to block"})`,
      data: { email: sender.email, ipHash: sender.ipHash },
    });
  });
}
