import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Set by server.mjs; absent under `remix vite:dev`. */
    clientIp?: string | null;
    /** Set by server.mjs when the app exports a page cache and the page was not in it. */
    cacheTicket?: unknown;
    /** This response's Content-Security-Policy script nonce (packages/server sets the header). */
    cspNonce?: string;
  }
}
