import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./safe-redirect.ts";

describe("safe redirects", () => {
  it("keeps paths on this site, with their query and fragment", () => {
    expect(safeRedirectPath("/users?page=2#list")).toBe("/users?page=2#list");
    expect(safeRedirectPath("/audit")).toBe("/audit");
  });

  it("refuses anything that could leave the site", () => {
    for (const to of [
      "//evil.example",
      "//evil.example/users",
      "/\\evil.example",
      "\\\\evil.example",
      "https://evil.example",
      "javascript:alert(1)",
      "evil.example",
      "/\t/evil.example",
      "",
      null,
      undefined,
      ["/users"],
    ]) {
      expect(safeRedirectPath(to, "/home"), String(to)).toBe("/home");
    }
  });
});
