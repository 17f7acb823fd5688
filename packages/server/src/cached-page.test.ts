import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import compression from "compression";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendCachedPage } from "./cached-page.ts";

// A real server with the compression middleware, as http-server.ts sets it up, sending a hit of
// three parts; read by Node's HTTP client with and without compression.
const parts = [Buffer.from(`<!DOCTYPE html><p>${"é words ".repeat(400)}`), Buffer.from("TOKEN"), Buffer.from("</p>")];
const page = Buffer.concat(parts).toString();
/** The page's gzip as the page cache makes it (there, from pieces compressed once). */
const body = { parts, gzip: () => [zlib.gzipSync(Buffer.concat(parts))] };

let server: http.Server;
let base: string;

beforeAll(async () => {
  const app = express();
  const compress = compression({ level: 4 });
  const page200 = (staleSeconds: number | null) => ({
    hit: true as const,
    status: 200,
    headers: [["content-type", "text/html; charset=utf-8"]] as [string, string][],
    body,
    staleSeconds,
  });
  app.get("/page", (req, res) => sendCachedPage(req, res, page200(null), compress));
  app.get("/stale", (req, res) => sendCachedPage(req, res, page200(42), compress));
  app.get("/unchanged", (req, res) =>
    sendCachedPage(
      req,
      res,
      { hit: true, status: 304, headers: [["etag", '"v1"']], body: null, staleSeconds: null },
      compress,
    ),
  );
  server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

function get(path: string, headers: Record<string, string> = {}, method = "GET"): Promise<Answer> {
  return new Promise((resolve, reject) => {
    http
      .request(`${base}${path}`, { method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      })
      .on("error", reject)
      .end();
  });
}

describe("sending a cached page", () => {
  it("writes the parts as one page with its length to a reader that takes it uncompressed", async () => {
    const answer = await get("/page");
    expect(answer.status).toBe(200);
    expect(answer.body.toString()).toBe(page);
    expect(answer.headers["content-length"]).toBe(String(Buffer.byteLength(page)));
    expect(answer.headers["content-encoding"]).toBeUndefined();
    expect(answer.headers.vary).toBe("Accept-Encoding");
    expect(answer.headers["x-page-cache"]).toBe("hit");
  });

  it("sends the stored gzip to a reader that takes gzip, as every browser does, with its length", async () => {
    for (const accept of ["gzip", "gzip, deflate, br, zstd", "br;q=1, gzip;q=0.5", "*"]) {
      const gzip = await get("/page", { "accept-encoding": accept });
      expect(gzip.headers["content-encoding"]).toBe("gzip");
      expect(gzip.headers["content-length"]).toBe(String(gzip.body.length));
      expect(gzip.headers.vary).toBe("Accept-Encoding");
      expect(zlib.gunzipSync(gzip.body).toString()).toBe(page);
    }
  });

  it("compresses the joined page for a reader that takes brotli or deflate but not gzip", async () => {
    const brotli = await get("/page", { "accept-encoding": "br, gzip;q=0" });
    expect(brotli.headers["content-encoding"]).toBe("br");
    expect(brotli.headers.vary).toBe("Accept-Encoding");
    expect(zlib.brotliDecompressSync(brotli.body).toString()).toBe(page);

    const deflate = await get("/page", { "accept-encoding": "deflate" });
    expect(deflate.headers["content-encoding"]).toBe("deflate");
    expect(zlib.inflateSync(deflate.body).toString()).toBe(page);
  });

  it("sends the page as it is to a reader that takes no compression", async () => {
    for (const accept of ["identity", "gzip;q=0, identity"]) {
      const answer = await get("/page", { "accept-encoding": accept });
      expect(answer.headers["content-encoding"]).toBeUndefined();
      expect(answer.body.toString()).toBe(page);
    }
  });

  it("answers HEAD with the headers and length of the page and no body", async () => {
    const answer = await get("/page", { "accept-encoding": "gzip" }, "HEAD");
    expect(answer.status).toBe(200);
    expect(answer.headers["content-length"]).toBe(String(Buffer.byteLength(page)));
    expect(answer.body.length).toBe(0);
  });

  it("says a page served during an outage is stale, with its age", async () => {
    const answer = await get("/stale", { "accept-encoding": "gzip" });
    expect(answer.headers["x-page-cache"]).toBe("stale");
    expect(answer.headers.age).toBe("42");
    expect(zlib.gunzipSync(answer.body).toString()).toBe(page);
  });

  it("answers a reader holding the current page with 304 and no body, compressed or not", async () => {
    const asks: Record<string, string>[] = [{}, { "accept-encoding": "gzip" }];
    for (const headers of asks) {
      const answer = await get("/unchanged", headers);
      expect(answer.status).toBe(304);
      expect(answer.headers.etag).toBe('"v1"');
      expect(answer.headers.vary).toBe("Accept-Encoding");
      expect(answer.body.length).toBe(0);
    }
  });

  it("sends many hits on one kept-alive connection intact, one after another", async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const answers = await Promise.all(
      Array.from(
        { length: 20 },
        (_, i) =>
          new Promise<string>((resolve, reject) => {
            http
              .get(`${base}/page`, { agent, headers: i % 2 ? { "accept-encoding": "gzip" } : {} }, (res) => {
                const chunks: Buffer[] = [];
                res.on("data", (chunk: Buffer) => chunks.push(chunk));
                res.on("end", () => {
                  const body = Buffer.concat(chunks);
                  resolve((res.headers["content-encoding"] ? zlib.gunzipSync(body) : body).toString());
                });
              })
              .on("error", reject);
          }),
      ),
    );
    agent.destroy();
    expect(answers.every((answer) => answer === page)).toBe(true);
  });
});
