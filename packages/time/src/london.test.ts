import { describe, expect, it } from "vitest";
import { parseDay, startOfLondonDay } from "./london.ts";

describe("London days", () => {
  it("starts a winter day at midnight GMT and a summer day at 23:00 UTC the day before", () => {
    expect(startOfLondonDay(2026, 1, 15).toISOString()).toBe("2026-01-15T00:00:00.000Z");
    expect(startOfLondonDay(2026, 7, 15).toISOString()).toBe("2026-07-14T23:00:00.000Z");
  });

  it("handles the days the clocks change", () => {
    // BST starts 29 March 2026 at 01:00 UTC; ends 25 October 2026 at 01:00 UTC.
    expect(startOfLondonDay(2026, 3, 29).toISOString()).toBe("2026-03-29T00:00:00.000Z");
    expect(startOfLondonDay(2026, 3, 30).toISOString()).toBe("2026-03-29T23:00:00.000Z");
    expect(startOfLondonDay(2026, 10, 25).toISOString()).toBe("2026-10-24T23:00:00.000Z");
    expect(startOfLondonDay(2026, 10, 26).toISOString()).toBe("2026-10-26T00:00:00.000Z");
  });

  it("reads UK and ISO dates and refuses impossible ones", () => {
    expect(parseDay("21/11/2026")).toEqual({ year: 2026, month: 11, day: 21 });
    expect(parseDay("1-2-2026")).toEqual({ year: 2026, month: 2, day: 1 });
    expect(parseDay("2026-11-21")).toEqual({ year: 2026, month: 11, day: 21 });
    expect(parseDay("31/02/2026")).toBeNull();
    expect(parseDay("yesterday")).toBeNull();
  });
});
