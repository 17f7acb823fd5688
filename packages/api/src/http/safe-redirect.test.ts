import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./safe-redirect.ts";

describe("safe redirects", () => {
  it("keeps paths on this site, with their query and fragment", () => {
    expect(safeRedirectPath("/users?page=2#list")).toBe("/users?page=2#list");
    expect(safeRedirectPath("/audit")).toBe("/audit");
  });

  it("answers the resolved form of a path, which is what a browser would follow", () => {
    expect(safeRedirectPath("/a/../users")).toBe("/users");
    expect(safeRedirectPath("/./audit?x=1")).toBe("/audit?x=1");
    // Encoded slashes stay encoded: they are one path segment, not a host.
    expect(safeRedirectPath("/%2f%2fevil.example")).toBe("/%2f%2fevil.example");
    expect(safeRedirectPath("/%5c%5cevil.example")).toBe("/%5c%5cevil.example");
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
      // Dot segments that collapse to "//" once resolved, plain and percent-encoded.
      "/.//evil.example",
      "/..//evil.example",
      "/a/..//evil.example",
      "/a/b/../..//evil.example",
      "/%2e//evil.example",
      "/%2E%2E//evil.example",
      "/./%2e//evil.example",
      "/.//evil.example?x=1",
      "/\\evil.example",
      "https:evil.example",
      "http:/evil.example",
      "///evil.example",
      "",
      null,
      undefined,
      ["/users"],
    ]) {
      expect(safeRedirectPath(to, "/home"), String(to)).toBe("/home");
    }
  });
});
