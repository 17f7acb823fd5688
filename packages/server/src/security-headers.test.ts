import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, securityHeaders } from "./security-headers.ts";

describe("security headers", () => {
  it("allow scripts only from the site or with this response's nonce", () => {
    const policy = contentSecurityPolicy("web", "abc123", false);
    expect(policy).toContain("script-src 'self' 'nonce-abc123'");
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    for (const directive of ["object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'self'"]) {
      expect(policy).toContain(directive);
    }
    expect(contentSecurityPolicy("admin", "abc123", false)).toContain("frame-ancestors 'none'");
  });

  it("let the public site load fonts only from itself, and the admin also NHS's Frutiger", () => {
    expect(contentSecurityPolicy("web", "n", false)).toContain("font-src 'self';");
    expect(contentSecurityPolicy("admin", "n", false)).toContain("font-src 'self' https://assets.nhs.uk;");
  });

  it("make a different nonce of 128 bits for each response", () => {
    // Across several refills of the pool the nonces are drawn from.
    const nonces = new Set(Array.from({ length: 1000 }, newNonce));
    expect(nonces.size).toBe(1000);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });

  it("ask for https only when the site is served over https", () => {
    expect(securityHeaders("web", { nonce: "n", https: false, path: "/" })).not.toHaveProperty(
      "Strict-Transport-Security",
    );
    const https = securityHeaders("web", { nonce: "n", https: true, path: "/" });
    expect(https["Strict-Transport-Security"]).toMatch(/max-age=\d{7,}/);
    expect(https["Content-Security-Policy"]).toContain("upgrade-insecure-requests");
  });

  it("keep admin pages out of caches, but not its fingerprinted files", () => {
    expect(securityHeaders("admin", { nonce: "n", https: false, path: "/users" })["Cache-Control"]).toBe("no-store");
    expect(securityHeaders("admin", { nonce: "n", https: false, path: "/assets/app-1234.js" })).not.toHaveProperty(
      "Cache-Control",
    );
    expect(securityHeaders("web", { nonce: "n", https: false, path: "/" })).not.toHaveProperty("Cache-Control");
  });
});
