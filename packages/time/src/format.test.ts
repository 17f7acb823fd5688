import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatTime, toLondonFields } from "./london.ts";

describe("UK dates and times", () => {
  it("says GMT in winter and BST in summer", () => {
    expect(formatDateTime("2026-01-15T09:05:00Z")).toBe("15 January 2026 at 9:05am GMT");
    expect(formatDateTime("2026-07-15T09:05:00Z")).toBe("15 July 2026 at 10:05am BST");
  });

  it("dates a late summer evening in UTC by the UK calendar", () => {
    expect(formatDate("2026-07-14T23:30:00Z")).toBe("15 July 2026");
    expect(formatDateTime("2026-07-14T23:30:00Z")).toBe("15 July 2026 at 12:30am BST");
  });

  it("words every time of two years, both clock changes included, as Intl's Europe/London does", () => {
    const day = new Intl.DateTimeFormat("en-GB", {
      timeZone: "Europe/London",
      day: "numeric",
      month: "long",
      year: "numeric",
    });
    const time = new Intl.DateTimeFormat("en-GB", {
      timeZone: "Europe/London",
      hour: "numeric",
      minute: "2-digit",
      hourCycle: "h12",
      timeZoneName: "short",
    });
    const intlTime = (at: Date) => {
      const parts = time.formatToParts(at);
      const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
      const zone = part("timeZoneName") === "GMT" ? "GMT" : "BST";
      return `${part("hour")}:${part("minute")}${part("dayPeriod").toLowerCase().replace(/\./g, "")} ${zone}`;
    };
    const mismatches: string[] = [];
    // Every 17 minutes from the start of 2026 to the end of 2027: every hour of the day, each minute.
    for (let at = Date.UTC(2026, 0, 1); at < Date.UTC(2028, 0, 1); at += 17 * 60_000) {
      const instant = new Date(at);
      if (formatDate(instant) !== day.format(instant) || formatTime(instant) !== intlTime(instant))
        mismatches.push(`${instant.toISOString()}: ${formatDateTime(instant)}`);
    }
    expect(mismatches).toEqual([]);
    expect(formatTime("2026-03-29T00:59:59Z")).toBe("12:59am GMT");
    expect(formatTime("2026-03-29T01:00:00Z")).toBe("2:00am BST");
    expect(formatTime("2026-10-25T00:59:00Z")).toBe("1:59am BST");
    expect(formatTime("2026-10-25T01:00:00Z")).toBe("1:00am GMT");
  });

  it("gives date and time inputs' values of every time of two years as Intl's Europe/London does", () => {
    const parts = new Intl.DateTimeFormat("en-GB", {
      timeZone: "Europe/London",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZoneName: "short",
    });
    const intlFields = (at: Date) => {
      const part = Object.fromEntries(parts.formatToParts(at).map((p) => [p.type, p.value]));
      return {
        date: `${part.year}-${part.month}-${part.day}`,
        time: `${part.hour}:${part.minute}`,
        clock: part.timeZoneName === "GMT" ? "GMT" : "BST",
      };
    };
    const mismatches: string[] = [];
    for (let at = Date.UTC(2026, 0, 1); at < Date.UTC(2028, 0, 1); at += 17 * 60_000) {
      const instant = new Date(at);
      const ours = toLondonFields(instant);
      const theirs = intlFields(instant);
      if (JSON.stringify(ours) !== JSON.stringify(theirs))
        mismatches.push(`${instant.toISOString()}: ${JSON.stringify(ours)} against ${JSON.stringify(theirs)}`);
    }
    expect(mismatches).toEqual([]);
  });

  it("refuses an invalid date as Intl does", () => {
    expect(() => formatDate("not a date")).toThrow(RangeError);
  });
});
