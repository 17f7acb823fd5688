import { londonOffsetMs, parseDay } from "../london-time.ts";

// Schedules are typed as a London date and time. Twice a year that is not one instant: on the last
// Sunday of March 01:00-01:59 never happens (clocks jump to 02:00 BST), and on the last Sunday of
// October 01:00-01:59 happens twice (first BST, then GMT). We refuse the first and ask which one
// for the second, rather than guess.

export type LondonClock = "BST" | "GMT";

export type LondonTimeResult =
  | { kind: "ok"; at: Date }
  | { kind: "invalid"; message: string }
  | { kind: "missing"; message: string }
  | { kind: "ambiguous"; message: string; options: { clock: LondonClock; at: Date }[] };

const HOUR = 3_600_000;

/** Reads "14:30", "2:30pm", "9am" into hours and minutes; null when it is not a time of day. */
export function parseTimeOfDay(input: string): { hour: number; minute: number } | null {
  const match = /^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?$/i.exec(input.trim());
  if (!match) return null;
  let hour = Number(match[1]);
  const minute = match[2] ? Number(match[2]) : 0;
  const meridiem = match[3]?.toLowerCase();
  if (!meridiem && !match[2]) return null;
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === "pm" ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return null;
  return { hour, minute };
}

/** The instant a London wall-clock date and time denotes, or why it denotes none or two. */
export function londonDateTimeToInstant(dateText: string, timeText: string, clock?: LondonClock): LondonTimeResult {
  const day = parseDay(dateText);
  if (!day) return { kind: "invalid", message: "Enter a real date, for example 27/3/2027" };
  const time = parseTimeOfDay(timeText);
  if (!time) return { kind: "invalid", message: "Enter a time, for example 14:30 or 2:30pm" };
  const wallClock = Date.UTC(day.year, day.month - 1, day.day, time.hour, time.minute);
  const candidates = (
    [
      { clock: "GMT", at: wallClock },
      { clock: "BST", at: wallClock - HOUR },
    ] as const
  ).filter((c) => londonOffsetMs(c.at) === wallClock - c.at);
  const label = `${timeText.trim()} on ${dateText.trim()}`;
  if (candidates.length === 0) {
    return {
      kind: "missing",
      message: `${label} does not exist in the UK: the clocks go forward from 1:00am to 2:00am that night. Choose 2:00am or later`,
    };
  }
  if (candidates.length === 2) {
    const chosen = clock && candidates.find((c) => c.clock === clock);
    if (chosen) return { kind: "ok", at: new Date(chosen.at) };
    return {
      kind: "ambiguous",
      message: `${label} happens twice in the UK: the clocks go back from 2:00am BST to 1:00am GMT that night. Choose whether you mean BST (the first time) or GMT (the second)`,
      options: candidates.map((c) => ({ clock: c.clock, at: new Date(c.at) })),
    };
  }
  const [only] = candidates;
  return only ? { kind: "ok", at: new Date(only.at) } : { kind: "invalid", message: "Enter a real date and time" };
}

const londonFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "numeric",
  minute: "2-digit",
  hourCycle: "h23",
  timeZoneName: "short",
});

/** "Sunday 25 October 2026 at 01:30 GMT": always with BST or GMT so a reader cannot misread it. */
export function formatLondon(at: Date): string {
  const parts = Object.fromEntries(londonFormat.formatToParts(at).map((p) => [p.type, p.value]));
  // Intl names London's summer offset "GMT+1"; people know it as BST.
  const zone = parts.timeZoneName === "GMT+1" ? "BST" : (parts.timeZoneName ?? "GMT");
  return `${parts.weekday} ${parts.day} ${parts.month} ${parts.year} at ${parts.hour}:${parts.minute} ${zone}`;
}

/** The London date and time of an instant as the schedule form's fields ("25/10/2026", "01:30"). */
export function toLondonFields(at: Date): { date: string; time: string; clock: LondonClock } {
  const parts = Object.fromEntries(londonFormat.formatToParts(at).map((p) => [p.type, p.value]));
  const numeric = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/London",
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
  }).format(at);
  return {
    date: numeric,
    time: `${parts.hour}:${parts.minute}`,
    clock: londonOffsetMs(at.getTime()) === 0 ? "GMT" : "BST",
  };
}
