import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { discardRest, readBody } from "./request-body.ts";

// A real server reading real requests, declared or chunked.
const LIMIT = 1_000;
let server: http.Server;
let url: string;
let largestHeld = 0;

beforeAll(async () => {
  server = http.createServer(async (req, res) => {
    const read = await readBody(req, LIMIT);
    if (!read.ok) {
      discardRest(req);
      res.statusCode = 413;
      return res.end("too large");
    }
    largestHeld = Math.max(largestHeld, read.body.length);
    res.end(`read ${read.body.length}`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function chunked(totalBytes: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= totalBytes) return controller.close();
      const size = Math.min(100, totalBytes - sent);
      sent += size;
      controller.enqueue(new Uint8Array(size).fill(120));
    },
  });
}

const post = (body: BodyInit) =>
  fetch(url, { method: "POST", body, duplex: "half" } as RequestInit & { duplex: "half" });

describe("reading a request body up to a limit", () => {
  it("reads a body within the limit, declared or chunked", async () => {
    expect(await (await post("x".repeat(LIMIT))).text()).toBe(`read ${LIMIT}`);
    expect(await (await post(chunked(LIMIT))).text()).toBe(`read ${LIMIT}`);
  });

  it("refuses a declared length over the limit before reading it", async () => {
    const response = await post("x".repeat(LIMIT + 1));
    expect(response.status).toBe(413);
  });

  it("counts a chunked body as it arrives, keeps no more than the limit, and the client still reads the answer", async () => {
    largestHeld = 0;
    const response = await post(chunked(200 * LIMIT));
    expect(response.status).toBe(413);
    expect(await response.text()).toBe("too large");
    expect(largestHeld).toBe(0);
    // The connection is still good for the next request.
    expect(await (await post("ok")).text()).toBe("read 2");
  });
});
