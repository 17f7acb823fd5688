import { describe, expect, it } from "vitest";
import { isoDate } from "./format";

describe("isoDate", () => {
  it("writes every instant as toISOString does", () => {
    const mismatches: string[] = [];
    // Every 7,919 seconds and a few milliseconds over three years, then the edges.
    for (let at = Date.UTC(2025, 0, 1); at < Date.UTC(2028, 0, 1); at += 7_919_007) {
      const date = new Date(at);
      if (isoDate(date) !== date.toISOString()) mismatches.push(date.toISOString());
    }
    for (const text of [
      "0999-12-31T23:59:59.999Z",
      "1000-01-01T00:00:00.000Z",
      "9999-12-31T23:59:59.999Z",
      "+010000-01-01T00:00:00.000Z",
    ]) {
      if (isoDate(text) !== new Date(text).toISOString()) mismatches.push(text);
    }
    expect(mismatches).toEqual([]);
  });

  it("refuses an invalid date as toISOString does", () => {
    expect(() => isoDate("not a date")).toThrow(RangeError);
  });
});
