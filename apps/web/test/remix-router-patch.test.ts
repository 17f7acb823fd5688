import { createRequire } from "node:module";
import { afterEach, describe, expect, it, vi } from "vitest";

// patches/@remix-run__router@1.23.3.patch (decision 004): on the server, routes are flattened and
// ranked once per routes array, and each route pattern is compiled once, instead of on every request.

type RouteObject = { path?: string; index?: boolean; children?: RouteObject[] };
type Router = {
  matchRoutes: (routes: RouteObject[], location: string) => { route: RouteObject }[] | null;
  matchPath: (pattern: string, pathname: string) => { params: Record<string, string | undefined> } | null;
};

// The router build that Remix's server runtime loads, reached the way Node reaches it from the app.
const fromApp = createRequire(import.meta.url);
const fromNode = createRequire(fromApp.resolve("@remix-run/node"));
const fromRuntime = createRequire(fromNode.resolve("@remix-run/server-runtime"));
const router: Router = fromRuntime("@remix-run/router");

describe("the patched Remix router", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("flattens and ranks a set of routes once, however many requests it matches", () => {
    let childrenReads = 0;
    const news: RouteObject = { path: "news/:slug" };
    const routes: RouteObject[] = [
      {
        path: "/",
        get children() {
          childrenReads += 1;
          return [news];
        },
      },
    ];

    expect(router.matchRoutes(routes, "/news/first")?.at(-1)?.route).toBe(news);
    const readsForFirstRequest = childrenReads;
    expect(readsForFirstRequest).toBeGreaterThan(0);
    expect(router.matchRoutes(routes, "/news/second")?.at(-1)?.route).toBe(news);
    expect(router.matchRoutes(routes, "/news/third")?.at(-1)?.route).toBe(news);
    expect(childrenReads).toBe(readsForFirstRequest);
  });

  it("compiles a route pattern once, however many requests it matches", () => {
    // The router warns while compiling a pattern whose `*` does not follow a `/`: one warning, one compilation.
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const pattern = `/files-${Date.now()}*`;
    for (const name of ["a", "b", "c"]) {
      expect(router.matchPath(pattern, `${pattern.slice(0, -1)}/${name}`)?.params["*"]).toBe(name);
    }
    expect(warn).toHaveBeenCalledTimes(1);
  });
});
