import { type Db, Prisma } from "@observatory/db";
import { parseDay, startOfLondonDay } from "@observatory/time";
import { z } from "zod";
import { decodeTimeCursor, encodeTimeCursor, type TimeCursor } from "../keyset-cursor.ts";
import { changesInWords } from "./setting-changes.ts";
import { describeTargets } from "./targets.ts";
import { containsPattern } from "../like-pattern.ts";

const dayField = (label: string) =>
  z
    .string()
    .trim()
    .max(20, `${label} must be a real date, like 21/11/2026`)
    .optional()
    .transform((value, issue) => {
      if (!value) return undefined;
      const day = parseDay(value);
      if (!day) {
        issue.addIssue({ code: "custom", message: `${label} must be a real date, like 21/11/2026` });
        return z.NEVER;
      }
      return day;
    });

const optionalText = z
  .string()
  .trim()
  .max(200, "Keep each filter to 200 characters or fewer")
  .optional()
  .transform((v) => v || undefined);

/** The shortest search the trigram index can answer: shorter terms would read the whole log. */
export const MIN_SEARCH_LENGTH = 3;

const searchText = z
  .string()
  .trim()
  .max(200, "Search for 200 characters or fewer")
  .optional()
  .transform((value, issue) => {
    if (!value) return undefined;
    if (value.length < MIN_SEARCH_LENGTH) {
      issue.addIssue({ code: "custom", message: `Search for at least ${MIN_SEARCH_LENGTH} characters` });
      return z.NEVER;
    }
    return value;
  });

const auditFilterFields = {
  /** Words in the summary, the action, the target, or the name or email address of who acted. */
  q: searchText,
  actorId: optionalText,
  action: optionalText,
  targetType: optionalText,
  targetId: optionalText,
  from: dayField("The start date"),
  to: dayField("The end date"),
};

type FilterFields = z.output<z.ZodObject<typeof auditFilterFields>>;

/** London days to instants: the end date is inclusive (everything before the next London day starts). */
function withDateRange<T extends FilterFields>({ from, to, ...rest }: T, issue: z.RefinementCtx) {
  const since = from ? startOfLondonDay(from.year, from.month, from.day) : undefined;
  const before = to ? startOfLondonDay(to.year, to.month, to.day + 1) : undefined;
  if (since && before && before <= since) {
    issue.addIssue({
      code: "custom",
      path: ["to"],
      message: "The end date must be the same as or after the start date",
    });
    return z.NEVER;
  }
  return { ...rest, since, before };
}

/** The filters of a view of the log, as the screen and its CSV export share them. */
export const auditFilterInput = z.object(auditFilterFields).transform(withDateRange);

export type AuditFilters = z.output<typeof auditFilterInput>;

export const auditListInput = z
  .object({
    ...auditFilterFields,
    /** From `nextCursor` of the previous page. */
    cursor: optionalText,
    limit: z.number().int().min(1).max(100).default(50),
  })
  .transform(withDateRange);

