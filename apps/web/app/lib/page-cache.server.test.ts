import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import type { CachedBody } from "@observatory/server/entry-hooks";
import { type CacheTicket, createPageCache, PAGE_PARAMETERS, type State, splitPage } from "./page-cache.server";

const bodyText = (body: CachedBody | null) => (body ? Buffer.concat(body.parts).toString() : null);
const page = (text: string) => `<html><body>${text}</body></html>`;
const withForm = (token: string) =>
  `<form><input type="hidden" name="formToken" value="${token}"></form><script>{"formToken":"${token}"}</script>`;

/** A cache over a public state the test sets, and a clock it moves. */
const ask = ({
  ifNoneMatch = null,
  ifModifiedSince = null,
  nonce = "nonce-of-this-response",
}: {
  ifNoneMatch?: string | null;
  ifModifiedSince?: string | null;
  nonce?: string;
} = {}) => ({
  ifNoneMatch,
  ifModifiedSince,
  nonce,
});

function setUp(options: { maxBytes?: number; maxAgeMs?: number } = {}) {
  const world = { state: { version: "1", nextChangeAt: null } as State, now: 1_000_000, reads: 0, down: false };
  const cache = createPageCache(
    async () => {
      world.reads += 1;
      if (world.down) throw new Error("connect ECONNREFUSED 127.0.0.1:5432");
      return world.state;
    },
    { ...options, now: () => world.now },
  );
  const url = (path: string) => new URL(path, "http://localhost");
  async function render(path: string, html: string, headers: Record<string, string> = {}, nonce: string | null = null) {
    const lookup = await cache.lookup(url(path), ask());
    if (lookup.hit || !lookup.ticket) throw new Error(`expected a miss with a ticket for ${path}`);
    cache.store(lookup.ticket as CacheTicket, splitPage(Buffer.from(html), nonce), new Headers(headers));
  }
  return { world, cache, url, render };
}

