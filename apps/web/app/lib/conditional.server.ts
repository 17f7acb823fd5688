import type { AppLoadContext } from "@remix-run/node";
import { bytesBody } from "./bytes-body.server";
import { publicCacheControl } from "./cache.server";
import { type CacheTicket, pageCache } from "./page-cache.server";
import { isNotModified, validatorsOf, weakEtag } from "./validators.server";

// Public documents that are not pages (feeds, the sitemap, robots.txt): validators, the public cache
// policy, the page cache.

/**
 * A public document that is not a page, with validators and the public cache policy, kept in the
 * page cache like a page, or 304 when the client's copy is current. `lastModified` is null for a
 * document with no date that covers every change to it (the sitemap loses an entry when an item is
 * taken off, with no date of its own): it is then compared by its ETag only.
 */
export function publicDocument(
  request: Request,
  context: AppLoadContext,
  { body, contentType, lastModified }: { body: string; contentType: string; lastModified: Date | null },
): Response {
  // Encoded once: the ETag, the page cache and the answer share the bytes.
  const bytes = Buffer.from(body);
  const etag = weakEtag([bytes]);
  const headers = new Headers({ "Content-Type": contentType, "Cache-Control": publicCacheControl, ETag: etag });
  if (lastModified) headers.set("Last-Modified", lastModified.toUTCString());
  const ticket = context.cacheTicket as CacheTicket | null | undefined;
  if (ticket) pageCache.store(ticket, { pieces: [bytes], gaps: [] }, headers);
  if (isNotModified(validatorsOf(request), etag, lastModified)) return new Response(null, { status: 304, headers });
  return new Response(bytesBody(bytes), { status: 200, headers });
}
