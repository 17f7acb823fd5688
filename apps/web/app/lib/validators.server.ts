import { createHash } from "node:crypto";

// Validators of public responses, so that a browser, feed reader or CDN holding the same copy is
// answered 304 Not Modified: used by pages (entry.server.tsx), feeds (conditional.server.ts) and
// the page cache, which answers both without running the app.

/** What the client says it holds: its If-None-Match and If-Modified-Since headers. */
export type ClientValidators = { ifNoneMatch: string | null; ifModifiedSince: string | null };

/** A weak ETag of a response's content (pages leave out their per-response values first). */
export function weakEtag(content: string | readonly Buffer[]): string {
  const hash = createHash("sha1");
  if (typeof content === "string") hash.update(content);
  else for (const part of content) hash.update(part);
  return `W/"${hash.digest("base64url")}"`;
}

/**
 * Whether the client's copy is current: one of its ETags matches, or (only when it sent none) it
 * was fetched at or after the last change. HTTP dates have whole seconds.
 */
export function isNotModified(client: ClientValidators, etag: string | null, lastModified: Date | null): boolean {
  if (client.ifNoneMatch !== null) {
    return etag !== null && client.ifNoneMatch.split(",").some((tag) => tag.trim() === etag || tag.trim() === "*");
  }
  const since = Date.parse(client.ifModifiedSince ?? "");
  return lastModified !== null && !Number.isNaN(since) && Math.floor(lastModified.getTime() / 1000) * 1000 <= since;
}

/** The validators a request carries. */
export const validatorsOf = (request: Request): ClientValidators => ({
  ifNoneMatch: request.headers.get("If-None-Match"),
  ifModifiedSince: request.headers.get("If-Modified-Since"),
});
