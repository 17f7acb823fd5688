// The production HTTP server of both Remix apps: static assets, compression, the same-origin check
// for the admin, the web app's page cache in front of Remix, and the client IP (for keyed IP hashes
// and rate limits) passed to loaders and actions as `context.clientIp`.
import path from "node:path";
import { EnvError } from "@observatory/db";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { type AppName, hostEnv, portOf } from "./env.ts";
import { isCrossOriginWrite } from "./same-origin.ts";

type PageCache = {
  lookup(
    url: URL,
    ifNoneMatch: string | null,
  ): Promise<
    { hit: true; status: number; headers: [string, string][]; body: Buffer | null } | { hit: false; ticket: unknown }
  >;
};

/** What an app's entry.server may export for the server (see apps/web and apps/admin). */
type EntryHooks = { pageCache?: PageCache; startBackgroundWork?: () => void };

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
  const hooks = build.entry.module as EntryHooks;
  const app = express();
  app.disable("x-powered-by");
  if (env.TRUST_PROXY) app.set("trust proxy", true);
  // gzip level 4, not zlib's default 6: a 150 KB moderation queue page compresses in about a quarter
  // of the time (1.3 ms against 4.7 ms here) for a body 5% larger.
  app.use(compression({ level: 4 }));
  // The admin accepts writes only from its own pages: others are refused here, before Remix or the
  // API sees them (cross-site request forgery).
  if (name === "admin") {
    const writeOrigin = env.ADMIN_SITE_URL;
    app.use((req, res, next) => {
      const facts = {
        method: req.method,
        origin: req.get("origin") ?? null,
        fetchSite: req.get("sec-fetch-site") ?? null,
      };
      if (!isCrossOriginWrite(facts, writeOrigin)) return next();
      res.status(403).type("text/plain").send("This request did not come from a page of this site, so it was refused.");
    });
  }
  // Every file of the client build is under /assets (the apps' public folders too): other paths are
  // pages, answered without a file-system check.
  app.use("/assets", express.static(path.join(appDir, "build/client/assets"), { immutable: true, maxAge: "1y" }));
  // Pages the app's page cache holds are answered without running the app; the others carry a
  // ticket so that their render can be stored.
  const pageCache = hooks.pageCache;
  if (pageCache) {
    app.get("*", async (req, res, next) => {
      try {
        const lookup = await pageCache.lookup(
          new URL(req.originalUrl, "http://localhost"),
          req.get("if-none-match") ?? null,
        );
        if (!lookup.hit) {
          res.locals.cacheTicket = lookup.ticket;
          return next();
        }
        for (const [header, value] of lookup.headers) res.setHeader(header, value);
        res.setHeader("X-Page-Cache", "hit");
        res.status(lookup.status).end(lookup.body ?? undefined);
      } catch (error) {
        next(error);
      }
    });
  }
  app.all(
    "*",
    createRequestHandler({
      build,
      mode: env.NODE_ENV,
      getLoadContext: (req, res) => ({
        clientIp: req.ip ?? req.socket.remoteAddress ?? null,
        cacheTicket: res.locals.cacheTicket ?? null,
      }),
    }),
  );
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
