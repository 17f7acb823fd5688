import { type Db, poolOf } from "@observatory/db";
import { z } from "zod";

// Submissions refused before anything is stored (submitComment) leave no comment behind, so
// moderators would not know a flood was being turned away. Each refusal adds one to its rule's
// count for the London day: a number only, never the text, name, address or IP hash.

/** Why a submission was refused, in the words moderators see. */
export const refusalRules = {
  honeypot: "A hidden field meant for programs was filled in",
  "too-fast": "Sent too quickly after the form was shown",
  "form-expired": "The form had expired",
  "form-invalid": "The form had been altered or was not ours",
  closed: "Comments were closed or the page was not published",
  "parent-unavailable": "A reply to a comment that is not available",
  "too-deep": "A reply nested too deeply",
  "ip-rate-limit": "Too many comments from one IP address",
  "email-rate-limit": "Too many comments from one email address",
} as const;

export type RefusalRule = keyof typeof refusalRules;

/** Adds one refusal for each entry of `rules` on the London day of `at`, in one statement. */
export async function countRefusals(db: Db, rules: RefusalRule[], at: Date): Promise<void> {
  await poolOf(db).query(
    `INSERT INTO "CommentRefusalCount" AS c ("day", "rule", "count")
     SELECT ($1::timestamptz AT TIME ZONE 'Europe/London')::date, r, count(*) FROM unnest($2::text[]) r GROUP BY r
     ON CONFLICT ("day", "rule") DO UPDATE SET "count" = c."count" + EXCLUDED."count"`,
    [at, rules],
  );
}

export const refusalsInput = z.object({ days: z.number().int().min(1).max(90).default(30) });

export type RefusalDay = { day: string; rule: RefusalRule; label: string; count: number };

/**
 * The refusals of the last `days` London days (today included), newest day first, rules in the
 * order above; days and rules with none are left out.
 */
export async function listRefusals(db: Db, days: number, now = new Date()): Promise<RefusalDay[]> {
  const rows = await db.$queryRaw<{ day: string; rule: string; count: number }[]>`
    SELECT to_char("day", 'YYYY-MM-DD') AS "day", "rule", "count" FROM "CommentRefusalCount"
    WHERE "day" > (${now}::timestamptz AT TIME ZONE 'Europe/London')::date - ${days}::int`;
  const order = Object.keys(refusalRules);
  // A rule no longer in the list above (renamed since) has no words to show.
  return rows
    .filter((row): row is typeof row & { rule: RefusalRule } => row.rule in refusalRules)
    .map((row) => ({ ...row, label: refusalRules[row.rule] }))
    .sort((a, b) => b.day.localeCompare(a.day) || order.indexOf(a.rule) - order.indexOf(b.rule));
}
