import { type Db, Prisma, poolOf, queryRows } from "@observatory/db";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { AppError } from "../errors.ts";
import type { RequestMeta } from "../request-meta.ts";
import { waitInWords } from "../rate-limit.ts";
import { queuePublishedEmail } from "./notifications.ts";
import { SPAM_RULES_KEY, type SpamRules, spamRulesFrom } from "./settings.ts";
import { checkFormToken } from "./form-token.ts";
import { type CommentDecision, decideComment } from "./spam-rules.ts";
import { oneLine } from "../input-text.ts";
import { countRefusals, type RefusalRule } from "./refusals.ts";

export const MAX_COMMENT_LENGTH = 2000;
/** Replies nest this deep at most (a top-level comment is depth 1). */
export const MAX_COMMENT_DEPTH = 3;

export type PublicComment = {
  id: string;
  parentId: string | null;
  authorName: string;
  body: string;
  createdAt: Date;
  isStaff: boolean;
  /** Whether a reader may reply to it: replies nest no deeper than MAX_COMMENT_DEPTH. */
  canReply: boolean;
  replies: PublicComment[];
};

/** The name a comment is shown under: a staff reply is the observatory's, whoever wrote it. */
export const shownAuthorName = (comment: { authorName: string; staffAuthorId: string | null }) =>
  comment.staffAuthorId ? "NHS Race and Health Observatory" : comment.authorName;

/** The approved comments of an item as a thread, oldest first. Only public fields are selected. */
export async function approvedThread(db: Db, itemId: string): Promise<{ comments: PublicComment[]; count: number }> {
  const rows = await queryRows<{
    id: string;
    parentId: string | null;
    authorName: string;
    body: string;
    createdAt: Date;
    staffAuthorId: string | null;
  }>(
    db,
    Prisma.sql`SELECT "id", "parentId", "authorName", "body", "createdAt", "staffAuthorId" FROM "Comment"
      WHERE "itemId" = ${itemId} AND "status" = 'APPROVED' ORDER BY "createdAt", "id"`,
  );
  const byId = new Map<string, PublicComment>();
  for (const row of rows) {
    byId.set(row.id, {
      id: row.id,
      parentId: row.parentId,
      authorName: shownAuthorName(row),
      body: row.body,
      createdAt: row.createdAt,
      isStaff: row.staffAuthorId !== null,
      canReply: true,
      replies: [],
    });
  }
  const roots: PublicComment[] = [];
  const depth = new Map<PublicComment, number>();
  const depthOf = (comment: PublicComment) => depth.get(comment) ?? 1;
  for (const comment of byId.values()) {
    let parent = comment.parentId ? byId.get(comment.parentId) : undefined;
    // A reply whose parent is not approved is not shown; one nested too deep joins the deepest level.
    if (comment.parentId && !parent) continue;
    while (parent && depthOf(parent) >= MAX_COMMENT_DEPTH)
      parent = parent.parentId ? byId.get(parent.parentId) : undefined;
    if (parent) {
      depth.set(comment, depthOf(parent) + 1);
      comment.canReply = depthOf(comment) < MAX_COMMENT_DEPTH;
      parent.replies.push(comment);
    } else roots.push(comment);
  }
  const count = (function countAll(list: PublicComment[]): number {
    return list.reduce((n, c) => n + 1 + countAll(c.replies), 0);
  })(roots);
  return { comments: roots, count };
}

export const commentInput = z.object({
  itemId: z.string().min(1).max(100),
  parentId: z.string().max(100).optional(),
  name: z
    .string()
    .trim()
    .min(1, "Enter your name")
    .max(100, "Name must be 100 characters or fewer")
    .refine(...oneLine("Your name")),
  email: z
    .string()
    .trim()
    .min(1, "Enter your email address")
    .max(254, "Email address must be 254 characters or fewer")
    .pipe(z.email("Enter an email address in the correct format, like name@example.com")),
  body: z
    .string()
    .trim()
    .min(1, "Enter your comment")
    .max(MAX_COMMENT_LENGTH, `Comment must be ${MAX_COMMENT_LENGTH.toLocaleString("en-GB")} characters or fewer`),
  /** Hidden from people; bots fill it in. */
  website: z.string().max(500).optional(),
  formToken: z.string().max(200),
  notify: z.boolean().optional(),
});

