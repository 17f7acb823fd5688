import { describe, expect, it } from "vitest";
import {
  describeLondonZone,
  formatDateTime,
  londonDateTimeToInstant,
  londonZoneAt,
  parseTimeOfDay,
  toLondonFields,
} from "./london.ts";

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
      date: "2027-10-31",
      time: "01:30",
      clock: "GMT",
    });
  });

  it("reads what date and time inputs send", () => {
    expect(londonDateTimeToInstant("2027-07-01", "09:00")).toEqual({
      kind: "ok",
      at: new Date("2027-07-01T08:00:00Z"),
    });
    expect(londonDateTimeToInstant("2027-01-15", "23:59")).toEqual({
      kind: "ok",
      at: new Date("2027-01-15T23:59:00Z"),
    });
    const fields = toLondonFields(new Date("2027-07-01T08:00:00Z"));
    expect(londonDateTimeToInstant(fields.date, fields.time)).toEqual({
      kind: "ok",
      at: new Date("2027-07-01T08:00:00Z"),
    });
  });

  it("says which control to fix, and what to enter", () => {
    expect(londonDateTimeToInstant("", "09:00")).toMatchObject({
      kind: "invalid",
      part: "date",
      message: "Enter a date",
    });
    expect(londonDateTimeToInstant("2027-02-30", "09:00")).toMatchObject({ kind: "invalid", part: "date" });
    expect(londonDateTimeToInstant("2027-02-01", "")).toMatchObject({
      kind: "invalid",
      part: "time",
      message: "Enter a time",
    });
    expect(londonDateTimeToInstant("2027-02-01", "9.75")).toMatchObject({ kind: "invalid", part: "time" });
    expect(londonDateTimeToInstant("2027-03-28", "01:30")).toMatchObject({
      kind: "missing",
      part: "time",
      message: expect.stringContaining("1:30am on 28 March 2027 does not exist"),
    });
    expect(londonDateTimeToInstant("2027-10-31", "01:30")).toMatchObject({ kind: "ambiguous", part: "clock" });
  });
});

describe("naming London's zone beside the inputs", () => {
  it("names the zone and its offset from UTC", () => {
    expect(londonZoneAt(new Date("2027-07-01T12:00:00Z")).label).toBe("British Summer Time, UTC+1");
    expect(londonZoneAt(new Date("2027-01-01T12:00:00Z")).label).toBe("Greenwich Mean Time, UTC+0");
  });

  it("describes the date entered, and the time when there is one", () => {
    expect(describeLondonZone("2027-07-01")).toBe("1 July 2027 is British Summer Time, UTC+1.");
    expect(describeLondonZone("2027-12-25")).toBe("25 December 2027 is Greenwich Mean Time, UTC+0.");
    expect(describeLondonZone("2027-07-01", "09:30")).toBe("9:30am on 1 July 2027 is British Summer Time, UTC+1.");
    expect(describeLondonZone("2027-10-31", "01:30", "GMT")).toBe(
      "1:30am on 31 October 2027 is Greenwich Mean Time, UTC+0.",
    );
  });

  it("explains the clock change on the days it happens", () => {
    expect(describeLondonZone("2027-03-28")).toContain("The clocks go forward on 28 March 2027");
    expect(describeLondonZone("2027-03-28")).toContain("do not exist");
    expect(describeLondonZone("2027-10-31")).toContain("The clocks go back on 31 October 2027");
    expect(describeLondonZone("2027-10-31")).toContain("happen twice");
    expect(describeLondonZone("2027-03-28", "01:30")).toContain("does not exist");
    expect(describeLondonZone("2027-10-31", "01:30")).toContain("happens twice");
  });

  it("says nothing until a real date is entered", () => {
    expect(describeLondonZone("")).toBeNull();
    expect(describeLondonZone("2027-02-30")).toBeNull();
    // A time not yet complete leaves the day's description.
    expect(describeLondonZone("2027-02-01", "nonsense")).toBe("1 February 2027 is Greenwich Mean Time, UTC+0.");
  });
});
