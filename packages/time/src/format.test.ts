import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime } from "./london.ts";

describe("UK dates and times", () => {
  it("says GMT in winter and BST in summer", () => {
    expect(formatDateTime("2026-01-15T09:05:00Z")).toBe("15 January 2026 at 9:05am GMT");
    expect(formatDateTime("2026-07-15T09:05:00Z")).toBe("15 July 2026 at 10:05am BST");
  });

  it("dates a late summer evening in UTC by the UK calendar", () => {
    expect(formatDate("2026-07-14T23:30:00Z")).toBe("15 July 2026");
    expect(formatDateTime("2026-07-14T23:30:00Z")).toBe("15 July 2026 at 12:30am BST");
  });
});
