import { createHash } from "node:crypto";
import type { AppLoadContext } from "@remix-run/node";
import { publicCacheControl } from "./cache";
import { type CacheTicket, pageCache } from "./page-cache.server";

// Validators for public responses, so that a browser, feed reader or CDN holding the same copy is
// answered 304 Not Modified: pages get them in entry.server.tsx, documents that are not pages
// (feeds) here.

/** A weak ETag of a response's content (pages leave out their per-response values first). */
export function weakEtag(content: string): string {
  return `W/"${createHash("sha1").update(content).digest("base64url")}"`;
}

/**
 * Whether the client's copy is current: its ETag matches, or (only when it sent none) it was
 * fetched at or after the last change. HTTP dates have whole seconds.
 */
export function isNotModified(request: Request, etag: string, lastModified: Date): boolean {
  const ifNoneMatch = request.headers.get("If-None-Match");
  if (ifNoneMatch !== null) return ifNoneMatch.split(",").some((tag) => tag.trim() === etag || tag.trim() === "*");
  const since = Date.parse(request.headers.get("If-Modified-Since") ?? "");
  return !Number.isNaN(since) && Math.floor(lastModified.getTime() / 1000) * 1000 <= since;
}

/**
 * A public document that is not a page (a feed), with validators and the public cache policy,
 * kept in the page cache like a page, or 304 when the client's copy is current.
 */
export function publicDocument(
  request: Request,
  context: AppLoadContext,
  { body, contentType, lastModified }: { body: string; contentType: string; lastModified: Date },
): Response {
  const etag = weakEtag(body);
  const headers = new Headers({
    "Content-Type": contentType,
    "Cache-Control": publicCacheControl,
    ETag: etag,
    "Last-Modified": lastModified.toUTCString(),
  });
  const ticket = context.cacheTicket as CacheTicket | null | undefined;
  if (ticket) pageCache.store(ticket, { pieces: [body], gaps: [] }, headers);
  if (isNotModified(request, etag, lastModified)) return new Response(null, { status: 304, headers });
  return new Response(body, { status: 200, headers });
}
