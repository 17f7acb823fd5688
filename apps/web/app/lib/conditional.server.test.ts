import { describe, expect, it } from "vitest";
import { publicDocument } from "./conditional.server";
import { isNotModified, validatorsOf, weakEtag } from "./validators.server";

const lastModified = new Date("2024-03-01T10:30:00.250Z");
const document = { body: "<feed/>", contentType: "application/atom+xml; charset=utf-8", lastModified };
const get = (headers: Record<string, string> = {}) => new Request("http://localhost/feeds/news.xml", { headers });

describe("publicDocument", () => {
  it("carries an ETag, Last-Modified and the public cache policy", async () => {
    const response = publicDocument(get(), {}, document);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("<feed/>");
    expect(response.headers.get("ETag")).toBe(weakEtag("<feed/>"));
    expect(response.headers.get("Last-Modified")).toBe("Fri, 01 Mar 2024 10:30:00 GMT");
    expect(response.headers.get("Cache-Control")).toMatch(/\bpublic\b/);
  });

  it("answers 304 with no body when the reader's copy is current, by ETag or by date", async () => {
    const etag = weakEtag("<feed/>");
    const cases: Record<string, string>[] = [
      { "If-None-Match": etag },
      { "If-None-Match": `W/"other", ${etag}` },
      { "If-Modified-Since": "Fri, 01 Mar 2024 10:30:00 GMT" },
      { "If-Modified-Since": "Sat, 02 Mar 2024 00:00:00 GMT" },
    ];
    for (const headers of cases) {
      const response = publicDocument(get(headers), {}, document);
      expect(response.status, JSON.stringify(headers)).toBe(304);
      expect(await response.text()).toBe("");
      expect(response.headers.get("ETag")).toBe(etag);
    }
  });

  it("sends the document again when it changed since the reader's copy", () => {
    const cases: Record<string, string>[] = [
      { "If-None-Match": 'W/"older"' },
      { "If-Modified-Since": "Fri, 01 Mar 2024 10:29:59 GMT" },
      { "If-Modified-Since": "not a date" },
      // An ETag that does not match wins over a date that would.
      { "If-None-Match": 'W/"older"', "If-Modified-Since": "Sat, 02 Mar 2024 00:00:00 GMT" },
    ];
    for (const headers of cases) {
      expect(
        isNotModified(validatorsOf(get(headers)), weakEtag("<feed/>"), lastModified),
        JSON.stringify(headers),
      ).toBe(false);
    }
  });

  it("compares a document without a date (the sitemap) by its ETag only", async () => {
    const sitemap = { body: "<urlset/>", contentType: "application/xml; charset=utf-8", lastModified: null };
    const fresh = publicDocument(get(), {}, sitemap);
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get("Last-Modified")).toBeNull();
    expect(fresh.headers.get("ETag")).toBe(weakEtag("<urlset/>"));
    expect(publicDocument(get({ "If-None-Match": weakEtag("<urlset/>") }), {}, sitemap).status).toBe(304);
    // A date alone never answers for it: an entry can go without any date moving.
    expect(publicDocument(get({ "If-Modified-Since": "Sat, 02 Mar 2030 00:00:00 GMT" }), {}, sitemap).status).toBe(200);
  });
});