export type CommentInput = z.infer<typeof commentInput>;

/**
 * Refuses a comment with a reason and stores nothing: on an item that is not published or not open
 * for comments, as a reply to a comment that is not approved there, from a bot (honeypot, too fast:
 * refused rather than stored as spam, so a bot flood cannot fill the queue or the table), or over
 * the rate limits per IP and per email. Each refusal is counted per rule and day (refusals.ts).
 * Otherwise stores it with the status the spam and moderation rules decide (spam-rules.ts), naming
 * the rules that fired.
 *
 * A submission costs two statements: everything the decision reads comes from one function call
 * (readFacts), then one statement counts the hit against the rate limits and inserts the comment
 * only if they allow it. A refusal costs one more, to count it.
 */
export async function submitComment(
  db: Db,
  request: RequestMeta,
  input: CommentInput,
): Promise<{ id: string; status: CommentDecision["status"] }> {
  const now = new Date();
  const refuse = async (rules: RefusalRule[], error: AppError) => {
    await countRefusals(db, rules, now);
    return error;
  };
  const refused = (rule: RefusalRule, message: string) => refuse([rule], new AppError("BAD_REQUEST", message));
  if (input.website) throw await refused("honeypot", "Your comment could not be accepted.");
  const email = input.email.toLowerCase();
  const body = input.body.replace(/\r\n/g, "\n");
  const facts = await readFacts(db, input, email, body, now);
  const rules = rulesFrom(facts.rules);

  const token = checkFormToken(input.formToken, rules.minSeconds);
  if (token === "too-fast")
    throw await refused(
      "too-fast",
      "That was too quick for us to be sure you are not an automated program. Please submit again.",
    );
  if (token === "expired")
    throw await refused("form-expired", "This form has expired. Your text is kept below: please submit it again.");
  if (token === "invalid") throw await refused("form-invalid", "Your comment could not be accepted.");
  if (!facts.commentable) throw await refuse(["closed"], new AppError("CONFLICT", "Comments are closed on this page."));
  if (input.parentId) {
    if (facts.parentDepth === null)
      throw await refused("parent-unavailable", "The comment you are replying to is not available.");
    if (facts.parentDepth >= MAX_COMMENT_DEPTH)
      throw await refused("too-deep", "Replies cannot be nested any deeper: reply to an earlier comment instead.");
  }

  const duplicateSince = now.getTime() - rules.duplicateWindowHours * 3_600_000;
  const decision = decideComment(rules, {
    body,
    email,
    ipHash: request.ipHash,
    isDuplicate:
      rules.duplicateWindowHours > 0 && facts.lastSameAt !== null && facts.lastSameAt.getTime() >= duplicateSince,
    hasApprovedComment: facts.hasApproved,
  });
  const comment = {
    id: randomUUID(),
    itemId: input.itemId,
    authorName: input.name,
    authorEmail: email,
  };
  const notify = input.notify ?? false;
  const isPublished = decision.status === "APPROVED";
  const limits = [
    ...(request.ipHash && rules.ipLimit > 0
      ? [
          {
            rule: "ip-rate-limit" as const,
            key: `comment:ip:${request.ipHash}`,
            limit: rules.ipLimit,
            minutes: rules.ipWindowMinutes,
          },
        ]
      : []),
    ...(rules.emailLimit > 0
      ? [
          {
            rule: "email-rate-limit" as const,
            key: `comment:email:${email}`,
            limit: rules.emailLimit,
            minutes: rules.emailWindowMinutes,
          },
        ]
      : []),
  ];
  // The rate limits (rate_limit_hit, a sliding window per key) and the insert are one statement:
  // the comment is stored only if every limit allows it, and a hit is counted only if the comment
  // is stored. It goes to the pool under Prisma (poolOf): this is the hot path of a flood, and
  // Prisma's own work around it was a third of the web process's CPU per submission (decision 004).
  const submitSql = `WITH "limits" AS (SELECT * FROM "rate_limit_hit"($13::text[], $14::int[], $15::int[], $12)),
    "stored" AS (
      INSERT INTO "Comment" ("id", "itemId", "parentId", "authorName", "authorEmail", "body", "status",
        "flags", "ipHash", "notifyOnPublish", "approvedAt", "createdAt", "updatedAt")
      SELECT $1::text, $2::text, $3::text, $4::text, $5::text, $6::text, $7::"CommentStatus", $8::text[], $9::text,
        $10::boolean, $11::timestamptz, $12::timestamptz, $12::timestamptz
      WHERE NOT EXISTS (SELECT 1 FROM "limits" WHERE NOT "allowed")
      RETURNING 1)
    SELECT "key", "allowed", "retryAfterSeconds" FROM "limits"`;
  const submitValues = [
    comment.id,
    comment.itemId,
    input.parentId ?? null,
    comment.authorName,
    email,
    body,
    decision.status,
    decision.flags,
    request.ipHash,
    notify,
    isPublished ? now : null,
    now,
    limits.map((l) => l.key),
    limits.map((l) => l.limit),
    limits.map((l) => l.minutes * 60),
  ];
  const stored = async (results: LimitResult[]) => {
    const hit = limits.filter((l) => results.some((r) => r.key === l.key && !r.allowed));
    if (!hit.length) return { id: comment.id, status: decision.status };
    // Each limit hit names its own wait; the sender can comment again once all of them have passed.
    const seconds = Math.max(...hit.map((l) => results.find((r) => r.key === l.key)?.retryAfterSeconds ?? 0));
    throw await refuse(
      hit.map((l) => l.rule),
      new AppError(
        "TOO_MANY_REQUESTS",
        `You have sent a lot of comments recently. Try again in ${waitInWords(seconds)}.`,
      ),
    );
  };
  if (!(isPublished && notify)) {
    const { rows } = await poolOf(db).query<LimitResult>(submitSql, submitValues);
    return stored(rows);
  }
  const results = await db.$transaction(async (tx) => {
    const rows = await tx.$queryRawUnsafe<LimitResult[]>(submitSql, ...submitValues);
    if (rows.every((r) => r.allowed)) await queuePublishedEmail(tx, comment);
    return rows;
  });
  return stored(results);
}