describe("the public page cache", () => {
  it("misses, stores the render, then answers the same address from memory", async () => {
    const { cache, url, render } = setUp();
    await render("/news", page("News"), { "Content-Type": "text/html" });
    const hit = await cache.lookup(url("/news"), ask());
    expect(hit).toMatchObject({ hit: true, status: 200 });
    expect(hit.hit && bodyText(hit.body)).toBe(page("News"));
    expect(hit.hit && hit.headers).toContainEqual(["content-type", "text/html"]);
    expect((await cache.lookup(url("/news?page=2"), ask())).hit).toBe(false);
  });

  it("serves a page only at the content version it was rendered at", async () => {
    const { world, cache, url, render } = setUp();
    await render("/", page("Home v1"));
    world.state = { version: "2", nextChangeAt: null };
    const lookup = await cache.lookup(url("/"), ask());
    expect(lookup.hit).toBe(false);
    expect(!lookup.hit && lookup.ticket?.state.version).toBe("2");
  });

  it("lets a page go at the next scheduled change, and after the maximum age", async () => {
    const { world, cache, url, render } = setUp({ maxAgeMs: 60_000 });
    world.state = { version: "1", nextChangeAt: new Date(world.now + 10_000) };
    await render("/soon", page("Before the schedule"));
    world.now += 9_999;
    expect((await cache.lookup(url("/soon"), ask())).hit).toBe(true);
    world.now += 1;
    expect((await cache.lookup(url("/soon"), ask())).hit).toBe(false);

    world.state = { version: "1", nextChangeAt: null };
    await render("/old", page("Old"));
    world.now += 59_999;
    expect((await cache.lookup(url("/old"), ask())).hit).toBe(true);
    world.now += 1;
    expect((await cache.lookup(url("/old"), ask())).hit).toBe(false);
  });

  it("gives every reader a freshly signed comment form, in the form and in the data", async () => {
    const { cache, url, render } = setUp();
    await render("/news/a", page(withForm("signed-at-render")));
    const hit = await cache.lookup(url("/news/a"), ask());
    const body = hit.hit ? (bodyText(hit.body) ?? "") : "";
    const tokens = [...body.matchAll(/value="([^"]+)"|"formToken":"([^"]+)"/g)].map((m) => m[1] ?? m[2]);
    expect(tokens).toHaveLength(2);
    expect(tokens[0]).toBe(tokens[1]);
    expect(tokens[0]).not.toBe("signed-at-render");
    expect(body.replaceAll(tokens[0] ?? "", "T")).toBe(page(withForm("T")));
  });

  it("gives every response its own script nonce, and leaves the policy header to the server", async () => {
    const { cache, url, render } = setUp();
    const html = (nonce: string) =>
      page(`<script nonce="${nonce}">a()</script>${withForm("tok")}<script nonce="${nonce}">b()</script>`);
    await render(
      "/news/b",
      html("rendered-with"),
      { "Content-Security-Policy": "script-src 'nonce-rendered-with'" },
      "rendered-with",
    );
    const hit = await cache.lookup(url("/news/b"), ask({ nonce: "second" }));
    const body = hit.hit ? (bodyText(hit.body) ?? "") : "";
    expect(body).not.toContain("rendered-with");
    expect(body.match(/nonce="second"/g)).toHaveLength(2);
    expect(body.replace(/"formToken":"[^"]+"|value="[^"]+"/g, "")).toBe(
      html("second").replace(/"formToken":"[^"]+"|value="[^"]+"/g, ""),
    );
    expect(hit.hit && hit.headers.some(([name]) => name === "content-security-policy")).toBe(false);

    // Compressed, the same response: its own nonce and comment form, no second token issued.
    const gzip = hit.hit && hit.body ? gunzipSync(Buffer.concat(hit.body.gzip())).toString() : "";
    expect(gzip).toBe(body);
  });

  it("counts a page's compressed pieces with it once a reader has asked for them", async () => {
    const { cache, url, render } = setUp();
    await render("/news/c", page("words ".repeat(500)));
    const before = cache.size().bytes;
    const hit = await cache.lookup(url("/news/c"), ask());
    const gzip = hit.hit && hit.body ? Buffer.concat(hit.body.gzip()) : Buffer.alloc(0);
    expect(gunzipSync(gzip).toString()).toBe(page("words ".repeat(500)));
    const after = cache.size().bytes;
    expect(after).toBeGreaterThan(before);
    expect(after - before).toBeLessThan(gzip.length);
    const again = await cache.lookup(url("/news/c"), ask());
    if (again.hit && again.body) again.body.gzip();
    expect(cache.size().bytes).toBe(after);
  });

  it("serves a page that was current at the last read while the state cannot be read, with its age", async () => {
    const { world, cache, url, render } = setUp({ maxAgeMs: 60_000 });
    await render("/news", page("News"));
    await render("/blogs", page("Blogs v1"));
    world.state = { version: "2", nextChangeAt: null };
    expect((await cache.lookup(url("/news"), ask())).hit).toBe(false);
    world.down = true;
    world.now += 120_000;
    // Stored at version 1, which was no longer current at the last read: not served.
    expect(await cache.lookup(url("/blogs"), ask())).toEqual({ hit: false, ticket: null });
    world.down = false;
    await render("/blogs", page("Blogs v2"));
    world.down = true;
    world.now += 5_000;
    const stale = await cache.lookup(url("/blogs"), ask());
    expect(stale).toMatchObject({ hit: true, status: 200, staleSeconds: 5 });
    expect(stale.hit && bodyText(stale.body)).toBe(page("Blogs v2"));
    expect(await cache.lookup(url("/unknown"), ask())).toEqual({ hit: false, ticket: null });
  });

  it("does not serve a stored page past a scheduled change while the state cannot be read", async () => {
    const { world, cache, url, render } = setUp();
    world.state = { version: "1", nextChangeAt: new Date(world.now + 10_000) };
    await render("/news/embargoed", page("Until the schedule"));
    world.down = true;
    expect((await cache.lookup(url("/news/embargoed"), ask())).hit).toBe(true);
    world.now += 10_000;
    expect((await cache.lookup(url("/news/embargoed"), ask())).hit).toBe(false);
  });

  it("answers 304 by date only for what has a Last-Modified (feeds), and only when no ETag was sent", async () => {
    const { cache, url, render } = setUp();
    const lastModified = "Fri, 01 Mar 2024 10:30:00 GMT";
    await render("/feeds/news.xml", "<feed/>", { ETag: 'W/"feed"', "Last-Modified": lastModified });
    await render("/news", page("News"), { ETag: 'W/"news"' });
    const byDate = (path: string, since: string, ifNoneMatch: string | null = null) =>
      cache.lookup(url(path), ask({ ifModifiedSince: since, ifNoneMatch }));
    expect(await byDate("/feeds/news.xml", lastModified)).toMatchObject({ hit: true, status: 304, body: null });
    expect(await byDate("/feeds/news.xml", "Fri, 01 Mar 2024 10:29:59 GMT")).toMatchObject({ status: 200 });
    expect(await byDate("/feeds/news.xml", lastModified, 'W/"older"')).toMatchObject({ status: 200 });
    expect(await byDate("/news", "Sat, 01 Jan 2100 00:00:00 GMT")).toMatchObject({ status: 200 });
  });

  it("answers 304 without a body when the reader holds the same ETag", async () => {
    const { cache, url, render } = setUp();
    await render("/blogs", page("Blogs"), { ETag: 'W/"abc"' });
    expect(await cache.lookup(url("/blogs"), ask({ ifNoneMatch: 'W/"abc"' }))).toMatchObject({
      hit: true,
      status: 304,
      body: null,
    });
    expect(await cache.lookup(url("/blogs"), ask({ ifNoneMatch: 'W/"other"' }))).toMatchObject({
      hit: true,
      status: 200,
    });
  });

  it("never keeps cookies, and leaves data requests, the API and the health check to the app", async () => {
    const { cache, url, render } = setUp();
    await render("/privacy", page("Privacy"), { "Set-Cookie": "a=b" });
    const hit = await cache.lookup(url("/privacy"), ask());
    expect(hit.hit && hit.headers.some(([name]) => name === "set-cookie")).toBe(false);
    for (const path of ["/news.data", "/api/trpc/content.publicState", "/healthz"]) {
      expect(await cache.lookup(url(path), ask())).toEqual({ hit: false, ticket: null });
    }
  });

  it("keeps no page asked with a query parameter no page reads, so such addresses cannot crowd out the rest", async () => {
    const { cache, url, render } = setUp();
    for (const path of ["/news?utm_source=newsletter", "/news?page=2&n=17", "/?fbclid=x"])
      expect(await cache.lookup(url(path), ask())).toEqual({ hit: false, ticket: null });
    await render("/news?page=2&kind=blog", page("Blogs, page 2"));
    expect((await cache.lookup(url("/news?page=2&kind=blog"), ask())).hit).toBe(true);
    expect(cache.size().pages).toBe(1);
  });

  it("lists every query parameter the app's code reads", () => {
    const appDir = path.resolve(import.meta.dirname, "..");
    // Every source file but the tests and the cache itself (which reads the names to check them).
    const sources = (fs.readdirSync(appDir, { recursive: true }) as string[])
      .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file) && !file.endsWith("page-cache.server.ts"))
      .map((file) => fs.readFileSync(path.join(appDir, file), "utf8"));
    const read = new Set(
      sources.flatMap((text) => [...text.matchAll(/searchParams\.(?:get|getAll|has)\("([^"]+)"\)/g)].map((m) => m[1])),
    );
    expect(read.size).toBeGreaterThan(5);
    expect([...read].filter((name) => name && !PAGE_PARAMETERS.has(name))).toEqual([]);
    // Any other way of reading the query would escape this check.
    const otherReads = sources.flatMap((text) =>
      [...text.matchAll(/searchParams(?!\.(?:get|getAll|has)\(")|useSearchParams|\blocation\.search\b/g)].map(
        (m) => m[0],
      ),
    );
    expect(otherReads).toEqual([]);
  });

  it("holds pages up to its size in bytes, letting the least recently used go first", async () => {
    const body = (name: string) => page(name.repeat(1000));
    const { cache, url, render } = setUp({ maxBytes: 2_500 });
    await render("/a", body("A"));
    await render("/b", body("B"));
    expect(cache.size().pages).toBe(2);
    // Reading /a makes /b the least recently used, so /b goes when /c needs the room.
    expect((await cache.lookup(url("/a"), ask())).hit).toBe(true);
    await render("/c", body("C"));
    expect((await cache.lookup(url("/b"), ask())).hit).toBe(false);
    expect((await cache.lookup(url("/a"), ask())).hit).toBe(true);
    expect((await cache.lookup(url("/c"), ask())).hit).toBe(true);
    expect(cache.size().bytes).toBeLessThanOrEqual(2_500);
    // A page larger than the whole cache is not kept, and pushes nothing out.
    await render("/huge", page("H".repeat(3_000)));
    expect((await cache.lookup(url("/huge"), ask())).hit).toBe(false);
    expect(cache.size().pages).toBe(2);
  });

  it("asks the database nothing for a hit while it follows change notifications, until one comes", async () => {
    const { world, cache, url, render } = setUp();
    cache.following();
    await render("/", page("Home v1"));
    const readsBefore = world.reads;
    for (let i = 0; i < 50; i += 1) expect((await cache.lookup(url("/"), ask())).hit).toBe(true);
    expect(world.reads).toBe(readsBefore);
    world.state = { version: "2", nextChangeAt: null };
    cache.changed();
    expect((await cache.lookup(url("/"), ask())).hit).toBe(false);
    expect(world.reads).toBe(readsBefore + 1);
  });

  it("reads the state again at its next scheduled change, while following", async () => {
    const { world, cache, url, render } = setUp();
    cache.following();
    world.state = { version: "1", nextChangeAt: new Date(world.now + 60_000) };
    await render("/", page("Home"));
    const readsBefore = world.reads;
    expect((await cache.lookup(url("/"), ask())).hit).toBe(true);
    expect(world.reads).toBe(readsBefore);
    world.now += 60_000;
    world.state = { version: "1", nextChangeAt: null };
    expect((await cache.lookup(url("/"), ask())).hit).toBe(false);
    expect(world.reads).toBe(readsBefore + 1);
  });

  it("does not trust a read that a change notification overtook", async () => {
    const { world, cache, url } = setUp();
    cache.following();
    // The read has started (with version 1) when the change is announced; it returns afterwards.
    const lookup = cache.lookup(url("/"), ask());
    world.state = { version: "2", nextChangeAt: null };
    cache.changed();
    const first = await lookup;
    expect(!first.hit && first.ticket?.state.version).toBe("1");
    const readsBefore = world.reads;
    const next = await cache.lookup(url("/"), ask());
    expect(world.reads).toBe(readsBefore + 1);
    expect(!next.hit && next.ticket?.state.version).toBe("2");
  });

  it("reads the state for every request again once notifications may be missed", async () => {
    const { world, cache, url, render } = setUp();
    cache.following();
    await render("/", page("Home"));
    cache.lost();
    const readsBefore = world.reads;
    await cache.lookup(url("/"), ask());
    await cache.lookup(url("/"), ask());
    expect(world.reads).toBe(readsBefore + 2);
  });

  it("reads the state once for requests that arrive while a read is running, then again", async () => {
    const { world, cache, url } = setUp();
    await Promise.all([1, 2, 3, 4].map((n) => cache.lookup(url(`/p${n}`), ask())));
    // The first starts a read; those arriving during it share the one read that starts after it.
    expect(world.reads).toBe(2);
  });
});
