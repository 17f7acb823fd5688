// Sending a page from the web app's page cache. The page comes as the stored pieces and this
// response's values between them (decision 031). A reader that takes a compressed page gets the
// pieces joined and compressed as any other response; otherwise the pieces are written as they
// are, one `writev` with the headers, so a hit on a 150 KB article costs no copy of the page.
import type express from "express";
import type { PageCacheLookup } from "./entry-hooks.ts";

type Hit = Extract<PageCacheLookup, { hit: true }>;

/** The compression middleware's own signature, so a hit can be sent through it when the reader asks. */
type Middleware = (req: express.Request, res: express.Response, next: () => void) => void;

function wantsCompression(req: express.Request): boolean {
  if (req.method === "HEAD" || !req.get("accept-encoding")) return false;
  const encoding = req.acceptsEncodings("br", "gzip", "deflate", "identity");
  return encoding !== false && encoding !== "identity";
}

export function sendCachedPage(req: express.Request, res: express.Response, hit: Hit, compress: Middleware): void {
  for (const [header, value] of hit.headers) res.setHeader(header, value);
  if (hit.staleSeconds !== null) {
    res.setHeader("X-Page-Cache", "stale");
    res.setHeader("Age", String(hit.staleSeconds));
  } else {
    res.setHeader("X-Page-Cache", "hit");
  }
  res.status(hit.status);
  const parts = hit.body;
  if (parts === null) {
    res.end();
    return;
  }
  if (wantsCompression(req)) {
    compress(req, res, () => res.end(Buffer.concat(parts)));
    return;
  }
  // The same page is sent compressed to other readers: a shared cache must keep the two apart.
  res.vary("Accept-Encoding");
  res.setHeader(
    "Content-Length",
    parts.reduce((sum, part) => sum + part.length, 0),
  );
  res.cork();
  for (const part of parts) res.write(part);
  res.end();
  res.uncork();
}
