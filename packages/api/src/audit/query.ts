import type { Db, Prisma } from "@observatory/db";
import { z } from "zod";
import { decodeTimeCursor, encodeTimeCursor } from "../keyset-cursor.ts";
import { changesInWords } from "./setting-changes.ts";
import { parseDay, startOfLondonDay } from "@observatory/time";

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

export const auditListInput = z
  .object({
    actorId: optionalText,
    action: optionalText,
    targetType: optionalText,
    targetId: optionalText,
    from: dayField("The start date"),
    to: dayField("The end date"),
    /** From `nextCursor` of the previous page. */
    cursor: optionalText,
    limit: z.number().int().min(1).max(100).default(50),
  })
  .transform(({ from, to, ...rest }, issue) => {
    const since = from ? startOfLondonDay(from.year, from.month, from.day) : undefined;
    // The end date is inclusive: everything before the next London day starts.
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
  });

/**
 * Newest first, in pages joined by a keyset cursor (time, id): a page stays correct while new
 * events keep arriving, and deep pages cost no more than the first.
 */
export async function listAuditEvents(db: Pick<Db, "auditEvent">, input: z.output<typeof auditListInput>) {
  const cursor = input.cursor ? decodeTimeCursor(input.cursor) : null;
  const where: Prisma.AuditEventWhereInput = {
    ...(input.actorId ? { actorId: input.actorId } : {}),
    ...(input.action ? { action: input.action } : {}),
    ...(input.targetType ? { targetType: input.targetType } : {}),
    ...(input.targetId ? { targetId: input.targetId } : {}),
    ...(input.since || input.before
      ? { createdAt: { ...(input.since ? { gte: input.since } : {}), ...(input.before ? { lt: input.before } : {}) } }
      : {}),
    ...(cursor
      ? {
          OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }],
        }
      : {}),
  };
  const rows = await db.auditEvent.findMany({
    where,
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
    take: input.limit + 1,
  });
  // The data itself stays in the database (it can hold a redacted comment's text): the screen gets
  // only a settings change's before and after, in words.
  const events = rows.slice(0, input.limit).map(({ data, ...event }) => ({ ...event, changes: changesInWords(data) }));
  const last = events.at(-1);
  return { events, nextCursor: rows.length > input.limit && last ? encodeTimeCursor(last) : null };
}

/** What the filter form offers: the actions, target types and actors that occur in the log. */
export async function auditFilterOptions(db: Pick<Db, "auditEvent" | "user">) {
  const [actions, targetTypes, actors] = await Promise.all([
    db.auditEvent.groupBy({ by: ["action"], orderBy: { action: "asc" } }),
    db.auditEvent.groupBy({ by: ["targetType"], orderBy: { targetType: "asc" } }),
    db.user.findMany({
      where: { auditEvents: { some: {} } },
      select: { id: true, name: true, email: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
    }),
  ]);
  return {
    actions: actions.map((a) => a.action),
    targetTypes: targetTypes.map((t) => t.targetType),
    actors,
  };
}
