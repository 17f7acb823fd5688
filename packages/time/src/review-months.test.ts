import { describe, expect, it } from "vitest";
import { addLondonMonths, formatDate, londonDay } from "./london";

describe("addLondonMonths: review dates keep their London date across clock changes", () => {
  it("a page reviewed just after midnight in summer is due on that London date, in winter", () => {
    // 00:30 BST on 15 June 2026 is 23:30 UTC on 14 June: the London date is the 15th.
    const due = addLondonMonths(new Date("2026-06-14T23:30:00Z"), 6);
    expect(formatDate(due)).toBe("15 December 2026");
    expect(due.toISOString()).toBe("2026-12-15T00:00:00.000Z");
  });

  it("a page reviewed late on a winter evening is due on that London date, in summer", () => {
    const due = addLondonMonths(new Date("2026-01-10T23:30:00Z"), 6);
    expect(formatDate(due)).toBe("10 July 2026");
    expect(due.toISOString()).toBe("2026-07-09T23:00:00.000Z");
  });

  it("across the March change: reviewed the night the clocks go forward", () => {
    // 29 March 2026: clocks go forward at 01:00 UTC. 00:59 UTC is still 00:59 GMT on the 29th.
    expect(londonDay(new Date("2026-03-29T00:59:00Z"))).toEqual({ year: 2026, month: 3, day: 29 });
    expect(addLondonMonths(new Date("2026-03-29T00:59:00Z"), 12).toISOString()).toBe("2027-03-28T23:00:00.000Z");
    // 28 March 2027 23:00 UTC is 00:00 BST on 29 March 2027 (clocks went forward on the 28th).
    expect(formatDate(addLondonMonths(new Date("2026-03-29T00:59:00Z"), 12))).toBe("29 March 2027");
    // A day that starts in GMT and is due on a day in BST.
    expect(addLondonMonths(new Date("2026-02-28T12:00:00Z"), 1).toISOString()).toBe("2026-03-28T00:00:00.000Z");
    expect(addLondonMonths(new Date("2026-02-28T12:00:00Z"), 2).toISOString()).toBe("2026-04-27T23:00:00.000Z");
  });

  it("across the October change: reviewed in the hour that happens twice", () => {
    // 25 October 2026: 01:30 London happens at 00:30 UTC (BST) and 01:30 UTC (GMT); both are the 25th.
    for (const at of ["2026-10-25T00:30:00Z", "2026-10-25T01:30:00Z"]) {
      expect(formatDate(addLondonMonths(new Date(at), 6))).toBe("25 April 2027");
      expect(addLondonMonths(new Date(at), 6).toISOString()).toBe("2027-04-24T23:00:00.000Z");
    }
    // Reviewed in summer, due the day after the clocks go back, in GMT.
    expect(addLondonMonths(new Date("2026-04-26T22:30:00Z"), 6).toISOString()).toBe("2026-10-26T00:00:00.000Z");
    // Due on the day itself: it starts in BST, an hour before it would in GMT.
    expect(addLondonMonths(new Date("2026-04-25T22:30:00Z"), 6).toISOString()).toBe("2026-10-24T23:00:00.000Z");
  });

  it("keeps to the end of a shorter month, and goes over the year", () => {
    expect(formatDate(addLondonMonths(new Date("2026-08-31T10:00:00Z"), 6))).toBe("28 February 2027");
    expect(formatDate(addLondonMonths(new Date("2027-08-31T10:00:00Z"), 6))).toBe("29 February 2028");
    expect(formatDate(addLondonMonths(new Date("2026-11-30T10:00:00Z"), 3))).toBe("28 February 2027");
    expect(formatDate(addLondonMonths(new Date("2026-12-05T10:00:00Z"), 24))).toBe("5 December 2028");
  });
});
