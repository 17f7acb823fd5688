import { describe, expect, it } from "vitest";
import { isVerb } from "./moderation.server";

describe("moderation verbs from a form", () => {
  it("knows the moderation actions and nothing an object inherits", () => {
    expect(isVerb("approve")).toBe(true);
    for (const value of ["toString", "constructor", "__proto__", "hasOwnProperty", ""]) {
      expect(isVerb(value), value).toBe(false);
    }
  });
});
