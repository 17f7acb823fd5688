import { describe, expect, it } from "vitest";
import { type RequestFacts, refusalFor } from "./request-rules.ts";

const site = "http://localhost:3000";
const request = (facts: Partial<RequestFacts>): RequestFacts => ({
  method: "GET",
  target: "/",
  origin: null,
  fetchSite: null,
  contentType: null,
  hasBody: false,
  ...facts,
});

describe("which requests reach the app", () => {
  it("passes pages, forms from the site and the API's JSON", () => {
    expect(refusalFor(request({ target: "/news?page=2" }), site)).toBeNull();
    expect(refusalFor(request({ method: "HEAD" }), site)).toBeNull();
    for (const contentType of ["application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      expect(
        refusalFor(request({ method: "POST", target: "/news/a", contentType, hasBody: true, origin: site }), site),
      ).toBeNull();
    }
    expect(
      refusalFor(
        request({ method: "POST", target: "/api/trpc/x", contentType: "application/json", hasBody: true }),
        site,
      ),
    ).toBeNull();
  });

  it("answers other methods 405 with the methods it takes", () => {
    for (const method of ["TRACE", "PUT", "DELETE", "PATCH", "OPTIONS", "CONNECT", "PROPFIND"]) {
      expect(refusalFor(request({ method }), site)).toEqual({ status: 405, headers: { Allow: "GET, HEAD, POST" } });
    }
  });

  it("answers paths no page can have 400", () => {
    for (const target of ["//", "//evil.example/x", "/%00", "/news/%00", "/a%0Ab", "/%E0%A4%A", "*"]) {
      expect(refusalFor(request({ target }), site), target).toEqual({ status: 400 });
    }
    expect(refusalFor(request({ target: "/search?q=%00" }), site)).toBeNull();
  });

  it("refuses writes from another site, 403", () => {
    expect(
      refusalFor(request({ method: "POST", origin: "https://evil.example", contentType: "multipart/form-data" }), site),
    ).toEqual({ status: 403 });
    expect(
      refusalFor(request({ method: "POST", fetchSite: "cross-site", contentType: "multipart/form-data" }), site),
    ).toEqual({ status: 403 });
  });

  it("takes a one-click unsubscribe (RFC 8058) from a mail provider's servers, and no other write", () => {
    const form = "application/x-www-form-urlencoded";
    const oneClick = { method: "POST", contentType: form, hasBody: true, origin: "https://mail.example" };
    expect(refusalFor(request({ ...oneClick, target: "/alerts/one-click/abc.DEF_1-2" }), site)).toBeNull();
    for (const target of [
      "/alerts/unsubscribe/abc/more",
      "/alerts/manage/abc.def",
      "/alerts/unsubscribe/a?next=/x",
      "/alerts",
    ]) {
      expect(refusalFor(request({ ...oneClick, target }), site), target).toEqual({ status: 403 });
    }
  });

  it("answers bodies a page or the API does not take 415", () => {
    for (const contentType of ["application/xml", "text/plain", "application/json", null]) {
      expect(refusalFor(request({ method: "POST", target: "/news/a", contentType, hasBody: true }), site)).toEqual({
        status: 415,
      });
    }
    expect(
      refusalFor(request({ method: "POST", target: "/api/trpc/x", contentType: "text/xml", hasBody: true }), site),
    ).toEqual({ status: 415 });
  });
});
