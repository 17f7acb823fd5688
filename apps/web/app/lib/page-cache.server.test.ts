import { describe, expect, it } from "vitest";
import { type CacheTicket, createPageCache, type State, splitAtFormToken } from "./page-cache.server";

const page = (text: string) => `<html><body>${text}</body></html>`;
const withForm = (token: string) =>
  `<form><input type="hidden" name="formToken" value="${token}"></form><script>{"formToken":"${token}"}</script>`;

/** A cache over a public state the test sets, and a clock it moves. */
function setUp(options: { maxEntries?: number; maxAgeMs?: number } = {}) {
  const world = { state: { version: "1", nextChangeAt: null } as State, now: 1_000_000, reads: 0 };
  const cache = createPageCache(
    async () => {
      world.reads += 1;
      return world.state;
    },
    { ...options, now: () => world.now },
  );
  const url = (path: string) => new URL(path, "http://localhost");
  async function render(path: string, html: string, headers: Record<string, string> = {}) {
    const lookup = await cache.lookup(url(path), null);
    if (lookup.hit || !lookup.ticket) throw new Error(`expected a miss with a ticket for ${path}`);
    cache.store(lookup.ticket as CacheTicket, splitAtFormToken(html), new Headers(headers));
  }
  return { world, cache, url, render };
}

describe("the public page cache", () => {
  it("misses, stores the render, then answers the same address from memory", async () => {
    const { cache, url, render } = setUp();
    await render("/news", page("News"), { "Content-Type": "text/html" });
    const hit = await cache.lookup(url("/news"), null);
    expect(hit).toMatchObject({ hit: true, status: 200 });
    expect(hit.hit && hit.body?.toString()).toBe(page("News"));
    expect(hit.hit && hit.headers).toContainEqual(["content-type", "text/html"]);
    expect((await cache.lookup(url("/news?page=2"), null)).hit).toBe(false);
  });

  it("serves a page only at the content version it was rendered at", async () => {
    const { world, cache, url, render } = setUp();
    await render("/", page("Home v1"));
    world.state = { version: "2", nextChangeAt: null };
    const lookup = await cache.lookup(url("/"), null);
    expect(lookup.hit).toBe(false);
    expect(!lookup.hit && lookup.ticket?.state.version).toBe("2");
  });

  it("lets a page go at the next scheduled change, and after the maximum age", async () => {
    const { world, cache, url, render } = setUp({ maxAgeMs: 60_000 });
    world.state = { version: "1", nextChangeAt: new Date(world.now + 10_000) };
    await render("/soon", page("Before the schedule"));
    world.now += 9_999;
    expect((await cache.lookup(url("/soon"), null)).hit).toBe(true);
    world.now += 1;
    expect((await cache.lookup(url("/soon"), null)).hit).toBe(false);

    world.state = { version: "1", nextChangeAt: null };
    await render("/old", page("Old"));
    world.now += 59_999;
    expect((await cache.lookup(url("/old"), null)).hit).toBe(true);
    world.now += 1;
    expect((await cache.lookup(url("/old"), null)).hit).toBe(false);
  });

  it("gives every reader a freshly signed comment form, in the form and in the data", async () => {
    const { cache, url, render } = setUp();
    await render("/news/a", page(withForm("signed-at-render")));
    const hit = await cache.lookup(url("/news/a"), null);
    const body = hit.hit ? (hit.body?.toString() ?? "") : "";
    const tokens = [...body.matchAll(/value="([^"]+)"|"formToken":"([^"]+)"/g)].map((m) => m[1] ?? m[2]);
    expect(tokens).toHaveLength(2);
    expect(tokens[0]).toBe(tokens[1]);
    expect(tokens[0]).not.toBe("signed-at-render");
    expect(body.replaceAll(tokens[0] ?? "", "T")).toBe(page(withForm("T")));
  });

  it("answers 304 without a body when the reader holds the same ETag", async () => {
    const { cache, url, render } = setUp();
    await render("/blogs", page("Blogs"), { ETag: 'W/"abc"' });
    expect(await cache.lookup(url("/blogs"), 'W/"abc"')).toMatchObject({ hit: true, status: 304, body: null });
    expect(await cache.lookup(url("/blogs"), 'W/"other"')).toMatchObject({ hit: true, status: 200 });
  });

  it("never keeps cookies, and leaves data requests, the API and the health check to the app", async () => {
    const { cache, url, render } = setUp();
    await render("/privacy", page("Privacy"), { "Set-Cookie": "a=b" });
    const hit = await cache.lookup(url("/privacy"), null);
    expect(hit.hit && hit.headers.some(([name]) => name === "set-cookie")).toBe(false);
    for (const path of ["/news.data", "/api/trpc/content.publicState", "/healthz"]) {
      expect(await cache.lookup(url(path), null)).toEqual({ hit: false, ticket: null });
    }
  });

  it("drops the oldest page when full", async () => {
    const { cache, url, render } = setUp({ maxEntries: 2 });
    await render("/a", page("A"));
    await render("/b", page("B"));
    await render("/c", page("C"));
    expect((await cache.lookup(url("/a"), null)).hit).toBe(false);
    expect((await cache.lookup(url("/b"), null)).hit).toBe(true);
    expect((await cache.lookup(url("/c"), null)).hit).toBe(true);
  });

  it("reads the state once for requests that arrive while a read is running, then again", async () => {
    const { world, cache, url } = setUp();
    await Promise.all([1, 2, 3, 4].map((n) => cache.lookup(url(`/p${n}`), null)));
    // The first starts a read; those arriving during it share the one read that starts after it.
    expect(world.reads).toBe(2);
  });
});
