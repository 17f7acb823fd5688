// The production HTTP server for both Remix apps: static assets, compression, and the client IP
// (for keyed IP hashes and rate limits) passed to loaders and actions as `context.clientIp`.
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";
import { isCrossOriginWrite } from "./same-origin.mjs";

function fail(message) {
  console.error(message);
  process.exit(1);
}

function readPort(name, fallback) {
  const raw = process.env[name] ?? process.env.PORT;
  if (raw === undefined || raw === "") return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    fail(`Invalid environment variable ${process.env[name] ? name : "PORT"}: must be a port number (1-65535)`);
  return port;
}

/**
 * @param {{ name: string; portVariable: string; defaultPort: number; appDir: string }} options
 */
export async function startServer({ name, portVariable, defaultPort, appDir }) {
  const port = readPort(portVariable, defaultPort);
  const host = process.env.HOST ?? "127.0.0.1";
  const build = await import(path.join(appDir, "build/server/index.js")).catch((error) =>
    fail(`The ${name} app is not built (${error.message}); run the build first.`),
  );
  const app = express();
  app.disable("x-powered-by");
  if (process.env.TRUST_PROXY === "true") app.set("trust proxy", true);
  // gzip level 4, not zlib's default 6: a 150 KB moderation queue page compresses in about a quarter
  // of the time (1.3 ms against 4.7 ms here) for a body 5% larger.
  app.use(compression({ level: 4 }));
  // An app may export the one origin its pages post from (apps/admin does): writes from anywhere
  // else are refused here, before Remix or the API sees them (cross-site request forgery).
  const writeOrigin = build.entry?.module?.sameOriginWrites;
  if (writeOrigin) {
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
  // An app may export a page cache from its entry.server (apps/web does): pages it holds are
  // answered without running the app; the others carry a ticket so the render can be stored.
  const pageCache = build.entry?.module?.pageCache;
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
        for (const [name, value] of lookup.headers) res.setHeader(name, value);
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
      mode: process.env.NODE_ENV,
      getLoadContext: (req, res) => ({
        clientIp: req.ip ?? req.socket.remoteAddress ?? null,
        cacheTicket: res.locals.cacheTicket ?? null,
      }),
    }),
  );
  const server = app.listen(port, host, () =>
    console.log(`${name} listening on http://${host === "0.0.0.0" ? "localhost" : host}:${port}`),
  );
  server.on("error", (error) => fail(`The ${name} app could not listen on ${host}:${port}: ${error.message}`));
  const stop = () => server.close(() => process.exit(0));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  return server;
}
