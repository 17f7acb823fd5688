import type { HeadersFunction } from "@remix-run/node";
import { publicCacheControl } from "./cache.server";

/** Route `headers` export for public pages: CDN-friendly caching (errors are never cached). */
export const publicHeaders: HeadersFunction = ({ errorHeaders }) =>
  errorHeaders ? { "Cache-Control": "no-store" } : { "Cache-Control": publicCacheControl };
