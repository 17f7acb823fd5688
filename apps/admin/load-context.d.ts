import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Set by server.mjs; absent under `remix vite:dev`. */
    clientIp?: string | null;
  }
}
