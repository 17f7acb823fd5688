import { finished, PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { NonceProvider } from "@observatory/ui";
import { renderToPipeableStream } from "react-dom/server";
import { bytesBody } from "~/lib/bytes-body.server";
import { EnhancementFilesProvider } from "~/lib/enhancements";
import { enhancementFiles } from "~/lib/enhancements.server";
import { weakEtag } from "~/lib/validators.server";
import { type CacheTicket, pageCache, splitPage } from "~/lib/page-cache.server";
import "~/lib/api.server";
import { followPublicChanges } from "@observatory/server/public-changes";

/** Used by the production server (packages/server): see its EntryHooks. */
export { pageCache };
export { bodyLimitFor } from "~/lib/body-limits.server";
export { renderStatusPage } from "~/lib/status-page.server";
export { databaseReachable } from "@observatory/server/database-health";

/** Started by the production server once it listens: the page cache follows the database's changes. */
export function startBackgroundWork(): void {
  followPublicChanges(pageCache).catch((error: unknown) =>
    console.error("page cache: could not start following public changes:", error),
  );
}

const ABORT_DELAY = 5_000;

// Pages are not hydrated (decision 023), so the route data Remix would stream after the document
// (its serverHandoffStream, which ended every page with scripts after </html>) is neither encoded
// (this export, read by the patched server runtime) nor rendered: each page is one complete, valid
// document.
export const serverHandoff = false;
//
// Pages are rendered completely before they are sent, so that each gets an ETag: a CDN or browser
// holding the same page is answered with 304 Not Modified. The comment form's signed timestamp
// changes on every render, and so does the script nonce, so both are left out of the hash. The page
// stays in bytes from the renderer to the socket.

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = typeof loadContext.cspNonce === "string" ? loadContext.cspNonce : undefined;
  return new Promise<Response>((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let statusCode = responseStatusCode;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <EnhancementFilesProvider value={enhancementFiles}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </EnhancementFilesProvider>
      </NonceProvider>,
      {
        nonce,
        onAllReady() {
          const chunks: Buffer[] = [];
          const body = new PassThrough();
          body.on("data", (chunk: Buffer) => chunks.push(chunk));
          body.on("end", () => {
            const page = Buffer.concat(chunks);
            responseHeaders.set("Content-Type", "text/html; charset=utf-8");
            // Error pages (404, 500) are never cached by a CDN or browser.
            if (statusCode >= 400) responseHeaders.set("Cache-Control", "no-store");
            const cacheable =
              request.method === "GET" &&
              statusCode === 200 &&
              /public/.test(responseHeaders.get("Cache-Control") ?? "");
            if (cacheable) {
              const pieces = splitPage(page, nonce ?? null);
              const etag = weakEtag(pieces.pieces);
              responseHeaders.set("ETag", etag);
              const ticket = loadContext.cacheTicket as CacheTicket | null | undefined;
              if (ticket) pageCache.store(ticket, pieces, responseHeaders);
              if (request.headers.get("If-None-Match") === etag) {
                resolve(new Response(null, { status: 304, headers: responseHeaders }));
                return;
              }
            }
            resolve(new Response(bytesBody(page), { status: statusCode, headers: responseHeaders }));
          });
          body.on("error", reject);
          finished(body, () => clearTimeout(timer));
          pipe(body);
        },
        onShellError(error: unknown) {
          clearTimeout(timer);
          reject(error);
        },
        onError(error: unknown) {
          statusCode = 500;
          console.error(error);
        },
      },
    );
    // Cleared once the page is written: a pending timer holds the render, and with it the route's
    // data, for its whole delay (at a hundred pages a second, five hundred pages' data).
    timer = setTimeout(abort, ABORT_DELAY);
  });
}

/** Unknown addresses and cancelled requests are not errors worth a stack trace in the log. */
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  if (isRouteErrorResponse(error) && error.status < 500) return;
  if (error instanceof Error && /^No route matches URL/.test(error.message)) return;
  console.error(error);
};
