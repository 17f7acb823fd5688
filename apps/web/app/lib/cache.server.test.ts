import { describe, expect, it } from "vitest";
import { publicCacheControl, publicCacheControlFor } from "./cache.server";

describe("the public cache policy", () => {
  it("splits the bound into fresh (s-maxage, max-age) and stale-while-revalidate, fresh rounded up", () => {
    expect(publicCacheControlFor(120)).toBe("public, max-age=60, s-maxage=60, stale-while-revalidate=60");
    expect(publicCacheControlFor(2)).toBe("public, max-age=1, s-maxage=1, stale-while-revalidate=1");
    expect(publicCacheControlFor(5)).toBe("public, max-age=3, s-maxage=3, stale-while-revalidate=2");
    expect(publicCacheControlFor(1)).toBe("public, max-age=1, s-maxage=1");
  });

  it("makes shared caches revalidate every time with 0", () => {
    expect(publicCacheControlFor(0)).toBe("public, no-cache");
  });

  it("follows SHARED_CACHE_SECONDS, 120 when it is not set", () => {
    expect(publicCacheControl).toBe(publicCacheControlFor(Number(process.env.SHARED_CACHE_SECONDS ?? 120)));
  });
});