/** The filters as SQL conditions on "AuditEvent". */
async function filterSql(db: Db, filters: AuditFilters): Promise<Prisma.Sql[]> {
  const conditions: Prisma.Sql[] = [];
  if (filters.actorId) conditions.push(Prisma.sql`"actorId" = ${filters.actorId}`);
  if (filters.action) conditions.push(Prisma.sql`"action" = ${filters.action}`);
  if (filters.targetType) conditions.push(Prisma.sql`"targetType" = ${filters.targetType}`);
  if (filters.targetId) conditions.push(Prisma.sql`"targetId" = ${filters.targetId}`);
  if (filters.since) conditions.push(Prisma.sql`"createdAt" >= ${filters.since}`);
  if (filters.before) conditions.push(Prisma.sql`"createdAt" < ${filters.before}`);
  if (filters.q) {
    const pattern = containsPattern(filters.q);
    // Actors are found by their current name or email (staff are few), then their events by the
    // actor index; the rest by the trigram index over summary, action and target (migration
    // audit_log_search). The planner walks the time index instead when the words are common.
    const actors = await db.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "User" WHERE "name" ILIKE ${pattern} OR "email" ILIKE ${pattern}`;
    const text = Prisma.sql`"audit_search_text"("summary", "action", "targetType", "targetId") ILIKE ${pattern}`;
    conditions.push(
      actors.length ? Prisma.sql`(${text} OR "actorId" = ANY(${actors.map((a) => a.id)}::text[]))` : text,
    );
  }
  return conditions;
}

/**
 * Up to `limit` events matching `filters`, newest first, after `after`: the keys first (one walk of
 * an index), then their rows with who acted.
 */
export async function findAuditEvents(db: Db, filters: AuditFilters, after: TimeCursor | null, limit: number) {
  const conditions = await filterSql(db, filters);
  if (after) {
    // A plain range on the time keeps the index usable for the keyset; the id breaks ties.
    conditions.push(
      Prisma.sql`"createdAt" <= ${after.createdAt} AND ("createdAt" < ${after.createdAt} OR "id" < ${after.id})`,
    );
  }
  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  const keys = await db.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "AuditEvent" ${where} ORDER BY "createdAt" DESC, "id" DESC LIMIT ${limit}`;
  const rows = await db.auditEvent.findMany({
    where: { id: { in: keys.map((k) => k.id) } },
    select: {
      id: true,
      action: true,
      targetType: true,
      targetId: true,
      summary: true,
      ipHash: true,
      data: true,
      createdAt: true,
      actor: { select: { id: true, name: true, email: true } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  // The data itself stays in the database (it can hold a redacted comment's text): readers get only
  // a settings change's before and after, in words.
  return rows.map(({ data, ...event }) => ({ ...event, changes: changesInWords(data) }));
}

/**
 * Newest first, in pages joined by a keyset cursor (time, id): a page stays correct while new
 * events keep arriving, and deep pages cost no more than the first. Each event says where what it
 * is about can be seen, or that it no longer exists.
 */
export async function listAuditEvents(db: Db, input: z.output<typeof auditListInput>) {
  const { cursor, limit, ...filters } = input;
  const rows = await findAuditEvents(db, filters, cursor ? decodeTimeCursor(cursor) : null, limit + 1);
  const page = rows.slice(0, limit);
  const targets = await describeTargets(db, page);
  const events = page.map((event) => ({ ...event, target: targets(event) }));
  const last = events.at(-1);
  return { events, nextCursor: rows.length > limit && last ? encodeTimeCursor(last) : null };
}

/**
 * The distinct values of an indexed column, one index probe per value (a loose index scan): a
 * million events hold a few dozen actions, and reading them all to group them would cost a full scan.
 */
async function distinctValues(db: Db, column: "action" | "targetType"): Promise<string[]> {
  const name = Prisma.raw(`"${column}"`);
  const rows = await db.$queryRaw<{ value: string }[]>`
    WITH RECURSIVE "v" AS (
      (SELECT ${name} AS "value" FROM "AuditEvent" ORDER BY ${name} LIMIT 1)
      UNION ALL
      SELECT (SELECT ${name} FROM "AuditEvent" WHERE ${name} > "v"."value" ORDER BY ${name} LIMIT 1)
      FROM "v" WHERE "v"."value" IS NOT NULL
    )
    SELECT "value" FROM "v" WHERE "value" IS NOT NULL`;
  return rows.map((r) => r.value);
}

/** What the filter form offers: the actions, target types and actors that occur in the log. */
export async function auditFilterOptions(db: Db) {
  const [actions, targetTypes, actors] = await Promise.all([
    distinctValues(db, "action"),
    distinctValues(db, "targetType"),
    db.user.findMany({
      where: { auditEvents: { some: {} } },
      select: { id: true, name: true, email: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
    }),
  ]);
  return { actions, targetTypes, actors };
}
