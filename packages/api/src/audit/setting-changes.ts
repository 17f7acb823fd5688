import type { Prisma } from "@observatory/db";
import { z } from "zod";

// A settings change is audited setting by setting, with its value before and after, so the log
// answers "who changed the address limit, and from what?" without comparing two JSON documents.

export type SettingChange = {
  setting: string;
  label: string;
  from: Prisma.InputJsonValue | null;
  to: Prisma.InputJsonValue | null;
};

/** The settings whose value differs between `before` and `after`, in the order of `labels`. */
export function settingChanges<T extends Record<string, Prisma.InputJsonValue>>(
  before: T,
  after: T,
  labels: Record<keyof T & string, string>,
): SettingChange[] {
  return Object.entries<string>(labels).flatMap(([setting, label]) => {
    const from = before[setting] ?? null;
    const to = after[setting] ?? null;
    return JSON.stringify(from) === JSON.stringify(to) ? [] : [{ setting, label, from, to }];
  });
}

/** "Changed the comment rules: A, B" (or "... without changes"), for an event's summary. */
export function summariseChanges(subject: string, changes: SettingChange[]): string {
  return changes.length
    ? `Changed ${subject}: ${changes.map((c) => c.label).join("; ")}`
    : `Saved ${subject} without changes`;
}

/** A setting's value in words: lists joined ("none" when empty), yes or no. */
export function settingValueInWords(value: unknown): string {
  if (Array.isArray(value)) return value.length ? value.map(settingValueInWords).join(", ") : "none";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (value === null || value === undefined) return "not set";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

const storedChanges = z.object({
  changes: z.array(z.object({ label: z.string(), from: z.unknown(), to: z.unknown() })),
});

/** The changes an audit event's data records, in words for the audit screen (none for other events). */
export function changesInWords(data: unknown): { label: string; from: string; to: string }[] {
  const parsed = storedChanges.safeParse(data);
  if (!parsed.success) return [];
  return parsed.data.changes.map((c) => ({
    label: c.label,
    from: settingValueInWords(c.from),
    to: settingValueInWords(c.to),
  }));
}
