import { describe, expect, it } from "vitest";
import { isVerb, noticeFor } from "./moderation.server";

describe("moderation verbs from a form", () => {
  it("knows the moderation actions and nothing an object inherits", () => {
    expect(isVerb("approve")).toBe(true);
    for (const value of ["toString", "constructor", "__proto__", "hasOwnProperty", ""]) {
      expect(isVerb(value), value).toBe(false);
    }
  });

  it("says only its own fixed notices after a redirect, never what the address carries", () => {
    expect(noticeFor("emptied-trash")).toBe("The trash has been emptied: those comments are deleted permanently.");
    expect(noticeFor("trash")).toMatch(/^Comment moved to the trash/);
    for (const value of ["toString", "<script>", ""]) expect(noticeFor(value), value).toBeNull();
  });
});
