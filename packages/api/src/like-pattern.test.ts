import { describe, expect, it } from "vitest";
import { containsPattern } from "./like-pattern.ts";

describe("containsPattern", () => {
  it("matches the typed text anywhere, with wildcards and the escape character taken literally", () => {
    expect(containsPattern("pulse")).toBe("%pulse%");
    expect(containsPattern("50% off_site")).toBe("%50\\% off\\_site%");
    expect(containsPattern("a\\b")).toBe("%a\\\\b%");
  });
});
