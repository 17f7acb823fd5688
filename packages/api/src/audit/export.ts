import { formatDateTime, toLondonFields } from "@observatory/time";
import { stringify } from "csv-stringify/sync";
import type { TimeCursor } from "../keyset-cursor.ts";
import type { StaffContext } from "../editorial/common.ts";
import { type AuditFilters, findAuditEvents } from "./query.ts";
import { recordAudit } from "./record.ts";

// The CSV export of a filtered view of the audit log: rows are read in keyset batches and handed
// on as text as they come, so a million events never sit in memory at once.

/** Events read per query while exporting. */
export const EXPORT_BATCH = 1_000;

const header = [
  "Time (UTC)",
  "Time (UK)",
  "Who",
  "Who's email",
  "Action",
  "What happened",
  "Changes",
  "Target type",
  "Target ID",
  "Event ID",
];

/**
 * Text that starts with = + - @ (or a tab or carriage return) is prefixed with ' so that a
 * spreadsheet shows it instead of running it as a formula: summaries quote what people typed.
 */
const toCsv = (rows: string[][], bom = false) => stringify(rows, { escape_formulas: true, bom });

type Batch = Awaited<ReturnType<typeof findAuditEvents>>;

function csvRows(events: Batch): string[][] {
  return events.map((e) => [
    e.createdAt.toISOString(),
    formatDateTime(e.createdAt),
    e.actor?.name ?? "Someone not signed in",
    e.actor?.email ?? "",
    e.action,
    e.summary,
    e.changes.map((c) => `${c.label}: ${c.from} → ${c.to}`).join("; "),
    e.targetType,
    e.targetId ?? "",
    e.id,
  ]);
}

async function* csvChunks(ctx: StaffContext, filters: AuditFilters): AsyncGenerator<string> {
  yield toCsv([header], true);
  let after: TimeCursor | null = null;
  for (;;) {
    const events: Batch = await findAuditEvents(ctx.db, filters, after, EXPORT_BATCH);
    if (events.length) yield toCsv(csvRows(events));
    const last = events.at(-1);
    if (events.length < EXPORT_BATCH || !last) return;
    after = last;
  }
}

/** A name for the file: the London date it was made on. */
export function exportFilename(at: Date): string {
  return `audit-log-${toLondonFields(at).date}.csv`;
}

/**
 * Records the export (who, with which filters) and answers the file's name and its text, produced
 * batch by batch as the reader takes it.
 */
export async function exportAuditEvents(ctx: StaffContext, filters: AuditFilters) {
  const described = describeFilters(filters);
  await recordAudit(ctx.db, ctx, {
    action: "audit.exported",
    targetType: "AuditLog",
    summary: `${ctx.user.name} exported the audit log${described ? ` (${described})` : ""}`,
    data: { filters: { ...filters, since: filters.since?.toISOString(), before: filters.before?.toISOString() } },
  });
  return { filename: exportFilename(new Date()), chunks: csvChunks(ctx, filters) };
}

/** The filters in words, for the export's own audit event. */
function describeFilters(filters: AuditFilters): string {
  const parts = [
    filters.q && `search "${filters.q}"`,
    filters.actorId && `who ${filters.actorId}`,
    filters.action && `action ${filters.action}`,
    filters.targetType && `target type ${filters.targetType}`,
    filters.targetId && `target ${filters.targetId}`,
    filters.since && `from ${formatDateTime(filters.since)}`,
    filters.before && `before ${formatDateTime(filters.before)}`,
  ];
  return parts.filter(Boolean).join(", ");
}
