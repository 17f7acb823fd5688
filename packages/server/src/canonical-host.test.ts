import { describe, expect, it } from "vitest";
import { canonicalLoopbackUrl } from "./canonical-host.ts";

describe("the configured name of a loopback site", () => {
  it("sends the other names of the same address and port to the configured one, keeping the path", () => {
    expect(canonicalLoopbackUrl("127.0.0.1:3001", "http://localhost:3001", "/sign-in?redirectTo=%2Fusers")).toBe(
      "http://localhost:3001/sign-in?redirectTo=%2Fusers",
    );
    expect(canonicalLoopbackUrl("[::1]:3001", "http://localhost:3001", "/")).toBe("http://localhost:3001/");
    expect(canonicalLoopbackUrl("localhost:3000", "http://127.0.0.1:3000", "/news")).toBe("http://127.0.0.1:3000/news");
  });

  it("leaves requests by the configured name, another port, or another host alone", () => {
    expect(canonicalLoopbackUrl("localhost:3001", "http://localhost:3001", "/")).toBeNull();
    expect(canonicalLoopbackUrl("127.0.0.1:3000", "http://localhost:3001", "/")).toBeNull();
    expect(canonicalLoopbackUrl("evil.example:3001", "http://localhost:3001", "/")).toBeNull();
    expect(canonicalLoopbackUrl("127.0.0.1:3001", "https://admin.observatory.example", "/")).toBeNull();
    expect(canonicalLoopbackUrl(undefined, "http://localhost:3001", "/")).toBeNull();
    expect(canonicalLoopbackUrl("bad host", "http://localhost:3001", "/")).toBeNull();
  });

  it("never builds an address on another host from the path", () => {
    expect(canonicalLoopbackUrl("127.0.0.1:3001", "http://localhost:3001", "//evil.example/")).toBe(
      "http://localhost:3001/",
    );
  });
});
