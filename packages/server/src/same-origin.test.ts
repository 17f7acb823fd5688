import { describe, expect, it } from "vitest";
import { isCrossOriginWrite as check, writeFacts } from "./same-origin.ts";

const admin = "https://admin.observatory.example";
const isCrossOriginWrite = (request: Request, allowed: string) => check(writeFacts(request), allowed);
const post = (headers: Record<string, string>, method = "POST") =>
  new Request(`${admin}/users/invite`, { method, headers });

describe("cross-origin writes", () => {
  it("lets the admin's own pages post", () => {
    expect(isCrossOriginWrite(post({ origin: admin }), admin)).toBe(false);
    expect(isCrossOriginWrite(post({ origin: admin }), `${admin}/`)).toBe(false);
    expect(isCrossOriginWrite(post({ "sec-fetch-site": "same-origin" }), admin)).toBe(false);
  });

  it("refuses a post from any other origin, the public site included", () => {
    expect(isCrossOriginWrite(post({ origin: "https://evil.example" }), admin)).toBe(true);
    expect(isCrossOriginWrite(post({ origin: "https://www.observatory.example" }), admin)).toBe(true);
    expect(isCrossOriginWrite(post({ origin: "http://admin.observatory.example" }), admin)).toBe(true);
    expect(isCrossOriginWrite(post({ origin: "null" }), admin)).toBe(true);
    expect(isCrossOriginWrite(post({ origin: "https://evil.example" }, "DELETE"), admin)).toBe(true);
  });

  it("refuses a post without Origin that the browser marks as cross-site", () => {
    expect(isCrossOriginWrite(post({ "sec-fetch-site": "cross-site" }), admin)).toBe(true);
    expect(isCrossOriginWrite(post({ "sec-fetch-site": "same-site" }), admin)).toBe(true);
  });

  it("never blocks reads", () => {
    expect(isCrossOriginWrite(post({ origin: "https://evil.example" }, "GET"), admin)).toBe(false);
  });
});
