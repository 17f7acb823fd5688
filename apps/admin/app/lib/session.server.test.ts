import { describe, expect, it } from "vitest";
import { currentPath, detour, redirectTarget, withRedirectTo } from "./session.server";

type Session = Parameters<typeof detour>[1];
const signedIn = (mfa: "satisfied" | "verify" | "enrol") => ({ mfa }) as unknown as Session;
const request = (path: string) => new Request(`http://admin.test${path}`);

describe("where a page request must go instead (detour)", () => {
  it("lets anyone open the sign-in, password reset, invitation and accessibility pages", () => {
    for (const path of ["/sign-in", "/password-reset", "/password-reset/abc", "/invitations/xyz", "/accessibility"]) {
      expect(detour(request(path), null), path).toBeNull();
    }
  });

  it("sends a visitor who is not signed in to sign in, and back to the page afterwards", () => {
    expect(detour(request("/"), null)).toBe("/sign-in");
    expect(detour(request("/content?status=DRAFT"), null)).toBe(
      `/sign-in?redirectTo=${encodeURIComponent("/content?status=DRAFT")}`,
    );
    expect(detour(request("/password-reset/a/b"), null)).toBe(
      `/sign-in?redirectTo=${encodeURIComponent("/password-reset/a/b")}`,
    );
  });

  it("leaves Remix's own data-request parameters out of the way back", () => {
    expect(detour(request("/users?_routes=root&index"), null)).toBe(
      `/sign-in?redirectTo=${encodeURIComponent("/users")}`,
    );
    expect(currentPath(request("/users?page=2&_routes=x"))).toBe("/users?page=2");
  });

  it("sends a session still waiting for its second factor to that step, and nowhere else", () => {
    expect(detour(request("/users"), signedIn("verify"))).toBe(
      `/sign-in/verify?redirectTo=${encodeURIComponent("/users")}`,
    );
    expect(detour(request("/users"), signedIn("enrol"))).toBe(
      `/account/authenticator/set-up?redirectTo=${encodeURIComponent("/users")}`,
    );
    for (const path of ["/sign-in/verify", "/account/authenticator/set-up", "/sign-out"]) {
      expect(detour(request(path), signedIn("verify")), path).toBeNull();
    }
  });

  it("lets a fully signed-in person go on", () => {
    expect(detour(request("/content"), signedIn("satisfied"))).toBeNull();
  });
});

describe("the way back after signing in", () => {
  it("keeps a path on this site", () => {
    expect(redirectTarget(request(`/sign-in?redirectTo=${encodeURIComponent("/users?page=2#top")}`))).toBe(
      "/users?page=2#top",
    );
    expect(withRedirectTo("/sign-in", "/")).toBe("/sign-in");
  });

  it("goes home for anything that is not a path on this site", () => {
    const payloads = [
      "//evil.example",
      "/\\evil.example",
      "\\\\evil.example",
      "https://evil.example",
      "https:evil.example",
      "javascript:alert(1)",
      "evil.example",
      "/\tevil",
      "",
      // Paths that collapse to "//evil.example" once their dot segments are resolved.
      "/.//evil.example",
      "/..//evil.example",
      "/a/..//evil.example",
      "/%2e//evil.example",
      "/%2E%2E//evil.example",
      "///evil.example",
    ];
    for (const payload of payloads) {
      expect(redirectTarget(request(`/sign-in?redirectTo=${encodeURIComponent(payload)}`)), payload).toBe("/");
      expect(withRedirectTo("/sign-in", payload), payload).toBe("/sign-in");
      // Remix's data requests for the same page read the same parameter.
      expect(redirectTarget(request(`/sign-in.data?redirectTo=${encodeURIComponent(payload)}`)), payload).toBe("/");
    }
  });
});