type LimitResult = { key: string; allowed: boolean; retryAfterSeconds: number };

type Facts = {
  rules: string | null;
  commentable: boolean;
  parentDepth: number | null;
  lastSameAt: Date | null;
  hasApproved: boolean;
};

/**
 * Everything the decision on a comment reads from the database, in one call of the SQL function
 * `comment_submission_facts` (migration 20261121140000, where each fact is described): its plans
 * are kept for the session, so a submission is not planned afresh each time.
 */
async function readFacts(db: Db, input: CommentInput, email: string, body: string, now: Date): Promise<Facts> {
  const { rows } = await poolOf(db).query<Facts>(`SELECT * FROM "comment_submission_facts"($1, $2, $3, $4, $5, $6)`, [
    now,
    SPAM_RULES_KEY,
    input.itemId,
    input.parentId ?? null,
    email,
    body,
  ]);
  const row = rows[0];
  if (!row) throw new Error("the comment facts query returned no row");
  return row;
}

// The rules change rarely and every submission reads them: the parsed rules are kept for as long as
// the saved text is the same.
let parsedRules: { text: string | null; rules: SpamRules } | null = null;

function rulesFrom(text: string | null): SpamRules {
  if (parsedRules?.text !== text)
    parsedRules = { text, rules: spamRulesFrom(text === null ? undefined : JSON.parse(text)).rules };
  return parsedRules.rules;
}
