import { hostEnv } from "@observatory/server/env";

// How long browsers and shared caches (a CDN, a caching proxy) may keep public pages (decision 033).
// Every public page and feed carries an ETag (and feeds a Last-Modified), so an expired copy is
// revalidated with a 304 when nothing changed.

/**
 * The Cache-Control of public pages for a bound of `seconds`: a shared cache serves a page from
 * before a change at most that long after the change commits. Half of it (rounded up) is the time
 * a copy is fresh (`s-maxage`, and browsers' `max-age`), the rest the time a stale copy may still
 * be served while the cache revalidates it in the background (`stale-while-revalidate`). 0 lets
 * caches store pages but makes them revalidate every time.
 */
export function publicCacheControlFor(seconds: number): string {
  if (seconds <= 0) return "public, no-cache";
  const fresh = Math.ceil(seconds / 2);
  const stale = seconds - fresh;
  return `public, max-age=${fresh}, s-maxage=${fresh}${stale > 0 ? `, stale-while-revalidate=${stale}` : ""}`;
}

/** Public pages' Cache-Control, from SHARED_CACHE_SECONDS (120 by default: fresh 60 s, stale 60 s more). */
export const publicCacheControl = publicCacheControlFor(hostEnv().SHARED_CACHE_SECONDS);
