// Remix's default Node entry (streaming render; bots and SPA mode wait for all content), plus the
// admin server's background work.
import { PassThrough } from "node:stream";
import { apiEnv, startBackgroundJobs, startMailDelivery } from "@observatory/api";
import { getDb } from "@observatory/db";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";

const ABORT_DELAY = 5_000;

/** The only origin the admin accepts writes from: the HTTP server refuses others with a 403 (see server.mjs). */
export const sameOriginWrites = apiEnv().ADMIN_SITE_URL;

// Once per server process: the mail outbox's delivery loop (retries, and mail queued outside a
// request) and the scheduled jobs. Not under `remix vite:dev`, which re-evaluates this module.
if (apiEnv().NODE_ENV === "production") {
  startMailDelivery().catch((error: unknown) => console.error("mail: the delivery loop did not start:", error));
  getDb()
    .then(startBackgroundJobs)
    .catch((error: unknown) => console.error("jobs: the background jobs did not start:", error));
}

/**
 * On every admin page: never framed by another site (clickjacking), never kept by a shared cache
 * or the back button after signing out, and no full addresses (which may hold tokens) sent on.
 * A route's own stricter Referrer-Policy (no-referrer) wins.
 */
const pageHeaders = {
  "Content-Security-Policy": "frame-ancestors 'none'",
  "X-Frame-Options": "DENY",
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
};

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  _loadContext: AppLoadContext,
) {
  const waitForAll = isbot(request.headers.get("user-agent") ?? "") || remixContext.isSpaMode;
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} />,
      {
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html");
          for (const [name, value] of Object.entries(pageHeaders)) responseHeaders.set(name, value);
          if (!responseHeaders.has("Referrer-Policy")) responseHeaders.set("Referrer-Policy", "same-origin");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors before the shell is ready reject above and are logged by Remix.
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}
