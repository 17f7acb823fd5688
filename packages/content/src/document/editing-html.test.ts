import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentFromHtml } from "./editing-html.ts";
import { renderDocument } from "./render.ts";

describe("reading HTML someone sent", () => {
  let requests = 0;
  const server = createServer((_, res) => {
    requests += 1;
    res.end("x");
  });
  let origin = "";
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("runs nothing and fetches nothing it names, and keeps only the text", async () => {
    const hostile = [
      `<link rel="stylesheet" href="${origin}/a.css">`,
      `<script src="${origin}/b.js"></script><script>globalThis.ran = true</script>`,
      `<iframe src="${origin}/c"></iframe><img src="${origin}/d.png" onerror="globalThis.ran = true">`,
      `<object data="${origin}/e"></object><p style="background:url(${origin}/f)">Words stay.</p>`,
    ].join("");
    const document = documentFromHtml(hostile);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(requests).toBe(0);
    expect((globalThis as { ran?: boolean }).ran).toBeUndefined();
    expect(renderDocument(document)).toBe("<p>Words stay.</p>");
  });
});
