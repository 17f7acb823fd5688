// The production HTTP server of both Remix apps. In order, for every request: the security headers
// (with this response's script nonce), the configured name of a loopback site, static assets, the
// request rules (methods, paths, body types, same-origin writes), the web app's page cache, and the
// app itself with a body read up to the route's limit. When the app cannot answer because the
// database is down, a cached copy of the page or a "service unavailable" page answers instead.
import path from "node:path";
import { EnvError } from "@observatory/db";
import type { ServerBuild } from "@remix-run/node";
import { createRequestHandler } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { sendCachedPage } from "./cached-page.ts";
import { canonicalLoopbackUrl } from "./canonical-host.ts";
import { type AppName, hostEnv, portOf } from "./env.ts";
import { type EntryHooks, healthOf } from "./entry-hooks.ts";
import { discardRest, readBody } from "./request-body.ts";
import { refusalFor } from "./request-rules.ts";
import { sendResponse, toFetchRequest } from "./remix-request.ts";
import { newNonce, securityHeaders } from "./security-headers.ts";
import { type StatusCode, statusPageContent } from "./status-pages.ts";

/** Seconds a reader is asked to wait while the database cannot be reached. */
const RETRY_AFTER_SECONDS = 30;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

export async function startServer({ app: name, appDir }: { app: AppName; appDir: string }) {
  let env: ReturnType<typeof hostEnv>;
  try {
    env = hostEnv();
  } catch (error) {
    fail(error instanceof EnvError ? error.message : String(error));
  }
  const port = portOf(name, env);
  const build: ServerBuild = await import(path.join(appDir, "build/server/index.js")).catch((error: Error) =>
    fail(`The ${name} app is not built (${error.message}); run the build first.`),
  );
  const hooks = build.entry.module as unknown as EntryHooks;
  const siteUrl = name === "admin" ? env.ADMIN_SITE_URL : env.PUBLIC_SITE_URL;
  const https = new URL(siteUrl).protocol === "https:";
  const handleRequest = createRequestHandler(build, env.NODE_ENV);
  const health = healthOf(hooks);

  function sendStatusPage(
    res: express.Response,
    status: StatusCode,
    options: { limitBytes?: number; headers?: Record<string, string> } = {},
  ) {
    for (const [header, value] of Object.entries(options.headers ?? {})) res.setHeader(header, value);
    const html = hooks.renderStatusPage(statusPageContent(status, options));
    res.status(status).type("html").setHeader("Cache-Control", "no-store");
    res.end(html);
  }

  // gzip level 4, not zlib's default 6: a 150 KB moderation queue page compresses in about a quarter
  // of the time (1.3 ms against 4.7 ms here) for a body 5% larger. Used by the assets, the app's
  // answers, and the cached pages a reader asks to have compressed.
  const compress = compression({ level: 4 });

  const app = express();
  app.disable("x-powered-by");
  app.disable("etag");
  if (env.TRUST_PROXY) app.set("trust proxy", true);

  app.use((req, res, next) => {
    const nonce = newNonce();
    res.locals.nonce = nonce;
    for (const [header, value] of Object.entries(securityHeaders(name, { nonce, https, path: req.path })))
      res.setHeader(header, value);
    const canonical = canonicalLoopbackUrl(req.get("host"), siteUrl, req.originalUrl);
    if (canonical && (req.method === "GET" || req.method === "HEAD")) return res.redirect(307, canonical);
    next();
  });

  // Every file of the client build is under /assets (the apps' public folders too): other paths are
  // pages, answered without a file-system check.
  app.use(
    "/assets",
    compress,
    express.static(path.join(appDir, "build/client/assets"), { immutable: true, maxAge: "1y" }),
  );

  app.use((req, res, next) => {
    const refusal = refusalFor(
      {
        method: req.method,
        target: req.originalUrl,
        origin: req.get("origin") ?? null,
        fetchSite: req.get("sec-fetch-site") ?? null,
        contentType: req.get("content-type") ?? null,
        hasBody: Number(req.get("content-length") ?? 0) > 0 || req.get("transfer-encoding") !== undefined,
      },
      siteUrl,
    );
    if (!refusal) return next();
    // The body of a refused request is never kept.
    discardRest(req);
    sendStatusPage(res, refusal.status, { headers: refusal.headers });
  });

  // Pages the app's page cache holds are answered without running the app; the others carry a
  // ticket so that their render can be stored. While the public state cannot be read (the database
  // is down), a page held from before is served as it was, with its age.
  const pageCache = hooks.pageCache;
  if (pageCache) {
    app.get("*", async (req, res, next) => {
      const lookup = await pageCache.lookup(new URL(req.originalUrl, "http://localhost"), {
        ifNoneMatch: req.get("if-none-match") ?? null,
        ifModifiedSince: req.get("if-modified-since") ?? null,
        nonce: res.locals.nonce,
      });
      if (!lookup.hit) {
        res.locals.cacheTicket = lookup.ticket;
        return next();
      }
      sendCachedPage(req, res, lookup, compress);
    });
  }

  app.use(compress);

  app.all("*", async (req, res, next) => {
    try {
      let body: Buffer | null = null;
      if (req.method === "POST") {
        const limitBytes = hooks.bodyLimitFor(req.path);
        const read = await readBody(req, limitBytes);
        if (!read.ok) {
          discardRest(req);
          return sendStatusPage(res, 413, { limitBytes });
        }
        body = read.body;
      }
      let request: Request;
      try {
        request = toFetchRequest(req, res, body);
      } catch {
        return sendStatusPage(res, 400);
      }
      const response = await handleRequest(request, {
        clientIp: req.ip ?? req.socket.remoteAddress ?? null,
        cacheTicket: res.locals.cacheTicket ?? null,
        cspNonce: res.locals.nonce,
      });
      // A page that failed (500) while the database is down says the service is unavailable. An
      // answer the app chose (the health check's own 503) and the API's JSON errors are sent as they are.
      const failedPage = response.status === 500 && !req.path.startsWith("/api/");
      if (failedPage && !(await health.databaseReachable())) {
        await response.body?.cancel();
        return sendStatusPage(res, 503, { headers: { "Retry-After": String(RETRY_AFTER_SECONDS) } });
      }
      await sendResponse(res, response);
    } catch (error) {
      next(error);
    }
  });

  // Anything the app threw instead of answering: logged, and a page in the app's look, never a trace.
  app.use(async (error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    console.error(error);
    if (res.headersSent) return res.end();
    const reachable = await health.databaseReachable();
    if (!reachable) return sendStatusPage(res, 503, { headers: { "Retry-After": String(RETRY_AFTER_SECONDS) } });
    sendStatusPage(res, 500);
  });

  const server = app.listen(port, env.HOST, () => {
    console.log(`${name} listening on http://${env.HOST === "0.0.0.0" ? "localhost" : env.HOST}:${port}`);
    if (env.NODE_ENV === "production") hooks.startBackgroundWork?.();
  });
  server.on("error", (error) => fail(`The ${name} app could not listen on ${env.HOST}:${port}: ${error.message}`));
  const stop = () => server.close(() => process.exit(0));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  return server;
}
