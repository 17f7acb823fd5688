// Sending a page from the web app's page cache. The page comes as the stored pieces and this
// response's values between them (decision 031), written as they are: one `writev` with the
// headers, so a hit on a 150 KB article costs no copy of the page. A reader that takes gzip (every
// browser) gets it made from pieces compressed once, not compressed again for each response; one
// that takes only brotli or deflate gets the page joined and compressed by the middleware.
import type express from "express";
import type { PageCacheLookup } from "./entry-hooks.ts";

type Hit = Extract<PageCacheLookup, { hit: true }>;

/** The compression middleware's own signature, so a hit can be sent through it when the reader asks. */
type Middleware = (req: express.Request, res: express.Response, next: () => void) => void;

/** How a hit goes to this reader: gzip from the stored pieces, through the middleware, or as it is. */
function encodingFor(req: express.Request): "gzip" | "middleware" | "identity" {
  if (req.method === "HEAD" || !req.get("accept-encoding")) return "identity";
  if (req.acceptsEncodings("gzip") === "gzip") return "gzip";
  return req.acceptsEncodings("br", "deflate") ? "middleware" : "identity";
}

function writeParts(res: express.Response, parts: Buffer[]): void {
  res.setHeader(
    "Content-Length",
    parts.reduce((sum, part) => sum + part.length, 0),
  );
  res.cork();
  for (const part of parts) res.write(part);
  res.end();
  res.uncork();
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
  // The same page goes compressed to some readers and not to others: a shared cache must keep them
  // apart, and a 304 says so as the page it confirms did.
  res.vary("Accept-Encoding");
  const body = hit.body;
  if (body === null) {
    res.end();
    return;
  }
  const encoding = encodingFor(req);
  if (encoding === "gzip") {
    res.setHeader("Content-Encoding", "gzip");
    writeParts(res, body.gzip());
  } else if (encoding === "middleware") {
    compress(req, res, () => res.end(Buffer.concat(body.parts)));
  } else {
    writeParts(res, body.parts);
  }
}
