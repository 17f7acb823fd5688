// The one place the product handles UK time. Times are stored in UTC; people read and type them in
// Europe/London time, always told whether that is GMT or BST. Dates people type mean London days,
// which start at 00:00 GMT in winter and 00:00 BST (23:00 UTC the day before) in summer. Pure: used
// by the API, the shared components and both apps, in the browser too.

const londonParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/** How far London's clocks are ahead of UTC at `at`, in milliseconds (0 or one hour). */
export function londonOffsetMs(at: number): number {
  const parts = Object.fromEntries(londonParts.formatToParts(at).map((p) => [p.type, Number(p.value)]));
  const wallClock = Date.UTC(
    parts.year ?? 0,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return wallClock - Math.floor(at / 1000) * 1000;
}

/** The instant a London calendar day begins. */
export function startOfLondonDay(year: number, month: number, day: number): Date {
  const midnightUtc = Date.UTC(year, month - 1, day);
  // Clocks change at 01:00 UTC, so the offset at UTC midnight is the offset at London midnight.
  return new Date(midnightUtc - londonOffsetMs(midnightUtc));
}

/**
 * Reads a date typed as 21/11/2026 (or 21-11-2026, or ISO 2026-11-21) into its parts; null when it
 * is not a real calendar date.
 */
export function parseDay(input: string): { year: number; month: number; day: number } | null {
  const text = input.trim();
  const uk = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const [year, month, day] = uk
    ? [Number(uk[3]), Number(uk[2]), Number(uk[1])]
    : iso
      ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
      : [0, 0, 0];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (!year || check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return null;
  }
  return { year, month, day };
}

// Reading and writing times of day, as the schedule form does.

// Schedules are typed as a London date and time. Twice a year that is not one instant: on the last
// Sunday of March 01:00-01:59 never happens (clocks jump to 02:00 BST), and on the last Sunday of
// October 01:00-01:59 happens twice (first BST, then GMT). We refuse the first and ask which one
// for the second, rather than guess.

export type LondonClock = "BST" | "GMT";

/** `part`: the control the person should fix (the date, the time, or the BST/GMT choice). */
export type LondonTimeResult =
  | { kind: "ok"; at: Date }
  | { kind: "invalid"; part: "date" | "time"; message: string }
  | { kind: "missing"; part: "time"; message: string }
  | { kind: "ambiguous"; part: "clock"; message: string; options: { clock: LondonClock; at: Date }[] };

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

/** "1:30am", as people say a London time of day. */
function sayTimeOfDay({ hour, minute }: { hour: number; minute: number }): string {
  return `${hour % 12 || 12}:${String(minute).padStart(2, "0")}${hour < 12 ? "am" : "pm"}`;
}

/** "28 March 2027", for a London calendar day. */
function sayDay({ year, month, day }: { year: number; month: number; day: number }): string {
  return `${day} ${monthNames[month - 1]} ${year}`;
}

/**
 * The instant a London wall-clock date and time denotes, or why it denotes none or two. Reads what
 * date and time inputs send (2027-03-28, 14:30) and what people type (28/3/2027, 2:30pm).
 */
export function londonDateTimeToInstant(dateText: string, timeText: string, clock?: LondonClock): LondonTimeResult {
  if (!dateText.trim()) return { kind: "invalid", part: "date", message: "Enter a date" };
  const day = parseDay(dateText);
  if (!day) return { kind: "invalid", part: "date", message: "Enter a real date, for example 27 March 2027" };
  if (!timeText.trim()) return { kind: "invalid", part: "time", message: "Enter a time" };
  const time = parseTimeOfDay(timeText);
  if (!time) return { kind: "invalid", part: "time", message: "Enter a real time, for example 14:30" };
  const wallClock = Date.UTC(day.year, day.month - 1, day.day, time.hour, time.minute);
  const candidates = (
    [
      { clock: "GMT", at: wallClock },
      { clock: "BST", at: wallClock - HOUR },
    ] as const
  ).filter((c) => londonOffsetMs(c.at) === wallClock - c.at);
  const label = `${sayTimeOfDay(time)} on ${sayDay(day)}`;
  if (candidates.length === 0) {
    return {
      kind: "missing",
      part: "time",
      message: `${label} does not exist in the UK: the clocks go forward from 1:00am to 2:00am that night. Choose 2:00am or later`,
    };
  }
  if (candidates.length === 2) {
    const chosen = clock && candidates.find((c) => c.clock === clock);
    if (chosen) return { kind: "ok", at: new Date(chosen.at) };
    return {
      kind: "ambiguous",
      part: "clock",
      message: `${label} happens twice in the UK: the clocks go back from 2:00am BST to 1:00am GMT that night. Choose whether you mean BST (the first time) or GMT (the second)`,
      options: candidates.map((c) => ({ clock: c.clock, at: new Date(c.at) })),
    };
  }
  const [only] = candidates;
  return only
    ? { kind: "ok", at: new Date(only.at) }
    : { kind: "invalid", part: "date", message: "Enter a real date and time" };
}

// Showing dates and times. A comment thread shows hundreds of times, and Intl's formatting of
// parts is slow, so the wall clock is worked out from London's offset, asked of Intl once per UTC
// hour (the clocks change on the hour, at 01:00 UTC). The test compares it with Intl's own words.

const monthNames = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** London's offset in each UTC hour asked about (bounded: the cache is cleared when it grows large). */
const offsetByHour = new Map<number, number>();

function offsetInHour(at: number): number {
  const hour = Math.floor(at / HOUR);
  let offset = offsetByHour.get(hour);
  if (offset === undefined) {
    offset = londonOffsetMs(hour * HOUR);
    if (offsetByHour.size >= 50_000) offsetByHour.clear();
    offsetByHour.set(hour, offset);
  }
  return offset;
}

/** The London wall clock at an instant, read from a Date's UTC fields; throws for an invalid date, as Intl does. */
function londonWallClock(value: Date | string): { wall: Date; offset: number } {
  const at = new Date(value).getTime();
  if (Number.isNaN(at)) throw new RangeError("Invalid time value");
  const offset = offsetInHour(at);
  return { wall: new Date(at + offset), offset };
}

/** The London date and time of an instant as date and time inputs hold them ("2026-10-25", "01:30"). */
export function toLondonFields(at: Date): { date: string; time: string; clock: LondonClock } {
  const { wall, offset } = londonWallClock(at);
  const two = (n: number) => String(n).padStart(2, "0");
  return {
    date: `${String(wall.getUTCFullYear()).padStart(4, "0")}-${two(wall.getUTCMonth() + 1)}-${two(wall.getUTCDate())}`,
    time: `${two(wall.getUTCHours())}:${two(wall.getUTCMinutes())}`,
    clock: offset === 0 ? "GMT" : "BST",
  };
}

/** "15 June 2026", in UK time. */
export function formatDate(value: Date | string): string {
  const { wall } = londonWallClock(value);
  return `${wall.getUTCDate()} ${monthNames[wall.getUTCMonth()]} ${wall.getUTCFullYear()}`;
}

/** "9:05am BST". */
export function formatTime(value: Date | string): string {
  const { wall, offset } = londonWallClock(value);
  const hour = wall.getUTCHours();
  const minute = String(wall.getUTCMinutes()).padStart(2, "0");
  return `${hour % 12 || 12}:${minute}${hour < 12 ? "am" : "pm"} ${offset === 0 ? "GMT" : "BST"}`;
}

/** "15 June 2026 at 9:05am BST". */
export function formatDateTime(value: Date | string): string {
  return `${formatDate(value)} at ${formatTime(value)}`;
}

// Naming the zone beside date and time inputs, so that nobody has to know when the clocks change.

export type LondonZone = {
  abbreviation: LondonClock;
  /** "British Summer Time, UTC+1" or "Greenwich Mean Time, UTC+0". */
  label: string;
};

/** London's zone at an instant. */
export function londonZoneAt(at: Date): LondonZone {
  return londonOffsetMs(at.getTime()) === 0
    ? { abbreviation: "GMT", label: "Greenwich Mean Time, UTC+0" }
    : { abbreviation: "BST", label: "British Summer Time, UTC+1" };
}

/**
 * A sentence for the hint beside date and time inputs: the zone London is in on the date (and at
 * the time) entered, or how that day's clock change affects it; null until a real date is entered.
 * Pure, so the server writes it into the page and the browser updates it as the date changes.
 */
export function describeLondonZone(dateText: string, timeText = "", clock?: LondonClock): string | null {
  const day = parseDay(dateText);
  if (!day) return null;
  const dayLabel = sayDay(day);
  const time = timeText.trim() ? parseTimeOfDay(timeText) : null;
  if (time) {
    const result = londonDateTimeToInstant(dateText, timeText, clock);
    if (result.kind !== "ok") return result.kind === "invalid" ? null : `${result.message}.`;
    return `${sayTimeOfDay(time)} on ${dayLabel} is ${londonZoneAt(result.at).label}.`;
  }
  const start = startOfLondonDay(day.year, day.month, day.day);
  const next = new Date(Date.UTC(day.year, day.month - 1, day.day + 1));
  const before = londonZoneAt(start);
  const after = londonZoneAt(startOfLondonDay(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate()));
  if (before.abbreviation === after.abbreviation) return `${dayLabel} is ${before.label}.`;
  return before.abbreviation === "GMT"
    ? `The clocks go forward on ${dayLabel}: ${before.label} until 1:00am, then ${after.label} from 2:00am. Times from 1:00am to 1:59am do not exist that day.`
    : `The clocks go back on ${dayLabel}: ${before.label} until 2:00am, then ${after.label}. Times from 1:00am to 1:59am happen twice that day.`;
}

// Review dates: a number of calendar months on, in London days.

/** The London calendar date of an instant. */
export function londonDay(at: Date): { year: number; month: number; day: number } {
  const [year, month, day] = toLondonFields(at).date.split("-").map(Number);
  return { year: year ?? 0, month: month ?? 1, day: day ?? 1 };
}

/**
 * The start of the London day `months` calendar months after the London date of `at` (the last day
 * of the month when that month is shorter: 31 August + 6 months is 28 or 29 February). The date is
 * London's on both sides, so it does not move a day when the clocks change in between.
 */
export function addLondonMonths(at: Date, months: number): Date {
  const { year, month, day } = londonDay(at);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  return startOfLondonDay(targetYear, targetMonth, Math.min(day, lastDay));
}
