import { vitePlugin as remix } from "@remix-run/dev";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  server: { port: 3001 },
  resolve: { alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) } },
  // Native addon and Prisma's runtime stay in node_modules (listed in this app's dependencies).
  ssr: { external: ["@aws-sdk/client-s3", "@node-rs/argon2", "@prisma/client", "@electric-sql/pglite", "pg", "sharp"] },
  plugins: [
    remix({
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
      },
    }),
  ],
});
