import { describe, expect, it } from "vitest";
import { formatDateTime, londonDateTimeToInstant, parseTimeOfDay, toLondonFields } from "./london.ts";

describe("London schedule times", () => {
  it("reads winter times as GMT and summer times as BST", () => {
    expect(londonDateTimeToInstant("21/11/2026", "14:30")).toEqual({
      kind: "ok",
      at: new Date("2026-11-21T14:30:00Z"),
    });
    expect(londonDateTimeToInstant("1/7/2027", "9am")).toEqual({ kind: "ok", at: new Date("2027-07-01T08:00:00Z") });
  });

  it("refuses a time the spring-forward skips, and accepts those either side of it", () => {
    const skipped = londonDateTimeToInstant("28/03/2027", "01:30");
    expect(skipped.kind).toBe("missing");
    expect(skipped.kind !== "ok" && skipped.message).toContain("does not exist");
    expect(londonDateTimeToInstant("28/03/2027", "00:59")).toEqual({
      kind: "ok",
      at: new Date("2027-03-28T00:59:00Z"),
    });
    expect(londonDateTimeToInstant("28/03/2027", "02:00")).toEqual({
      kind: "ok",
      at: new Date("2027-03-28T01:00:00Z"),
    });
  });

  it("explains a time the fall-back repeats, and takes BST or GMT when told which", () => {
    const twice = londonDateTimeToInstant("31/10/2027", "01:30");
    expect(twice.kind).toBe("ambiguous");
    expect(twice.kind !== "ok" && twice.message).toContain("happens twice");
    expect(londonDateTimeToInstant("31/10/2027", "01:30", "BST")).toEqual({
      kind: "ok",
      at: new Date("2027-10-31T00:30:00Z"),
    });
    expect(londonDateTimeToInstant("31/10/2027", "01:30", "GMT")).toEqual({
      kind: "ok",
      at: new Date("2027-10-31T01:30:00Z"),
    });
    expect(londonDateTimeToInstant("31/10/2027", "02:00")).toEqual({
      kind: "ok",
      at: new Date("2027-10-31T02:00:00Z"),
    });
  });

  it("refuses dates and times that are not real", () => {
    expect(londonDateTimeToInstant("31/02/2027", "10:00").kind).toBe("invalid");
    expect(londonDateTimeToInstant("1/1/2027", "25:00").kind).toBe("invalid");
    expect(parseTimeOfDay("13pm")).toBeNull();
    expect(parseTimeOfDay("12am")).toEqual({ hour: 0, minute: 0 });
  });

  it("always shows BST or GMT", () => {
    expect(formatDateTime(new Date("2027-10-31T00:30:00Z"))).toBe("31 October 2027 at 1:30am BST");
    expect(formatDateTime(new Date("2027-10-31T01:30:00Z"))).toBe("31 October 2027 at 1:30am GMT");
    expect(toLondonFields(new Date("2027-10-31T01:30:00Z"))).toEqual({
      date: "31/10/2027",
      time: "01:30",
      clock: "GMT",
    });
  });
});
