// The observatory works in UK time: dates people type mean Europe/London days, which start at
// 00:00 GMT in winter and 00:00 BST (23:00 UTC the day before) in summer.

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
