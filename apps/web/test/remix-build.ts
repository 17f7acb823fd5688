import type { ServerBuild } from "@remix-run/node";
import { remixFuture } from "../remix-future";

/**
 * A server build for the patch tests, with the app's future flags: its entry module, its routes
 * (id to route) and the browser's manifest of them.
 */
export function testBuild(
  entryModule: Record<string, unknown>,
  routes: ServerBuild["routes"],
  manifestRoutes: ServerBuild["assets"]["routes"],
): ServerBuild {
  return {
    mode: "production",
    basename: undefined,
    publicPath: "/assets/",
    assetsBuildDirectory: "build/client",
    isSpaMode: false,
    future: remixFuture,
    entry: { module: entryModule as unknown as ServerBuild["entry"]["module"] },
    routes,
    assets: {
      entry: { module: "/assets/entry.client.js", imports: [] },
      url: "/assets/manifest.js",
      version: "test",
      routes: manifestRoutes,
    },
  } as unknown as ServerBuild;
}
