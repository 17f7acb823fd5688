import { createRequire } from "node:module";
import { createRequestHandler, type EntryContext, type ServerBuild } from "@remix-run/node";
import { Outlet, RemixServer, useParams } from "@remix-run/react";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { testBuild } from "./remix-build";

// patches/@remix-run__react@2.17.5.patch and patches/react-router-dom@6.30.4.patch (decision 004):
// RemixServer makes a build's routes once, and the static router converts them to data routes once,
// so that matching them on each render finds them flattened and ranked (the router's own cache,
// patches/@remix-run__router@1.23.3.patch), instead of doing all three on every page.

type DataRoute = { id: string; children?: DataRoute[] };
type StaticRouter = { routes: DataRoute[]; state: { matches: { params: Record<string, string>; route: DataRoute }[] } };
// The static router RemixServer uses, reached the way Node reaches it from @remix-run/react.
const fromApp = createRequire(import.meta.url);
const { createStaticRouter } = createRequire(fromApp.resolve("@remix-run/react"))("react-router-dom/server") as {
  createStaticRouter: (routes: unknown[], context: unknown) => StaticRouter;
};

/** A two-route build whose entry renders RemixServer; `reads` counts each time its routes are made. */
function twoRouteBuild(reads: { count: number }): ServerBuild {
  const manifestRoute = (id: string, path: string, parentId?: string) =>
    // Read when routes are made from the manifest; not enumerable, so the copy of the manifest the
    // page is given for the browser does not read it.
    Object.defineProperty(
      {
        id,
        path,
        ...(parentId ? { parentId } : {}),
        module: `/assets/${id}.js`,
        hasLoader: false,
        hasAction: false,
        hasClientLoader: false,
        hasClientAction: false,
        hasErrorBoundary: false,
      },
      "caseSensitive",
      {
        enumerable: false,
        get() {
          reads.count += 1;
          return false;
        },
      },
    );
  const Root = () => createElement("main", null, createElement(Outlet));
  const Item = () => createElement("p", null, `Item ${useParams().slug}`);
  return testBuild(
    {
      default: (request: Request, status: number, headers: Headers, context: EntryContext) => {
        const html = renderToString(createElement(RemixServer, { context, url: request.url }));
        return new Response(html, { status, headers });
      },
    },
    {
      root: { id: "root", path: "", module: { default: Root } },
      item: { id: "item", parentId: "root", path: "news/:slug", module: { default: Item } },
    } as unknown as ServerBuild["routes"],
    {
      root: manifestRoute("root", ""),
      item: manifestRoute("item", "news/:slug", "root"),
    } as unknown as ServerBuild["assets"]["routes"],
  );
}

describe("the patched RemixServer and static router", () => {
  it("make a build's routes once, and still render each page's own match", async () => {
    const reads = { count: 0 };
    const handle = createRequestHandler(twoRouteBuild(reads), "production");
    const page = async (path: string) => (await handle(new Request(`http://localhost${path}`))).text();

    expect(await page("/news/first")).toContain("Item first");
    const afterFirstPage = reads.count;
    expect(afterFirstPage).toBeGreaterThan(0);
    expect(await page("/news/second")).toContain("Item second");
    expect(await page("/news/third")).toContain("Item third");
    expect(reads.count).toBe(afterFirstPage);
  });

  it("convert a set of routes to data routes once, and match each request's own", () => {
    const routes = [{ id: "root", path: "/", children: [{ id: "item", path: "news/:slug" }] }];
    const context = (slug: string) => ({
      basename: "/",
      location: { pathname: `/news/${slug}`, search: "", hash: "", state: null, key: "default" },
      matches: [
        { params: { slug }, pathname: "/", pathnameBase: "/", route: { id: "root" } },
        { params: { slug }, pathname: `/news/${slug}`, pathnameBase: `/news/${slug}`, route: { id: "item" } },
      ],
      loaderData: {},
      actionData: null,
      errors: null,
      statusCode: 200,
      loaderHeaders: {},
      actionHeaders: {},
      activeDeferreds: null,
    });
    const first = createStaticRouter(routes, context("first"));
    const second = createStaticRouter(routes, context("second"));
    expect(second.routes).toBe(first.routes);
    expect(second.state.matches.map((m) => m.params.slug)).toEqual(["second", "second"]);
    expect(second.state.matches[1]?.route).toBe(first.routes[0]?.children?.[0]);
  });
});
